#!/usr/bin/env python3
"""`make bench`: times `ties check` on generated journals and reports wall time and peak memory.

Each size is generated once (deterministically, bench/generate.py), then checked with the
release binary `--runs` times; the median wall time and the largest peak RSS are reported.
Run from the repository's root: python3 bench/run.py --binary .build/release/ties
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import generate  # noqa: E402


def run_once(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/ties")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default="bench/out")
    args = parser.parse_args()

    print("machine: %s, %d cores, %s" % (cpu_name(), os.cpu_count(), platform.platform()))
    print("%-8s %-8s %12s %12s %14s" % ("records", "files", "check (s)", "peak RSS", "files/second"))
    for size in [int(s) for s in args.sizes.split(",")]:
        journal = os.path.join(args.out, "journal-%d" % size)
        generate.generate(journal, size, 42)
        files = sum(len([f for f in fs if f.endswith(".md")]) for _, _, fs in os.walk(journal))
        run_once([args.binary, "check", "--journal", journal])  # warm the file cache
        times, peaks = [], []
        for _ in range(args.runs):
            elapsed, peak, code = run_once([args.binary, "check", "--journal", journal])
            if code not in (0, 1):
                sys.exit("ties check failed with exit code %d on %s" % (code, journal))
            times.append(elapsed)
            peaks.append(peak)
        median = statistics.median(times)
        print("%-8d %-8d %12.3f %9.0f MiB %14.0f" % (size, files, median, max(peaks), files / median))


if __name__ == "__main__":
    main()
