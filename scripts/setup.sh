#!/usr/bin/env bash
# Installs what the app and the tests need on a fresh machine: the Debian packages (squid, v2ray,
# chromium, openssl — only where apt-get is available and we are root) and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
# npm here does not run dependencies' install scripts, so Electron's binary download is skipped
# where it cannot work; `npm start` says so and points to the command line.
npm ci --no-audit --no-fund
