# Records the version and the git commit the binary was configured from.
execute_process(COMMAND git -C ${PROJECT_SOURCE_DIR} rev-parse --short=12 HEAD
  OUTPUT_VARIABLE DERMASIM_GIT_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
execute_process(COMMAND git -C ${PROJECT_SOURCE_DIR} status --porcelain --untracked-files=no
  OUTPUT_VARIABLE DERMASIM_GIT_DIRTY OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT DERMASIM_GIT_COMMIT)
  set(DERMASIM_GIT_COMMIT "unknown")
elseif(DERMASIM_GIT_DIRTY)
  set(DERMASIM_GIT_COMMIT "${DERMASIM_GIT_COMMIT}-dirty")
endif()
set(DERMASIM_VERSION_SOURCE ${PROJECT_BINARY_DIR}/generated/version.cpp)
configure_file(${PROJECT_SOURCE_DIR}/cmake/version.cpp.in ${DERMASIM_VERSION_SOURCE} @ONLY)
