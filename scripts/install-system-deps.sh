#!/usr/bin/env bash
# Installs the Debian packages the tests use: squid and v2ray (real proxies), nginx (a gateway in
# front of the fake API), mitmproxy (a TLS-inspecting proxy; the tests run `mitmdump` with their
# own confdir, and the package installs no service), chromium (e2e tests), fonts-noto-cjk (so Chromium
# draws the app's Simplified Chinese, not boxes), openssl (test CA). Idempotent: does nothing when
# they are there. Skips with a message where it cannot install (not root, no apt-get). Makes sure
# no squid service holds port 3128 and no nginx service holds port 80 afterwards: the tests run
# their own squid and nginx on ports chosen at run time.
set -uo pipefail

PACKAGES=(squid v2ray nginx mitmproxy chromium fonts-noto-cjk openssl)

say() { printf 'install-system-deps: %s\n' "$*"; }

missing_packages() {
  local pkg
  for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      printf '%s\n' "$pkg"
    fi
  done
}

# The pid in a packaged service's pid file, when that process runs. (A lab squid or nginx runs
# with its own config and pid file under a temp dir; those are left alone.)
service_pid() {
  local name="$1" pidfile pid
  for pidfile in "/run/$name.pid" "/var/run/$name.pid"; do
    [ -f "$pidfile" ] || continue
    pid="$(tr -dc '0-9' <"$pidfile")"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      printf '%s\n' "$pid"
      return 0
    fi
  done
  return 1
}

# Stops and disables a packaged service through systemd where it runs, and through its boot links.
disable_service() {
  local name="$1"
  if command -v systemctl >/dev/null 2>&1 && systemctl is-system-running >/dev/null 2>&1; then
    systemctl stop "$name" >/dev/null 2>&1 || true
    systemctl disable "$name" >/dev/null 2>&1 || true
  fi
  if command -v update-rc.d >/dev/null 2>&1; then update-rc.d "$name" disable >/dev/null 2>&1 || true; fi
}

stop_squid_service() {
  # Debian's squid package starts a service on 3128; the lab never uses it.
  disable_service squid
  local pid group
  pid="$(service_pid squid)" || return 0
  say "stopping the squid service (pid $pid) so it does not hold port 3128"
  # Not `service squid stop`: that waits out squid's 30 s shutdown_lifetime.
  group="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -dc '0-9')"
  kill "$pid" 2>/dev/null || true
  for _ in 1 2 3 4 5 6; do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if [ -n "$group" ] && [ "$group" = "$pid" ]; then
    kill -9 -- "-$group" 2>/dev/null || true # the daemon and its worker kid
  elif kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null || true
  fi
  return 0
}

stop_nginx_service() {
  # Debian's nginx package starts a service on port 80 (when invoke-rc.d lets it); the lab never uses it.
  disable_service nginx
  local pid
  pid="$(service_pid nginx)" || return 0
  say "stopping the nginx service (pid $pid) so it does not hold port 80"
  kill -QUIT "$pid" 2>/dev/null || true # graceful: the master stops its workers
  for _ in 1 2 3 4 5 6; do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  return 0
}

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  say "no apt-get here: skipping. Install ${PACKAGES[*]} with your package manager for the integration tests."
  exit 0
fi

mapfile -t MISSING < <(missing_packages)
if [ "${#MISSING[@]}" -eq 0 ]; then
  say "already installed: ${PACKAGES[*]}"
else
  if [ "$(id -u)" -ne 0 ]; then
    say "not root: skipping the install of ${MISSING[*]}. Run: sudo apt-get install -y ${MISSING[*]}"
    exit 0
  fi
  say "installing ${MISSING[*]}"
  # Keep maintainer scripts from starting services during the install (invoke-rc.d honours this).
  POLICY=/usr/sbin/policy-rc.d
  CREATED_POLICY=0
  if [ ! -e "$POLICY" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$POLICY" && chmod 755 "$POLICY" && CREATED_POLICY=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  status=0
  apt-get update -qq || status=$?
  if [ "$status" -eq 0 ]; then
    apt-get install -y -qq --no-install-recommends "${MISSING[@]}" || status=$?
  fi
  [ "$CREATED_POLICY" -eq 1 ] && rm -f "$POLICY"
  if [ "$status" -ne 0 ]; then
    say "apt-get failed (exit $status): the integration tests that need ${MISSING[*]} will say what is missing."
  fi
fi

if [ "$(id -u)" -eq 0 ]; then
  stop_squid_service
  stop_nginx_service
fi
exit 0
