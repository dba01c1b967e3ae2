#!/usr/bin/env bash
# Installs the real peers and tools the tests start on loopback (Debian 12 packages), then warms Maven.
# Safe to run again. Needs root (or sudo) for apt.
set -euo pipefail
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
pkgs=(maven openssl tcpdump tshark libpcap0.8 dnsmasq-base kamailio kamailio-tls-modules sslscan iproute2 python3)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
