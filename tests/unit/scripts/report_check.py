#!/usr/bin/python3
"""Checks scripts/report.py on synthetic results files (tests/unit/io/synthetic_results.hpp).

Usage: report_check.py SCRIPTS_DIR RESULTS.h5 WORK_DIR   (exit 0 when every check passes,
77 when python3-plotly is missing)

One run, then the same run beside three copies that carry replicate statistics in the
layouts report.py accepts (the /replicates group of `dermasim run --replicates N`,
<metric>_mean/_std beside the metric, and per-seed series in a group): the report is one file
with plotly.js inlined, no external resource, the figures of every section, scenario names
as labels and a spread band for each replicate copy.
"""
import os
import re
import shutil
import subprocess
import sys

try:
    import plotly  # noqa: F401
except ImportError:
    print("report check: SKIPPED: python3-plotly is not installed")
    sys.exit(77)
import h5py  # noqa: E402
import numpy as np  # noqa: E402

scripts, results, work = sys.argv[1:4]
os.makedirs(work, exist_ok=True)


def check(condition, message):
    if not condition:
        print(f"report check failed: {message}")
        sys.exit(1)


def report(paths, out):
    done = subprocess.run(["/usr/bin/python3", os.path.join(scripts, "report.py"), *paths,
                           "-o", out], capture_output=True, text=True)
    check(done.returncode == 0, f"report.py exited {done.returncode}: {done.stderr}")
    with open(out, encoding="utf-8") as f:
        return f.read()


single = report([results], os.path.join(work, "one.html"))
check(single.count("<script") >= 3, "plotly.js and the figures are inline scripts")
check(not re.search(r"<script[^>]+src=|<link[^>]+href=\"http", single), "external resource")
for anchor in ("plot-metrics", "plot-sections-0", "plot-surface", "summary", "scenario",
               "parameters"):
    check(f'id="{anchor}"' in single, f"section '{anchor}' missing")
check('"sliders"' in single, "no slider in the cross-sections")

# Replicate layouts: statistics beside the metric, and per-seed series in a group.
stats = os.path.join(work, "stats.h5")
seeds = os.path.join(work, "seeds.h5")
shutil.copy(results, stats)
shutil.copy(results, seeds)
with h5py.File(stats, "r+") as f:
    values = f["metrics/improvement_pct"][()]
    f["metrics/improvement_pct_mean"] = values
    f["metrics/improvement_pct_std"] = np.full_like(values, 2.0)
    f.attrs["scenario_name"] = "stats-replicates"
with h5py.File(seeds, "r+") as f:
    values = f["metrics/improvement_pct"][()]
    f["replicate_runs/improvement_pct"] = np.stack([values - 1, values, values + 3])
    f.attrs["scenario_name"] = "seed-replicates"
# The layout `dermasim run --replicates N` writes (docs/file-format.md, "Replicates").
written = os.path.join(work, "written.h5")
shutil.copy(results, written)
with h5py.File(written, "r+") as f:
    values = f["metrics/improvement_pct"][()]
    f["replicates/seeds"] = np.array([42, 43, 44, 45])
    f["replicates/metrics/improvement_pct"] = np.stack([values, values + 1, values - 1, values])
    f["replicates/mean/improvement_pct"] = values
    f["replicates/sd/improvement_pct"] = np.full_like(values, 0.8)
    f.attrs["scenario_name"] = "run-replicates"
several = report([results, stats, seeds, written], os.path.join(work, "four.html"))
check("stats-replicates: mean \\u00b1 1 SD of seeds" in several
      or "stats-replicates: mean \u00b1 1 SD of seeds" in several, "no SD band for _mean/_std")
check("seed-replicates: range of 3 seeds" in several, "no band for per-seed series")
check("run-replicates: mean \\u00b1 1 SD of 4 seeds" in several
      or "run-replicates: mean \u00b1 1 SD of 4 seeds" in several, "no band for /replicates")
for i in range(4):
    check(f'id="plot-sections-{i}"' in several, f"cross-sections of run {i} missing")
print("report check passed")
