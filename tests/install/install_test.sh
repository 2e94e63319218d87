#!/bin/sh
# Installs the build into a temporary prefix, then, from a directory outside both the source
# and the build tree, runs the installed tool the way the README does: a CI preset by name,
# `validate` by name, a copied preset (results beside it under its own name, and a second run
# after an edit), and the plotting command on the results.
# Usage: install_test.sh BUILD_DIR WORK_DIR
set -eu
build=$1 work=$2
rm -rf "$work"
mkdir -p "$work/elsewhere"
cmake --install "$build" --prefix "$work/prefix" >/dev/null
PATH="$work/prefix/bin:$PATH"
cd "$work/elsewhere"
short="--set treatment.sessions.count=1 --set simulation.duration=2weeks --quiet"

dermasim validate boxcar-standard >/dev/null
# shellcheck disable=SC2086
dermasim run boxcar-standard-ci $short
test -f boxcar-standard-ci.h5 && test -f boxcar-standard-ci.xdmf

test "$(dermasim presets --path)" = "$work/prefix/share/dermasim/scenarios"
cp "$(dermasim presets --path)/ci/healthy-skin-ci.yaml" my-course.yaml
mkdir -p other && cd other
# shellcheck disable=SC2086
dermasim run ../my-course.yaml $short
# shellcheck disable=SC2086
dermasim run ../my-course.yaml $short --set "skin.age=45 years"
cd ..
test -f my-course.h5 && test ! -e other/my-course.h5

dermasim-plot boxcar-standard-ci.h5 -o figures >/dev/null
ls figures/*.png >/dev/null
# dermasim report runs the installed report.py (PREFIX/share/dermasim/scripts) when it is there.
test -f "$work/prefix/share/dermasim/scripts/report.py"
test -f "$work/prefix/share/dermasim/scripts/report_figures.py"
if /usr/bin/python3 -c "import plotly" 2>/dev/null; then
  dermasim report boxcar-standard-ci.h5 -o report.html >/dev/null
  test -s report.html
fi
echo "install test passed: $(ls "$work/prefix/bin" | tr '\n' ' ')"
