#!/usr/bin/env bash
# Installs every Debian package dermasim needs to build, test and plot.
# Idempotent: when all packages are present it changes nothing and skips apt-get.
set -euo pipefail

packages=(
  build-essential cmake git pkg-config
  libeigen3-dev libyaml-cpp-dev libhdf5-dev hdf5-tools zlib1g-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libfuzzer-14-dev libclang-rt-14-dev libomp-14-dev clang-format
  python3-numpy python3-h5py python3-matplotlib python3-meshio python3-pil
  python3-plotly chromium chromium-driver python3-selenium
  openmpi-bin libopenmpi-dev
  python3-paraview xvfb xauth libgl1-mesa-dri
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}; run this script as root" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
