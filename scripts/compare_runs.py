#!/usr/bin/python3
"""Overlay the timelines of several dermasim runs (e.g. 4-week vs 6-week session spacing).

Usage: /usr/bin/python3 scripts/compare_runs.py A.h5 B.h5 ... -o DIR [--labels A B ...]

Writes DIR/compare_timeline.png (the panels of plot_run.py's timeline, one colour per run,
each run's sessions as short ticks of its colour along the top of every panel) and
DIR/captions.md. A run made with `dermasim run --replicates N` is drawn as the mean over its
seeds with a shaded band of +- one sample SD, and its legend entry says how many seeds. Metrics
missing from a run are skipped for that run, with a note.
Requires the Debian packages python3-h5py, python3-numpy and python3-matplotlib.
"""
import argparse
import os
import sys
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dermasim_results import (PALETTE, TIMELINE_PANELS, Results, axis_label,  # noqa: E402
                              run_labels)

MARKER_STYLES = {"session": "v", "maintenance": "1"}


def note(message):
    print(f"compare_runs: {message}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("results", nargs="+", help="results files written by 'dermasim run'")
    parser.add_argument("-o", "--output", default="figures", help="output directory")
    parser.add_argument("--labels", nargs="+", help="one legend label per run")
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args()
    if args.labels and len(args.labels) != len(args.results):
        parser.error(f"{len(args.labels)} labels for {len(args.results)} runs")
    os.makedirs(args.output, exist_ok=True)

    runs = []
    for path in args.results:
        try:
            runs.append(Results(path))
        except (OSError, ValueError, KeyError) as error:
            print(f"compare_runs: error: {path}: {error}", file=sys.stderr)
            return 1
    for run in runs:
        band = run.replicate_band("improvement_pct")
        if band is not None:
            note(f"{run.path}: {band[3]} seeds, drawn as mean +- SD bands")
    labels = args.labels or run_labels(runs)
    colours = PALETTE

    fig, axes = plt.subplots(3, 2, figsize=(11, 10), sharex=True)
    for ax, (title, ylabel, series, reference) in zip(axes.flat, TIMELINE_PANELS):
        unit = None
        for r, (run, label) in enumerate(zip(runs, labels)):
            for s, (metric, part) in enumerate(series):
                data = run.metric(metric)
                if data is None:
                    note(f"metric '{metric}' is not in {run.path}: skipped for this run")
                    continue
                t, values, unit = data
                text = f"{label}, {part}" if part else label
                band = run.replicate_band(metric)
                colour = colours[r % len(colours)]
                if band is not None:
                    t, values, sd, seeds = band
                    ax.fill_between(t, values - sd, values + sd, color=colour, alpha=0.2,
                                    linewidth=0)
                    text += f" (mean +- SD, {seeds} seed{'s' if seeds != 1 else ''})"
                ax.plot(t, values, color=colour, linestyle=["-", "--", ":"][s % 3],
                        linewidth=1.5, label=text)
            for event in run.events():
                ax.plot(event["time_days"], 1.0, MARKER_STYLES.get(event["kind"], "|"),
                        color=colours[r % len(colours)], transform=ax.get_xaxis_transform(),
                        clip_on=False, markersize=6)
        if unit is None:
            ax.text(0.5, 0.5, "not recorded in these files", transform=ax.transAxes,
                    ha="center", va="center", color="0.4")
        elif reference is not None:
            ax.axhline(reference, color="0.8", linewidth=0.8, zorder=0)
        ax.set_title(title, pad=10)
        ax.set_ylabel(axis_label(ylabel, unit))
        ax.grid(alpha=0.3)
    for ax in axes[-1]:
        ax.set_xlabel("time since start of simulation (days)")
    # One legend for the figure, below the panels, so that it covers no curve; the collagen
    # panel's layers are told apart by line style (explained in the caption).
    handles, names = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, names, loc="upper center", bbox_to_anchor=(0.5, 0.0),
               ncol=min(3, len(names)), fontsize=9, frameon=False)
    title = textwrap.fill("Comparison of runs: " + " vs ".join(labels), width=90)
    fig.suptitle(title, fontsize=12)
    fig.tight_layout()
    out = os.path.join(args.output, "compare_timeline.png")
    fig.savefig(out, dpi=args.dpi, bbox_inches="tight")
    plt.close(fig)
    for run in runs:
        run.close()

    with open(os.path.join(args.output, "captions.md"), "w", encoding="utf-8") as captions:
        captions.write("# Comparison of runs\n\n## compare_timeline.png\n\n"
                       "Headline metrics of " + ", ".join(labels) + " over time, one colour "
                       "per run (colour-blind-safe palette); a run with replicates is the mean "
                       "over its seeds with a shaded band of +- one standard deviation. "
                       "Triangles along the top of each panel mark that run's treatment "
                       "sessions (tri-markers: maintenance sessions). In the collagen panel, "
                       "solid lines are the papillary and dashed lines the reticular dermis, "
                       "each relative to the same layer of healthy skin (1 = no collagen "
                       "missing); fibroblasts are relative to the resting density F0 of "
                       "healthy dermis.\n")
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
