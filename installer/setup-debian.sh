#!/usr/bin/env bash
# Installs every build and test dependency from Debian packages. Silent when all are present.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config ccache
    libwxgtk3.2-dev libsqlite3-dev libsqlitecpp-dev libcurl4-openssl-dev nlohmann-json3-dev
    libhpdf-dev libboost-test-dev libzint-dev libxlsxwriter-dev libcli11-dev
    libssl-dev libcpp-httplib-dev libcups2-dev
    cups cups-client printer-driver-cups-pdf
    gettext wx-common xvfb xauth poppler-utils zbar-tools fonts-wqy-zenhei unzip
)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "setup-debian: installing ${missing[*]}"
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
