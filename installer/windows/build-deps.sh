#!/usr/bin/env bash
# Builds every library dianjia.exe links, as static mingw-w64 libraries, from Debian's own source
# packages, into build-win/prefix (see ../../../shared/WINDOWS.md for the measured recipe).
#   installer/windows/build-deps.sh            everything missing or out of date
#   installer/windows/build-deps.sh zint curl  only these (after their dependencies are built)
# Idempotent: each library leaves a stamp holding its source version, and a library whose stamp
# matches is skipped, so a second run takes seconds. build-win/prefix/VERSIONS lists what is in.
set -euo pipefail
shopt -s inherit_errexit

root=$(cd "$(dirname "$0")/../.." && pwd)
win="$root/build-win"
prefix="$win/prefix"
sources="$win/sources"
work="$win/deps-build"
toolchain="$root/installer/windows/mingw-w64-x86_64.cmake"
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

host=x86_64-w64-mingw32
export CC=$host-gcc-posix CXX=$host-g++-posix AR=$host-ar RANLIB=$host-ranlib
export WINDRES=$host-windres STRIP=$host-strip
export PKG_CONFIG_LIBDIR="$prefix/lib/pkgconfig:/usr/$host/lib/pkgconfig"

# Debian source package per library, in build order (libxlsxwriter and libpq need OpenSSL,
# wxWidgets expat and libpng).
source_packages=(expat libpng1.6 sqlite3 libsodium zint libharu curl openssl libxlsxwriter
    sqlitecpp cpp-httplib postgresql-15 wxwidgets3.2)
libraries=(expat libpng sqlite libsodium zint libharu curl openssl xlsxwriter sqlitecpp headers
    httplib libpq wxwidgets licenses)

log() { printf '[build-deps %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

# Long compiles yield to the other work on the machine.
build() { nice -n 10 "$@"; }

sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"

# The newest version whose files all download (the mirror sometimes lacks the newest security
# upload); failing that, the newest one's upstream tarball alone (libharu's Debian diff 404'd).
fetch_one() {
    local p=$1 v versions
    versions=$(apt-cache showsrc --only-source "$p" | awk '/^Version:/ {print $2}' | sort -Vru)
    for v in $versions; do
        (cd "$sources" && apt-get source --download-only -qq "$p=$v" >/dev/null 2>&1) && return
        rm -f "$sources/${p}_${v#*:}.dsc"
        log "$p $v: some files did not download"
    done
    v=$(head -1 <<<"$versions")
    apt-get source --print-uris -qq "$p=$v" | awk '/^'"'"'/ {gsub("'"'"'", "", $1); print $1, $2}' |
        while read -r uri name; do
            [[ -f "$sources/$name" ]] || curl -fsSL -o "$sources/$name" "$uri" ||
                log "  could not download $name"
        done
}

fetch_sources() {
    local missing=()
    for p in "${source_packages[@]}"; do
        compgen -G "$sources/${p}_*.dsc" >/dev/null || missing+=("$p")
    done
    [[ ${#missing[@]} -eq 0 ]] && return
    log "fetching source packages: ${missing[*]}"
    mkdir -p "$sources"
    # deb-src is not configured on this machine: add it for the download only.
    local list=/etc/apt/sources.list.d/dianjia-windows-src.sources
    $sudo tee "$list" >/dev/null <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    trap "$sudo rm -f $list; $sudo apt-get update -qq || true" EXIT
    $sudo apt-get update -qq
    local p
    for p in "${missing[@]}"; do
        fetch_one "$p"
    done
    $sudo rm -f "$list"
    trap - EXIT
    $sudo apt-get update -qq
}

# The Debian version of a source package, from its downloaded .dsc.
version_of() {
    local dsc
    dsc=$(compgen -G "$sources/${1}_*.dsc" | sort -V | tail -1)
    dsc=${dsc##*/}
    dsc=${dsc#"${1}"_}
    echo "${dsc%.dsc}"
}

# Unpacks a source package with its Debian patches applied into $work and prints the folder.
unpack_source() {
    local pkg=$1 version dir dsc
    version=$(version_of "$pkg")
    dir="$work/$pkg-$version"
    rm -rf "$dir"
    mkdir -p "$work"
    dsc="$sources/${pkg}_${version}.dsc"
    if ! dpkg-source --no-check -x "$dsc" "$dir" >/dev/null 2>&1; then
        local orig
        orig=$(compgen -G "$sources/${pkg}_${version%-*}.orig.tar.*" | head -1)
        [[ -n "$orig" ]] || { log "cannot unpack $pkg $version"; exit 1; }
        log "$pkg: unpacking the upstream tarball without Debian's patches"
        mkdir -p "$dir"
        tar -xf "$orig" -C "$dir" --strip-components=1
    fi
    echo "$dir"
}

cmake_cross() {
    build cmake -G "Unix Makefiles" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DWIN_DEPS_PREFIX="$prefix" \
        -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix" "$@" >/dev/null
}

build_expat() {
    local src
    src=$(unpack_source expat)
    mkdir -p "$src/build" && cd "$src/build"
    cmake_cross ../expat -DEXPAT_SHARED_LIBS=OFF -DEXPAT_BUILD_TOOLS=OFF \
        -DEXPAT_BUILD_EXAMPLES=OFF -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF
    # Debian's security patches test "#if XML_DTD == 1", the CMake config header defines it empty.
    sed -i 's/^#define XML_DTD *$/#define XML_DTD 1/; s/^#define XML_NS *$/#define XML_NS 1/' \
        expat_config.h
    build make -j"$jobs" install >/dev/null
}

build_libpng() {
    local src
    src=$(unpack_source libpng1.6)
    cd "$src"
    build ./configure --host=$host --prefix="$prefix" --disable-shared --enable-static \
        CPPFLAGS="-I$prefix/include" LDFLAGS="-L$prefix/lib" >/dev/null
    build make -j"$jobs" install >/dev/null
}

build_sqlite() {
    local src
    src=$(unpack_source sqlite3)
    # Debian's source has no amalgamation: generate sqlite3.c with the host tools (tcl).
    mkdir -p "$src/host" && cd "$src/host"
    CC=gcc build ../configure --disable-tcl >/dev/null
    build make sqlite3.c >/dev/null
    # The options Debian builds its libsqlite3 with that the project relies on: FTS5 for search,
    # column metadata for SQLiteCpp.
    build $CC -O2 -c sqlite3.c -o sqlite3.o -DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_FTS5 \
        -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_RTREE
    rm -f libsqlite3.a
    $AR rcs libsqlite3.a sqlite3.o
    install -D -m644 libsqlite3.a "$prefix/lib/libsqlite3.a"
    install -D -m644 -t "$prefix/include" sqlite3.h sqlite3ext.h
}

# Passwords and PINs (argon2id), tokens and the shop's secrets at rest (XChaCha20-Poly1305).
# Static only, so that pkg-config's -lsodium can only mean libsodium.a; code including sodium.h
# then needs SODIUM_STATIC (the top-level CMakeLists.txt adds it to PkgConfig::SODIUM).
build_libsodium() {
    local src
    src=$(unpack_source libsodium)
    cd "$src"
    # Debian's source is upstream's git tree, without configure: generated as Debian does
    # (autogen.sh would also download config.guess and config.sub).
    build autoreconf -fi >/dev/null 2>&1
    build ./configure --host=$host --build=x86_64-pc-linux-gnu --prefix="$prefix" \
        --disable-shared --enable-static --disable-pie CFLAGS="-O2" >/dev/null
    build make -j"$jobs" >/dev/null
    build make install >/dev/null
}

build_zint() {
    local src
    src=$(unpack_source zint)
    mkdir -p "$src/build" && cd "$src/build"
    cmake_cross .. -DZINT_STATIC=ON -DZINT_SHARED=OFF -DZINT_USE_QT=OFF -DZINT_USE_PNG=OFF \
        -DZINT_FRONTEND=OFF
    build make -j"$jobs" zint-static >/dev/null
    # Installed under the name the project looks for on every platform.
    install -D -m644 backend/libzint-static.a "$prefix/lib/libzint.a"
    install -D -m644 ../backend/zint.h "$prefix/include/zint.h"
}

build_libharu() {
    local src
    src=$(unpack_source libharu)
    mkdir -p "$src/build" && cd "$src/build"
    cmake_cross .. -DLIBHPDF_SHARED=OFF -DLIBHPDF_STATIC=ON -DLIBHPDF_EXAMPLES=OFF
    build make -j"$jobs" >/dev/null
    # Its install target spreads README and a libz.a copy over the prefix: take only these.
    install -D -m644 "$(find . -name 'libhpdfs.a' | head -1)" "$prefix/lib/libhpdf.a"
    install -D -m644 -t "$prefix/include" ../include/hpdf*.h include/hpdf_config.h
}

build_curl() {
    local src
    src=$(unpack_source curl)
    mkdir -p "$src/build" && cd "$src/build"
    # CMake, not autotools: Debian's patches touch configure.ac and would need an autoreconf.
    cmake_cross .. -DBUILD_SHARED_LIBS=OFF -DBUILD_CURL_EXE=OFF -DBUILD_TESTING=OFF \
        -DCURL_USE_SCHANNEL=ON -DCURL_USE_OPENSSL=OFF -DCURL_USE_LIBPSL=OFF \
        -DCURL_USE_LIBSSH2=OFF -DUSE_NGHTTP2=OFF -DUSE_LIBIDN2=OFF -DCURL_BROTLI=OFF \
        -DCURL_ZSTD=OFF -DCURL_DISABLE_LDAP=ON -DENABLE_MANUAL=OFF -DCURL_ZLIB=ON
    build make -j"$jobs" install >/dev/null
}

# OpenSSL, for libpq's TLS (libpq 15 speaks TLS through OpenSSL only; curl keeps Schannel) and
# libxlsxwriter's MD5: the static libraries and their headers. OpenSSL 3.0 cannot switch its
# programs and docs off, so only the libraries are built and installed.
build_openssl() {
    local src
    src=$(unpack_source openssl)
    cd "$src"
    # No --cross-compile-prefix: Configure puts it before $CC, which is already the full name.
    build ./Configure mingw64 no-shared no-module no-dso no-tests --prefix="$prefix" --libdir=lib \
        >/dev/null
    # The folders compiled in, for the configuration file read at every start and for engines and
    # modules, are Windows' (writable by administrators only), not under $prefix, a path any user
    # may create on drive C (CVE-2019-1552). Configure takes no C: path for absolute, so make is
    # given them. And no DSO: not even a configuration file can have the programs load a DLL.
    local dirs=(OPENSSLDIR="C:/Program Files/Common Files/SSL"
        ENGINESDIR="C:/Program Files/OpenSSL/lib/engines-3"
        MODULESDIR="C:/Program Files/OpenSSL/lib/ossl-modules")
    build make -j"$jobs" "${dirs[@]}" build_libs >/dev/null
    build make "${dirs[@]}" install_dev >/dev/null
}

build_xlsxwriter() {
    local src
    src=$(unpack_source libxlsxwriter)
    mkdir -p "$src/build" && cd "$src/build"
    # The images' MD5 from OpenSSL, as Debian builds it: its bundled MD5_Init and co. would clash
    # with OpenSSL's in the programs.
    cmake_cross .. -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF -DUSE_SYSTEM_MINIZIP=OFF \
        -DUSE_STANDARD_TMPFILE=OFF -DBUILD_SHARED_LIBS=OFF -DUSE_OPENSSL_MD5=ON
    build make -j"$jobs" install >/dev/null
    # The project finds it through pkg-config, like Debian's package; static, so with its zlib and
    # libcrypto.
    mkdir -p "$prefix/lib/pkgconfig"
    cat >"$prefix/lib/pkgconfig/xlsxwriter.pc" <<EOF
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: libxlsxwriter
Description: A C library for creating Excel XLSX files
Version: $(version_of libxlsxwriter)
Libs: -L\${libdir} -lxlsxwriter -lz -lcrypto
Cflags: -I\${includedir}
EOF
}

build_sqlitecpp() {
    local src
    src=$(unpack_source sqlitecpp)
    mkdir -p "$src/build" && cd "$src/build"
    cmake_cross .. -DSQLITECPP_INTERNAL_SQLITE=OFF -DSQLITECPP_RUN_CPPLINT=OFF \
        -DSQLITECPP_RUN_CPPCHECK=OFF -DSQLITECPP_BUILD_TESTS=OFF -DSQLITECPP_BUILD_EXAMPLES=OFF \
        -DSQLITE_ENABLE_COLUMN_METADATA=ON
    build make -j"$jobs" install >/dev/null
}

# Header-only libraries: Debian's arch:all packages hold exactly what the project uses
# (websocketpp with standalone asio for the print components).
build_headers() {
    local dir
    for dir in nlohmann CLI websocketpp asio; do
        rm -rf "${prefix:?}/include/$dir"
        cp -r "/usr/include/$dir" "$prefix/include/"
    done
    cp /usr/include/asio.hpp "$prefix/include/"
    for dir in nlohmann_json CLI11; do
        rm -rf "${prefix:?}/share/cmake/$dir"
        mkdir -p "$prefix/share/cmake"
        cp -r "/usr/share/cmake/$dir" "$prefix/share/cmake/"
    done
}

# The platform simulator's HTTP server. Debian's binary package splits it into a shared library
# built with OpenSSL; upstream's single header, without TLS, is all the loopback server needs.
build_httplib() {
    local src
    src=$(unpack_source cpp-httplib)
    install -D -m644 "$src/httplib.h" "$prefix/include/httplib.h"
    cat >"$prefix/lib/pkgconfig/cpp-httplib.pc" <<EOF
prefix=$prefix
includedir=\${prefix}/include

Name: cpp-httplib
Description: A C++ HTTP server and client library (header-only, no TLS)
Version: $(version_of cpp-httplib)
Libs: -lws2_32
Cflags: -I\${includedir}
EOF
}

# libpq, the client library of a shop on a PostgreSQL server. On Windows PostgreSQL's makefiles
# build it only as a DLL (their libpq.a is its import library): configure for mingw, compile
# libpq's objects and PostgreSQL's common and port libraries they call, and archive the objects.
# TLS through the OpenSSL above (its symbols stay in libssl.a and libcrypto.a); no zlib, ICU,
# readline, LDAP or GSSAPI.
build_libpq() {
    local src objs
    src=$(unpack_source postgresql-15)
    cd "$src"
    # libpq reads pg_service.conf (a service= connection) in SYSCONFDIR, compiled in: not the
    # build machine's prefix, on Windows a folder any user may create on drive C (CVE-2019-1552,
    # as for OpenSSL above), but one only administrators can write. "postgresql" in it keeps
    # Makefile.global from appending another.
    local sysconfdir="C:/Program Files/Dianjia/etc/postgresql"
    # The static libcrypto needs the certificate store (crypt32) in configure's link tests too.
    build ./configure --host=$host --build=x86_64-pc-linux-gnu --prefix="$prefix" \
        --sysconfdir="$sysconfdir" --without-readline --without-zlib --without-icu \
        --with-ssl=openssl --without-ldap --without-gssapi CPPFLAGS="-I$prefix/include" \
        LDFLAGS="-L$prefix/lib" LIBS=-lcrypt32 >/dev/null
    build make -C src/port pg_config_paths.h >/dev/null
    grep -qxF "#define SYSCONFDIR \"$sysconfdir\"" src/port/pg_config_paths.h ||
        { echo "SYSCONFDIR is not $sysconfdir in src/port/pg_config_paths.h"; exit 1; }
    # The headers generated from the catalogue (shipped in the tarball, only linked into place).
    build make -C src/backend generated-headers >/dev/null
    build make -j"$jobs" -C src/port libpgport_shlib.a >/dev/null
    build make -j"$jobs" -C src/common libpgcommon_shlib.a >/dev/null
    # libpq's objects without win32ver.o, the DLL's version resource.
    cd src/interfaces/libpq
    # shellcheck disable=SC2016
    objs=$(make -s --no-print-directory --eval 'dj-objs: ; @echo $(OBJS)' dj-objs)
    objs=$(tr ' ' '\n' <<<"$objs" | grep -vx 'win32ver.o' | tr '\n' ' ')
    # shellcheck disable=SC2086
    build make -j"$jobs" $objs >/dev/null
    rm -f libpq-static.a
    # shellcheck disable=SC2086
    $AR rcs libpq-static.a $objs
    # The DLL exports libpq's API (exports.txt) and keeps every other global symbol inside. A
    # static program meets them all: pgcommon's utf8_to_unicode is also zint's, and libpq's own
    # pthread_mutex_lock (over PostgreSQL's pthread_mutex_t) would take winpthread's place under
    # std::mutex. So each one that is not API gets a prefix, in its definition and its uses (and
    # in mingw's .refptr indirection for data).
    local archives=(libpq-static.a ../../common/libpgcommon_shlib.a ../../port/libpgport_shlib.a)
    grep -v '^#' exports.txt | awk 'NF {print $1}' | sort -u >dj-exports.txt
    $host-nm -g --defined-only "${archives[@]}" | awk 'NF == 3 && $3 !~ /^\./ {print $3}' |
        sort -u | comm -23 - dj-exports.txt |
        awk '{print $1, "dj_pq_" $1; print ".refptr." $1, ".refptr.dj_pq_" $1}' >dj-renames.txt
    local archive
    for archive in "${archives[@]}"; do
        $host-objcopy --redefine-syms=dj-renames.txt "$archive"
    done
    install -D -m644 libpq-static.a "$prefix/lib/libpq.a"
    install -D -m644 -t "$prefix/lib" ../../common/libpgcommon_shlib.a ../../port/libpgport_shlib.a
    install -D -m644 -t "$prefix/include" libpq-fe.h libpq-events.h ../../include/postgres_ext.h \
        ../../include/pg_config_ext.h
}

build_wxwidgets() {
    local src
    src=$(unpack_source wxwidgets3.2)
    mkdir -p "$src/build-msw" && cd "$src/build-msw"
    # The +dfsg source has no bundled expat/png/zlib: use the ones built above. Everything the
    # program does not use stays off (webview, media, OpenGL, STC, ribbon, rich text).
    build ../configure --host=$host --build=x86_64-pc-linux-gnu --prefix="$prefix" \
        --with-msw --disable-shared --enable-unicode \
        --with-libpng=sys --with-zlib=sys --with-expat=sys --with-regex=builtin \
        --without-libjpeg --without-libtiff --without-liblzma --without-libcurl \
        --disable-webview --disable-mediactrl --without-opengl \
        --disable-stc --disable-ribbon --disable-richtext \
        CPPFLAGS="-I$prefix/include" LDFLAGS="-L$prefix/lib" >/dev/null
    build make -j"$jobs" >/dev/null
    build make install >/dev/null
}

# The programs ship with the copyright and licence terms of everything linked into them.
build_licenses() {
    local dir="$prefix/share/licenses" p src file
    rm -rf "$dir"
    mkdir -p "$dir"
    for p in "${source_packages[@]}"; do
        src="$work/$p-$(version_of "$p")"
        [[ -d "$src" ]] || src=$(unpack_source "$p")
        # libharu's upstream tarball states its licence (ZLIB/LIBPNG) in the README only.
        for file in debian/copyright COPYING LICENSE LICENCE README; do
            if [[ -f "$src/$file" ]]; then
                cp "$src/$file" "$dir/$p.txt"
                break
            fi
        done
        [[ -f "$dir/$p.txt" ]] || { log "no licence file in $p"; exit 1; }
    done
    for p in libz-mingw-w64-dev mingw-w64-common gcc-mingw-w64-base nlohmann-json3-dev \
        libcli11-dev libwebsocketpp-dev libasio-dev; do
        cp "/usr/share/doc/$p/copyright" "$dir/$p.txt"
    done
}

# The Debian source version each library is built from; header-only ones are keyed on the
# binary packages they are copied from.
version_key() {
    case $1 in
    expat) version_of expat ;;
    libpng) version_of libpng1.6 ;;
    sqlite) version_of sqlite3 ;;
    libsodium) version_of libsodium ;;
    zint) version_of zint ;;
    libharu) version_of libharu ;;
    curl) version_of curl ;;
    openssl) version_of openssl ;;
    xlsxwriter) echo "$(version_of libxlsxwriter) on openssl $(version_of openssl)" ;;
    sqlitecpp) echo "$(version_of sqlitecpp) on sqlite $(version_of sqlite3)" ;;
    headers) dpkg-query -W -f='${Package} ${Version} ' nlohmann-json3-dev libcli11-dev \
        libwebsocketpp-dev libasio-dev ;;
    httplib) version_of cpp-httplib ;;
    libpq) echo "$(version_of postgresql-15) on openssl $(version_of openssl)" ;;
    wxwidgets) version_of wxwidgets3.2 ;;
    licenses) for p in "${source_packages[@]}"; do printf '%s ' "$(version_of "$p")"; done ;;
    esac
}

main() {
    local wanted=("$@")
    [[ ${#wanted[@]} -gt 0 ]] || wanted=("${libraries[@]}")
    for tool in $CC $CXX cmake make tclsh dpkg-source pkg-config curl autoreconf libtoolize; do
        command -v "$tool" >/dev/null || { log "missing $tool: run installer/windows/setup-host.sh"; exit 1; }
    done
    [[ -f /usr/$host/lib/libz.a ]] || { log "missing libz-mingw-w64-dev"; exit 1; }
    fetch_sources
    mkdir -p "$prefix/stamps"
    local start=$SECONDS lib key stamp
    for lib in "${wanted[@]}"; do
        # The source version, and the recipe: changing a build_ function rebuilds that library.
        key="$(version_key "$lib") recipe $(declare -f "build_$lib" | sha1sum | cut -c1-8)"
        stamp="$prefix/stamps/$lib"
        if [[ -f "$stamp" && "$(cat "$stamp")" == "$key" ]]; then
            continue
        fi
        log "$lib $key"
        local t=$SECONDS rc
        mkdir -p "$work"
        set +e
        (set -e; build_"$lib") >"$work/$lib.log" 2>&1
        rc=$?
        set -e
        if [[ $rc -ne 0 ]]; then
            tail -25 "$work/$lib.log" >&2
            log "$lib failed: $work/$lib.log"
            exit 1
        fi
        echo "$key" >"$stamp"
        log "$lib built in $((SECONDS - t)) s"
    done
    {
        echo "# Static mingw-w64 libraries in this prefix and the Debian sources they come from."
        echo "compiler $($CXX -dumpversion) ($CXX), mingw-w64 $(dpkg-query -W -f='${Version}' mingw-w64-common)"
        echo "zlib $(dpkg-query -W -f='${Version}' libz-mingw-w64-dev) (libz-mingw-w64-dev)"
        for lib in "${libraries[@]}"; do
            [[ $lib != licenses && -f "$prefix/stamps/$lib" ]] &&
                echo "$lib $(sed 's/ recipe .*//' "$prefix/stamps/$lib")"
        done
    } >"$prefix/VERSIONS"
    log "prefix ready in $((SECONDS - start)) s: $prefix"
}

main "$@"
