#!/usr/bin/env python3
"""`make bench`: measures ties on generated journals, and Hugo on the same Markdown files.

For each size (records), bench/generate.py writes a deterministic journal (seed 42); then, with
the binary `make install` installs (`make static`), each measured `--runs` times (median wall
time, largest peak RSS):

  cold      ties check with an empty parse cache (read and parse every file, write the cache)
  check     ties check again                (files from the parse cache, link, report)
  due       ties due again                  (from the agenda cache: find and stat every file)
  build     ties build into an empty folder (the full private site)
  rebuild   ties build again after changing one encounter (one file parsed, one page written)
  hugo      hugo building the same .md files with a minimal layout (Debian's hugo), if installed
  render    of a full build, the phase that makes, renders and writes the pages (TIES_TIMINGS)
  lookups   show, who, search, timeline, brief, path and insights, warm (a second table)
  serve     ties serve: start, save-to-event latency, page request p50/p99 (bench/serve.py)
  floor     writing the same files with the same bytes with plain writes, into an emptied
            folder as the build does: what render-and-write could take at best

Every run uses its own cache folder (TIES_CACHE_DIR=<out>/cache-<size>), emptied first, so
"cold" is a first run and the others are what a person sees day to day. The generated files are
aged by two seconds before measuring, as the cache trusts a file's time only when the file is
older than that (see docs/PERFORMANCE.md). Pages per second are the build's pages over its median
time. Run from the repository root:
python3 bench/run.py --binary .build-static/release/ties [--sizes 1000,10000,100000] [--runs 3]
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import generate  # noqa: E402
import serve  # noqa: E402

ENV = dict(os.environ)

# The commands that answer a question, each timed warm (PERSON: the first contact's slug; the
# day fixed where a command takes one).
TODAY = ["--today", "2026-11-25"]
LOOKUPS = [
    ("show", ["show", "PERSON"] + TODAY),
    ("who", ["who", "--tag", "platform"]),
    ("search", ["search", "kubernetes"]),
    ("timeline", ["timeline", "--since", "2026-01-01"]),
    ("brief", ["brief", "PERSON"] + TODAY),
    ("path", ["path", "--to", "PERSON"] + TODAY),
    ("insights", ["insights"] + TODAY),
]


def run_once(command, cwd=None):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=ENV)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def measure(command, runs, before=None, allowed=(0, 1), cwd=None):
    times, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        elapsed, peak, code = run_once(command, cwd)
        if code not in allowed:
            sys.exit("%s failed with exit code %d" % (" ".join(command), code))
        times.append(elapsed)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def timed_phase(command):
    """The seconds of the render-and-write phase of one build, from its TIES_TIMINGS lines."""
    env = dict(ENV, TIES_TIMINGS="1")
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    for line in result.stderr.splitlines():
        if "render and write" in line:
            return float(line.rsplit(": ", 1)[1].split(" s")[0])
    return float("nan")


def write_floor(site, target, runs):
    """Median seconds to write every file of `site` again with plain open/write/close, one file
    after another, into an emptied `target`: the bytes are read into memory first."""
    files = []
    for folder, _, names in os.walk(site):
        for name in names:
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                files.append((os.path.relpath(path, site), f.read()))
    times = []
    for _ in range(runs):
        if os.path.exists(target):
            shutil.rmtree(target)
        start = time.perf_counter()
        made = set()
        for relative, data in files:
            folder = os.path.dirname(os.path.join(target, relative))
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            with open(os.path.join(target, relative), "wb") as f:
                f.write(data)
        times.append(time.perf_counter() - start)
    shutil.rmtree(target)
    return statistics.median(times)


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def hugo_site(root, journal):
    """A Hugo site whose content is the journal's Markdown files, with a minimal layout."""
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(os.path.join(root, "layouts", "_default"))
    with open(os.path.join(root, "hugo.toml"), "w") as f:
        f.write('baseURL = "http://localhost/"\ncontentDir = "%s"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n'
                '[markup.goldmark.renderer]\nunsafe = false\n' % os.path.abspath(journal))
    layout = "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>%s</body></html>\n"
    with open(os.path.join(root, "layouts", "_default", "single.html"), "w") as f:
        f.write(layout % "<h1>{{ .Title }}</h1>{{ .Content }}")
    with open(os.path.join(root, "layouts", "_default", "list.html"), "w") as f:
        f.write(layout % "<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>")
    with open(os.path.join(root, "layouts", "index.html"), "w") as f:
        f.write(layout % "<p>{{ len .Site.RegularPages }} pages</p>")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build-static/release/ties")
    parser.add_argument("--sizes", default="1000,10000,20000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default="bench/out")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    hugo = shutil.which("hugo")

    print("machine: %s, %d cores, %s" % (cpu_name(), os.cpu_count(), platform.platform()))
    if hugo:
        print("hugo: " + subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip())
    print()
    print("%-8s %-8s %8s %8s %8s %9s %9s %9s %10s %8s %9s %9s %8s %8s %9s" % (
        "records", "pages", "cold s", "check s", "due s", "build s", "rebuild s", "hugo s", "ties/hugo", "RSS MiB",
        "hugo MiB", "render s", "floor s", "x floor", "pages/s"))
    lookups = []
    served = []
    for size in [int(s) for s in args.sizes.split(",")]:
        journal = os.path.join(args.out, "journal-%d" % size)
        site = os.path.join(args.out, "site-%d" % size)
        generate.generate(journal, size, 42)
        time.sleep(2.1)
        cache = os.path.abspath(os.path.join(args.out, "cache-%d" % size))
        ENV["TIES_CACHE_DIR"] = cache
        today = ["--today", "2026-11-25"]

        def empty_cache():
            if os.path.exists(cache):
                shutil.rmtree(cache)
        run_once([binary, "check", "--journal", journal])  # warm the file system's cache
        cold, cold_rss = measure([binary, "check", "--journal", journal], args.runs, before=empty_cache)
        check, check_rss = measure([binary, "check", "--journal", journal], args.runs)
        run_once([binary, "due", "--journal", journal] + today)  # the first due keeps the agenda
        due, due_rss = measure([binary, "due", "--journal", journal] + today, args.runs)
        # Every command that answers a question: each loads the journal (from the linked-journal
        # cache), then answers from it (docs/PERFORMANCE.md). The first run of each keeps what
        # the others read; the medians are of the runs after it.
        person = sorted(os.listdir(os.path.join(journal, "contacts")))[0][:-3]
        times = {"check": check, "due": due}
        for name, arguments in LOOKUPS:
            command = [binary] + [person if a == "PERSON" else a for a in arguments] + ["--journal", journal]
            run_once(command)
            times[name], _ = measure(command, args.runs)
        lookups.append((size, times))
        served.append((size, serve.measure(binary, journal, env=ENV)))

        def clean():
            if os.path.exists(site):
                shutil.rmtree(site)
        build_command = [binary, "build", "--journal", journal, "--output", site] + today
        build, build_rss = measure(build_command, args.runs, before=clean)
        renders = []
        for _ in range(args.runs):
            clean()
            renders.append(timed_phase(build_command))
        render = statistics.median(renders)
        floor = write_floor(site, os.path.join(args.out, "floor-%d" % size), args.runs)
        pages = sum(1 for _, _, files in os.walk(site) for name in files if name.endswith(".html"))

        encounter = next(os.path.join(d, f) for d, _, fs in sorted(os.walk(os.path.join(journal, "encounters"))) for f in sorted(fs))
        counter = [0]

        def touch_one():
            counter[0] += 1
            with open(encounter, "a", encoding="utf-8") as f:
                f.write("\nEdited %d.\n" % counter[0])
        rebuild, rebuild_rss = measure(build_command, args.runs, before=touch_one)

        hugo_time = hugo_rss = None
        if hugo:
            root = os.path.join(args.out, "hugo-%d" % size)
            hugo_site(root, journal)

            def clean_hugo():
                public = os.path.join(root, "public")
                if os.path.exists(public):
                    shutil.rmtree(public)
            hugo_time, hugo_rss = measure([hugo, "--quiet"], args.runs, before=clean_hugo, allowed=(0,), cwd=root)
        peak = max(cold_rss, check_rss, due_rss, build_rss, rebuild_rss)
        print("%-8d %-8d %8.2f %8.2f %8.2f %9.2f %9.2f %9s %10s %8.0f %9s %9.2f %8.2f %8.1f %9.0f" % (
            size, pages, cold, check, due, build, rebuild, "%.2f" % hugo_time if hugo_time else "-",
            "%.2f" % (build / hugo_time) if hugo_time else "-", peak, "%.0f" % hugo_rss if hugo_rss else "-",
            render, floor, render / floor, pages / build))
        sys.stdout.flush()
    print()
    names = ["check", "due"] + [name for name, _ in LOOKUPS]
    print("%-8s" % "records" + "".join("%10s" % name for name in names) + "   (seconds, warm)")
    for size, times in lookups:
        print("%-8d" % size + "".join("%10.2f" % times[name] for name in names))
    print()
    print("ties serve: save to event, and page requests from 4 clients for 5 s (bench/serve.py)")
    print(serve.HEADER)
    for size, result in served:
        print(serve.row(size, result))


if __name__ == "__main__":
    main()
