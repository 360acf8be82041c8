# The Windows build (cross-compiled with mingw-w64-x86_64.cmake, see README "Windows build"):
# self-contained programs with their resources, and the installer and portable zip layout.
# Included by the top-level CMakeLists.txt after every target exists.
set(DJ_WINDOWS_DIR ${CMAKE_CURRENT_LIST_DIR})
enable_language(RC)

# Everything linked in: no libstdc++, libgcc, winpthread or zlib DLLs beside the programs.
foreach(program dianjia dianjia-cli)
  target_link_options(${program} PRIVATE -static -static-libgcc -static-libstdc++
    $<$<CONFIG:Release>:-s>)
endforeach()

# Icon, manifest and version information, compiled on their own so that no C++ flag reaches
# windres.
function(dj_windows_resources target description)
  set(DJ_RC_TARGET ${target})
  set(DJ_RC_FILE ${target}.exe)
  set(DJ_RC_DESCRIPTION "${description}")
  set(DJ_ICON ${DJ_WINDOWS_DIR}/dianjia.ico)
  set(DJ_MANIFEST ${DJ_WINDOWS_DIR}/dianjia.manifest)
  configure_file(${DJ_WINDOWS_DIR}/program.rc.in ${CMAKE_BINARY_DIR}/${target}.rc @ONLY)
  add_library(${target}_resources OBJECT ${CMAKE_BINARY_DIR}/${target}.rc)
  target_include_directories(${target}_resources PRIVATE ${WIN_DEPS_PREFIX}/include/wx-3.2)
  set_source_files_properties(${CMAKE_BINARY_DIR}/${target}.rc PROPERTIES
    OBJECT_DEPENDS "${DJ_ICON};${DJ_MANIFEST}")
  target_link_libraries(${target} PRIVATE ${target}_resources)
endfunction()
dj_windows_resources(dianjia "Dianjia back office")
dj_windows_resources(dianjia-cli "Dianjia back office (command line)")

# One folder, the same in the installer and the zip: the programs, their translations and
# label templates beside them (where both look first), and the dependencies' licences.
install(TARGETS dianjia dianjia-cli RUNTIME DESTINATION .)
install(DIRECTORY ${CMAKE_BINARY_DIR}/locale/ DESTINATION locale FILES_MATCHING PATTERN "*.mo")
# wxWidgets' own catalogue translates its stock dialogs and buttons.
file(STRINGS ${PROJECT_SOURCE_DIR}/i18n/LINGUAS dj_languages REGEX "^[^#]")
foreach(lang ${dj_languages})
  install(FILES ${WIN_DEPS_PREFIX}/share/locale/${lang}/LC_MESSAGES/wxstd-3.2.mo
    DESTINATION locale/${lang}/LC_MESSAGES)
endforeach()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/reports/templates/ DESTINATION templates)
install(DIRECTORY ${WIN_DEPS_PREFIX}/share/licenses/ DESTINATION licenses)
install(FILES ${WIN_DEPS_PREFIX}/VERSIONS DESTINATION licenses)

set(CPACK_PACKAGE_NAME Dianjia)
set(CPACK_PACKAGE_VENDOR Dianjia)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Back office for e-commerce sellers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY Dianjia)
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY Dianjia)
set(CPACK_PACKAGE_FILE_NAME Dianjia-${PROJECT_VERSION}-win64)
set(CPACK_GENERATOR NSIS ZIP)
set(CPACK_NSIS_PACKAGE_NAME Dianjia)
set(CPACK_NSIS_DISPLAY_NAME Dianjia)
set(CPACK_NSIS_MUI_ICON ${DJ_WINDOWS_DIR}/dianjia.ico)
set(CPACK_NSIS_MUI_UNIICON ${DJ_WINDOWS_DIR}/dianjia.ico)
set(CPACK_DJ_PROGRAM dianjia.exe)
# Our NSIS.template.in (a per-user install) replaces CPack's (an administrator install).
list(PREPEND CMAKE_MODULE_PATH ${DJ_WINDOWS_DIR})
include(CPack)
