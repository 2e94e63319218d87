// The /replicates group (see replicates_group.hpp).
#include "dermasim/io/replicates_group.hpp"

#include <string_view>

#include "dermasim/core/error.hpp"
#include "dermasim/io/hdf5_attribute.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "dermasim/io/results_layout.hpp"

namespace dermasim::io {
namespace {

constexpr std::string_view kGroup = "replicates";

void write_series(const h5::Handle& group, const ReplicateMetric& m, const std::vector<double>& v,
                  std::string_view what, std::size_t seeds) {
  describe(h5::write_dataset<double>(group, m.name, v), m.unit,
           std::string(what) + " over " + std::to_string(seeds) + " seeds of " + m.description);
}

}  // namespace

void write_replicates_group(const h5::Handle& file, const ReplicatesRecord& r) {
  if (h5::has_link(file, kGroup)) {
    h5::check(H5Ldelete(file.id(), std::string(kGroup).c_str(), H5P_DEFAULT), "replace",
              h5::child_where(file, kGroup));
  }
  const std::size_t n = r.seeds.size();
  const h5::Handle group = h5::create_group(file, kGroup);
  h5::write_attribute(group, "count", static_cast<std::int64_t>(n));
  h5::write_attribute(group, "description",
                      std::string_view("the scenario run with needle-placement seeds seed, "
                                       "seed + 1, ...; time axis /metrics/time_days"));
  std::vector<std::int64_t> seeds(r.seeds.begin(), r.seeds.end());
  describe(h5::write_dataset<std::int64_t>(group, "seeds", seeds), "1",
           "needle-placement seed of each replicate, in run order");
  const h5::Handle per_seed = h5::create_group(group, "metrics");
  const h5::Handle mean = h5::create_group(group, "mean");
  const h5::Handle sd = h5::create_group(group, "sd");
  const h5::Handle min = h5::create_group(group, "min");
  const h5::Handle max = h5::create_group(group, "max");
  const hsize_t dims[] = {n, r.samples};
  for (const ReplicateMetric& m : r.metrics) {
    if (m.per_seed.size() != n * r.samples || m.mean.size() != r.samples) {
      throw Error("write_replicates_group: " + m.name + " has the wrong number of values");
    }
    describe(h5::write_dataset<double>(per_seed, m.name, m.per_seed, dims), m.unit,
             "per seed (one row per replicate): " + m.description);
    write_series(mean, m, m.mean, "mean", n);
    write_series(sd, m, m.sd, "sample standard deviation (0 for one seed)", n);
    write_series(min, m, m.min, "minimum", n);
    write_series(max, m, m.max, "maximum", n);
  }
}

ReplicatesOverview read_replicates_overview(const h5::Handle& file) {
  ReplicatesOverview o;
  if (!h5::has_link(file, kGroup)) return o;
  const h5::Handle group = h5::open_group(file, kGroup);
  o.seeds = h5::read_all<std::int64_t>(h5::open_dataset(group, "seeds"));
  const h5::Handle mean = h5::open_group(group, "mean");
  const h5::Handle sd = h5::open_group(group, "sd");
  for (const std::string& name : h5::link_names(mean)) {
    const h5::Handle m = h5::open_dataset(mean, name);
    const std::vector<double> means = h5::read_all<double>(m);
    const std::vector<double> sds = h5::read_all<double>(h5::open_dataset(sd, name));
    if (means.empty() || sds.size() != means.size()) continue;
    const std::string unit =
        h5::has_attribute(m, "units") ? h5::read_string_attribute(m, "units") : "";
    o.finals.push_back({name, unit, means.back(), sds.back()});
  }
  return o;
}

}  // namespace dermasim::io
