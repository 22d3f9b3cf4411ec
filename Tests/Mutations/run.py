#!/usr/bin/env python3
"""`make mutate`: applies each mutation of mutations.py to a scratch copy of the sources, builds,
runs the tests its filter names (the whole suite with MUTATE_FULL=1), and reports which
mutations the tests kill and which survive. Exits 1 when any survives or no longer applies.

The copy lives in .build-mutate/ (its own build folder, so the first build takes as long as a
first build does; later mutations rebuild only what they touch). Give mutation ids as
arguments to run only those.
"""
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCRATCH = os.path.join(ROOT, ".build-mutate", "src")
sys.path.insert(0, HERE)
from mutations import MUTATIONS  # noqa: E402


def copy_sources():
    """The tracked files and the untracked ones git does not ignore, as they are in the tree."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True).stdout.decode().split("\0")
    for path in filter(None, listed):
        source = os.path.join(ROOT, path)
        if not os.path.isfile(source):
            continue
        target = os.path.join(SCRATCH, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(source, "rb") as f:
            data = f.read()
        if os.path.exists(target):
            with open(target, "rb") as f:
                if f.read() == data:
                    continue
        with open(target, "wb") as f:
            f.write(data)
        shutil.copymode(source, target)
    # Files the tree no longer has go from the copy too (its build folder stays).
    kept = {os.path.normpath(p) for p in listed if p and os.path.isfile(os.path.join(ROOT, p))}
    for folder, names, files in os.walk(SCRATCH):
        relative_folder = os.path.relpath(folder, SCRATCH)
        if relative_folder.split(os.sep)[0] == ".build":
            names[:] = []
            continue
        names[:] = [n for n in names if not (relative_folder == "." and n == ".build")]
        for name in files:
            relative = os.path.normpath(os.path.join(relative_folder, name))
            if relative not in kept:
                os.remove(os.path.join(folder, name))


def run(command, log):
    with open(log, "ab") as out:
        return subprocess.run(command, cwd=SCRATCH, stdout=out, stderr=subprocess.STDOUT).returncode


def main():
    wanted = set(sys.argv[1:])
    mutations = [m for m in MUTATIONS if not wanted or m[0] in wanted]
    os.makedirs(SCRATCH, exist_ok=True)
    copy_sources()
    log = os.path.join(ROOT, ".build-mutate", "mutate.log")
    open(log, "w").close()
    print(f"mutate: building the unmutated copy (log: {os.path.relpath(log, ROOT)})", flush=True)
    if run(["swift", "build", "--build-tests"], log) != 0:
        print("mutate: the unmutated sources do not build")
        return 1
    full = os.environ.get("MUTATE_FULL") == "1"
    results = []
    for ident, path, before, after, tests, breaks in mutations:
        file = os.path.join(SCRATCH, path)
        with open(file, encoding="utf-8") as f:
            original = f.read()
        if original.count(before) != 1:
            results.append((ident, "NOT APPLIED", f"the text occurs {original.count(before)} times in {path}"))
            print(f"mutate: {ident}: NOT APPLIED", flush=True)
            continue
        started = time.time()
        try:
            with open(file, "w", encoding="utf-8") as f:
                f.write(original.replace(before, after))
            with open(log, "a") as out:
                out.write(f"\n=== {ident}: {breaks}\n")
            if run(["swift", "build", "--build-tests"], log) != 0:
                outcome = "DOES NOT BUILD"
            else:
                command = ["swift", "test", "--skip-build"] + ([] if full else ["--filter", tests])
                outcome = "killed" if run(command, log) != 0 else "SURVIVED"
        finally:
            with open(file, "w", encoding="utf-8") as f:
                f.write(original)
        results.append((ident, outcome, breaks))
        print(f"mutate: {ident}: {outcome} ({time.time() - started:.0f} s)", flush=True)
    killed = sum(1 for r in results if r[1] == "killed")
    print(f"\nmutate: {killed} of {len(results)} mutations killed" + ("" if full else " (tests named by each filter)"))
    for ident, outcome, breaks in results:
        if outcome != "killed":
            print(f"  {ident}: {outcome}: {breaks}")
    return 0 if killed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
