#!/usr/bin/env python3
"""`ties serve` under measurement (part of `make bench`; docs/PERFORMANCE.md).

For one journal, with the binary `make install` installs (`make static`):

  start    seconds from launching `ties serve` to its first line (the address)
  event    seconds from a contact file's save (a new file renamed over it, as editors save) to
           the change message on an open /_ties/events stream: median and largest of --saves;
           each save changes the contact's name, so every reference is linked again
  notes    the same for saves that add a line to the contact's notes: every name stays, so
           the change is linked alone
  new      the same for a new encounter file renamed into place, and for its removal: files that
           come and go (--saves / 2 of each)
  request  page request latency on loopback while 4 clients ask in a loop for --seconds:
           contact pages in turn and the dashboard, each request a new connection; p50 and p99

Each save renames the contact back and forth, so every save is a real change. Run from the
repository root: python3 bench/serve.py --binary .build-static/release/ties --journal bench/out/journal-10000
"""
import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time


def start(binary, journal, env):
    began = time.perf_counter()
    process = subprocess.Popen([binary, "serve", "--journal", journal, "--port", "0", "--today", "2026-11-25"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    line = process.stdout.readline().decode()
    started = time.perf_counter() - began
    match = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=([0-9a-f]+)", line)
    if not match:
        process.kill()
        sys.exit("ties serve printed no address: " + line)
    # Keep reading its output, so that it never blocks on a full pipe.
    threading.Thread(target=lambda: process.stdout.read(), daemon=True).start()
    return process, int(match.group(1)), match.group(2), started


def request(port, cookie, path):
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nCookie: %s\r\nConnection: close\r\n\r\n"
                            % (path, port, cookie)).encode())
        data = b""
        while True:
            chunk = connection.recv(1 << 16)
            if not chunk:
                break
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data


def event_latencies(port, cookie, contact_file, saves, rename=True):
    events = socket.create_connection(("127.0.0.1", port), timeout=30)
    events.sendall(("GET /_ties/events HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nCookie: %s\r\n\r\n" % (port, cookie)).encode())
    received = b""
    while b"event: hello" not in received:
        received += events.recv(4096)
    with open(contact_file, encoding="utf-8") as f:
        original = f.read()
    name = re.search(r"^name: (.*)$", original, re.M).group(1)
    latencies = []
    # A change is a plain message, one chunk of the chunked body: it starts a chunk.
    for index in range(saves):
        if rename:
            text = original.replace("name: " + name, "name: %s %s" % (name, "Live" if index % 2 == 0 else "Again"), 1)
        else:
            text = original + ("\nA line of notes.\n" if index % 2 == 0 else "\nAnother line of notes.\n")
        temporary = os.path.join(os.path.dirname(contact_file), ".bench.tmp")
        with open(temporary, "w", encoding="utf-8") as f:
            f.write(text)
        seen = received.count(b"\r\ndata: ")
        saved = time.perf_counter()
        os.rename(temporary, contact_file)
        while received.count(b"\r\ndata: ") == seen:
            received += events.recv(4096)
        latencies.append(time.perf_counter() - saved)
        time.sleep(0.3)
    with open(contact_file, "w", encoding="utf-8") as f:
        f.write(original)
    events.close()
    return latencies


def new_file_latencies(port, cookie, journal, saves):
    """Seconds from a new encounter file (renamed into place) to the change message, and from
    its removal to the next: files that come and go."""
    events = socket.create_connection(("127.0.0.1", port), timeout=60)
    events.sendall(("GET /_ties/events HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nCookie: %s\r\n\r\n" % (port, cookie)).encode())
    received = b""
    while b"event: hello" not in received:
        received += events.recv(4096)
    folder = os.path.join(journal, "encounters")
    path = os.path.join(folder, "2026-11-30-bench-new.md")
    latencies = []

    def wait_for_change(action):
        seen = received_count[0]
        began = time.perf_counter()
        action()
        nonlocal received
        while received.count(b"\r\ndata: ") == seen:
            received += events.recv(4096)
        received_count[0] = received.count(b"\r\ndata: ")
        latencies.append(time.perf_counter() - began)
        time.sleep(0.3)

    received_count = [received.count(b"\r\ndata: ")]
    for _ in range(saves):
        def add():
            temporary = os.path.join(folder, ".bench-new.tmp")
            with open(temporary, "w", encoding="utf-8") as f:
                f.write("---\ndate: 2026-11-30\n---\nA new encounter.\n")
            os.rename(temporary, path)
        wait_for_change(add)
        wait_for_change(lambda: os.remove(path))
    events.close()
    return latencies


def request_latencies(port, cookie, paths, seconds, clients):
    latencies = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    failures = []

    def client(offset):
        index = offset
        while time.perf_counter() < deadline:
            path = paths[index % len(paths)]
            index += clients
            began = time.perf_counter()
            status, _ = request(port, cookie, path)
            elapsed = time.perf_counter() - began
            if status != 200:
                failures.append((path, status))
            with lock:
                latencies.append(elapsed)
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        sys.exit("requests failed: %s" % failures[:5])
    return latencies


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure(binary, journal, saves=10, seconds=5.0, clients=4, env=None):
    env = env or dict(os.environ)
    process, port, token, started = start(binary, journal, env)
    try:
        cookie = "ties-%d=%s" % (port, token)
        contacts = sorted(name[:-3] for name in os.listdir(os.path.join(journal, "contacts")) if name.endswith(".md"))
        events = event_latencies(port, cookie, os.path.join(journal, "contacts", contacts[0] + ".md"), saves)
        notes = event_latencies(port, cookie, os.path.join(journal, "contacts", contacts[0] + ".md"), saves, rename=False)
        comings = new_file_latencies(port, cookie, journal, max(1, saves // 2))
        paths = ["/contacts/%s.html" % slug for slug in contacts[:200]] + ["/index.html"]
        request(port, cookie, "/index.html")
        requests = request_latencies(port, cookie, paths, seconds, clients)
        return {
            "start": started, "event_median": statistics.median(events), "event_max": max(events),
            "notes_median": statistics.median(notes), "notes_max": max(notes),
            "new_median": statistics.median(comings), "new_max": max(comings),
            "requests": len(requests), "p50": percentile(requests, 0.5), "p99": percentile(requests, 0.99),
        }
    finally:
        process.send_signal(2)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


HEADER = "%-8s %8s %9s %9s %9s %9s %9s %9s %9s %9s %9s" % (
    "records", "start s", "event s", "event max", "notes s", "notes max", "new s", "new max", "requests", "p50 ms",
    "p99 ms")


def row(size, result):
    return "%-8d %8.2f %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9d %9.1f %9.1f" % (
        size, result["start"], result["event_median"], result["event_max"], result["notes_median"], result["notes_max"],
        result["new_median"], result["new_max"],
        result["requests"], result["p50"] * 1000, result["p99"] * 1000)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build-static/release/ties")
    parser.add_argument("--journal", required=True)
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    result = measure(os.path.abspath(args.binary), args.journal, args.saves, args.seconds)
    records = sum(len(files) for folder, _, files in os.walk(args.journal) if "/." not in folder)
    print(HEADER)
    print(row(records, result))


if __name__ == "__main__":
    main()
