# CTest script: the same sweep run with --jobs 2 and with 2 MPI ranks must give byte-equal
# summary.csv files and the same printed sensitivity table.
# Variables: FAKE (test driver), MPIEXEC, SWEEP (sweep file), WORK (scratch directory).
file(REMOVE_RECURSE ${WORK})
# Open MPI refuses to run as root without these; harmless otherwise. CMA single-copy needs
# ptrace rights that containers often lack.
set(ENV{OMPI_ALLOW_RUN_AS_ROOT} 1)
set(ENV{OMPI_ALLOW_RUN_AS_ROOT_CONFIRM} 1)
set(ENV{OMPI_MCA_btl_vader_single_copy_mechanism} none)
execute_process(COMMAND ${FAKE} ${SWEEP} ${WORK}/jobs --jobs 2
  RESULT_VARIABLE jobs_rc OUTPUT_VARIABLE jobs_out ERROR_VARIABLE jobs_err)
if(NOT jobs_rc EQUAL 0)
  message(FATAL_ERROR "--jobs 2 sweep failed (${jobs_rc}): ${jobs_err}")
endif()
execute_process(COMMAND ${MPIEXEC} -n 2 --oversubscribe ${FAKE} ${SWEEP} ${WORK}/mpi --mpi
  RESULT_VARIABLE mpi_rc OUTPUT_VARIABLE mpi_out ERROR_VARIABLE mpi_err)
if(NOT mpi_rc EQUAL 0)
  message(FATAL_ERROR "mpirun -n 2 sweep failed (${mpi_rc}): ${mpi_err}")
endif()
if(NOT jobs_out STREQUAL mpi_out)
  message(FATAL_ERROR "printed results differ:\n--jobs 2:\n${jobs_out}\nmpirun -n 2:\n${mpi_out}")
endif()
if(NOT jobs_out MATCHES "runs 80 ok [0-9]+ failed [1-9]")
  message(FATAL_ERROR "expected 80 runs with some failures, got:\n${jobs_out}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK}/jobs/summary.csv
  ${WORK}/mpi/summary.csv RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
  message(FATAL_ERROR "summary.csv differs between --jobs 2 and mpirun -n 2 (${WORK})")
endif()
message(STATUS "mpirun -n 2 and --jobs 2 summaries are identical:\n${mpi_out}")
