#!/usr/bin/python3
"""CTest check of `dermasim report`: the HTML report renders offline in headless Chromium.

Usage: report_browser_check.py DERMASIM_BINARY SOURCE_DIR WORK_DIR

Runs two CI presets, writes a report of both, opens it in headless Chromium with the network
off (no proxy, no DNS, background networking disabled) and checks: no JavaScript error, no
resource fetched from the network, every figure drawn, the metric traces labelled with both
scenario names, the cross-section slider present with one step per snapshot. Saves
WORK_DIR/report.png. Exits 77 (CTest: skipped) when chromium, chromium-driver,
python3-selenium or python3-plotly is missing.
"""
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
PRESETS = ["boxcar-standard-ci", "boxcar-6-week-spacing-ci"]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                  # No network at all: every host resolves to nothing, and no proxy is used.
                  "--host-resolver-rules=MAP * ~NOTFOUND", "--no-proxy-server",
                  "--window-size=1300,1000"]


def skip(reason):
    print(f"report_browser_check: SKIPPED: {reason}")
    sys.exit(SKIP)


def fail(reason):
    print(f"report_browser_check: FAILED: {reason}")
    sys.exit(1)


def make_report(binary, source, work):
    env = dict(os.environ, OMP_WAIT_POLICY="PASSIVE")
    runs = []
    for preset in PRESETS:
        out = os.path.join(work, preset + ".h5")
        subprocess.run([binary, "run", os.path.join(source, "scenarios", "ci", preset + ".yaml"),
                        "-o", out, "--force", "--quiet"], check=True, env=env)
        runs.append(out)
    report = os.path.join(work, "report.html")
    done = subprocess.run([binary, "report", *runs, "-o", report], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"dermasim report exited {done.returncode}: {done.stderr.strip()}")
    return report, runs


# Runs in the page: what the plots hold once Plotly has drawn them.
INSPECT = """
const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
return {
  errors: window.reportErrors,
  network: performance.getEntriesByType('resource').map(e => e.name)
           .filter(n => !n.startsWith('data:') && !n.startsWith('blob:')),
  plots: plots.map(p => ({
    id: p.id,
    traces: p.data.map(t => t.name || ''),
    drawn: p.querySelectorAll('.main-svg').length,
    sliderSteps: (p.layout.sliders || []).map(s => s.steps.length),
    sliderDrawn: p.querySelectorAll('.slider-container').length,
  })),
};
"""


def check_page(report, work, runs):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=work)
    for flag in CHROMIUM_FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        driver.set_page_load_timeout(120)
        driver.get("file://" + os.path.abspath(report))
        page = driver.execute_script(INSPECT)
        console = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        driver.save_screenshot(os.path.join(work, "report.png"))
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return page, console


def main(binary, source, work):
    if not shutil.which("chromium") or not shutil.which("chromedriver"):
        skip("chromium or chromium-driver is not installed (scripts/install-deps.sh)")
    try:
        import plotly  # noqa: F401
        import selenium  # noqa: F401
    except ImportError as error:
        skip(f"{error.name} is missing (python3-plotly, python3-selenium)")
    os.makedirs(work, exist_ok=True)
    report, runs = make_report(binary, source, work)
    size = os.path.getsize(report)
    page, console = check_page(report, work, runs)
    problems = []
    if page["errors"] or console:
        problems.append(f"JavaScript errors: {page['errors'] + console}")
    if page["network"]:
        problems.append(f"resources fetched from outside the file: {page['network'][:3]}")
    plots = {p["id"]: p for p in page["plots"]}
    expected = ["plot-metrics", "plot-sections-0", "plot-sections-1", "plot-surface"]
    for plot_id in expected:
        if plot_id not in plots or plots[plot_id]["drawn"] == 0:
            problems.append(f"figure '{plot_id}' was not drawn")
    metric_names = set(plots.get("plot-metrics", {}).get("traces", []))
    for preset in PRESETS:
        if preset not in metric_names:
            problems.append(f"no metric trace labelled '{preset}' (traces: {sorted(metric_names)})")
    import h5py

    for i, run in enumerate(runs):
        with h5py.File(run, "r") as f:
            snapshots = len(f["fields/time_days"])
        section = plots.get(f"plot-sections-{i}", {})
        if section.get("sliderSteps") != [min(snapshots, 40)] or not section.get("sliderDrawn"):
            problems.append(f"sections-{i}: slider {section.get('sliderSteps')} drawn "
                            f"{section.get('sliderDrawn')}, expected {snapshots} steps")
    print(f"report_browser_check: {report}: {size / 1e6:.1f} MB, "
          + ", ".join(f"{k}: {len(v['traces'])} traces" for k, v in plots.items())
          + f"; screenshot {os.path.join(work, 'report.png')}")
    if problems:
        fail("; ".join(problems))
    print("report_browser_check: passed")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
