// The sweep file, typed. A sweep names a base scenario, the scenario keys it varies and how, the
// design that turns those into a table of runs, the seed, and what each run must report.
//
//   base: ../boxcar-standard.yaml        # path relative to this file, or an inline mapping
//   start_from: after-session-2.h5       # optional checkpoint every run starts from
//   vary:
//     treatment.needle_length: {from: 0.5 mm, to: 2.5 mm, steps: 5}
//     treatment.sessions.spacing: [2 weeks, 4 weeks, 6 weeks]
//     parameters.k_mat: {distribution: uniform, min: 0.01 /day, max: 0.02 /day}
//   design: grid        # grid | zip | {type: latin-hypercube, samples: 50}
//                       # | {type: sobol, samples: 256} | {type: morris, trajectories: 10}
//   seed: 7
//   replicates: 5       # optional: every design point runs seeds seed .. seed + 4
//   outputs: {metrics: [improvement_pct, scar_depth_mm], at: [3 months, end], keep_fields: false}
//   sensitivity: {bootstrap: 500, confidence: 0.95}
//
// Every error is an InputError "FILE:LINE:COL: key: what is wrong; what is allowed".
#pragma once
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dermasim::sweep {

enum class VaryKind { list, range, uniform, log_uniform, normal };
enum class DesignKind { grid, zip, latin_hypercube, sobol, morris };

std::string_view to_string(VaryKind kind);
std::string_view to_string(DesignKind kind);

inline constexpr std::size_t kMaxReplicates = 1000;

/// One varied scenario key. A list keeps its values verbatim; every other kind is numeric with one
/// unit, and generated values are written back as "number unit".
struct VariedKey {
  std::string key;  ///< dotted scenario path, passed to the loader as `--set key=value`
  VaryKind kind = VaryKind::list;
  std::vector<std::string> values;  ///< list: as written; range: the generated steps
  std::string unit;                 ///< numeric kinds: the common unit ("" if dimensionless)
  double min = 0.0, max = 0.0;      ///< range: from/to; distributions: bounds (normal: truncation)
  double mean = 0.0, sd = 0.0;      ///< normal only
  bool integer = false;             ///< round generated values to whole numbers (counts)
  int line = 0, column = 0;         ///< where the key is written, 1-based, for diagnostics
};

struct Design {
  DesignKind kind = DesignKind::grid;
  std::size_t samples = 0;       ///< latin-hypercube: runs; sobol: base samples N (runs = N(k+2))
  std::size_t trajectories = 0;  ///< morris: r (runs = r(k+1))
  std::size_t levels = 0;        ///< morris: p, an even number of grid levels
};

/// One requested output column: a metric sampled at a time ("3 months") or at "end".
struct MetricColumn {
  std::string metric;
  std::string at;
  std::string name;   ///< column name in the summary: "improvement_pct@3months"
  std::string units;  ///< the metric's unit when the caller told the parser (SpecCheck), else ""
};

struct Outputs {
  std::vector<std::string> metrics;
  std::vector<std::string> units;  ///< per metric, from SpecCheck::metric_units ("" if unknown)
  std::vector<std::string> at;     ///< default {"end"}
  bool keep_fields = false;        ///< keep each run's full results file (large)
  std::vector<MetricColumn> columns() const;
};

/// The day of an outputs.at entry ("end" or a time with its unit) in run `run`, which simulates
/// from `start` (0, or the time of its start_from checkpoint) to `duration` days. The one check
/// of an output time against a run: made for every run before the sweep starts (dermasim
/// sweep, which does not know the checkpoint's time) and again by each run. Throws InputError
/// "outputs.at: ..." (the caller adds the sweep file).
double output_day(std::string_view at, std::size_t run, double duration, double start = 0.0);

struct SensitivitySettings {
  std::size_t bootstrap = 500;  ///< bootstrap resamples for confidence intervals
  double confidence = 0.95;     ///< two-sided level of the percentile intervals
};

struct SweepSpec {
  std::filesystem::path file;        ///< the sweep file ("" when parsed from text)
  std::string text;                  ///< the sweep file as given, embedded in the summary
  std::string name;                  ///< defaults to the file's stem
  std::filesystem::path base_path;   ///< resolved base scenario path; "" when inline
  std::string base_text;             ///< the base scenario YAML (file text or inline mapping)
  std::string base_resolved;         ///< its resolved echo, filled by a caller that has the
                                     ///< scenario loader (the sweep layer cannot resolve it)
  std::filesystem::path start_from;  ///< checkpoint every run starts from; "" for none
  std::vector<VariedKey> vary;
  Design design;
  std::uint64_t seed = 1;
  /// Needle-placement seeds per design point (1 .. kMaxReplicates): the run's scenario seed,
  /// seed + 1, ...; the summary holds their mean, sample SD and per-seed values.
  std::size_t replicates = 1;
  Outputs outputs;
  SensitivitySettings sensitivity;
};

/// Optional knowledge the sweep layer does not own: the model's metric names and units.
struct SpecCheck {
  std::span<const std::string_view> known_metrics;  ///< empty: accept any metric name
  std::span<const std::string_view> metric_units;   ///< parallel to known_metrics, or empty
};

/// Reads and validates a sweep file. Throws InputError (bad content) or IoError (unreadable).
SweepSpec load_sweep(const std::filesystem::path& file, const SpecCheck& check = {});
/// Same from text; `file` names it in diagnostics and anchors a relative `base:` path.
SweepSpec parse_sweep(const std::string& text, const std::filesystem::path& file,
                      const SpecCheck& check = {});

}  // namespace dermasim::sweep
