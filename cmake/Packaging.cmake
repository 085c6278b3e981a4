# The Debian package (`make deb`): install rules and CPack's DEB generator.
#
#   cmake --build --preset release --target hearth
#   cd build/release && cpack -G DEB        # → build/release/hearth_<version>_<arch>.deb
#
# Installed layout (prefix /usr): /usr/bin/hearth; /usr/share/hearth/web (the built front end)
# and /usr/share/hearth/reference (reference data), which the binary finds relative to itself;
# /etc/hearth/hearth.toml (a conffile); /lib/systemd/system/hearth.service;
# /usr/lib/hearth/hearth-ready (the unit's readiness check); /usr/share/doc/hearth.
# The maintainer scripts (packaging/deb) make the hearth system user and /var/lib/hearth.

# `install` (and so cpack) must not build everything first: `make deb` builds only the hearth
# target, and cpack then packages what is there.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(hearth_packaging ${PROJECT_SOURCE_DIR}/packaging)

install(TARGETS hearth RUNTIME DESTINATION bin)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/web/dist/ DESTINATION share/hearth/web)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/reference/ DESTINATION share/hearth/reference)
install(PROGRAMS ${hearth_packaging}/hearth-ready DESTINATION lib/hearth)
# Absolute destinations: the DEB generator packs them where they say.
install(FILES ${hearth_packaging}/hearth.toml DESTINATION /etc/hearth)
install(FILES ${hearth_packaging}/hearth.service DESTINATION /lib/systemd/system)
file(GLOB hearth_licences ${PROJECT_SOURCE_DIR}/LICENSE* ${PROJECT_SOURCE_DIR}/LICENCE*
     ${PROJECT_SOURCE_DIR}/COPYING* ${PROJECT_SOURCE_DIR}/NOTICE*)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/operations.md
              ${PROJECT_SOURCE_DIR}/docs/security.md ${PROJECT_SOURCE_DIR}/docs/cli.md
              ${hearth_licences}
        DESTINATION share/doc/hearth)

set(HEARTH_DEB_MAINTAINER "Hearth maintainers <maintainers@hearth.invalid>"
    CACHE STRING "The Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hearth)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Hearth")
set(CPACK_PACKAGE_CONTACT ${HEARTH_DEB_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "corporate parenting for children in care and care leavers")
# The long description (after the summary), wrapped as Debian's control file wants it.
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
       "Hearth reads a council's SSDA903 returns and local records and gives social\n"
       "workers, managers, independent reviewing officers and the Corporate Parenting\n"
       "Board their worklists, statutory timescales, the children in care scorecard,\n"
       "validation of the return, and the voice of children and care leavers.\n"
       "This package runs it as the hearth.service systemd unit, configured in\n"
       "/etc/hearth/hearth.toml, with its data in /var/lib/hearth.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_NAME hearth)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # hearth_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
find_program(HEARTH_DPKG dpkg)
if(HEARTH_DPKG)
  execute_process(COMMAND ${HEARTH_DPKG} --print-architecture
                  OUTPUT_VARIABLE hearth_deb_arch OUTPUT_STRIP_TRAILING_WHITESPACE)
else()
  set(hearth_deb_arch amd64)
endif()
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${hearth_deb_arch})

# Depends: the shared libraries' packages, found by dpkg-shlibdeps where it is installed
# (dpkg-dev); else the list for Debian 12 (the runtime packages of scripts/install-deps.sh's
# -dev packages). adduser makes the hearth user in postinst.
set(hearth_depends "adduser")
find_program(HEARTH_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(HEARTH_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  string(APPEND hearth_depends ", libc6, libgcc-s1, libstdc++6, zlib1g, libssl3, libcurl4, \
libsodium23, libxlsxwriter4, libcmark0.30.2, libspdlog1.10, libfmt9, libtomlplusplus3, \
libpugixml1v5, libsoci-core4.0, libsoci-sqlite3-4.0, libsqlite3-0")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS ${hearth_depends})
# Chromium makes PDFs; the PostgreSQL backend is opened only when a PostgreSQL store is used
# (HEARTH_SOCI_POSTGRESQL_SONAME), so neither is a hard dependency. curl: the readiness check
# of a server that serves HTTPS itself; sqlite3: an online backup of a SQLite store (.backup).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "chromium, libsoci-postgresql4.0")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "sqlite3, postgresql, curl")

set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${hearth_packaging}/deb/postinst ${hearth_packaging}/deb/prerm
    ${hearth_packaging}/deb/postrm ${hearth_packaging}/deb/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
