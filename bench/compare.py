#!/usr/bin/env python3
"""Compares two builds of ties on `ties check` and `ties due` of one journal, run in turns.

A refactoring must not make the everyday commands slower; on a noisy machine, runs of one
binary after the other mislead, so the two are run alternately, each with its own warm cache,
and the medians of wall and CPU time are compared. Run from the repository root, after
`make bench` has generated the journal:

python3 bench/compare.py OLD-BINARY NEW-BINARY [--journal bench/out/journal-100000] [--runs 6]
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time


def run(binary, arguments, cache):
    env = dict(os.environ, TIES_CACHE_DIR=cache)
    start = time.monotonic()
    before = os.times()
    subprocess.run([binary] + arguments, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return time.monotonic() - start, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--journal", default="bench/out/journal-100000")
    parser.add_argument("--runs", type=int, default=6)
    args = parser.parse_args()
    commands = {"check": ["check", "--journal", args.journal],
                "due": ["due", "--journal", args.journal, "--today", "2026-11-25"]}
    with tempfile.TemporaryDirectory() as scratch:
        caches = {name: os.path.join(scratch, name) for name in ("old", "new")}
        binaries = {"old": os.path.abspath(args.old), "new": os.path.abspath(args.new)}
        for name in binaries:  # warm each cache: the first run parses, the second keeps the agenda
            for command in commands.values():
                run(binaries[name], command, caches[name])
                run(binaries[name], command, caches[name])
        times = {(name, command): [] for name in binaries for command in commands}
        for _ in range(args.runs):
            for name in binaries:
                for command, arguments in commands.items():
                    times[(name, command)].append(run(binaries[name], arguments, caches[name]))
    print("%-6s %-4s %12s %12s" % ("", "", "median s", "median CPU s"))
    for command in commands:
        for name in binaries:
            runs = times[(name, command)]
            print("%-6s %-4s %12.2f %12.2f" % (command, name, statistics.median(r[0] for r in runs),
                                               statistics.median(r[1] for r in runs)))


if __name__ == "__main__":
    main()
