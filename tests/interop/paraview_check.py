#!/usr/bin/python3
"""Checks that ParaView's default reader shows a dermasim results file as the .h5 holds it.

Usage: paraview_check.py RESULTS.h5 SCREENSHOT.png [PVPYTHON]   (exit 0 when every check passes)

Runs paraview_view.py in pvpython (headless, under xvfb-run: Debian's ParaView renders through
X) on the sidecar RESULTS.xdmf, then compares what ParaView saw with h5py: every field of
/fields is a cell array; the time steps are /fields/time_days; the bounds are the domain in mm
with x along X, depth pointing down (2D: -Y, 3D: -Z) and the surface at 0; probing the
physical centre of one cell per field (where the field is largest at the last time) gives that
cell's value; the screenshot coloured by mature collagen (2D: default camera; 3D: looking
along +Y at a vertical cross-section) is not blank.
"""
import json
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np


def fail(message):
    print(f"paraview check failed: {message}")
    sys.exit(1)


def expected_bounds(shape, h):
    if len(shape) == 2:
        nz, nx = shape
        return [0.0, nx * h, -nz * h, 0.0, 0.0, 0.0]
    nz, ny, nx = shape
    return [0.0, nx * h, 0.0, ny * h, -nz * h, 0.0]


def cell_centre(index, h):
    """ParaView coordinates of the centre of cell (k, i) or (k, j, i) of a /fields array."""
    if len(index) == 2:
        k, i = index
        return [(i + 0.5) * h, -(k + 0.5) * h, 0.0]
    k, j, i = index
    return [(i + 0.5) * h, (j + 0.5) * h, -(k + 0.5) * h]


def main():
    h5_path, png = sys.argv[1], sys.argv[2]
    pvpython = sys.argv[3] if len(sys.argv) > 3 else "pvpython"
    xdmf = os.path.splitext(h5_path)[0] + ".xdmf"
    with h5py.File(h5_path, "r") as h5:
        times = [float(t) for t in h5["fields/time_days"][()]]
        names = sorted(k for k in h5["fields"] if k != "time_days")
        shape = tuple(int(n) for n in h5["grid"].attrs["shape"])
        h = float(h5["grid"].attrs["spacing_mm"])
        probes, expected = {}, {}
        for name in names:
            last = h5["fields"][name][-1]
            index = np.unravel_index(int(np.argmax(last)), last.shape)
            probes[name] = cell_centre(index, h)
            expected[name] = (tuple(int(v) for v in index), float(last[index]))
    with tempfile.TemporaryDirectory() as work:
        request, answer = os.path.join(work, "request.json"), os.path.join(work, "answer.json")
        with open(request, "w") as f:
            json.dump({"probes": probes, "colour_by": "collagen_mature",
                       "look_along_y": len(shape) == 3}, f)
        viewer = os.path.join(os.path.dirname(os.path.abspath(__file__)), "paraview_view.py")
        command = ["xvfb-run", "-a", pvpython, viewer, xdmf, request, answer, png]
        # xvfb-run -a takes the first free display number; another user's xvfb-run starting
        # at the same moment can take it first ("bad X server connection"): try again.
        for _ in range(3):
            done = subprocess.run(command, capture_output=True, text=True)
            if "bad X server connection" not in done.stdout + done.stderr:
                break
        if done.returncode != 0 or not os.path.exists(answer):
            fail(f"{' '.join(command)} exited {done.returncode}:\n{done.stdout}{done.stderr}")
        with open(answer) as f:
            seen = json.load(f)
    if seen["times"] != times:
        fail(f"times {seen['times']}, expected /fields/time_days {times}")
    if seen["arrays"] != names:
        fail(f"cell arrays {seen['arrays']}, expected {names}")
    if seen["cells"] != int(np.prod(shape)):
        fail(f"{seen['cells']} cells, expected {shape}")
    if not np.allclose(seen["bounds"], expected_bounds(shape, h), atol=1e-9):
        fail(f"bounds {seen['bounds']}, expected {expected_bounds(shape, h)}")
    for name, (index, value) in expected.items():
        if seen["probes"][name] != value:
            fail(f"{name}{index} at day {times[-1]:g}: ParaView {seen['probes'][name]}, "
                 f"h5py {value}")
    shot = seen["screenshot"]
    if shot["covered"] < 0.1 or shot["colours"] < 10:
        fail(f"{png} looks blank: {100 * shot['covered']:.0f} % covered, "
             f"{shot['colours']} colours")
    print(f"paraview check passed: {seen['reader']}, {len(names)} fields x {len(times)} times, "
          f"{len(shape)}D, bounds {seen['bounds']}, screenshot {100 * shot['covered']:.0f} % "
          f"covered with {shot['colours']} colours")


if __name__ == "__main__":
    main()
