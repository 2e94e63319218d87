#!/usr/bin/python3
"""Figures of one dermasim run, ready for a lecture or a report.

Usage: /usr/bin/python3 scripts/plot_run.py RESULTS.h5 -o DIR [--no-gif] [--dpi N]

Writes to DIR:
  timeline.png          headline metrics over time, with treatment sessions marked
  cross_sections.png    collagen, fibroblasts and growth factor in the skin cross-section
                        before treatment, 2 days and 4 weeks after the first session (the
                        moments the run has snapshots for), and at the end of the simulation
  surface_profile.png   the scar's surface profile (volume-equivalent elevation) over time
  collagen.gif          the collagen cross-section over the course, as a short animation
                        (left out with --no-gif)
  captions.md           a caption for every figure, to paste under it
Panels whose data the file does not hold are skipped with a note (never an error).
Requires the Debian packages python3-h5py, python3-numpy and python3-matplotlib.
"""
import argparse
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dermasim_results import (TIMELINE_PANELS, Results, axis_label,  # noqa: E402
                              days_after_session, mark_events, use_palette)

GIF_FRAMES = 40  # at most: a GIF a class can load quickly (about 1 MB)

SECTION_FIELDS = [  # (title, how to get the section, colour map)
    ("Collagen (immature + mature)", "collagen", "viridis"),
    ("Fibroblasts", "fibroblasts", "magma"),
    ("Growth factor (TGF-\u03b2 / PDGF)", "growth_factor", "inferno"),
    ("RF peak temperature", "rf_peak_temperature", "hot"),
    ("RF thermal damage \u03a9", "thermal_damage", "cividis"),
]
# Fields that only RF sessions change: drawn only when a pulse left a mark.
RF_FIELDS = ("rf_peak_temperature", "thermal_damage")


def note(message):
    print(f"plot_run: {message}", file=sys.stderr)


def timeline(run, out_dir, dpi):
    """Returns the caption, or None when no panel could be drawn."""
    fig, axes = plt.subplots(3, 2, figsize=(11, 10), sharex=True)
    drawn = 0
    for ax, (title, ylabel, series, reference) in zip(axes.flat, TIMELINE_PANELS):
        unit = None
        for metric, label in series:
            data = run.metric(metric)
            if data is None:
                note(f"metric '{metric}' is not in {run.path}: skipped in the timeline")
                continue
            t, values, unit = data
            ax.plot(t, values, label=label, linewidth=1.6)
        if unit is None:
            ax.text(0.5, 0.5, "not recorded in this file", transform=ax.transAxes,
                    ha="center", va="center", color="0.4")
        else:
            drawn += 1
            if reference is not None:
                ax.axhline(reference, color="0.8", linewidth=0.8, zorder=0)
            if any(label for _, label in series):
                ax.legend(loc="best", fontsize=8)
        ax.set_title(title)
        ax.set_ylabel(axis_label(ylabel, unit))
        ax.grid(alpha=0.3)
    mark_events(axes.flat, run.events())
    for ax in axes[-1]:
        ax.set_xlabel("time since start of simulation (days)")
    if run.events():
        axes.flat[0].legend(loc="best", fontsize=8)
    fig.suptitle(f"{run.name}: response to treatment over time", fontsize=14)
    fig.tight_layout()
    fig.savefig(os.path.join(out_dir, "timeline.png"), dpi=dpi)
    plt.close(fig)
    if drawn == 0:
        return None
    return ("Timeline of the simulated tissue response. Improvement is the fraction of the "
            "initial collagen deficit under the scar that has been filled; scar depth is the "
            "depth of the surface depression (mm). Collagen is the total of each dermal layer "
            "relative to the same layer of healthy skin (1 = as much collagen as skin without "
            "a scar; the scar's missing collagen makes it start below 1, most in the papillary "
            "dermis it lies in). Fibroblasts and myofibroblasts are mean densities in the "
            "treated zone relative to the resting fibroblast density F0 of healthy dermis. "
            "Grey lines mark these references; vertical lines mark treatment sessions (solid) "
            "and maintenance sessions (dashed).")


def key_snapshots(run):
    """[(label, snapshot index)]: before, +2 days, +4 weeks after the first session, end.

    A moment is shown only when a snapshot lies near it (within a quarter of its delay after
    the session), and each snapshot only once: a short run or sparse snapshots must not
    label a snapshot with a moment it is not. Labels give the snapshot's true delay.
    """
    first = run.first_session_day()
    times = run.snapshot_times
    last = len(times) - 1
    if first is None:
        return [("start", 0), ("end", last)] if last > 0 else [("start", 0)]
    before = np.nonzero(times <= first)[0]
    picks = [("before treatment", int(before[-1]) if len(before) else 0)]
    for delay in (2.0, 28.0):
        s = run.nearest_snapshot(first + delay)
        if abs(times[s] - first - delay) <= delay / 4 and s not in [p for _, p in picks]:
            picks.append((days_after_session(run, float(times[s])).replace(", ", "\n"), s))
    if last not in [p for _, p in picks]:
        picks.append(("end", last))
    return picks


def section_data(run, key, snapshot):
    if key == "collagen":
        return run.collagen(snapshot), "mg/mm3"
    if not run.has_field(key):
        return None, None
    if key in RF_FIELDS:
        last = run.section(key, len(run.snapshot_times) - 1)
        if not np.nanmax(last) > np.nanmin(last):
            return None, None
    return run.section(key, snapshot), run.field_unit(key)


def draw_layers(ax, run):
    """Dashed lines at the depths where the tissue layer changes."""
    for k in np.nonzero(np.diff(run.layer))[0]:
        ax.axhline(run.z_mm[k] + run.spacing_mm / 2, color="white", linestyle="--",
                   linewidth=0.6, alpha=0.7)


def cross_sections(run, out_dir, dpi):
    picks = key_snapshots(run)
    rows = [(t, k, c) for t, k, c in SECTION_FIELDS if section_data(run, k, 0)[0] is not None]
    for title, key, _ in SECTION_FIELDS:
        if all(key != k for _, k, _ in rows) and key not in RF_FIELDS:
            note(f"field(s) for '{title}' not in {run.path}: row skipped")
    if not rows:
        return None
    width, depth = run.x_mm[-1] + run.spacing_mm / 2, run.z_mm[-1] + run.spacing_mm / 2
    fig, axes = plt.subplots(len(rows), len(picks), squeeze=False,
                             figsize=(3.4 * len(picks) + 1, 2.2 * len(rows) + 1.2))
    for r, (title, key, cmap) in enumerate(rows):
        sections = [section_data(run, key, s)[0] for _, s in picks]
        unit = section_data(run, key, 0)[1]
        vmin = min(np.nanmin(s) for s in sections)
        vmax = max(np.nanmax(s) for s in sections)
        for c, ((label, snapshot), data) in enumerate(zip(picks, sections)):
            ax = axes[r, c]
            image = ax.imshow(data, extent=[0, width, depth, 0], cmap=cmap, vmin=vmin,
                              vmax=vmax, aspect="auto", interpolation="nearest")
            draw_layers(ax, run)
            if r == 0:
                ax.set_title(f"{label}\n(day {run.snapshot_times[snapshot]:g} of the run)",
                             fontsize=10)
            if c == 0:
                ax.set_ylabel(f"{title}\ndepth (mm)", fontsize=9)
            if r == len(rows) - 1:
                ax.set_xlabel("lateral position (mm)")
        fig.colorbar(image, ax=list(axes[r]), label=unit, fraction=0.025, pad=0.01)
    where = " (middle y slice)" if run.dimensions == 3 else ""
    fig.suptitle(f"{run.name}: skin cross-section{where}", fontsize=14)
    fig.savefig(os.path.join(out_dir, "cross_sections.png"), dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    first = run.first_session_day()
    shown = [f"{label.splitlines()[0]} ("
             + ("injury and the growth-factor burst" if run.snapshot_times[s] - first < 7
                else "fibroblasts laying down new collagen") + "), "
             for label, s in picks if label not in ("before treatment", "end", "start")]
    where = " The 3D run is cut through the middle of its y extent." if run.dimensions == 3 \
        else ""
    return ("Cross-sections of the skin (depth downwards from the surface, dashed lines at "
            "the layer boundaries: epidermis, papillary and reticular dermis, hypodermis) "
            "just before the first session, " + "".join(shown) +
            "and at the end of the run; each title gives the snapshot's day. Each row shares "
            "one colour scale, from the field's lowest to its highest value in these panels, "
            "in the field's unit (mg/mm3 of collagen, cells/mm3, ng/mL of growth factor)."
            + where)


def surface_profile(run, out_dir, dpi):
    profiles = run.surface_profiles()
    if profiles is None:
        note(f"no /surface in {run.path} (written before the surface was recorded): "
             "surface profile skipped")
        return None
    times = run.snapshot_times
    fig, (ax, ax_map) = plt.subplots(1, 2, figsize=(14, 4.6),
                                     gridspec_kw={"width_ratios": [1.2, 1], "wspace": 0.45})
    chosen = sorted(set([s for _, s in key_snapshots(run)] +
                        list(np.linspace(0, len(times) - 1, 6).astype(int))))
    colours = plt.cm.viridis(np.linspace(0, 0.85, len(chosen)))  # not the pale yellow end
    for colour, s in zip(colours, chosen):
        ax.plot(run.x_mm, profiles[s], color=colour, label=f"day {times[s]:g}")
    ax.axhline(0, color="0.7", linewidth=0.8)
    ax.set_xlabel("lateral position (mm)")
    ax.set_ylabel("elevation vs the skin before treatment (mm)")
    ax.set_title("Surface profile at selected times")
    # Outside the axes: inside, the legend covered the curves it names.
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    ax.grid(alpha=0.3)
    limit = np.nanmax(np.abs(profiles)) or 1.0
    width = run.x_mm[-1] + run.spacing_mm / 2
    # pcolormesh, not imshow: snapshots are not evenly spaced (extra ones around sessions).
    x_edges = np.linspace(0, width, len(run.x_mm) + 1)
    t_edges = np.concatenate([[times[0]], (times[1:] + times[:-1]) / 2, [times[-1]]])
    image = ax_map.pcolormesh(x_edges, t_edges, profiles, cmap="RdBu_r", vmin=-limit,
                              vmax=limit, shading="flat")
    ax_map.set_xlabel("lateral position (mm)")
    ax_map.set_ylabel("time (days)")
    ax_map.set_title("Elevation over time (blue = depressed)")
    fig.colorbar(image, ax=ax_map, label="elevation (mm)")
    fig.suptitle(f"{run.name}: scar surface profile", fontsize=14)
    fig.savefig(os.path.join(out_dir, "surface_profile.png"), dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return ("Surface profile of the scar: the skin surface the engine computes, as the rise "
            "or fall (mm) relative to the untreated skin beside the scar. At each lateral "
            "position the change of collagen volume over the depth of the dermis counts (new "
            "collagen beyond the starting density only in part: needled dermis densifies), "
            "spread sideways by the skin sheet. An atrophic "
            "scar starts as a dip; treatment that rebuilds collagen raises it towards zero. "
            "Right: the same elevation at every snapshot (time upwards), blue where the "
            "surface lies below the surrounding skin, red above it, on a colour range "
            "symmetric about zero.")


def animation(run, out_dir):
    """collagen.gif: the collagen cross-section, one frame per snapshot (at most GIF_FRAMES),
    with a time bar under it that marks the sessions and the frame's day."""
    from matplotlib.animation import FuncAnimation, PillowWriter

    if run.collagen(0) is None:
        note("no collagen fields: animation skipped")
        return None
    times = run.snapshot_times
    picks = sorted(set(np.linspace(0, len(times) - 1, min(GIF_FRAMES, len(times)))
                       .round().astype(int).tolist()))
    frames = [run.collagen(s) for s in picks]
    width, depth = run.x_mm[-1] + run.spacing_mm / 2, run.z_mm[-1] + run.spacing_mm / 2
    fig, (ax, bar) = plt.subplots(2, 1, figsize=(7, 4.6),
                                  gridspec_kw={"height_ratios": [5, 1], "hspace": 0.6})
    image = ax.imshow(frames[0], extent=[0, width, depth, 0], cmap="viridis", aspect="auto",
                      vmin=min(np.nanmin(f) for f in frames),
                      vmax=max(np.nanmax(f) for f in frames), interpolation="nearest")
    draw_layers(ax, run)
    fig.colorbar(image, ax=ax, label="collagen (mg/mm3)")
    ax.set_xlabel("lateral position (mm)")
    ax.set_ylabel("depth (mm)")
    mark_events([bar], run.events(), color="0.3", label=False)
    bar.set_xlim(times[0], times[-1])
    bar.set_yticks([])
    bar.set_xlabel("day (vertical lines: sessions)")
    cursor = bar.axvline(times[0], color="#D55E00", linewidth=3)

    def show(j):
        day = float(times[picks[j]])
        image.set_data(frames[j])
        cursor.set_xdata([day, day])
        when = days_after_session(run, day)
        ax.set_title(f"{run.name}: collagen, day {day:g}" + (f" ({when})" if when else ""),
                     fontsize=10)
        return [image, cursor]

    FuncAnimation(fig, show, frames=len(frames)).save(
        os.path.join(out_dir, "collagen.gif"), writer=PillowWriter(fps=4), dpi=80)
    plt.close(fig)
    where = " (middle y slice of the 3D run)" if run.dimensions == 3 else ""
    return ("Animation of the total collagen (immature + mature, mg/mm3) in the skin "
            f"cross-section{where} over the course, one frame per snapshot, on one colour range "
            "for all frames; the bar underneath marks the sessions and the frame's day.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("results", help="results file written by 'dermasim run'")
    parser.add_argument("-o", "--output", default="figures", help="output directory")
    parser.add_argument("--no-gif", dest="gif", action="store_false",
                        help="do not write collagen.gif")
    # --gif was needed before the animation became a default; still accepted.
    parser.add_argument("--gif", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(gif=True)
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args()
    os.makedirs(args.output, exist_ok=True)
    use_palette()
    try:
        run = Results(args.results)
    except (OSError, ValueError, KeyError) as error:
        print(f"plot_run: error: {args.results}: {error}", file=sys.stderr)
        return 1
    with run:
        if run.status != "complete":
            note(f"{args.results} has status '{run.status}': figures show the run so far")
        if len(run.snapshot_times) == 0:
            note("no field snapshots: only the timeline is drawn")
        try:
            run.verify()
            captions = {"timeline.png": timeline(run, args.output, args.dpi)}
            if len(run.snapshot_times) > 0:
                captions["cross_sections.png"] = cross_sections(run, args.output, args.dpi)
                captions["surface_profile.png"] = surface_profile(run, args.output, args.dpi)
                if args.gif:
                    captions["collagen.gif"] = animation(run, args.output)
        except OSError as error:
            # A chunk failing its Fletcher32 checksum: nothing is plotted from a damaged file.
            print(f"plot_run: error: {args.results}: damaged ({error}); "
                  f"'dermasim info {args.results}' names the dataset", file=sys.stderr)
            return 1
    with open(os.path.join(args.output, "captions.md"), "w", encoding="utf-8") as out:
        out.write(f"# Figures of '{run.name}' ({os.path.basename(args.results)})\n\n")
        for name, caption in captions.items():
            if caption:
                out.write(f"## {name}\n\n{caption}\n\n")
    for name, caption in captions.items():
        if caption:
            print(os.path.join(args.output, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
