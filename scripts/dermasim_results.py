"""Reading dermasim results files for the plotting scripts (plot_run.py, compare_runs.py,
report.py).

The layout is documented in docs/file-format.md. Everything here is read-only and tolerant:
a missing metric or field returns None so that a figure can skip its panel and say so.
Requires the Debian packages python3-h5py and python3-numpy (run with /usr/bin/python3).
"""
import os

import h5py
import numpy as np

# Timeline panels: (title, y label, [(metric, line label)], reference line or None).
TIMELINE_PANELS = [
    ("Scar improvement", "improvement", [("improvement_pct", None)], 0.0),
    ("Scar depth", "depth", [("scar_depth_mm", None)], None),
    ("Dermal collagen by layer", "relative to healthy skin",
     [("collagen_papillary_rel", "papillary"), ("collagen_reticular_rel", "reticular")], 1.0),
    ("Fibroblasts (treated zone)", "relative to F0", [("fibroblasts_rel", None)], 1.0),
    ("Myofibroblasts (treated zone)", "relative to F0", [("myofibroblasts_rel", None)], 0.0),
    ("Inflammation (mean)", "activity", [("inflammation_mean", None)], 0.0),
]

LAYER_NAMES = ["epidermis", "papillary dermis", "reticular dermis", "hypodermis"]

# Okabe & Ito's palette: told apart with every common form of colour blindness, and in grey.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000",
           "#F0E442"]

# Suffixes of replicate statistics beside a metric (`dermasim run --replicates N`): the centre
# line, then either a symmetric spread or a low/high pair. Several spellings are accepted so
# that the figures do not depend on the exact naming of the writer.
_CENTRE = ("_mean", "_median")
_SPREAD = ("_std", "_sd", "_stddev", "_spread")
_BOUNDS = (("_low", "_high"), ("_lo", "_hi"), ("_min", "_max"), ("_p05", "_p95"),
           ("_p5", "_p95"), ("_q05", "_q95"), ("_p10", "_p90"), ("_q25", "_q75"))
_STAT_SUFFIXES = _CENTRE + _SPREAD + tuple(x for pair in _BOUNDS for x in pair)


def _text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


class Results:
    """One results file. Use as a context manager or call close()."""

    def __init__(self, path):
        self.path = str(path)
        self.file = h5py.File(self.path, "r")
        attrs = self.file.attrs
        if _text(attrs.get("file_kind", "")) != "dermasim results":
            raise ValueError(f"{self.path}: not a dermasim results file")
        self.name = _text(attrs.get("scenario_name", "unnamed"))
        self.status = _text(attrs.get("status", "unknown"))
        grid = self.file["grid"]
        self.dimensions = int(grid.attrs["dimensions"])
        self.spacing_mm = float(grid.attrs["spacing_mm"])
        self.x_mm = grid["x_mm"][()]
        self.z_mm = grid["z_mm"][()]
        self.layer = grid["layer"][()]
        self.snapshot_times = self.file["fields/time_days"][()]

    def verify(self):
        """Reads every series (fields, surface, metrics, events) once, snapshot by snapshot,
        so that HDF5 checks each chunk's Fletcher32 checksum: raises OSError on damage, as
        `dermasim info` reports it. Figures read only some snapshots; this reads them all."""
        for group in ("fields", "surface", "metrics"):
            for dataset in self.file.get(group, {}).values():
                for row in range(dataset.shape[0]):
                    dataset[row]
        if "events" in self.file:
            self.file["events"][()]

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()

    def close(self):
        self.file.close()

    def metric(self, name):
        """(time_days, values, unit) of a /metrics series, or None when absent or empty."""
        group = self.file.get("metrics")
        if group is None or name not in group or len(group[name]) == 0:
            return None
        dataset = group[name]
        return group["time_days"][()], dataset[()], _text(dataset.attrs.get("units", ""))

    def replicate_band(self, name):
        """(time_days, mean, sd, seeds) of a metric over the replicates of a run made with
        --replicates, or None when the file has no /replicates or not that metric."""
        group = self.file.get("replicates")
        if group is None or name not in group["mean"] or name not in group["sd"]:
            return None
        return (self.file["metrics/time_days"][()], group["mean"][name][()],
                group["sd"][name][()], len(group["seeds"]))

    def events(self):
        """List of dicts: time_days, kind, device, needle_length_mm, penetration_mm, punctures."""
        if "events" not in self.file:
            return []
        table = self.file["events"][()]
        return [{name: (_text(row[name]) if table.dtype[name].kind == "S" else row[name].item())
                 for name in table.dtype.names} for row in table]

    def metric_names(self):
        """The /metrics series in file order, without the replicate statistics beside them."""
        group = self.file.get("metrics")
        if group is None:
            return []
        names = [n for n in group if n != "time_days" and isinstance(group[n], h5py.Dataset)]
        return [n for n in names
                if not any(n.endswith(x) and n[:-len(x)] in names for x in _STAT_SUFFIXES)]

    def metric_description(self, name):
        dataset = self.file.get("metrics", {}).get(name)
        return "" if dataset is None else _text(dataset.attrs.get("description", ""))

    def spread_band(self, name):
        """(time_days, centre, low, high, label) of a metric over replicate seeds, or None.

        Reads what `dermasim run --replicates N` writes: /replicates/mean/<name> and
        /replicates/sd/<name> (docs/file-format.md, "Replicates"), and, defensively, other
        layouts: statistics beside the metric (<name>_mean with <name>_std, or _low/_high
        ...), or per-seed series as a 2D /metrics/<name> (seed, time) or in a replicates
        group. Anything else: None.
        """
        group = self.file.get("metrics")
        if group is None or "time_days" not in group:
            return None
        t = group["time_days"][()]
        stats = self.file.get("replicates")
        if isinstance(stats, h5py.Group) and all(
                k in stats and name in stats[k] and stats[k][name].shape == t.shape
                for k in ("mean", "sd")):
            mean, sd = stats["mean"][name][()], stats["sd"][name][()]
            seeds = len(stats["seeds"]) if "seeds" in stats else int(stats.attrs.get("count", 0))
            return t, mean, mean - sd, mean + sd, f"mean \u00b1 1 SD of {seeds} seeds"
        series = self._per_seed(name)
        if series is not None and series.shape[-1] == len(t) and len(series) > 1:
            low, high = np.nanmin(series, axis=0), np.nanmax(series, axis=0)
            return t, np.nanmean(series, axis=0), low, high, f"range of {len(series)} seeds"
        get = lambda suffix: (group[name + suffix][()] if name + suffix in group and
                              group[name + suffix].shape == t.shape else None)
        centre = next((get(x) for x in _CENTRE if get(x) is not None), None)
        if centre is None and name in group and group[name].ndim == 1:
            centre = group[name][()]
        if centre is None:
            return None
        for suffix in _SPREAD:
            spread = get(suffix)
            if spread is not None:
                return t, centre, centre - spread, centre + spread, "mean \u00b1 1 SD of seeds"
        for lo, hi in _BOUNDS:
            if get(lo) is not None and get(hi) is not None:
                return t, centre, get(lo), get(hi), f"seed spread ({lo[1:]} to {hi[1:]})"
        return None

    def _per_seed(self, name):
        """A (seeds, time) array of one metric from replicate runs, or None."""
        group = self.file["metrics"]
        if name in group and group[name].ndim == 2:
            return group[name][()]
        for key in self.file:
            node = self.file[key]
            if "replicate" not in key.lower() or not isinstance(node, h5py.Group):
                continue
            if name in node and isinstance(node[name], h5py.Dataset) and node[name].ndim == 2:
                return node[name][()]
            rows = [node[seed]["metrics"][name][()] for seed in node
                    if isinstance(node[seed], h5py.Group) and "metrics" in node[seed]
                    and name in node[seed]["metrics"]]
            if rows and len({len(r) for r in rows}) == 1:
                return np.array(rows)
            if "metrics" in node and name in node["metrics"] and node["metrics"][name].ndim == 2:
                return node["metrics"][name][()]
        return None

    def attribute(self, name, default=""):
        value = self.file.attrs.get(name, default)
        return _text(value) if isinstance(value, (bytes, str)) else value

    def scenario_text(self, resolved=False):
        key = "scenario_resolved" if resolved else "scenario"
        return _text(self.file[key][()]) if key in self.file else ""

    def description(self):
        """The scenario's one-line description, or ""."""
        for line in self.scenario_text(resolved=True).splitlines():
            if line.startswith("description:"):
                return line.split(":", 1)[1].split(" #")[0].strip().strip('"')
        return ""

    def parameters(self):
        """{name: (value, unit)} of the model parameters in /parameters."""
        if "parameters" not in self.file:
            return {}
        attrs = self.file["parameters"].attrs
        return {k: (attrs[k].item() if hasattr(attrs[k], "item") else _text(attrs[k]),
                    _text(attrs.get(k + ".units", "")))
                for k in sorted(attrs) if not k.endswith(".units")}

    def first_session_day(self):
        sessions = [e["time_days"] for e in self.events() if e["kind"] == "session"]
        return min(sessions) if sessions else None

    def has_field(self, name):
        return name in self.file["fields"]

    def field_unit(self, name):
        return _text(self.file["fields"][name].attrs.get("units", ""))

    def section(self, name, snapshot):
        """A (nz, nx) cross-section of field `name` at a snapshot index (3D: middle y)."""
        dataset = self.file["fields"][name]
        if self.dimensions == 3:
            return dataset[snapshot, :, dataset.shape[2] // 2, :].astype(np.float64)
        return dataset[snapshot].astype(np.float64)

    def collagen(self, snapshot):
        """Total collagen (immature + mature) cross-section, or None without collagen fields."""
        parts = [self.section(n, snapshot) for n in ("collagen_immature", "collagen_mature")
                 if self.has_field(n)]
        return sum(parts) if parts else None

    def nearest_snapshot(self, day):
        return int(np.argmin(np.abs(self.snapshot_times - day)))

    def surface_profiles(self):
        """Surface elevation w(x) in mm for every snapshot, shape (S, nx), or None when the
        file records no surface: the engine's own skin surface (/surface/elevation_mm, the one
        its scar metrics measure; docs/model.md, "The skin surface"). For a 3D file this is
        the section through the middle (y)."""
        if "surface" not in self.file or "elevation_mm" not in self.file["surface"]:
            return None
        elevation = self.file["surface"]["elevation_mm"]
        if self.dimensions == 3:
            return elevation[:, elevation.shape[1] // 2, :].astype(np.float64)
        return elevation[()].astype(np.float64)


def run_labels(runs):
    """One legend label per run: its scenario name, and where names repeat, what differs.

    Two runs of one scenario are told apart by the lines of their resolved scenarios that
    differ (e.g. "boxcar-standard (seed: 7)"), and only failing that by file name.
    """
    names = [run.name for run in runs]
    labels = list(names)
    for name in set(names):
        same = [i for i, n in enumerate(names) if n == name]
        if len(same) < 2:
            continue
        # Resolved lines without their comments (an override is marked "# --set ...").
        lines = [{line.split(" #")[0].strip()
                  for line in runs[i].scenario_text(resolved=True).splitlines()} for i in same]
        common = set.intersection(*lines)
        for i, own in zip(same, lines):
            differing = sorted(line for line in own - common
                               if line and not line.startswith(("output", "#")))
            if differing:
                detail = "; ".join(differing[:2]) + ("; ..." if len(differing) > 2 else "")
            else:
                detail = os.path.basename(runs[i].path)
            labels[i] = f"{name} ({detail})"
    if len(set(labels)) < len(labels):
        labels = [f"{label} ({os.path.basename(run.path)})" for label, run in zip(labels, runs)]
    return labels


def axis_label(text, unit):
    """'text (unit)', with '-' for a dimensionless unit ("1" in the file) or a missing one."""
    return f"{text} ({'-' if unit in (None, '', '1') else unit})"


def use_palette():
    """Matplotlib draws lines in PALETTE's order (colour-blind safe) from here on."""
    import matplotlib.pyplot as plt
    from cycler import cycler

    plt.rcParams["axes.prop_cycle"] = cycler(color=PALETTE)


def days_after_session(run, day):
    """'N days after session k' for the last session before `day`, or ''.

    A snapshot at a session's time is taken just before the session, and says so.
    """
    sessions = [e["time_days"] for e in run.events() if e["kind"] == "session"]
    before = [t for t in sessions if t < day - 1e-9]
    if not before:
        return "before treatment" if sessions else ""
    delta = day - before[-1]
    text = f"{delta:g} day{'s' if delta != 1 else ''} after session {len(before)}"
    if any(abs(t - day) <= 1e-9 for t in sessions):
        text += f", just before session {len(before) + 1}"
    return text


def mark_events(axes, events, color=None, label=True):
    """Vertical lines at sessions (solid) and maintenance (dashed) on every axis."""
    axes = list(axes)  # a numpy flat iterator would be exhausted after the first event
    styles = {"session": "-", "maintenance": "--"}
    seen = set()
    for event in events:
        style = styles.get(event["kind"], ":")
        for ax in axes:
            tag = event["kind"] if label and event["kind"] not in seen else None
            ax.axvline(event["time_days"], color=color or "0.55", linestyle=style, linewidth=0.9,
                       zorder=0, label=tag)
            if tag:
                seen.add(event["kind"])
