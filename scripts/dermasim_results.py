"""Reading dermasim results files for the plotting scripts (plot_run.py, compare_runs.py).

The layout is documented in docs/file-format.md. Everything here is read-only and tolerant:
a missing metric or field returns None so that a figure can skip its panel and say so.
Requires the Debian packages python3-h5py and python3-numpy (run with /usr/bin/python3).
"""
import h5py
import numpy as np

# Timeline panels: (title, y label, [(metric, line label)], reference line or None).
TIMELINE_PANELS = [
    ("Scar improvement", "improvement", [("improvement_pct", None)], 0.0),
    ("Scar depth", "depth", [("scar_depth_mm", None)], None),
    ("Dermal collagen by layer", "relative to baseline",
     [("collagen_papillary_rel", "papillary"), ("collagen_reticular_rel", "reticular")], 1.0),
    ("Fibroblasts (treated zone)", "relative to F0", [("fibroblasts_rel", None)], 1.0),
    ("Myofibroblasts (treated zone)", "relative to F0", [("myofibroblasts_rel", None)], 0.0),
    ("Inflammation (mean)", "activity", [("inflammation_mean", None)], 0.0),
]

LAYER_NAMES = ["epidermis", "papillary dermis", "reticular dermis", "hypodermis"]


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

    def dermis_rows(self):
        return (self.layer == 1) | (self.layer == 2)

    def parameter(self, name, default):
        """A model parameter from /parameters (engine units), or `default` if absent."""
        group = self.file.get("parameters")
        if group is None or name not in group.attrs:
            return default
        return float(group.attrs[name])

    def surface_profiles(self):
        """Surface elevation w(x) in mm for every snapshot, shape (S, nx), or None without
        collagen: the engine's skin surface (docs/model.md, "The skin surface").

        1. Column volume change v = sum over dermal rows of q(r) h, r = (C - Cbar) / Cbar,
           where collagen up to the start's density (and every deficit) counts in full and the
           rest with the share eps_V (surface.excess_volume_share): needled dermis densifies.
           Cbar(z) is the lateral maximum of the first snapshot's collagen (outside the scar).
        2. Spreading by the skin sheet: (1 - l^2 d_xx) w = v with no slope at the sides,
           l = surface.smoothing_length. For a 3D file this is the section through the middle,
           spread along x only (the engine also spreads along y).
        """
        if self.collagen(0) is None:
            return None
        share = self.parameter("surface.excess_volume_share", 1.0)
        length = self.parameter("surface.smoothing_length", 0.0)
        rows = self.dermis_rows()
        start = self.collagen(0)[rows]
        reference = np.max(start, axis=1, keepdims=True)
        reference[reference == 0] = np.nan
        full = np.maximum(0.0, start / reference - 1.0)
        spread = _spreading_operator(len(self.x_mm), (length / self.spacing_mm) ** 2)
        profiles = []
        for s in range(len(self.snapshot_times)):
            relative = self.collagen(s)[rows] / reference - 1.0
            volume = np.where(relative <= full, relative, full + share * (relative - full))
            profiles.append(spread @ (np.nansum(volume, axis=0) * self.spacing_mm))
        return np.array(profiles)


def _spreading_operator(n, a):
    """Inverse of (1 - a d_xx) on n cells with no-slope ends (the skin sheet, surface.hpp)."""
    matrix = np.diag(np.full(n, 1.0 + 2.0 * a)) - a * (np.eye(n, k=1) + np.eye(n, k=-1))
    matrix[0, 0] -= a
    matrix[-1, -1] -= a
    return np.linalg.inv(matrix)


def axis_label(text, unit):
    """'text (unit)', with '-' for a dimensionless unit ("1" in the file) or a missing one."""
    return f"{text} ({'-' if unit in (None, '', '1') else unit})"


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
