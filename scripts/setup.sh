#!/usr/bin/env bash
# Installs what the app and the tests need on a fresh machine: the Debian packages (squid, v2ray,
# chromium, fonts-noto-cjk, openssl — only where apt-get is available and we are root) and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
# npm 11 does not run dependencies' install scripts unless allowed, so Electron's binary download
# is skipped; `npm start` says so and points to the command line. An npm that does run them fails
# where the download cannot work: then install without the binary.
if ! npm ci --no-audit --no-fund; then
  echo "npm ci failed; retrying without Electron's binary download (ELECTRON_SKIP_BINARY_DOWNLOAD=1)" >&2
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
