// Mapping between the driver's Checkpoint and the generic io checkpoint (named scalars,
// integers and arrays). Names are part of the checkpoint format: keep them stable.
#include "dermasim/sim/checkpoint_file.hpp"

#include <algorithm>
#include <string_view>

#include "dermasim/core/error.hpp"
#include "dermasim/io/checkpoint.hpp"

namespace dermasim::sim {
namespace {

// "previous_start.<field>": the start state of the last accepted step, the history of the
// step-error estimate.
constexpr const char* kPreviousStartPrefix = "previous_start.";
// "marks.crc32:<series path>": the CRC-32 of the rows kept of a series appended in place.
constexpr std::string_view kDigestPrefix = "marks.crc32:";

template <class Named>
const Named& find_named(const std::vector<Named>& list, const std::string& name,
                        const std::filesystem::path& path) {
  auto it = std::find_if(list.begin(), list.end(), [&](const Named& n) { return n.name == name; });
  if (it == list.end()) {
    throw InputError(path.string() + ": checkpoint lacks '" + name +
                     "'; not written by this "
                     "version of dermasim");
  }
  return *it;
}

}  // namespace

std::filesystem::path checkpoint_path_for(const std::filesystem::path& output) {
  return std::filesystem::path(output.string() + ".checkpoint.h5");
}

void save_checkpoint(const std::filesystem::path& path, const Simulation& simulation,
                     const std::string& resolved_scenario, const io::SeriesCounts& marks) {
  const Checkpoint c = simulation.checkpoint();
  io::CheckpointState s;
  s.time_days = c.time;
  s.next_event_index = static_cast<std::int64_t>(c.next_event);
  s.scenario_text = resolved_scenario;
  const StepStatistics& st = c.controller.statistics;
  s.scalars = {{"last_metric_time", c.last_metric_time},
               {"last_snapshot_time", c.last_snapshot_time},
               {"controller.previous_dt", c.controller.previous_dt},
               {"controller.proposed_dt", c.controller.proposed_dt},
               {"controller.last_dt", st.last_dt},
               {"controller.smallest_dt", st.smallest_dt},
               {"controller.largest_dt", st.largest_dt}};
  s.integers = {{"next_metric", c.next_metric},
                {"next_snapshot", c.next_snapshot},
                {"started", c.started ? 1 : 0},
                {"controller.has_history", c.controller.has_history ? 1 : 0},
                {"controller.accepted", st.accepted},
                {"controller.rejected", st.rejected},
                {"marks.snapshots", static_cast<std::int64_t>(marks.snapshots)},
                {"marks.metric_samples", static_cast<std::int64_t>(marks.metric_samples)},
                {"marks.events", static_cast<std::int64_t>(marks.events)}};
  for (const io::RowDigest& d : marks.digests) {
    s.integers.push_back({std::string(kDigestPrefix) + d.path, static_cast<std::int64_t>(d.crc32)});
  }
  s.arrays.push_back({"pending_post_snapshots", c.pending_post_snapshots});
  const FieldSet& state = simulation.state();
  for (int f = 0; f < state.size(); ++f) {
    s.arrays.push_back({kPreviousStartPrefix + state[f].name(), c.previous_start[f]});
  }
  io::write_checkpoint(path, s, state);
}

CheckpointHeader read_checkpoint_header(const std::filesystem::path& path) {
  io::verify_checkpoint(path);
  const io::CheckpointState s = io::read_checkpoint_state(path);
  CheckpointHeader h;
  h.resolved_scenario = s.scenario_text;
  h.marks.snapshots = find_named(s.integers, "marks.snapshots", path).value;
  h.marks.metric_samples = find_named(s.integers, "marks.metric_samples", path).value;
  h.marks.events = find_named(s.integers, "marks.events", path).value;
  for (const auto& integer : s.integers) {
    if (!integer.name.starts_with(kDigestPrefix)) continue;
    h.marks.digests.push_back(
        {integer.name.substr(kDigestPrefix.size()), static_cast<std::uint32_t>(integer.value)});
  }
  return h;
}

namespace {

// The checkpoint in `path`, its state read into `fields` (the layout of the run's state).
// Verified again: the file may have changed since its header was read.
Checkpoint read_checkpoint(const std::filesystem::path& path, FieldSet& fields) {
  io::verify_checkpoint(path);
  const io::CheckpointState s = io::read_checkpoint_state(path);
  io::read_checkpoint_fields(path, fields);
  Checkpoint c;
  c.time = s.time_days;
  c.next_event = static_cast<std::size_t>(s.next_event_index);
  auto scalar = [&](const char* name) { return find_named(s.scalars, name, path).value; };
  auto integer = [&](const char* name) { return find_named(s.integers, name, path).value; };
  c.last_metric_time = scalar("last_metric_time");
  c.last_snapshot_time = scalar("last_snapshot_time");
  c.controller.previous_dt = scalar("controller.previous_dt");
  c.controller.proposed_dt = scalar("controller.proposed_dt");
  c.controller.statistics.last_dt = scalar("controller.last_dt");
  c.controller.statistics.smallest_dt = scalar("controller.smallest_dt");
  c.controller.statistics.largest_dt = scalar("controller.largest_dt");
  c.next_metric = integer("next_metric");
  c.next_snapshot = integer("next_snapshot");
  c.started = integer("started") != 0;
  c.controller.has_history = integer("controller.has_history") != 0;
  c.controller.statistics.accepted = integer("controller.accepted");
  c.controller.statistics.rejected = integer("controller.rejected");
  c.pending_post_snapshots = find_named(s.arrays, "pending_post_snapshots", path).values;
  for (int f = 0; f < fields.size(); ++f) {
    c.previous_start.push_back(
        find_named(s.arrays, kPreviousStartPrefix + fields[f].name(), path).values);
  }
  return c;
}

}  // namespace

void restore_checkpoint(const std::filesystem::path& path, Simulation& simulation) {
  FieldSet state = simulation.state();
  const Checkpoint c = read_checkpoint(path, state);
  simulation.restore(c, state);
}

void branch_from_checkpoint(const std::filesystem::path& path, Simulation& simulation) {
  FieldSet state = simulation.state();
  Checkpoint c = read_checkpoint(path, state);
  const auto& events = simulation.config().events;
  c.next_event = 0;
  while (c.next_event < events.size() && events[c.next_event].time_days <= c.time) ++c.next_event;
  c.controller = StepControllerState{};
  c.controller.proposed_dt = simulation.config().steps.dt_initial;
  simulation.restore(c, state);
}

}  // namespace dermasim::sim
