#!/usr/bin/python3
"""Doc-check: runs every command shown in a Markdown document, so that the docs cannot rot.

Usage: doc_check.py DOC.md SOURCE_DIR BUILD_DIR WORK_DIR

Reads the document's fenced blocks and runs, in order and in one scratch directory (a reader
following the page): every ```sh / ```bash / ```shell block, the `$ ` lines of untagged
blocks, untagged blocks made only of commands, and every ```python block. Synopses (lines
with placeholders such as SCENARIO.yaml or [--option]), results layouts and messages are not
commands and are left alone.

So that the whole set runs in minutes on two cores, the commands are adapted, each change
printed: a bundled preset or sweep becomes its CI variant (scenarios/ci/, scenarios/sweeps/ci/,
or for a sweep without one a copy on the CI preset with two values per key); mpirun gets two
ranks (and --allow-run-as-root --oversubscribe); ctest only lists the tests of the label and
must find some; srun is a shim that runs its command. Files a command takes as given (my.yaml,
a.h5) are made first: a scenario is a copy of the CI boxcar preset, a results file a CI run
(with --replicates 3 when the block reads /replicates).
Commands that build or test the project itself are listed in NOT_RUN with the reason, and
the check fails on a command it neither runs nor lists, so a new command cannot slip by.

The build tree's dermasim and the scripts (as their installed command names too) come first
on PATH. Exit 0 when every command succeeded; 1 with the failing command and its output.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys

import yaml

TIMEOUT = 900  # seconds per block
# Installed command names of the scripts (scripts/*.py); the build tree runs the scripts.
SCRIPT_COMMANDS = {"dermasim-plot": "plot_run.py", "dermasim-compare": "compare_runs.py",
                   "dermasim-plot-sweep": "plot_sweep.py", "dermasim-report": "report.py"}
# Commands the check does not run, with the reason. Matched against the start of a command.
NOT_RUN = [
    (r"bash scripts/quickstart\.sh", "installs and builds the project: what built this test"),
    (r"bash scripts/run-tests\.sh", "runs this test suite (the doc-check is part of it)"),
    (r"bash scripts/run-sanitized-tests\.sh", "rebuilds with sanitizers and runs the suite"),
    (r"cmake (-S|--build|--install)", "builds or installs the project: what built this test"),
    (r"bash scripts/install-deps\.sh", "changes the system (apt-get); CI runs it before"),
    (r"bash scripts/fuzz\.sh", "builds a fuzzer with clang and fuzzes; CTest label fuzz runs it"),
]
PROGRAMS = {"dermasim", "cmake", "ctest", "bash", "cp", "mv", "mkdir", "ls", "cat", "mpirun",
            "srun", "cd", "export", "pvpython", "chromium", "/usr/bin/python3", "/usr/bin/time",
            *SCRIPT_COMMANDS}
PLACEHOLDER = re.compile(r"\b[A-Z][A-Z0-9_]*[A-Z0-9](\.[a-z0-9]+)?\b|\[-|\.\.\.")
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.S | re.M)


def note(message):
    print(f"doc-check: {message}", flush=True)


def blocks(text):
    """[(line number, 'sh' | 'python', code)] of the document's runnable blocks."""
    found = []
    for match in FENCE.finditer(text):
        tag, body = match.group(1).lower(), match.group(2)
        line = text.count("\n", 0, match.start()) + 1
        if tag in ("sh", "bash", "shell", "console"):
            found.append((line, "sh", body))
        elif tag == "python":
            found.append((line, "python", body))
        elif tag == "":
            commands = [l[2:] for l in body.splitlines() if l.startswith("$ ")]
            lines = [l for l in body.splitlines() if l.strip()]
            if commands:
                found.append((line, "sh", "\n".join(commands)))
            elif lines and all(is_command(l) for l in lines):
                found.append((line, "sh", body))
    return found


def is_command(line):
    words = line.split()
    return bool(words) and words[0] in PROGRAMS and not PLACEHOLDER.search(line)


class Adapter:
    """Rewrites a document's commands to their CI variants inside the scratch directory."""

    def __init__(self, source, build, work):
        self.source, self.build, self.work = source, build, work
        self.changes = []

    def ci_scenario(self, path):
        stem = os.path.splitext(os.path.basename(path))[0]
        ci = os.path.join("scenarios", "ci", f"{stem}-ci.yaml")
        return ci if os.path.exists(os.path.join(self.work, ci)) else path

    def ci_sweep(self, path):
        stem = os.path.splitext(os.path.basename(path))[0]
        ci = os.path.join("scenarios", "sweeps", "ci", f"{stem}-ci.yaml")
        if os.path.exists(os.path.join(self.work, ci)):
            return ci
        full = os.path.join(self.work, path)
        if not os.path.exists(full):
            return path
        with open(full, encoding="utf-8") as f:
            sweep = yaml.safe_load(f)
        base = os.path.normpath(os.path.join(os.path.dirname(full), sweep["base"]))
        sweep["base"] = os.path.join(self.work, self.ci_scenario(os.path.relpath(base, self.work)))
        for key, how in sweep.get("vary", {}).items():
            if isinstance(how, list):
                sweep["vary"][key] = how[:2]
            elif isinstance(how, dict) and "steps" in how:
                how["steps"] = 2
        design = sweep.get("design")
        if isinstance(design, dict):
            for count, least in (("samples", 4), ("trajectories", 2)):  # the smallest allowed
                if count in design:
                    design[count] = least
        if "outputs" in sweep:
            sweep["outputs"]["at"] = ["end"]  # the CI presets are shorter than the originals
        os.makedirs(os.path.join(self.work, "ci-sweeps"), exist_ok=True)
        out = os.path.join("ci-sweeps", f"{stem}.yaml")
        with open(os.path.join(self.work, out), "w", encoding="utf-8") as f:
            yaml.safe_dump(sweep, f, sort_keys=False)
        return out

    def adapt(self, command):
        original = command
        # The presets directory by the command that prints it: the scratch copy.
        command = re.sub(r"\"?\$\(dermasim presets --path\)/([^\"\s]*)\"?", r"scenarios/\1",
                         command)
        command = re.sub(r"scenarios/sweeps/(?!ci/)[\w.-]+\.yaml",
                         lambda m: self.ci_sweep(m.group(0)), command)
        command = re.sub(r"scenarios/(?!ci/|sweeps/)[\w.-]+\.yaml",
                         lambda m: self.ci_scenario(m.group(0)), command)
        # A preset by name (`dermasim run boxcar-standard`): its CI variant by path.
        command = re.sub(r"(dermasim (?:run|validate) )([a-z0-9][\w-]*)(?=\s|$)",
                         lambda m: m.group(1) + self.ci_scenario(m.group(2) + ".yaml")
                         if os.path.exists(os.path.join(self.work, "scenarios",
                                                        m.group(2) + ".yaml"))
                         else m.group(0), command)
        command = re.sub(r"mpirun (?:-n|-np) \d+",
                         "mpirun --allow-run-as-root --oversubscribe -n 2", command)
        command = re.sub(r"--allow-run-as-root --oversubscribe (.*?)--allow-run-as-root ", r"\1",
                         command)
        command = command.replace("--oversubscribe --oversubscribe", "--oversubscribe")
        command = re.sub(r"ctest --test-dir \S+(.*?)(-L \S+)", lambda m: self.ctest(m.group(2)),
                         command)
        if command != original:
            self.changes.append((original.strip(), command.strip()))
        return command

    def ctest(self, label):
        return (f"ctest --test-dir {shlex.quote(self.build)} -N {label} | tee ctest-list.txt"
                " && ! grep -q 'Total Tests: 0' ctest-list.txt")


def not_run_reason(command):
    for pattern, reason in NOT_RUN:
        if re.match(pattern, command.strip()):
            return reason
    return None


def make_given_files(code, adapter, env):
    """Creates the scenario and results files a block reads but no earlier command wrote."""
    work = adapter.work
    code = re.sub(r"(?m)(^|\s+)#.*$", "", code)  # a file named in a comment is not read
    written = set(re.findall(r"(?:-o|--output)\s+([\w./-]+\.h5)", code))
    for name in dict.fromkeys(re.findall(r"(?<![\w/.-])([\w-]+\.(?:yaml|h5|xdmf))\b", code)):
        if name.endswith(".xdmf"):  # the sidecar of a results file
            name = name[:-5] + ".h5"
        path = os.path.join(work, name)
        if os.path.exists(path) or name in written:
            continue
        if re.search(rf"(cp|mv) \S+ {re.escape(name)}", code):
            continue  # the block makes it itself
        preset = os.path.join(work, "scenarios", "ci", "boxcar-standard-ci.yaml")
        if name.endswith(".yaml"):
            stem = name[:-5]
            with open(preset, encoding="utf-8") as f:
                text = f.read()
            text = re.sub(r"(?m)^name: .*$", f"name: {stem}", text)
            text = re.sub(r"(?m)^  output: .*$", f"  output: {stem}.h5", text)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            note(f"given file {name}: a copy of scenarios/ci/boxcar-standard-ci.yaml")
        else:
            # A block that reads the /replicates group needs a run with replicates.
            extra = ["--replicates", "3"] if "replicates/" in code else []
            subprocess.run(["dermasim", "run", preset, "-o", path, "--quiet", *extra], env=env,
                           cwd=work, check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            note(f"given file {name}: a run of scenarios/ci/boxcar-standard-ci.yaml"
                 + (" with --replicates 3" if extra else ""))


def environment(source, build, work):
    """PATH with the build's dermasim, the scripts by their command names, and srun/module."""
    bin_dir = os.path.join(work, ".bin")
    os.makedirs(bin_dir, exist_ok=True)
    os.symlink(os.path.join(build, "dermasim"), os.path.join(bin_dir, "dermasim"))
    for command, script in SCRIPT_COMMANDS.items():
        wrapper = os.path.join(bin_dir, command)
        target = shlex.quote(os.path.join(source, "scripts", script))
        with open(wrapper, "w", encoding="utf-8") as f:
            f.write(f"#!/bin/sh\nexec /usr/bin/python3 {target} \"$@\"\n")
        os.chmod(wrapper, 0o755)
    with open(os.path.join(bin_dir, "srun"), "w", encoding="utf-8") as f:
        f.write("#!/bin/sh\n# Slurm stand-in for the doc-check: runs the command once.\n"
                "exec \"$@\"\n")
    os.chmod(os.path.join(bin_dir, "srun"), 0o755)
    home = os.path.join(work, ".home")
    os.makedirs(home, exist_ok=True)
    return dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""),
                HOME=home, OMP_WAIT_POLICY="PASSIVE", SLURM_CPUS_PER_TASK="1",
                MPLBACKEND="Agg", DERMASIM_SCENARIOS=os.path.join(work, "scenarios"))


def run_block(number, kind, code, adapter, env):
    attempts = 1
    if kind == "python":
        make_given_files(code, adapter, env)
        script = os.path.join(adapter.work, f".block-{number}.py")
        with open(script, "w", encoding="utf-8") as f:
            f.write(code)
        argv = ["/usr/bin/python3", script]
        if re.search(r"^(from|import) paraview", code, re.M):
            # A pvpython snippet, as the docs say to run it: on a machine without a display,
            # under xvfb-run (Debian's ParaView renders through X).
            if not shutil.which("pvpython") or not shutil.which("xvfb-run"):
                note(f"line {number}: not run: a pvpython snippet, and pvpython or xvfb-run "
                     "is not installed")
                return True
            argv = ["pvpython", script]
            if not os.environ.get("DISPLAY"):
                argv = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24"] + argv
            attempts = 3  # ParaView under a fresh X server now and then aborts at start-up
    else:
        joined = re.sub(r"\\\n", " ", code)
        kept = []
        for command in joined.splitlines():
            stripped = command.strip()
            if not stripped or stripped.startswith("#"):
                continue
            reason = not_run_reason(stripped)
            if reason:
                note(f"line {number}: not run: {stripped.split('#')[0].strip()} ({reason})")
                continue
            if stripped.split()[0] not in PROGRAMS and not stripped.startswith(("module ", "#")):
                print(f"doc-check: line {number}: unknown command '{stripped}': add it to "
                      "PROGRAMS (run) or NOT_RUN (with a reason)")
                return False
            kept.append(adapter.adapt(command))
        if not kept:
            return True
        code = "\n".join(kept)
        make_given_files(code, adapter, env)
        argv = ["bash", "-e", "-o", "pipefail", "-c", code]
    for before, after in adapter.changes:
        note(f"line {number}: ran '{after}' for '{before}'")
    adapter.changes.clear()
    for attempt in range(attempts):
        done = subprocess.run(argv, cwd=adapter.work, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=TIMEOUT)
        if done.returncode == 0 or attempt + 1 == attempts:
            break
        note(f"line {number}: attempt {attempt + 1} exited {done.returncode}; trying again")
    if done.returncode != 0:
        print(f"doc-check: line {number}: FAILED (exit {done.returncode}):\n{code}\n--- output"
              f" ---\n{done.stdout[-4000:]}")
        return False
    note(f"line {number}: ok ({kind}, {len(code.splitlines())} lines)")
    return True


def main(doc, source, build, work):
    source, build, work = (os.path.abspath(p) for p in (source, build, work))
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    # A copy: commands may write next to a scenario, and must not write into the sources.
    shutil.copytree(os.path.join(source, "scenarios"), os.path.join(work, "scenarios"))
    os.symlink(os.path.join(source, "scripts"), os.path.join(work, "scripts"))
    env = environment(source, build, work)
    adapter = Adapter(source, build, work)
    with open(doc, encoding="utf-8") as f:
        found = blocks(f.read())
    failures = sum(not run_block(n, kind, code, adapter, env) for n, kind, code in found)
    note(f"{os.path.basename(doc)}: {len(found)} blocks, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
