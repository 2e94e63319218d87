#!/bin/sh
# CTest driver of the ParaView check: runs a CI preset, then paraview_check.py on its output.
# Usage: paraview_test.sh DERMASIM PRESET WORK_DIR [--set KEY=VALUE ...]
# Exit 77 (CTest: skipped) when ParaView's pvpython or xvfb-run is not installed.
set -eu
dermasim=$1 preset=$2 work=$3
shift 3
for tool in pvpython xvfb-run; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "skipped: $tool not found (Debian packages paraview, python3-paraview, xvfb;" \
      "scripts/install-deps.sh installs them)"
    exit 77
  fi
done
rm -rf "$work"
mkdir -p "$work"
"$dermasim" run "$preset" -o "$work/run.h5" --quiet "$@"
/usr/bin/python3 "$(dirname "$0")/paraview_check.py" "$work/run.h5" "$work/screenshot.png"
echo "screenshot: $work/screenshot.png"
