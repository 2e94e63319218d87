# Optional MPI support: sweeps distributed over ranks (src/sweep/mpi_runner.cpp). On when an MPI
# C++ library is found (Debian: libopenmpi-dev openmpi-bin), off otherwise; -DDERMASIM_MPI=OFF
# forces it off. Include once dermasim_core and the tests exist, i.e. at the end of the top-level
# CMakeLists.txt:  include(cmake/Mpi.cmake)
find_package(MPI QUIET COMPONENTS CXX)
option(DERMASIM_MPI "Distribute sweeps over MPI ranks (needs libopenmpi-dev)" ${MPI_CXX_FOUND})
if(NOT DERMASIM_MPI)
  return()
endif()
dermasim_require(MPI_CXX_FOUND "libopenmpi-dev openmpi-bin" "MPI for C++")
get_filename_component(DERMASIM_MPI_ROOT ${CMAKE_CURRENT_LIST_DIR} DIRECTORY)
target_link_libraries(dermasim_core PUBLIC MPI::MPI_CXX)
target_compile_definitions(dermasim_core PUBLIC DERMASIM_HAVE_MPI=1)

if(DERMASIM_TESTS)
  # The CI check of issue 6: 2 ranks give the same summary as --jobs 2 (fake run function).
  add_executable(dermasim_sweep_fake ${DERMASIM_MPI_ROOT}/tests/mpi/sweep_fake_main.cpp)
  target_link_libraries(dermasim_sweep_fake PRIVATE dermasim_core)
  add_test(NAME sweep.mpi_two_ranks_match_two_jobs
    COMMAND ${CMAKE_COMMAND} -DFAKE=$<TARGET_FILE:dermasim_sweep_fake>
      -DMPIEXEC=${MPIEXEC_EXECUTABLE} -DSWEEP=${DERMASIM_MPI_ROOT}/tests/mpi/fake_sweep.yaml
      -DWORK=${CMAKE_BINARY_DIR}/mpi-sweep-test
      -P ${DERMASIM_MPI_ROOT}/tests/mpi/compare_mpi_and_jobs.cmake)
  set_tests_properties(sweep.mpi_two_ranks_match_two_jobs PROPERTIES LABELS "unit;mpi" TIMEOUT 300)
  add_test(NAME sweep.mpi_two_ranks_match_two_jobs_with_replicates
    COMMAND ${CMAKE_COMMAND} -DFAKE=$<TARGET_FILE:dermasim_sweep_fake>
      -DMPIEXEC=${MPIEXEC_EXECUTABLE}
      -DSWEEP=${DERMASIM_MPI_ROOT}/tests/mpi/fake_sweep_replicates.yaml
      -DWORK=${CMAKE_BINARY_DIR}/mpi-sweep-replicates-test
      -P ${DERMASIM_MPI_ROOT}/tests/mpi/compare_mpi_and_jobs.cmake)
  set_tests_properties(sweep.mpi_two_ranks_match_two_jobs_with_replicates
    PROPERTIES LABELS "unit;mpi" TIMEOUT 300)
endif()
