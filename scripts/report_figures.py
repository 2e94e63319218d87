"""The Plotly figures of the HTML report (report.py): time course, cross-sections, surface.

Each function returns (HTML fragment, caption). Fragments do not include plotly.js: the page
inlines it once. Figures are kept small enough for a hand-out: at most MAX_FRAMES snapshots
and MAX_CELLS cells per cross-section, values rounded to 4 significant digits.
"""
import json
import math
import re

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dermasim_results import LAYER_NAMES

MAX_FRAMES = 40
MAX_CELLS = (80, 160)  # depth rows, lateral columns of a drawn cross-section
# Sequential colours (viridis stops) for the surface profile at successive times; the last
# stops before viridis' pale yellow, which a white or grey background would swallow.
VIRIDIS = ["#440154", "#414487", "#2a788e", "#22a884", "#7ad151", "#bddf26"]
WHOLE_NUMBER = re.compile(r"(?<=[\[,])(-?\d+)\.0(?=[,\]])")
CONFIG = {"displaylogo": False, "responsive": True,
          "toImageButtonOptions": {"format": "png", "scale": 2}}
# Panel titles of the metrics a class asks about first, in this order; other metrics follow in
# file order, titled by their description.
METRIC_TITLES = {
    "improvement_pct": "Improvement: share of the scar's collagen deficit filled",
    "scar_depth_mm": "Scar depth below the surrounding surface",
    "scar_deficit_mm2": "Scar deficit: area below the surrounding surface",
    "collagen_papillary_rel": "Papillary dermis collagen (1 = as much as healthy skin)",
    "collagen_reticular_rel": "Reticular dermis collagen (1 = as much as healthy skin)",
    "collagen_type3_fraction": "Type III share of the collagen in the treated zone",
    "fibroblasts_rel": "Fibroblasts in the treated zone (1 = resting density F0)",
    "myofibroblasts_rel": "Myofibroblasts in the treated zone (relative to F0)",
    "inflammation_mean": "Inflammation in the treated zone (1 = acute peak)",
    "growth_factor_peak": "Highest growth-factor concentration",
    "pih_risk_index": "Risk index of post-inflammatory hyperpigmentation",
    "fibrosis_flag": "Fibrosis flag (1 = growth-factor loop self-sustaining)",
}
REFERENCE_ONE = {"collagen_papillary_rel", "collagen_reticular_rel", "fibroblasts_rel"}
# (title, fields summed, colour scale): the main fields of the model, as in plot_run.py (each
# field adds about 1 MB per run to the file).
SECTION_FIELDS = [
    ("Collagen, immature + mature", ("collagen_immature", "collagen_mature"), "Viridis"),
    ("Fibroblasts", ("fibroblasts",), "Cividis"),
    ("Growth factor (TGF-\u03b2 / PDGF)", ("growth_factor",), "Inferno"),
]


def rounded(values, digits=4):
    """Values to `digits` significant digits of the array's largest magnitude: a smaller file
    (a colour scale shows fewer than 3 digits anyway)."""
    values = np.asarray(values, dtype=np.float64)
    top = np.nanmax(np.abs(values)) if np.isfinite(values).any() else 0.0
    if not top:
        return values
    return np.round(values, max(0, digits - 1 - int(math.floor(math.log10(top)))))


def unit_text(unit):
    return "" if unit in (None, "", "1") else f" ({unit})"


def fragment(fig, div_id):
    """A <div> and the script that draws `fig` into it (frames added once it is drawn).

    Written here rather than by fig.to_html(), whose div ids are random in plotly 5.4; "</"
    is escaped so that no string in the figure can close the <script> element.
    """
    figure = fig.to_json().replace("</", "<\\/")
    figure = WHOLE_NUMBER.sub(r"\1", figure)  # 0.0 -> 0: a third of a cross-section's bytes
    config = json.dumps(CONFIG)
    return (f'<div id="{div_id}" class="plot"></div>\n<script>(function () {{\n'
            f"var fig = {figure};\n"
            f'Plotly.newPlot("{div_id}", fig.data, fig.layout, {config}).then(function (gd) {{\n'
            "  if (fig.frames) return Plotly.addFrames(gd, fig.frames);\n});\n})();</script>")


def transparent(colour, alpha):
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def session_text(event, number):
    kind = "maintenance" if event["kind"] == "maintenance" else "session"
    return (f"{kind} {number}, day {event['time_days']:g}: {event['device']}, needle "
            f"{event['needle_length_mm']:g} mm, penetration {event['penetration_mm']:.2g} mm")


def metrics_figure(runs, labels, colours):
    found = list(dict.fromkeys(n for r in runs for n in r.metric_names()))
    if not found:
        return "<p>The results files hold no metrics.</p>", ""
    names = [n for n in METRIC_TITLES if n in found] + [n for n in found if n not in METRIC_TITLES]
    units, titles = {}, []
    for name in names:
        units[name] = next((r.metric(name)[2] for r in runs if r.metric(name)), "")
        text = METRIC_TITLES.get(name) or next(
            (r.metric_description(name) for r in runs if r.metric_description(name)), name)
        titles.append(text + unit_text(units[name]))
    cols = 2
    rows = math.ceil(len(names) / cols)
    height = 250 * rows + 120
    fig = make_subplots(rows=rows, cols=cols, shared_xaxes=True,
                        vertical_spacing=75 / height, horizontal_spacing=0.08,
                        subplot_titles=titles)
    banded = False
    for r, (run, label, colour) in enumerate(zip(runs, labels, colours)):
        events = run.events()
        for m, name in enumerate(names):
            row, col = m // cols + 1, m % cols + 1
            data = run.metric(name)
            band = run.spread_band(name)
            if data is None and band is None:
                continue
            if band is not None:
                t, values, low, high, band_label = band
                banded = True
                fig.add_trace(go.Scatter(x=t, y=rounded(low), mode="lines", line_width=0,
                                         legendgroup=label, showlegend=False, hoverinfo="skip"),
                              row=row, col=col)
                fig.add_trace(go.Scatter(x=t, y=rounded(high), mode="lines", line_width=0,
                                         fill="tonexty", fillcolor=transparent(colour, 0.25),
                                         legendgroup=label, name=f"{label}: {band_label}",
                                         showlegend=m == 0, hoverinfo="skip"),
                              row=row, col=col)
            else:
                t, values = data[0], data[1]
            fig.add_trace(go.Scatter(
                x=t, y=rounded(values, 5), mode="lines", name=label, legendgroup=label,
                showlegend=m == 0, line=dict(color=colour, width=2),
                hovertemplate=f"{label}<br>day %{{x:.4g}}<br>{name} = %{{y:.4g}}"
                              f"{unit_text(units[name])}<extra></extra>"), row=row, col=col)
            if events:  # a marker on the curve at every session, hover for what was done
                times = np.array([e["time_days"] for e in events])
                at = np.interp(times, t, np.nan_to_num(values, nan=np.nanmean(values)))
                fig.add_trace(go.Scatter(
                    x=times, y=rounded(at), mode="markers", legendgroup=label, showlegend=False,
                    marker=dict(symbol="triangle-down", size=9, color=colour,
                                line=dict(color="white", width=1)),
                    text=[session_text(e, i + 1) for i, e in enumerate(events)],
                    hovertemplate="%{text}<extra>" + label + "</extra>"), row=row, col=col)
        for event in events:
            fig.add_vline(x=event["time_days"], row="all", col="all", line_width=1,
                          line_color=transparent(colour, 0.45),
                          line_dash="solid" if event["kind"] == "session" else "dash")
    for m, name in enumerate(names):  # the healthy-skin level of the relative metrics
        if name in REFERENCE_ONE:
            fig.add_hline(y=1, row=m // cols + 1, col=m % cols + 1, line_color="#888",
                          line_width=1, line_dash="dot")
    fig.update_xaxes(showticklabels=True)  # on every panel, not only the bottom row
    for col in range(1, cols + 1):
        fig.update_xaxes(title_text="time since start (days)", row=rows, col=col)
    fig.update_layout(height=height, hovermode="closest", margin=dict(t=90, b=50),
                      legend=dict(orientation="h", y=1 + 45 / height, yanchor="bottom", x=0,
                                  xanchor="left"))
    fig.update_annotations(font_size=12)
    caption = ("Every metric the run recorded, against the days since the start of the "
               "simulation; units in each panel's title. Vertical lines and triangles on the "
               "curves mark treatment sessions (dashed lines: maintenance); hover over a "
               "triangle for the device, needle length and penetration. The "
               "collagen of a layer is relative to the same layer of healthy skin (dotted line "
               "at 1), so it starts below 1 where the scar lacks collagen; fibroblasts are "
               "relative to the resting density F0 of healthy dermis.")
    if len(runs) > 1:
        caption += " One colour per run; click a name in the legend to hide or show that run."
    if banded:
        caption += (" Shaded bands show the spread over replicate seeds around their mean "
                    "(see the legend for which spread).")
    return fragment(fig, "plot-metrics"), caption


def coarse(section):
    """Block means so that a cross-section has at most MAX_CELLS cells (nz, nx)."""
    fz = max(1, math.ceil(section.shape[0] / MAX_CELLS[0]))
    fx = max(1, math.ceil(section.shape[1] / MAX_CELLS[1]))
    nz, nx = section.shape[0] // fz * fz, section.shape[1] // fx * fx
    trimmed = section[:nz, :nx]
    return trimmed.reshape(nz // fz, fz, nx // fx, fx).mean(axis=(1, 3)), fz, fx


def field_section(run, fields, snapshot):
    parts = [run.section(f, snapshot) for f in fields if run.has_field(f)]
    return sum(parts) if parts else None


def frame_indices(count):
    if count <= MAX_FRAMES:
        return list(range(count))
    return sorted(set(np.linspace(0, count - 1, MAX_FRAMES).round().astype(int).tolist()))


def sections_figure(run, label, div_id):
    rows = [(t, f, c) for t, f, c in SECTION_FIELDS if any(run.has_field(x) for x in f)]
    count = len(run.snapshot_times)
    if not rows or count == 0:
        return f"<p>{label}: no field snapshots in this file.</p>", ""
    snaps = frame_indices(count)
    units = [next(run.field_unit(x) for x in f if run.has_field(x)) for _, f, _ in rows]
    data = [[coarse(field_section(run, f, s))[0] for s in snaps] for _, f, _ in rows]
    _, fz, fx = coarse(field_section(run, rows[0][1], 0))
    h = run.spacing_mm
    x = (np.arange(data[0][0].shape[1]) + 0.5) * h * fx
    z = (np.arange(data[0][0].shape[0]) + 0.5) * h * fz
    fig = make_subplots(rows=len(rows), cols=1, shared_xaxes=True, vertical_spacing=0.06,
                        subplot_titles=[f"{t}{unit_text(u)}" for (t, _, _), u in
                                        zip(rows, units)])
    start = len(snaps) - 1
    for i, ((title, _, scale), unit, series) in enumerate(zip(rows, units, data)):
        low = min(float(np.nanmin(s)) for s in series)
        high = max(float(np.nanmax(s)) for s in series)
        domain = fig.layout[f"yaxis{i + 1 if i else ''}"].domain
        fig.add_trace(go.Heatmap(
            x=x, y=z, z=rounded(series[start], 3), zmin=low, zmax=high, colorscale=scale,
            colorbar=dict(len=(domain[1] - domain[0]) * 0.95, y=sum(domain) / 2,
                          thickness=14, title=dict(text=unit if unit != "1" else "-")),
            hovertemplate=f"x %{{x:.3g}} mm, depth %{{y:.3g}} mm<br>{title} = %{{z:.4g}}"
                          f"{unit_text(unit)}<extra></extra>"), row=i + 1, col=1)
        fig.update_yaxes(autorange="reversed", title_text="depth (mm)", row=i + 1, col=1)
        for k in np.nonzero(np.diff(run.layer))[0]:  # layer boundaries, dotted
            fig.add_hline(y=run.z_mm[k] + h / 2, row=i + 1, col=1, line_width=1,
                          line_dash="dot", line_color="rgba(255,255,255,0.7)")
    fig.update_xaxes(title_text="lateral position (mm)", row=len(rows), col=1)
    days = [float(run.snapshot_times[s]) for s in snaps]
    if run.dimensions == 3:
        label += " (middle y slice)"
    frames = [go.Frame(name=str(j), data=[go.Heatmap(z=rounded(series[j], 3)) for series in data],
                       traces=list(range(len(rows))),
                       layout=dict(title_text=f"{label}: day {days[j]:g}"))
              for j in range(len(snaps))]
    fig.frames = frames
    steps = [dict(method="animate", label=f"{d:g}",
                  args=[[str(j)], dict(mode="immediate", frame=dict(duration=0, redraw=True),
                                       transition=dict(duration=0))])
             for j, d in enumerate(days)]
    play = dict(type="buttons", showactive=False, x=0, y=0, xanchor="right", yanchor="top",
                pad=dict(t=50, r=10),
                buttons=[dict(label="\u25b6 play", method="animate",
                              args=[None, dict(frame=dict(duration=400, redraw=True),
                                               fromcurrent=True, transition=dict(duration=0))])])
    fig.update_layout(
        title_text=f"{label}: day {days[start]:g}", height=260 * len(rows) + 200,
        sliders=[dict(active=start, steps=steps, pad=dict(t=50),
                      currentvalue=dict(prefix="day ", font=dict(size=14)))],
        updatemenus=[play], margin=dict(t=80))
    where = " The 3D run is cut through the middle of its y extent." if run.dimensions == 3 else ""
    caption = ("Cross-sections of the skin, depth downwards from the surface, at one snapshot "
               "chosen with the slider (days since the start of the simulation; the play "
               "button steps through them). Each field keeps one colour range over all "
               "snapshots, from its lowest to its highest value, so colours compare across "
               "time. Dotted lines are the boundaries of the tissue layers ("
               + ", ".join(LAYER_NAMES) + ")." + where)
    if fz > 1 or fx > 1:
        caption += f" Shown as means of {fz} x {fx} cells to keep the file small."
    return fragment(fig, div_id), caption


def surface_figure(runs, labels, colours):
    profiles = [r.surface_profiles() if len(r.snapshot_times) else None for r in runs]
    if all(p is None for p in profiles):
        return "<p>No /surface in these files: no surface profile.</p>", ""
    fig = go.Figure()
    for run, label, colour, prof in zip(runs, labels, colours, profiles):
        if prof is None:
            continue
        times = run.snapshot_times
        if len(runs) == 1:
            picks = sorted(set(np.linspace(0, len(times) - 1, len(VIRIDIS)).round().astype(int)))
            styles = [(s, VIRIDIS[i * (len(VIRIDIS) - 1) // max(1, len(picks) - 1)], "solid")
                      for i, s in enumerate(picks)]
        else:
            styles = [(0, colour, "dot"), (len(times) - 1, colour, "solid")]
        for s, line_colour, dash in styles:
            name = f"day {times[s]:g}" if len(runs) == 1 else f"{label}, day {times[s]:g}"
            fig.add_trace(go.Scatter(
                x=run.x_mm, y=rounded(prof[s]), mode="lines", name=name,
                line=dict(color=line_colour, dash=dash, width=2),
                hovertemplate=f"{name}<br>x %{{x:.3g}} mm<br>elevation %{{y:.3g}} mm"
                              "<extra></extra>"))
    fig.add_hline(y=0, line_color="#999", line_width=1)
    fig.update_layout(height=480, xaxis_title="lateral position (mm)",
                      yaxis_title="surface elevation vs the skin before treatment (mm)",
                      legend=dict(orientation="h", y=-0.2, yanchor="top", x=0),
                      margin=dict(t=30))
    caption = ("The scar's surface profile: the skin surface the engine computes, as the rise "
               "or fall in mm relative to the untreated skin beside the scar (0 = level with "
               "it). At each lateral position the change of collagen volume over the depth of "
               "the dermis counts (new collagen beyond the starting density only in part: "
               "needled dermis densifies), spread sideways by the skin sheet. An atrophic scar "
               "starts as a dip; rebuilt collagen raises it towards 0.")
    if len(runs) > 1:
        caption += " Dotted: each run at its start; solid: at its end."
    return fragment(fig, "plot-surface"), caption
