// Test driver: runs a sweep file with a fake run function (the Ishigami function of the first
// three varied keys, failing on purpose where x1 < -2.5; replicate k of a point adds k), either
// on threads (--jobs N) or over MPI ranks (--mpi). Prints the result counts and sensitivity table
// so a test can compare the two. Usage: dermasim_sweep_fake SWEEP.yaml OUT_DIR (--jobs N | --mpi)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>

#include "dermasim/core/error.hpp"
#include "dermasim/sweep/mpi_runner.hpp"
#include "dermasim/sweep/quantity.hpp"
#include "dermasim/sweep/report.hpp"
#include "dermasim/sweep/runner.hpp"

namespace {

using namespace dermasim::sweep;

RunOutcome ishigami(const RunRequest& req) {
  double x[3];
  for (int i = 0; i < 3; ++i) x[i] = parse_quantity(req.overrides.at(i).value)->value;
  if (x[0] < -2.5) throw dermasim::NumericalError("time step collapsed (fake failure)");
  const double f =
      std::sin(x[0]) + 7 * std::pow(std::sin(x[1]), 2) + 0.1 * std::pow(x[2], 4) * std::sin(x[0]);
  // Replicate k of a point (a sweep with replicates: N) returns f + k, metric-major.
  std::vector<double> values;
  for (std::size_t c = 0; c < req.metrics.size(); ++c)
    for (std::size_t k = 0; k < req.replicates; ++k) values.push_back(f + static_cast<double>(k));
  return {RunStatus::ok, "", values};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::fprintf(stderr, "usage: %s SWEEP.yaml OUT_DIR (--jobs N | --mpi)\n", argv[0]);
    return 2;
  }
  const bool use_mpi = std::string(argv[3]) == "--mpi";
  std::unique_ptr<MpiSession> mpi;
  try {
    if (use_mpi) mpi = std::make_unique<MpiSession>();
    const SweepSpec spec = load_sweep(argv[1]);
    SweepOptions options;
    options.out_dir = argv[2];
    options.jobs = argc == 5 ? static_cast<unsigned>(std::atoi(argv[4])) : 1;
    const SweepResult r =
        use_mpi ? run_sweep_mpi(spec, ishigami, options) : run_sweep(spec, ishigami, options);
    if (!mpi || mpi->rank() == 0) {
      std::printf("runs %zu ok %zu failed %zu\n", r.total, r.ok, r.failed);
      std::fputs(format_sensitivity(r.sensitivity).c_str(), stdout);
    }
  } catch (const dermasim::Error& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    if (mpi) mpi->abort(e.exit_code());
    return e.exit_code();
  }
  return 0;
}
