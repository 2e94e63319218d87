"""What a ParaView user sees in a dermasim results sidecar, as JSON (run by paraview_check.py).

Usage: pvpython paraview_view.py RESULTS.xdmf REQUEST.json ANSWER.json SCREENSHOT.png

REQUEST holds {"probes": {field: [x, y, z], ...}, "colour_by": field, "look_along_y": bool};
the last turns the camera as the GUI's "Set view direction to +Y" button does (3D: a vertical
cross-section, surface on top), otherwise the default camera is kept. The answer holds the
reader ParaView chose by default (OpenDataFile), its time steps, the cell arrays, cell count
and bounds at the last time, the value of each field probed at its point, and the share of
the screenshot that is not background. h5py is not imported here: ParaView brings its own
HDF5 library, and two HDF5 libraries in one process abort at exit.
"""
import json
import os
import sys

import numpy as np
from paraview import servermanager
from paraview.simple import (ColorBy, GetActiveViewOrCreate, OpenDataFile, ProbeLocation,
                             SaveScreenshot, Show)
from vtkmodules.util.numpy_support import vtk_to_numpy
from vtkmodules.vtkIOImage import vtkPNGReader


def probe(reader, point, name, time):
    location = ProbeLocation(Input=reader, ProbeType="Fixed Radius Point Source")
    location.ProbeType.Center = point
    location.UpdatePipeline(time)
    array = servermanager.Fetch(location).GetPointData().GetArray(name)
    return None if array is None else array.GetValue(0)


def screenshot(reader, png, colour_by, look_along_y):
    view = GetActiveViewOrCreate("RenderView")
    view.ViewSize = [800, 400]
    display = Show(reader, view)
    display.Representation = "Surface"  # 3D images start as an outline
    ColorBy(display, ("CELLS", colour_by))
    if look_along_y:
        view.CameraPosition = [0.0, -1.0, 0.0]
        view.CameraFocalPoint = [0.0, 0.0, 0.0]
        view.CameraViewUp = [0.0, 0.0, 1.0]
    view.ResetCamera()
    SaveScreenshot(png, view)
    image = vtkPNGReader()
    image.SetFileName(png)
    image.Update()
    pixels = vtk_to_numpy(image.GetOutput().GetPointData().GetScalars())[:, :3]
    background = np.all(pixels == pixels[0], axis=1)
    return {"covered": float(1.0 - background.mean()),
            "colours": int(len(np.unique(pixels[~background], axis=0)))}


def main():
    # Debian's ParaView 5.11 resolves the .h5 of a sidecar opened by a bare relative name
    # wrongly ("run.xdmfrun.h5"), so the path is made absolute, as the GUI does.
    xdmf, request_path, answer_path, png = (os.path.abspath(p) for p in sys.argv[1:5])
    with open(request_path) as f:
        request = json.load(f)
    reader = OpenDataFile(xdmf)
    times = list(reader.TimestepValues)
    reader.UpdatePipeline(times[-1])
    data = servermanager.Fetch(reader)
    cells = data.GetCellData()
    answer = {
        "reader": reader.GetXMLName(),
        "times": times,
        "arrays": sorted(cells.GetArrayName(i) for i in range(cells.GetNumberOfArrays())),
        "cells": data.GetNumberOfCells(),
        "bounds": list(data.GetBounds()),
        "probes": {name: probe(reader, point, name, times[-1])
                   for name, point in request["probes"].items()},
        "screenshot": screenshot(reader, png, request["colour_by"],
                                 request["look_along_y"]),
    }
    with open(answer_path, "w") as f:
        json.dump(answer, f)


if __name__ == "__main__":
    main()
