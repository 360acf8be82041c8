#!/usr/bin/env bash
# Installs what the Windows cross-build needs on top of the Linux build's packages: the mingw-w64
# compilers and zlib, the tools to build the dependencies from Debian sources, NSIS and 7-Zip for
# the packages, wine64 and Xvfb for the smoke test. Silent when all are present.
set -euo pipefail

"$(dirname "$0")/../setup-debian.sh"

packages=(
    g++-mingw-w64-x86-64 libz-mingw-w64-dev dpkg-dev tcl make curl
    nsis p7zip-full wine wine64 xvfb xauth imagemagick poppler-utils fonts-wqy-zenhei
)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "setup-host: installing ${missing[*]}"
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
