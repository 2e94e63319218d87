// The MPI runner (see mpi_runner.hpp). Protocol on MPI_COMM_WORLD, all messages from worker
// ranks to rank 0 are strings with tag kReport ("hello <fingerprint>" first, then one journal
// record per finished run); rank 0 answers each with tag kAssign: a run index, or -1 to stop.
// Rank 0 polls with MPI_Iprobe and a short sleep instead of a blocking receive, because Open MPI
// busy-waits in blocking calls and would take a core from the simulations.
#include "dermasim/sweep/mpi_runner.hpp"

#include <cstdlib>

#include "dermasim/core/error.hpp"

#ifdef DERMASIM_HAVE_MPI
#include <mpi.h>

#include <chrono>
#include <cstdint>
#include <exception>
#include <string>
#include <thread>

#include "journal.hpp"
#include "run_store.hpp"
#endif

namespace dermasim::sweep {

bool launched_by_mpi() {
  for (const char* var : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "MPI_LOCALNRANKS"})
    if (std::getenv(var)) return true;
  return false;
}

#ifndef DERMASIM_HAVE_MPI

bool mpi_built() {
  return false;
}

MpiSession::MpiSession() {
  throw InputError(
      "sweep: this dermasim was built without MPI; install libopenmpi-dev and configure with "
      "-DDERMASIM_MPI=ON, or run without mpirun and use --jobs N");
}
MpiSession::~MpiSession() = default;
void MpiSession::abort(int code) const {
  std::exit(code);
}

SweepResult run_sweep_mpi(const SweepSpec&, const RunFunction&, const SweepOptions&) {
  throw InputError("sweep: this dermasim was built without MPI");
}

#else

namespace {

constexpr int kReport = 1;
constexpr int kAssign = 2;
constexpr std::int64_t kStop = -1;
const std::string kHello = "hello ";

std::string receive_string(int source, MPI_Status& status) {
  MPI_Probe(source, kReport, MPI_COMM_WORLD, &status);
  int length = 0;
  MPI_Get_count(&status, MPI_CHAR, &length);
  std::string text(static_cast<std::size_t>(length), '\0');
  MPI_Recv(text.data(), length, MPI_CHAR, status.MPI_SOURCE, kReport, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  return text;
}

void send_string(const std::string& text) {
  MPI_Send(text.data(), static_cast<int>(text.size()), MPI_CHAR, 0, kReport, MPI_COMM_WORLD);
}

JournalRecord run_one(const SweepSpec& spec, const RunTable& table, std::size_t index,
                      const RunFunction& run, const SweepOptions& options) {
  RunRequest request = make_request(spec, table, index, options.out_dir, options.threads_per_run);
  if (options.stop_requested) request.stop_requested = options.stop_requested;
  const auto t0 = std::chrono::steady_clock::now();
  RunOutcome outcome = execute_run(run, request);
  return {index, std::move(outcome),
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()};
}

// Answers worker ranks until every one has been told to stop.
void serve_remote(RunStore& store, const RunTable& table, const std::string& fingerprint,
                  std::size_t metric_count, int size) {
  int active = size - 1;
  while (active > 0) {
    int waiting = 0;
    MPI_Status status;
    MPI_Iprobe(MPI_ANY_SOURCE, kReport, MPI_COMM_WORLD, &waiting, &status);
    if (!waiting) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      continue;
    }
    const int source = status.MPI_SOURCE;
    const std::string text = receive_string(source, status);
    if (text.rfind(kHello, 0) == 0) {
      if (text.substr(kHello.size()) != fingerprint)
        throw InputError("sweep: rank " + std::to_string(source) +
                         " built a different run table; every rank must read the same sweep "
                         "file and base scenario");
    } else {
      const auto record = decode_record(text, metric_count);
      if (!record || record->index >= table.runs)
        throw IoError("sweep: malformed result from rank " + std::to_string(source));
      store.record(*record);
    }
    const auto next = store.next_run();
    const std::int64_t assign = next ? static_cast<std::int64_t>(*next) : kStop;
    MPI_Send(&assign, 1, MPI_INT64_T, source, kAssign, MPI_COMM_WORLD);
    if (!next) --active;
  }
}

SweepResult serve(const SweepSpec& spec, const RunTable& table, const RunFunction& run,
                  const SweepOptions& options, int size) {
  RunStore store(spec, table, options);
  const std::string fingerprint = sweep_fingerprint(spec, table);
  const std::size_t metric_count = spec.outputs.columns().size() * spec.replicates;
  std::exception_ptr local_error;
  std::thread local([&] {
    try {
      while (auto index = store.next_run())
        store.record(run_one(spec, table, *index, run, options));
    } catch (...) {
      local_error = std::current_exception();
    }
  });
  // The local thread must be joined on every path: a std::thread destroyed while joinable
  // terminates the process before MPI_Abort could tell the other ranks.
  std::exception_ptr error;
  try {
    serve_remote(store, table, fingerprint, metric_count, size);
  } catch (...) {
    error = std::current_exception();
    store.cancel();
  }
  local.join();
  if (error) std::rethrow_exception(error);
  if (local_error) std::rethrow_exception(local_error);
  return store.finish();
}

SweepResult work(const SweepSpec& spec, const RunTable& table, const RunFunction& run,
                 const SweepOptions& options) {
  SweepResult mine;
  send_string(kHello + sweep_fingerprint(spec, table));
  for (;;) {
    std::int64_t index = kStop;
    MPI_Recv(&index, 1, MPI_INT64_T, 0, kAssign, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (index == kStop) break;
    const JournalRecord record =
        run_one(spec, table, static_cast<std::size_t>(index), run, options);
    mine.ok += record.outcome.status == RunStatus::ok;
    mine.failed += record.outcome.status == RunStatus::failed;
    send_string(encode_record(record));
  }
  mine.total = table.runs;
  return mine;
}

}  // namespace

bool mpi_built() {
  return true;
}

MpiSession::MpiSession() {
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() {
  MPI_Finalize();
}

void MpiSession::abort(int code) const {
  MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

SweepResult run_sweep_mpi(const SweepSpec& spec, const RunFunction& run,
                          const SweepOptions& options) {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  const RunTable table = build_run_table(spec);
  return rank == 0 ? serve(spec, table, run, options, size) : work(spec, table, run, options);
}

#endif

}  // namespace dermasim::sweep
