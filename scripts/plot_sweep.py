#!/usr/bin/python3
"""Figures from a dermasim sweep summary (DIR/summary.h5, written by `dermasim sweep`).

Usage: /usr/bin/python3 scripts/plot_sweep.py SUMMARY.h5 -o DIR [--metric COLUMN] [--x KEY] [--y KEY]

Writes PNG files into DIR:
  heatmap_<metric>.png      a metric over two varied keys (grid and zip designs; the mean over
                            any further keys), one cell per pair of values
  lines_<metric>.png        a metric against one varied key, one line per value of a second key
                            (grid designs), or a scatter of every run (sampling designs); for a
                            sweep with replicates, error bars of +- one SD over the seeds
  sensitivity_<metric>.png  tornado chart of Sobol indices (ST and S1 with bootstrap intervals)
                            or Morris mu* (with interval) and sigma, keys ranked top-down
Failed and pending runs (NaN metrics) are left out. Layout of the file: docs/sweeps.md.
"""
import argparse
import os
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import numpy as np  # noqa: E402


def read_summary(path):
    """Inputs (numbers or strings), metric columns and sensitivity groups of a summary file."""
    with h5py.File(path, "r") as f:
        keys = [k.decode() if isinstance(k, bytes) else k for k in f["runs/keys"][()]]
        inputs, units = {}, {}
        for key in keys:
            ds = f["inputs"][key]
            if ds.dtype.kind == "f":
                inputs[key] = ds[()]
                units[key] = ds.attrs.get("units", "")
            else:
                inputs[key] = np.array(ds.asstr()[()], dtype=object)
                units[key] = ""
        metrics = {name: (ds[()], ds.attrs.get("units", "")) for name, ds in f["metrics"].items()}
        # With replicates (seeds per design point) the metrics are means and have an SD each.
        replicates = int(f.attrs.get("replicates", 1))
        sds = {name: ds[()] for name, ds in f["metrics_sd"].items()} if "metrics_sd" in f else {}
        sensitivity = {}
        for name, g in f.get("sensitivity", {}).items():
            sensitivity[name] = {"method": g.attrs["method"],
                                 "keys": list(g["keys"].asstr()[()]),
                                 **{k: g[k][()] for k in g if k != "keys"}}
        design = f.attrs["design"]
        name = f.attrs.get("sweep_name", os.path.basename(path))
    return name, design, keys, inputs, units, metrics, sensitivity, (replicates, sds)


def label(key, units):
    return f"{key} [{units[key]}]" if units.get(key) else key


def levels(values):
    """Distinct values in order (numbers ascending, strings as first seen)."""
    if values.dtype == object:
        return list(dict.fromkeys(values))
    return sorted(set(values.tolist()))


def heatmap(out, name, metric, y, x_key, y_key, inputs, units, metric_units):
    xs, ys = levels(inputs[x_key]), levels(inputs[y_key])
    grid = np.full((len(ys), len(xs)), np.nan)
    for j, yv in enumerate(ys):
        for i, xv in enumerate(xs):
            sel = (inputs[x_key] == xv) & (inputs[y_key] == yv) & np.isfinite(y)
            if sel.any():
                grid[j, i] = y[sel].mean()
    fig, ax = plt.subplots(figsize=(1.2 * len(xs) + 3, 0.8 * len(ys) + 2.5))
    im = ax.imshow(grid, origin="lower", aspect="auto", cmap="viridis")
    ax.set_xticks(range(len(xs)), [f"{v:g}" if not isinstance(v, str) else v for v in xs])
    ax.set_yticks(range(len(ys)), [f"{v:g}" if not isinstance(v, str) else v for v in ys])
    ax.set_xlabel(label(x_key, units))
    ax.set_ylabel(label(y_key, units))
    for j in range(len(ys)):
        for i in range(len(xs)):
            if np.isfinite(grid[j, i]):
                ax.text(i, j, f"{grid[j, i]:.3g}", ha="center", va="center", color="w", fontsize=8)
    fig.colorbar(im, ax=ax, label=f"{metric} [{metric_units}]")
    ax.set_title(f"{name}: {metric}")
    fig.tight_layout()
    fig.savefig(os.path.join(out, f"heatmap_{safe(metric)}.png"), dpi=150)
    plt.close(fig)


def lines(out, name, design, metric, y, x_key, group_key, inputs, units, metric_units,
          spread=(1, None)):
    """One line per level of group_key over x_key; with replicates, error bars of +- one SD
    over the seeds (pooled when several runs share a point)."""
    replicates, sd = spread
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    x = inputs[x_key]
    ok = np.isfinite(y)
    if design in ("grid", "zip") and x.dtype != object:
        groups = levels(inputs[group_key]) if group_key else [None]
        for g in groups:
            sel = ok if g is None else ok & (inputs[group_key] == g)
            xs = levels(x[sel])
            means = [y[sel & (x == xv)].mean() for xv in xs]
            errors = None if sd is None else [np.sqrt(np.mean(sd[sel & (x == xv)] ** 2))
                                              for xv in xs]
            ax.errorbar(xs, means, yerr=errors, marker="o", capsize=3,
                        label=None if g is None else f"{group_key} = {g:g}"
                        if not isinstance(g, str) else f"{group_key} = {g}")
        if group_key:
            ax.legend(fontsize=8)
    elif sd is None:
        ax.scatter(x[ok], y[ok], s=12, alpha=0.7)
    else:
        ax.errorbar(x[ok], y[ok], yerr=sd[ok], fmt="o", markersize=3, alpha=0.7, capsize=2)
    ax.set_xlabel(label(x_key, units))
    ax.set_ylabel(f"{metric} [{metric_units}]")
    over = f" (mean +- SD over {replicates} seeds)" if sd is not None else ""
    ax.set_title(f"{name}: {metric}{over}", fontsize=10 if over else None)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(os.path.join(out, f"lines_{safe(metric)}.png"), dpi=150)
    plt.close(fig)


def tornado(out, name, metric, s):
    keys = s["keys"]
    if s["method"] == "sobol":
        main, low, high = s["ST"], s["ST_low"], s["ST_high"]
        second, slow, shigh = s["S1"], s["S1_low"], s["S1_high"]
        main_label, second_label, xlabel = "total ST", "first order S1", "Sobol index"
    else:
        main, low, high = s["mu_star"], s["mu_star_low"], s["mu_star_high"]
        second, slow, shigh = s["sigma"], s["sigma"], s["sigma"]
        main_label, second_label, xlabel = "mu*", "sigma", f"elementary effect of {metric}"
    order = np.argsort(np.nan_to_num(main, nan=-np.inf))  # largest at the top of the chart
    pos = np.arange(len(keys))
    fig, ax = plt.subplots(figsize=(9, 0.55 * len(keys) + 1.8))

    def err(v, lo, hi):
        return np.vstack([np.clip(v - lo, 0, None), np.clip(hi - v, 0, None)])

    v, lo, hi = main[order], low[order], high[order]
    ax.barh(pos + 0.2, v, height=0.4, label=main_label, color="tab:blue",
            xerr=err(v, lo, hi) if np.isfinite(lo).any() else None, capsize=3)
    v2 = second[order]
    e2 = err(v2, slow[order], shigh[order]) if s["method"] == "sobol" and np.isfinite(slow).any() \
        else None
    ax.barh(pos - 0.2, v2, height=0.4, label=second_label, color="tab:orange", xerr=e2, capsize=3)
    ax.set_yticks(pos, [keys[i] for i in order])
    ax.axvline(0, color="k", lw=0.8)
    ax.set_xlabel(xlabel)
    ax.set_title(f"{name}: sensitivity of {metric}", fontsize=10)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(os.path.join(out, f"sensitivity_{safe(metric)}.png"), dpi=150)
    plt.close(fig)


def safe(name):
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("summary", help="summary.h5 written by dermasim sweep")
    p.add_argument("-o", "--output", required=True, help="directory for the PNG files")
    p.add_argument("--metric", action="append", help="metric column(s) to plot (default: all)")
    p.add_argument("--x", help="varied key on the x axis (default: the first)")
    p.add_argument("--y", help="second varied key (default: the second)")
    a = p.parse_args(argv)
    try:
        name, design, keys, inputs, units, metrics, sensitivity, (reps, sds) = \
            read_summary(a.summary)
    except (OSError, KeyError) as e:
        sys.exit(f"error: {a.summary}: not a dermasim sweep summary ({e})")
    for k in (a.x, a.y):
        if k and k not in keys:
            sys.exit(f"error: --x/--y: '{k}' is not a varied key; the keys are: {', '.join(keys)}")
    columns = a.metric or list(metrics)
    for m in columns:
        if m not in metrics:
            sys.exit(f"error: --metric: '{m}' is not in the summary; columns: {', '.join(metrics)}")
    os.makedirs(a.output, exist_ok=True)
    x_key = a.x or keys[0]
    others = [k for k in keys if k != x_key]
    y_key = a.y or (others[0] if others else None)
    written = 0
    for m in columns:
        y, mu = metrics[m]
        if not np.isfinite(y).any():
            print(f"plot_sweep: {m}: no finished run, skipped", file=sys.stderr)
            continue
        if y_key and design in ("grid", "zip"):
            heatmap(a.output, name, m, y, x_key, y_key, inputs, units, mu)
            written += 1
        lines(a.output, name, design, m, y, x_key, y_key, inputs, units, mu, (reps, sds.get(m)))
        written += 1
        if m in sensitivity:
            tornado(a.output, name, m, sensitivity[m])
            written += 1
    print(f"plot_sweep: {written} figures in {a.output}")


if __name__ == "__main__":
    main(sys.argv[1:])
