#!/usr/bin/python3
"""Interactive HTML report of one or more dermasim runs: one file that works offline.

Usage: dermasim report RUN.h5 [MORE.h5 ...] -o report.html [--title TEXT]
   or: /usr/bin/python3 scripts/report.py RUN.h5 [MORE.h5 ...] -o report.html

The report holds the time course of every metric (hover for values, sessions marked), the
cross-sections of the main fields with a time slider, the scar's surface profile, a summary,
the scenario and the model parameters. Several runs are drawn on the same axes, labelled with
their scenario names; replicate runs (`dermasim run --replicates N`) get their seed spread as
a band. plotly.js (from the Debian package python3-plotly) is inlined, so the file needs no
network. Requires python3-plotly, python3-h5py and python3-numpy.
"""
import argparse
import html
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dermasim_results import PALETTE, Results, run_labels  # noqa: E402
import report_figures as figures  # noqa: E402


def fail(message, code=2):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(code)


def plotly_js():
    """The plotly.js bundle shipped by python3-plotly, as text to inline."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def table(header, rows, classes=()):
    """An HTML table; rows whose index is in `classes` get class "differs"."""
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    marked = ' class="differs"'
    body = "".join(
        f"<tr{marked if i in classes else ''}>"
        + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>"
        for i, row in enumerate(rows))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def number(value):
    if isinstance(value, float):
        return "NaN" if np.isnan(value) else f"{value:.4g}"
    return str(value)


def summary_section(runs, labels):
    header = ["", *labels]
    rows = [["status", *[r.status for r in runs]],
            ["dimensions", *[f"{r.dimensions}D, {r.spacing_mm * 1000:g} um cells" for r in runs]],
            ["seed", *[r.attribute("seed") for r in runs]],
            ["wall time (s)", *[number(float(r.attribute("wall_seconds", np.nan))) for r in runs]],
            ["dermasim version", *[r.attribute("dermasim_version") for r in runs]],
            ["file", *[os.path.basename(r.path) for r in runs]]]
    names = list(dict.fromkeys(n for r in runs for n in r.metric_names()))
    for name in names:
        values = []
        for r in runs:
            data, band = r.metric(name), r.spread_band(name)
            unit = "" if data is None or data[2] == "1" else " " + data[2]
            if band is not None:  # replicates: the mean and the band at the last sample
                _, centre, low, high, what = band
                values.append(f"{number(float(centre[-1]))}{unit} ({what}: "
                              f"{number(float(low[-1]))} to {number(float(high[-1]))})")
            else:
                values.append("not recorded" if data is None or data[1].ndim != 1 else
                              f"{number(float(data[1][-1]))}{unit}")
        rows.append([f"{name} at the end", *values])
    return table(header, rows)


def parameter_section(runs, labels):
    params = [r.parameters() for r in runs]
    names = sorted(set().union(*params))
    if not names:
        return "<p>The results files hold no model parameters.</p>"
    rows, differs = [], set()
    for i, name in enumerate(names):
        values = [p.get(name, ("-", ""))for p in params]
        unit = next((u for _, u in values if u), "")
        rows.append([name, unit if unit != "1" else "-", *[number(v) for v, _ in values]])
        if len({str(v) for v, _ in values}) > 1:
            differs.add(i)
    note = (f"<p>{len(differs)} of {len(names)} parameters differ between the runs "
            "(highlighted).</p>" if len(runs) > 1 else "")
    return note + table(["parameter", "unit", *labels], rows, differs)


def scenario_section(runs, labels):
    parts = []
    for run, label in zip(runs, labels):
        parts.append(f"<h3>{html.escape(label)}</h3><pre>{html.escape(run.scenario_text())}</pre>"
                     "<details><summary>with every default filled in</summary>"
                     f"<pre>{html.escape(run.scenario_text(resolved=True))}</pre></details>")
    return "".join(parts)


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<script>window.reportErrors = []; window.addEventListener("error",
  function (e) {{ window.reportErrors.push(String(e.message)); }});</script>
<script>{plotly}</script>
<style>
body {{ font-family: sans-serif; max-width: 1200px; margin: 0 auto; padding: 1em; color: #222; }}
h1 {{ font-size: 1.6em; }} h2 {{ border-bottom: 1px solid #ccc; margin-top: 2em; }}
p.caption {{ color: #444; max-width: 60em; }}
table {{ border-collapse: collapse; font-size: 0.9em; }}
td, th {{ border: 1px solid #ddd; padding: 2px 8px; text-align: left; }}
tr.differs td {{ background: #fff3c4; }}
pre {{ background: #f6f6f6; padding: 0.6em; overflow-x: auto; font-size: 0.85em; }}
nav a {{ margin-right: 1em; }}
</style></head>
<body>
<h1>{title}</h1>
<p>{intro}</p>
<nav><a href="#metrics">Time course</a><a href="#sections">Cross-sections</a>
<a href="#surface">Surface profile</a><a href="#summary">Summary</a>
<a href="#scenario">Scenario</a><a href="#parameters">Parameters</a></nav>
{body}
<p class="caption">Written by dermasim report from {files}.</p>
</body></html>
"""


def section(anchor, title, content, caption=""):
    text = f"<p class=\"caption\">{caption}</p>" if caption else ""
    return f"<section id=\"{anchor}\"><h2>{html.escape(title)}</h2>{text}{content}</section>"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("results", nargs="+", help="results files written by 'dermasim run'")
    parser.add_argument("-o", "--output", default="report.html", help="HTML file to write")
    parser.add_argument("--title", help="title of the report (default: the scenario names)")
    args = parser.parse_args(argv)
    try:
        import plotly  # noqa: F401
    except ImportError:
        fail("python3-plotly is not installed (apt-get install python3-plotly)", 1)
    directory = os.path.dirname(os.path.abspath(args.output))
    if not os.path.isdir(directory):
        fail(f"-o: directory '{directory}' does not exist")
    runs = []
    for path in args.results:
        if not os.path.isfile(path):
            fail(f"{path}: no such file")
        try:
            runs.append(Results(path))
        except ValueError as error:
            fail(str(error))
        except (OSError, KeyError):
            fail(f"{path}: not a dermasim results file (not readable as HDF5 results)")
    labels = run_labels(runs)
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(runs))]
    for run in runs:
        if run.status != "complete":
            print(f"dermasim report: {run.path} has status '{run.status}': the report shows "
                  "the run so far", file=sys.stderr)

    metrics_html, metrics_caption = figures.metrics_figure(runs, labels, colours)
    surface_html, surface_caption = figures.surface_figure(runs, labels, colours)
    sections = [figures.sections_figure(run, label, f"plot-sections-{i}")
                for i, (run, label) in enumerate(zip(runs, labels))]
    body = [section("metrics", "Time course of every metric", metrics_html, metrics_caption),
            section("sections", "Cross-sections of the skin",
                    "".join(h for h, _ in sections), sections[0][1]),
            section("surface", "Surface profile of the scar", surface_html, surface_caption),
            section("summary", "Summary", summary_section(runs, labels)),
            section("scenario", "Scenario", scenario_section(runs, labels),
                    "The scenario file as given to dermasim run."),
            section("parameters", "Model parameters", parameter_section(runs, labels),
                    "Every model parameter of the run, in the engine's units.")]
    title = args.title or ("dermasim: " + " vs ".join(dict.fromkeys(r.name for r in runs)))
    runs_text = "".join(
        f"<li><b>{html.escape(label)}</b>"
        + (f": {html.escape(run.description())}" if run.description() else "") + "</li>"
        for run, label in zip(runs, labels))
    intro = ("Simulated response of the skin to microneedling, from dermasim. Hover over "
             "any curve for its values; drag to zoom, double-click to reset.</p>"
             f"<ul>{runs_text}</ul><p>")
    page = PAGE.format(title=html.escape(title), intro=intro, plotly=plotly_js(),
                       body="\n".join(body),
                       files=html.escape(", ".join(os.path.basename(r.path) for r in runs)))
    for run in runs:
        run.close()
    with open(args.output, "w", encoding="utf-8") as out:
        out.write(page)
    print(f"{args.output} ({os.path.getsize(args.output) / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
