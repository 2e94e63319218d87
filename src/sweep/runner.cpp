// The workstation runner: `jobs` worker threads pull run indices from the store, call the run
// function (one engine thread each unless told otherwise, passed in the request) and record the
// outcomes.
#include "dermasim/sweep/runner.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <thread>

#include "dermasim/core/error.hpp"
#include "run_store.hpp"

namespace dermasim::sweep {

std::string_view to_string(RunStatus status) {
  switch (status) {
    case RunStatus::pending:
      return "pending";
    case RunStatus::ok:
      return "ok";
    case RunStatus::failed:
      return "failed";
    default:
      DERMASIM_UNREACHABLE();
  }
}

RunRequest make_request(const SweepSpec& spec, const RunTable& table, std::size_t index,
                        const std::filesystem::path& out_dir, Threads threads) {
  RunRequest req;
  req.index = index;
  for (std::size_t j = 0; j < table.width(); ++j)
    req.overrides.push_back({table.keys[j], table.value(index, j)});
  req.base_scenario = spec.base_path;
  req.base_scenario_text = spec.base_text;
  req.start_from = spec.start_from;
  if (spec.outputs.keep_fields) {
    char name[32];
    std::snprintf(name, sizeof name, "run-%06zu.h5", index);
    req.field_output = out_dir / "runs" / name;
  }
  req.metrics = spec.outputs.columns();
  req.replicates = spec.replicates;
  req.threads = threads;
  return req;
}

RunOutcome execute_run(const RunFunction& run, const RunRequest& request) {
  RunOutcome outcome;
  try {
    outcome = run(request);
  } catch (const IoError&) {
    throw;  // a file fault stops the sweep (run_sweep) rather than failing run after run
  } catch (const std::exception& e) {
    outcome = {RunStatus::failed, e.what(), {}};
  } catch (...) {
    outcome = {RunStatus::failed, "unknown exception", {}};
  }
  const std::size_t values = request.metrics.size() * request.replicates;
  if (outcome.status == RunStatus::ok && outcome.metrics.size() != values)
    outcome = {RunStatus::failed,
               "the run returned " + std::to_string(outcome.metrics.size()) + " metric values, " +
                   std::to_string(values) + " were requested",
               {}};
  if (outcome.status == RunStatus::failed && outcome.error.empty()) outcome.error = "failed";
  if (outcome.status == RunStatus::pending) outcome.error.clear();
  // Every outcome carries one value per requested metric (NaN unless ok): the journal and the
  // MPI messages are fixed-width records.
  if (outcome.status != RunStatus::ok) outcome.metrics.assign(values, std::nan(""));
  return outcome;
}

SweepResult run_sweep(const SweepSpec& spec, const RunFunction& run, const SweepOptions& options) {
  const RunTable table = build_run_table(spec);
  RunStore store(spec, table, options);
  const unsigned jobs = std::max(1u, options.jobs);
  // A worker's exception (an I/O failure of the journal) stops that worker; the first one is
  // rethrown after all workers have finished, so no thread is left running.
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&] {
    try {
      while (auto index = store.next_run()) {
        RunRequest request =
            make_request(spec, table, *index, options.out_dir, options.threads_per_run);
        if (options.stop_requested) request.stop_requested = options.stop_requested;
        const auto t0 = std::chrono::steady_clock::now();
        RunOutcome outcome = execute_run(run, request);
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        store.record({*index, std::move(outcome), wall});
      }
    } catch (...) {
      store.cancel();  // the other workers finish their current run and stop
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
  return store.finish();
}

}  // namespace dermasim::sweep
