# Cross-compiling for 64-bit Windows with Debian's mingw-w64 (used by build-deps.sh for the
# dependencies and by the project itself). Libraries are looked up only in the mingw sysroot and
# in the dependency prefix that build-deps.sh fills.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(DJ_MINGW x86_64-w64-mingw32)
# The -posix variants: the default -win32 ones have no std::thread or std::mutex in GCC 12.
set(CMAKE_C_COMPILER ${DJ_MINGW}-gcc-posix)
set(CMAKE_CXX_COMPILER ${DJ_MINGW}-g++-posix)
set(CMAKE_RC_COMPILER ${DJ_MINGW}-windres)
set(CMAKE_AR /usr/bin/${DJ_MINGW}-ar CACHE FILEPATH "")
set(CMAKE_RANLIB /usr/bin/${DJ_MINGW}-ranlib CACHE FILEPATH "")

get_filename_component(_dj_default_prefix "${CMAKE_CURRENT_LIST_DIR}/../../build-win/prefix"
  ABSOLUTE)
set(WIN_DEPS_PREFIX "${_dj_default_prefix}" CACHE PATH "mingw-w64 dependency prefix")

set(CMAKE_FIND_ROOT_PATH /usr/${DJ_MINGW} ${WIN_DEPS_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Platform/Windows-GNU puts .dll.a before .a, so FindZLIB would pick libz.dll.a and the programs
# would need zlib1.dll; this asks for the static one (CMake >= 3.24).
set(ZLIB_USE_STATIC_LIBS ON CACHE BOOL "")
set(PKG_CONFIG_EXECUTABLE /usr/bin/pkg-config CACHE FILEPATH "")
set(ENV{PKG_CONFIG_LIBDIR} "${WIN_DEPS_PREFIX}/lib/pkgconfig:/usr/${DJ_MINGW}/lib/pkgconfig")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")
# FindwxWidgets asks the msw build's wx-config (it uses the wx-config style when cross-compiling).
set(wxWidgets_CONFIG_EXECUTABLE ${WIN_DEPS_PREFIX}/bin/wx-config CACHE FILEPATH "")
