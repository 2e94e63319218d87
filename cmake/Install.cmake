# `cmake --install BUILD --prefix P`: the dermasim binary, the presets where it finds them by
# name (P/share/dermasim/scenarios), the plotting scripts as commands (P/bin/dermasim-plot,
# dermasim-compare, dermasim-plot-sweep: wrappers that run /usr/bin/python3 on the scripts in
# P/share/dermasim/scripts) and the documentation (P/share/doc/dermasim).
include(GNUInstallDirs)
# The installed binary keeps the library directories it was linked with (HDF5, Open MPI) as
# its run path, and is built with it: CMake's install-time run-path rewrite fails on the empty
# entry its build run path gets from the HDF5 libraries.
set_target_properties(dermasim PROPERTIES INSTALL_RPATH_USE_LINK_PATH ON BUILD_WITH_INSTALL_RPATH ON)
install(TARGETS dermasim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/ DESTINATION ${CMAKE_INSTALL_DATADIR}/dermasim/scenarios)
install(FILES ${PROJECT_SOURCE_DIR}/scripts/dermasim_results.py
  ${PROJECT_SOURCE_DIR}/scripts/report.py ${PROJECT_SOURCE_DIR}/scripts/report_figures.py
  DESTINATION ${CMAKE_INSTALL_DATADIR}/dermasim/scripts)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
  DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The wrappers find the scripts relative to themselves, so an installed tree can be moved.
file(RELATIVE_PATH DERMASIM_SCRIPTS_FROM_BIN /${CMAKE_INSTALL_BINDIR}
  /${CMAKE_INSTALL_DATADIR}/dermasim/scripts)
foreach(pair "dermasim-plot=plot_run.py" "dermasim-compare=compare_runs.py"
             "dermasim-plot-sweep=plot_sweep.py")
  string(REPLACE "=" ";" pair ${pair})
  list(GET pair 0 command)
  list(GET pair 1 script)
  install(PROGRAMS ${PROJECT_SOURCE_DIR}/scripts/${script}
    DESTINATION ${CMAKE_INSTALL_DATADIR}/dermasim/scripts)
  file(WRITE ${CMAKE_BINARY_DIR}/commands/${command}
    "#!/bin/sh\n"
    "# ${command}: runs ${script} of dermasim (--help for its options).\n"
    "here=$(dirname \"$(readlink -f \"$0\")\")\n"
    "exec /usr/bin/python3 \"$here/${DERMASIM_SCRIPTS_FROM_BIN}/${script}\" \"$@\"\n")
  install(PROGRAMS ${CMAKE_BINARY_DIR}/commands/${command} DESTINATION ${CMAKE_INSTALL_BINDIR})
endforeach()
