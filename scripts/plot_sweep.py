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
Axes name the varied keys in words with their units; colour ranges start at zero (percentages
run 0-100 %) so that a small difference looks small (--zoom: the data's own range, said in the
title); sensitivity charts from too few samples carry a warning.
"""
import argparse
import os
import sys
import textwrap

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dermasim_results import PALETTE, use_palette  # noqa: E402

# Below these, Sobol indices and Morris statistics are mostly sampling noise (Saltelli et al.
# recommend hundreds of base samples; Morris screening needs about ten trajectories).
MIN_SOBOL_SAMPLES = 64
MIN_MORRIS_TRAJECTORIES = 10
# Scenario sections that a key's name can do without on an axis ("treatment.needle_length").
SECTIONS = ("treatment.", "skin.", "scar.", "domain.", "simulation.", "parameters.")


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def read_summary(path):
    """Inputs (numbers or strings), metric columns and sensitivity groups of a summary file."""
    with h5py.File(path, "r") as f:
        keys = [k.decode() if isinstance(k, bytes) else k for k in f["runs/keys"][()]]
        inputs, units = {}, {}
        for key in keys:
            ds = f["inputs"][key]
            if ds.dtype.kind == "f":
                inputs[key] = ds[()]
                units[key] = text(ds.attrs.get("units", ""))
            else:
                inputs[key] = np.array(ds.asstr()[()], dtype=object)
                units[key] = ""
        metrics = {name: (ds[()], text(ds.attrs.get("units", "")))
                   for name, ds in f["metrics"].items()}
        # With replicates (seeds per design point) the metrics are means and have an SD each.
        replicates = int(f.attrs.get("replicates", 1))
        sds = {name: ds[()] for name, ds in f["metrics_sd"].items()} if "metrics_sd" in f else {}
        sensitivity = {}
        for name, g in f.get("sensitivity", {}).items():
            sensitivity[name] = {"method": text(g.attrs["method"]),
                                 "samples": int(g.attrs.get("samples_used", 0)),
                                 "keys": list(g["keys"].asstr()[()]),
                                 **{k: g[k][()] for k in g if k != "keys"}}
        design = text(f.attrs["design"])
        name = text(f.attrs.get("sweep_name", os.path.basename(path)))
    return name, design, keys, inputs, units, metrics, sensitivity, (replicates, sds)


def words(key):
    """A varied key in words: "treatment.sessions.spacing" -> "sessions spacing"."""
    for section in SECTIONS:
        if key.startswith(section):
            key = key[len(section):]
            break
    return key.replace(".", " ").replace("_", " ")


def label(key, units):
    """Axis label of a varied key, with its unit: "needle length (mm)"."""
    unit = units.get(key)
    return f"{words(key)} ({unit})" if unit and unit != "1" else words(key)


def value_text(key, value, units):
    """'4 weeks', '1.5 mm', 'pen': a key's value with its unit, for ticks and legends."""
    if isinstance(value, str):
        return value
    unit = units.get(key)
    return f"{value:g} {unit}" if unit and unit != "1" else f"{value:g}"


def metric_label(metric, unit):
    """ "improvement_pct@6months", "%" -> "improvement at 6months (%)"."""
    name, _, at = metric.partition("@")
    for suffix in ("_pct", "_mm2", "_mm"):
        name = name[:-len(suffix)] if name.endswith(suffix) else name
    name = name.replace("_", " ") + (f" at {'the end' if at == 'end' else at}" if at else "")
    return f"{name} ({unit})" if unit and unit != "1" else name


def colour_range(values, unit, zoom):
    """(vmin, vmax, note): from zero (0-100 for percentages) unless zoomed to the data."""
    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    if zoom or low == high:
        return low, high, "colour range: the data's own (zoomed)"
    if unit == "%" and low >= 0 and high <= 100:
        return 0.0, 100.0, "colour range 0-100 %"
    if low >= 0:
        return 0.0, high, "colour range from 0"
    if high <= 0:
        return low, 0.0, "colour range up to 0"
    return low, high, ""


def levels(values):
    """Distinct values in order (numbers ascending, strings as first seen)."""
    if values.dtype == object:
        return list(dict.fromkeys(values))
    return sorted(set(values.tolist()))


def heatmap(out, name, metric, y, x_key, y_key, inputs, units, metric_units, zoom):
    xs, ys = levels(inputs[x_key]), levels(inputs[y_key])
    grid = np.full((len(ys), len(xs)), np.nan)
    for j, yv in enumerate(ys):
        for i, xv in enumerate(xs):
            sel = (inputs[x_key] == xv) & (inputs[y_key] == yv) & np.isfinite(y)
            if sel.any():
                grid[j, i] = y[sel].mean()
    vmin, vmax, range_note = colour_range(grid, metric_units, zoom)
    fig, ax = plt.subplots(figsize=(1.3 * len(xs) + 4, 0.8 * len(ys) + 2.8))
    im = ax.imshow(grid, origin="lower", aspect="auto", cmap="viridis", vmin=vmin, vmax=vmax)
    ax.set_xticks(range(len(xs)), [value_text(x_key, v, units) for v in xs])
    ax.set_yticks(range(len(ys)), [value_text(y_key, v, units) for v in ys])
    ax.set_xlabel(label(x_key, units))
    ax.set_ylabel(label(y_key, units))
    for j in range(len(ys)):
        for i in range(len(xs)):
            if np.isfinite(grid[j, i]):
                light = im.norm(grid[j, i]) > 0.6  # dark text on viridis' yellow end
                ax.text(i, j, f"{grid[j, i]:.3g}", ha="center", va="center",
                        color="k" if light else "w", fontsize=8)
    fig.colorbar(im, ax=ax, label=metric_label(metric, metric_units))
    others = [k for k in inputs if k not in (x_key, y_key)]
    mean_note = f"; mean over {', '.join(words(k) for k in others)}" if others else ""
    ax.set_title(f"{name}: {metric_label(metric, metric_units)}\n({range_note}{mean_note})",
                 fontsize=10)
    fig.tight_layout()
    fig.savefig(os.path.join(out, f"heatmap_{safe(metric)}.png"), dpi=150)
    plt.close(fig)


def lines(out, name, design, metric, y, x_key, group_key, inputs, units, metric_units, zoom,
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
            ax.errorbar(xs, means, yerr=errors, marker="o", capsize=3, label=None if g is None
                        else f"{words(group_key)} = {value_text(group_key, g, units)}")
        if group_key:
            ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    elif sd is None:
        ax.scatter(x[ok], y[ok], s=12, alpha=0.7)
    else:
        ax.errorbar(x[ok], y[ok], yerr=sd[ok], fmt="o", markersize=3, alpha=0.7, capsize=2)
    ax.set_xlabel(label(x_key, units))
    ax.set_ylabel(metric_label(metric, metric_units))
    vmin, vmax, range_note = colour_range(y[ok], metric_units, zoom)
    if vmin < vmax:
        pad = 0.04 * (vmax - vmin)
        ax.set_ylim(vmin - pad if vmin != 0 else 0, vmax + pad)
    over = f", mean +- SD over {replicates} seeds" if sd is not None else ""
    ax.set_title(f"{name}: {metric_label(metric, metric_units)}\n"
                 f"({range_note.replace('colour range', 'y axis')}{over})", fontsize=10)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(os.path.join(out, f"lines_{safe(metric)}.png"), dpi=150, bbox_inches="tight")
    plt.close(fig)


def sensitivity_warning(s):
    """Why these indices should not be trusted, or "" when nothing says so."""
    reasons = []
    if s["method"] == "sobol":
        if 0 < s["samples"] < MIN_SOBOL_SAMPLES:
            reasons.append(f"only {s['samples']} base samples (use at least "
                           f"{MIN_SOBOL_SAMPLES})")
        outside = [v for v in np.concatenate([s["ST"], s["S1"]])
                   if np.isfinite(v) and (v < -0.05 or v > 1.05)]
        if outside:
            reasons.append("indices outside [0, 1] (" +
                           ", ".join(f"{v:.2f}" for v in outside[:3]) + ")")
        width = np.nanmax(s["ST_high"] - s["ST_low"]) if np.isfinite(s["ST_low"]).any() else 0
        if width > 0.5:
            reasons.append(f"intervals up to {width:.2f} wide")
    elif 0 < s["samples"] < MIN_MORRIS_TRAJECTORIES:
        reasons.append(f"only {s['samples']} trajectories (use at least "
                       f"{MIN_MORRIS_TRAJECTORIES})")
    return "; ".join(reasons)


def tornado(out, name, metric, s, metric_units):
    keys = s["keys"]
    if s["method"] == "sobol":
        main, low, high = s["ST"], s["ST_low"], s["ST_high"]
        second, slow, shigh = s["S1"], s["S1_low"], s["S1_high"]
        main_label, second_label, xlabel = "total ST", "first order S1", "Sobol index"
    else:
        main, low, high = s["mu_star"], s["mu_star_low"], s["mu_star_high"]
        second, slow, shigh = s["sigma"], s["sigma"], s["sigma"]
        main_label, second_label = "mu*", "sigma"
        xlabel = f"elementary effect on {metric_label(metric, metric_units)}"
    order = np.argsort(np.nan_to_num(main, nan=-np.inf))  # largest at the top of the chart
    pos = np.arange(len(keys))
    fig, ax = plt.subplots(figsize=(9, 0.55 * len(keys) + 1.8))

    def err(v, lo, hi):
        return np.vstack([np.clip(v - lo, 0, None), np.clip(hi - v, 0, None)])

    v, lo, hi = main[order], low[order], high[order]
    ax.barh(pos + 0.2, v, height=0.4, label=main_label, color=PALETTE[0],
            xerr=err(v, lo, hi) if np.isfinite(lo).any() else None, capsize=3)
    v2 = second[order]
    e2 = err(v2, slow[order], shigh[order]) if s["method"] == "sobol" and np.isfinite(slow).any() \
        else None
    ax.barh(pos - 0.2, v2, height=0.4, label=second_label, color=PALETTE[1], xerr=e2, capsize=3)
    ax.set_yticks(pos, [words(keys[i]) for i in order])
    ax.axvline(0, color="k", lw=0.8)
    ax.set_xlabel(xlabel)
    count = f"{s['samples']} {'base samples' if s['method'] == 'sobol' else 'trajectories'}"
    ax.set_title(f"{name}: sensitivity of {metric_label(metric, metric_units)} ({count})",
                 fontsize=10)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    warning = sensitivity_warning(s)
    if warning:
        print(f"plot_sweep: warning: {metric}: {warning}: the indices are unreliable",
              file=sys.stderr)
        fig.text(0.01, 0.005, textwrap.fill(f"Warning: {warning}. These indices are mostly "
                                            "sampling noise.", width=95),
                 color="#D55E00", fontsize=9, fontweight="bold", va="bottom")
        fig.subplots_adjust(bottom=0.2)
    fig.tight_layout(rect=(0, 0.08 if warning else 0, 1, 1))
    fig.savefig(os.path.join(out, f"sensitivity_{safe(metric)}.png"), dpi=150,
                bbox_inches="tight")
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
    p.add_argument("--zoom", action="store_true",
                   help="colour and y ranges from the data's minimum to maximum")
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
    use_palette()
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
            heatmap(a.output, name, m, y, x_key, y_key, inputs, units, mu, a.zoom)
            written += 1
        lines(a.output, name, design, m, y, x_key, y_key, inputs, units, mu, a.zoom,
              (reps, sds.get(m)))
        written += 1
        if m in sensitivity:
            tornado(a.output, name, m, sensitivity[m], mu)
            written += 1
    print(f"plot_sweep: {written} figures in {a.output}")


if __name__ == "__main__":
    main(sys.argv[1:])
