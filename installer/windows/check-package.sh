#!/usr/bin/env bash
# Lists the NSIS installer and the portable zip with 7-Zip and compares both with the expected
# files: package-files.txt, the label templates and the dependencies' licences.
# Usage: installer/windows/check-package.sh BUILD_DIR
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: check-package.sh BUILD_DIR}
installer=$(compgen -G "$build/Dianjia-*-win64.exe" | head -1)
zip=$(compgen -G "$build/Dianjia-*-win64.zip" | head -1)
[[ -f "$installer" && -f "$zip" ]] || { echo "check-package: run cpack in $build first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

{
    grep -v '^#' "$root/installer/windows/package-files.txt"
    (cd "$root/reports/templates" && find . -type f | sed 's|^\./|templates/|')
    (cd "$root/build-win/prefix/share/licenses" && find . -type f | sed 's|^\./|licenses/|')
} | sort >"$tmp/expected"

# Files only: 7-Zip's technical listing is one block per entry, folders marked "Folder = +" (zip)
# or with the D attribute.
files_in() {
    { 7z l -ba -slt "$1"; echo; } | awk '
        /^Path = / { path = substr($0, 8); folder = 0 }
        /^Folder = \+/ || /^Attributes = D/ { folder = 1 }
        /^$/ { if (path != "" && !folder) print path; path = "" }' | tr '\\' '/'
}

# The NSIS script's own plug-ins unpack to $PLUGINSDIR at install time; they are not installed.
# The uninstaller is written by the installer.
files_in "$installer" | sed '/^\$PLUGINSDIR\//d; /^Uninstall\.exe$/d' | sort >"$tmp/installer"
# The zip holds one top folder, Dianjia-VERSION-win64/.
files_in "$zip" | sed 's|^[^/]*/||' | sort >"$tmp/zip"

status=0
for kind in installer zip; do
    if ! diff -u "$tmp/expected" "$tmp/$kind" >"$tmp/$kind.diff"; then
        echo "check-package: the $kind differs from the expected files:" >&2
        cat "$tmp/$kind.diff" >&2
        status=1
    fi
done
[[ $status -eq 0 ]] && echo "check-package: installer and zip hold the $(wc -l <"$tmp/expected") expected files"
exit $status
