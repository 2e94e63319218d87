#!/usr/bin/python3
"""Checks scripts/dermasim_results.py on a results file written by the synthetic writer of
tests/unit/io/synthetic_results.hpp (two sessions on days 7 and 35, metrics every day).

Usage: results_reader_check.py SCRIPTS_DIR RESULTS.h5   (exit 0 when every check passes)
"""
import sys

sys.path.insert(0, sys.argv[1])
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from dermasim_results import Results, mark_events  # noqa: E402


def check(condition, message):
    if not condition:
        print(f"results reader check failed: {message}")
        sys.exit(1)


with Results(sys.argv[2]) as run:
    events = run.events()
    check([e["time_days"] for e in events] == [7.0, 35.0], f"event times {events}")
    check(all(e["kind"] == "session" and e["device"] == "pen" for e in events), "event text")
    check(run.first_session_day() == 7.0, "first session day")
    t, values, unit = run.metric("improvement_pct")
    check(unit == "%" and len(t) == len(values) and t[0] == 0.0, "improvement_pct series")
    check(run.metric("fibroblasts_rel") is None, "a missing metric must read as None")
    check(run.nearest_snapshot(8.9) == 2, "nearest snapshot to day 8.9 (snapshots 0, 7, 9, ...)")
    profiles = run.surface_profiles()
    check(profiles.shape == (len(run.snapshot_times), len(run.x_mm)), "profile shape")
    check(np.all(np.isfinite(profiles)), "profiles are finite")
    fig, axes = plt.subplots(2, 2)
    mark_events(axes.flat, events)
    for ax in axes.flat:
        check(len(ax.lines) == len(events), f"{len(ax.lines)} event lines on an axis")
print("results reader check passed")
