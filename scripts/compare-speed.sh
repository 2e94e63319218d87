#!/usr/bin/env bash
# Side-by-side timing of two dermasim builds: a baseline commit, built from `git archive` in a
# scratch folder outside the repository, against the current tree (or a second commit).
# The two binaries run alternately (A B A B ...) so that load changes on a shared machine hit
# both alike; each run is the whole command including output. Reports per-run user+sys CPU and
# wall seconds (GNU time), their medians and the ratio of medians A/B.
#
#   scripts/compare-speed.sh [options] BASE_COMMIT -- dermasim-args...
#     --scratch DIR     scratch folder (default /tmp/dermasim-speed); must be outside the repo
#     --against COMMIT  time BASE against this commit instead of the working tree's build
#     --build DIR       build of the working tree to time as B (default: built in scratch)
#     --march ISA       -march= value for both builds (default native, e.g. x86-64-v3)
#     --runs N          runs of each binary (default 5)
#     --matrix          every combination of --march native / x86-64-v3 and --threads 1 / 2
#                       (appended to the command), one comparison after the other, then a
#                       summary table (not with --build, whose binary has one ISA)
#     --own-wait-policy run each build with its own default OpenMP wait policy (OMP_WAIT_POLICY
#                       and GOMP_SPINCOUNT unset), as a user who sets neither sees it
#   Environment: otherwise the command runs with OMP_WAIT_POLICY=PASSIVE unless it is set.
#   Example: scripts/compare-speed.sh --march x86-64-v3 a6e52e2 -- run \
#              scenarios/boxcar-standard.yaml --threads 1 --quiet
#            scripts/compare-speed.sh --matrix a6e52e2 -- run scenarios/boxcar-standard.yaml --quiet
set -euo pipefail

repo=$(git rev-parse --show-toplevel)
scratch=/tmp/dermasim-speed
against=""
build_b=""
march=native
runs=5
matrix=0
own_wait=0
passed=()  # options handed on to the runs of a matrix
while [[ $# -gt 0 && $1 != -- ]]; do
  case $1 in
    --matrix) matrix=1; shift; continue ;;
    --own-wait-policy) own_wait=1; passed+=("$1"); shift; continue ;;
    --scratch | --against | --runs) passed+=("$1" "$2") ;;
  esac
  case $1 in
    --scratch) scratch=$2; shift 2 ;;
    --against) against=$2; shift 2 ;;
    --build) build_b=$2; shift 2 ;;
    --march) march=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -*) echo "compare-speed.sh: unknown option $1" >&2; exit 2 ;;
    *) base=$1; shift ;;
  esac
done
[[ ${1:-} == -- ]] || { echo "compare-speed.sh: expected BASE_COMMIT -- dermasim-args" >&2; exit 2; }
shift
[[ -n ${base:-} ]] || { echo "compare-speed.sh: no baseline commit given" >&2; exit 2; }
if ((matrix)); then
  [[ -z $build_b ]] || { echo "compare-speed.sh: --matrix builds both ISAs; drop --build" >&2; exit 2; }
  summary=()
  for isa in native x86-64-v3; do
    for threads in 1 2; do
      echo "== -march=$isa, --threads $threads"
      out=$("$0" "${passed[@]}" --march "$isa" "$base" -- "$@" --threads "$threads")
      echo "$out"
      summary+=("$(awk -v isa="$isa" -v th="$threads" '/A\/B =/ {r[++n] = $NF}
        END {printf "| %s | %s | %s | %s |", isa, th, r[1], r[2]}' <<<"$out")")
    done
  done
  echo; echo "| -march | threads | speed-up CPU (A/B) | speed-up wall (A/B) |"; echo "|---|---|---|---|"
  printf '%s\n' "${summary[@]}"
  exit 0
fi
scratch=$(realpath -m "$scratch")
case $scratch/ in "$repo"/*) echo "compare-speed.sh: scratch $scratch is inside the repository" >&2; exit 2 ;; esac
command -v /usr/bin/time >/dev/null || { echo "compare-speed.sh: needs /usr/bin/time (Debian package time)" >&2; exit 2; }

# build_commit COMMIT DIR: sources of COMMIT into DIR/src, Release build into DIR/build.
build_commit() {
  local commit=$1 dir=$2
  if [[ ! -x $dir/build/dermasim ]]; then
    rm -rf "$dir/src" && mkdir -p "$dir/src"
    git -C "$repo" archive "$commit" | tar -x -C "$dir/src"
    cmake -S "$dir/src" -B "$dir/build" -DCMAKE_BUILD_TYPE=Release -DDERMASIM_NATIVE=OFF \
      -DCMAKE_CXX_FLAGS="-march=$march" -DCMAKE_C_FLAGS="-march=$march" >/dev/null
    cmake --build "$dir/build" -j2 --target dermasim >/dev/null
  fi
}

base_id=$(git -C "$repo" rev-parse --short=12 "$base")
dir_a=$scratch/$base_id-$march
build_commit "$base" "$dir_a"
bin_a=$dir_a/build/dermasim
if [[ -n $against ]]; then
  dir_b=$scratch/$(git -C "$repo" rev-parse --short=12 "$against")-$march
  build_commit "$against" "$dir_b"
  bin_b=$dir_b/build/dermasim
elif [[ -n $build_b ]]; then
  bin_b=$build_b/dermasim
else
  dir_b=$scratch/worktree-$march
  mkdir -p "$dir_b"
  cmake -S "$repo" -B "$dir_b/build" -DCMAKE_BUILD_TYPE=Release -DDERMASIM_NATIVE=OFF \
    -DCMAKE_CXX_FLAGS="-march=$march" -DCMAKE_C_FLAGS="-march=$march" >/dev/null
  cmake --build "$dir_b/build" -j2 --target dermasim >/dev/null
  bin_b=$dir_b/build/dermasim
fi

if ((own_wait)); then
  unset OMP_WAIT_POLICY GOMP_SPINCOUNT
else
  export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
fi
log=$scratch/times-$$.txt
: >"$log"
cd "$repo"
for ((i = 1; i <= runs; i++)); do
  for side in A B; do
    bin=$bin_a; [[ $side == B ]] && bin=$bin_b
    out=$scratch/out-$$-$side.h5
    /usr/bin/time -f "$side %U %S %e" -a -o "$log" "$bin" "$@" -o "$out" --force \
      >/dev/null 2>>"$scratch/stderr-$$-$side.txt"
  done
done
load=$(cut -d' ' -f1-3 /proc/loadavg)
/usr/bin/python3 - "$log" "$runs" "$load" "$bin_a" "$bin_b" <<'PY'
import statistics, sys
log, runs, load, bin_a, bin_b = sys.argv[1:6]
rows = [line.split() for line in open(log) if line[:2] in ("A ", "B ")]
cpu = {s: [float(u) + float(y) for side, u, y, _ in rows if side == s] for s in "AB"}
wall = {s: [float(w) for side, _, _, w in rows if side == s] for s in "AB"}
print(f"A = {bin_a}\nB = {bin_b}\nruns = {runs} each, alternating; load average at end {load}")
for name, d in (("cpu (user+sys) s", cpu), ("wall s", wall)):
    a, b = statistics.median(d["A"]), statistics.median(d["B"])
    print(f"{name:18s} A {' '.join(f'{x:.2f}' for x in d['A'])}  median {a:.3f}")
    print(f"{'':18s} B {' '.join(f'{x:.2f}' for x in d['B'])}  median {b:.3f}  A/B = {a / b:.2f}")
PY
for side in A B; do  # what each build computed, from its last run's summary (without --quiet)
  summary=$(grep -A1 '^done:' "$scratch/stderr-$$-$side.txt" | tail -2 | tr -s ' ' || true)
  [[ -z $summary ]] || echo "$side: $summary"
done
