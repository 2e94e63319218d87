#!/usr/bin/python3
"""Checks plot_run.py's choice of cross-section moments on a short synthetic run (snapshots on
days 0, 7, 9 and 21; sessions on days 7 and 35): no panel may claim "4 weeks after session 1"
when no snapshot lies near day 35, and every label gives the snapshot's true delay.

Usage: moments_check.py SCRIPTS_DIR RESULTS.h5   (exit 0 when every check passes)
"""
import sys

sys.path.insert(0, sys.argv[1])
from dermasim_results import Results, days_after_session  # noqa: E402
from plot_run import key_snapshots  # noqa: E402

with Results(sys.argv[2]) as run:
    picks = [(label, float(run.snapshot_times[s])) for label, s in key_snapshots(run)]
    expected = [("before treatment", 7.0), ("2 days after session 1", 9.0), ("end", 21.0)]
    if picks != expected:
        print(f"moments check failed: {picks}, expected {expected}")
        sys.exit(1)
    if days_after_session(run, 35.0) != "28 days after session 1, just before session 2":
        print(f"moments check failed: day 35 is '{days_after_session(run, 35.0)}'")
        sys.exit(1)
print("moments check passed")
