#!/usr/bin/env bash
# Installs what the Windows cross-build needs on top of the Linux build's packages: the mingw-w64
# compilers and zlib, the tools to build the dependencies from Debian sources (autotools for
# libsodium, whose source has no configure script), NSIS and 7-Zip for the packages, wine64 and
# Xvfb for the smoke test. Silent when all are present.
set -euo pipefail

"$(dirname "$0")/../setup-debian.sh"

packages=(
    g++-mingw-w64-x86-64 libz-mingw-w64-dev dpkg-dev tcl make curl autoconf automake libtool
    nsis p7zip-full wine wine64 xvfb xauth imagemagick poppler-utils fonts-wqy-zenhei
)

"$(dirname "$0")/../install-packages.sh" setup-host "${packages[@]}"
