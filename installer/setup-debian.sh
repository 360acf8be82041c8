#!/usr/bin/env bash
# Installs every build and test dependency from Debian packages. Silent when all are present.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config ccache
    libwxgtk3.2-dev libsqlite3-dev libsqlitecpp-dev libcurl4-openssl-dev nlohmann-json3-dev
    libhpdf-dev libboost-test-dev libzint-dev libxlsxwriter-dev libcli11-dev
    libssl-dev libcpp-httplib-dev libcups2-dev libwebsocketpp-dev libasio-dev libpq-dev postgresql
    cups cups-client printer-driver-cups-pdf
    gettext wx-common wx3.2-i18n xvfb xauth poppler-utils zbar-tools fonts-wqy-zenhei unzip faketime
    dbus at-spi2-core python3-pyatspi xdotool imagemagick libsecret-1-dev gnome-keyring libsodium-dev
)

"$(dirname "$0")/install-packages.sh" setup-debian "${packages[@]}"
