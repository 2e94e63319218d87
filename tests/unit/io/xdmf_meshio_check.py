#!/usr/bin/python3
"""Reads a dermasim XDMF sidecar back through python3-meshio and checks it against the .h5.

Usage: xdmf_meshio_check.py RESULTS.xdmf RESULTS.h5   (exit 0 when every check passes)

meshio 5 cannot read the sidecar as a mesh: its XDMF reader only knows unstructured
topologies with a connectivity DataItem and XY/XYZ geometries (no 3DCoRectMesh, no
ORIGIN_DXDYDZ), and it cannot parse the "|start:stride:count:dims" selection that follows the
HDF path of each field. So this check uses what meshio does read: its TimeSeriesReader parses
and validates the document (Xdmf 3, one Domain, a Temporal collection, Uniform grids) and its
DataItem reader loads the XML geometry. The selection is parsed and applied here, and every
field at every time is compared with h5py.
"""
import sys

import h5py
import meshio
import numpy as np


def fail(message):
    print(f"xdmf check failed: {message}")
    sys.exit(1)


def main():
    xdmf_path, h5_path = sys.argv[1], sys.argv[2]
    with h5py.File(h5_path, "r") as h5, meshio.xdmf.TimeSeriesReader(xdmf_path) as reader:
        times = h5["fields/time_days"][()]
        names = sorted(k for k in h5["fields"] if k != "time_days")
        spacing = float(h5["grid"].attrs["spacing_mm"])
        shape = tuple(int(n) for n in h5["grid"].attrs["shape"])
        if reader.num_steps != len(times):
            fail(f"{reader.num_steps} steps in the XDMF, {len(times)} snapshots in the file")
        for k, grid in enumerate(reader.collection):
            time = grid.find("Time")
            if time is None or float(time.get("Value")) != times[k]:
                fail(f"step {k}: time differs from /fields/time_days[{k}] = {times[k]}")
            topology = grid.find("Topology")
            nodes = tuple(int(n) for n in topology.get("Dimensions").split())
            expected_nodes = tuple(n + 1 for n in shape)
            if len(shape) == 2:
                expected_nodes = (1,) + expected_nodes  # one layer of cells, in the X-Y plane
            if topology.get("TopologyType") != "3DCoRectMesh" or nodes != expected_nodes:
                fail(f"step {k}: topology {nodes} does not bound cells {shape}")
            origin, steps = (reader._read_data_item(d) for d in grid.find("Geometry"))
            # Depth points down: the second step in 2D (ParaView's Y), the first in 3D (Z).
            down = [spacing] * 3
            down[1 if len(shape) == 2 else 0] = -spacing
            if np.any(origin != 0) or not np.allclose(steps, down, rtol=1e-15):
                fail(f"step {k}: geometry origin {origin}, spacing {steps}")
            seen = []
            for attribute in grid.findall("Attribute"):
                name = attribute.get("Name")
                if attribute.get("Center") != "Cell":
                    fail(f"{name}: fields are cell values")
                item = attribute.find("DataItem")
                path, selection = item.text.strip().split("|")
                file_name, dataset = path.split(":")
                start, stride, count, dims = (
                    tuple(int(v) for v in part.split()) for part in selection.split(":"))
                if file_name != h5_path.split("/")[-1] or dims != h5[dataset].shape:
                    fail(f"{name}: {path} with dimensions {dims} is not in {h5_path}")
                if tuple(int(v) for v in item.get("Dimensions").split()) != count:
                    fail(f"{name}: DataItem dimensions differ from the selected count {count}")
                index = tuple(slice(b, b + c * s, s) for b, s, c in zip(start, stride, count))
                values = h5[dataset][index].reshape(shape)
                expected = h5["fields"][name][k]
                if item.get("Precision") != "4" or not np.array_equal(values, expected):
                    fail(f"step {k}: field {name} differs from the .h5")
                seen.append(name)
            if sorted(seen) != names:
                fail(f"step {k}: fields {sorted(seen)}, expected {names}")
    print(f"xdmf check passed: {len(times)} steps x {len(names)} fields")


if __name__ == "__main__":
    main()
