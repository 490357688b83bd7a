#!/bin/bash
# Installs the Debian 12 packages syscope needs to build and test.
set -euo pipefail
PKGS=(build-essential cmake ninja-build pkg-config python3
      libseccomp-dev libcapstone-dev libdw-dev libelf-dev libfmt-dev
      libgtest-dev libgmock-dev libbenchmark-dev strace)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
