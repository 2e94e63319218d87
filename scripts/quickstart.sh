#!/usr/bin/env bash
# Quick start: installs what dermasim needs (Debian packages), builds it (Release), runs the
# standard boxcar preset and draws its figures.
#   results/boxcar-standard.h5 (+ .xdmf for ParaView), results/figures/*.png
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
mkdir -p results
./build/dermasim run scenarios/boxcar-standard.yaml -o results/boxcar-standard.h5 --force
/usr/bin/python3 scripts/plot_run.py results/boxcar-standard.h5 -o results/figures
./build/dermasim info results/boxcar-standard.h5 | head -n 8
echo "figures: $(ls results/figures | tr '\n' ' ')"
