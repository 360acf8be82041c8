#!/usr/bin/env bash
# installer/build.sh windows: the whole Windows build in one command, from scratch or cached.
#   1. host packages (setup-host.sh)
#   2. the static mingw-w64 dependencies from Debian sources (build-deps.sh, cached per library)
#   3. dianjia.exe and dianjia-cli.exe (build-win/app)
#   4. the NSIS installer and the portable zip, their contents checked (check-package.sh)
#   5. the smoke run under wine64 (smoke.sh)
# Not part of installer/build.sh test or .ci/run: from scratch it takes about half an hour.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/installer/windows"
app="$root/build-win/app"
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
start=$SECONDS

step() { printf '[windows %(%H:%M:%S)T] %s\n' -1 "$*"; }

"$here/setup-host.sh"
"$here/build-deps.sh"

step "building dianjia.exe and dianjia-cli.exe"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$app" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$here/mingw-w64-x86_64.cmake" \
    -DCMAKE_BUILD_TYPE=Release -DDJ_WARNINGS_AS_ERRORS=ON "${launcher[@]}" >/dev/null
nice -n 10 cmake --build "$app" -j "$jobs"

# Only DLLs every Windows has: nothing else may need shipping beside the programs.
system_dlls=" kernel32.dll user32.dll gdi32.dll comctl32.dll comdlg32.dll ole32.dll oleaut32.dll
    shell32.dll shlwapi.dll advapi32.dll winspool.drv ws2_32.dll mswsock.dll crypt32.dll bcrypt.dll msvcrt.dll
    rpcrt4.dll uxtheme.dll oleacc.dll version.dll winmm.dll imm32.dll secur32.dll iphlpapi.dll
    normaliz.dll wldap32.dll dwmapi.dll usp10.dll msimg32.dll gdiplus.dll "
for exe in "$app/src/app/dianjia.exe" "$app/src/cli/dianjia-cli.exe"; do
    for dll in $(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/.*DLL Name: //p' | tr 'A-Z' 'a-z'); do
        [[ "$system_dlls" == *[[:space:]]"$dll"[[:space:]]* ]] ||
            { echo "windows: ${exe##*/} needs $dll, which Windows does not have" >&2; exit 1; }
    done
done

step "packaging"
(cd "$app" && cpack -C Release >/dev/null)
"$here/check-package.sh" "$app"

"$here/smoke.sh"

installer=$(compgen -G "$app/Dianjia-*-win64.exe")
zip=$(compgen -G "$app/Dianjia-*-win64.zip")
size() { du -h "$1" | cut -f1; }
step "done in $(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s:"
echo "  dianjia.exe      $(size "$app/src/app/dianjia.exe")"
echo "  dianjia-cli.exe  $(size "$app/src/cli/dianjia-cli.exe")"
echo "  installer        $(size "$installer")  $installer"
echo "  portable zip     $(size "$zip")  $zip"
