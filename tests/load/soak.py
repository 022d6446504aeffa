#!/usr/bin/env python3
"""A bounded soak of `briefing serve`: readers and a writer at once, for a few minutes.

    python3 tests/load/soak.py                       # 3,000 articles, 180 s, 4 clients
    python3 tests/load/soak.py --duration 600 --articles 10000 --clients 8

Generates a briefing with the benchmark's corpus generator (`examples/corpus.rs`) in a
temporary folder, starts `briefing serve` on it on 127.0.0.1 (a free port), and then,
for `--duration` seconds:

- `--clients` threads request pages over keep-alive connections, as fast as they are
  answered: the indexes, the timeline, the search page and index, a data export, the
  feed, and a sample of article, person and outlet pages (the edited articles among
  them);
- a writer saves an article every `--interval` seconds (a different article each time,
  in turn over `--edited` articles), replacing the sentence the soak added to it with a
  new one. Before each save it opens that article's page as a reader would (the page,
  and the event stream the page's script listens to); after it, it waits for the
  reload event that says the page changed and fetches the page until it holds the new
  sentence;
- the server's resident memory (VmRSS) and open file descriptors are sampled every
  second.

It passes when no request got an error status (4xx or 5xx: every path requested
exists) or failed to connect, every save's reload event arrived and the page then held
the new sentence (within `--reload-timeout`), the resident memory after warm-up stayed
flat (the median of the last `--window` seconds at most `--tolerance` above the median
of the first `--window` seconds after `--warmup`), and the server stopped cleanly on
Ctrl-C (SIGINT) with exit code 0. Exit code 0 when it passes, 1 when it does not, 2
when it could not run. Traffic goes to 127.0.0.1 only; the run stops by itself.

Not part of CI (a few minutes of both cores); docs/testing.md has its figures.
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import json
import os
import platform
import queue
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MARK = "Soak edit"  # every sentence the writer adds starts with this


def _bench():
    """The benchmark script (`bench/run.py`), for what the soak shares with its timing
    of the dev server: the event-stream reader, the log collector, the target folder."""
    sys.dont_write_bytecode = True  # no __pycache__ left in bench/
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _bench()
Events, Lines, loadavg, target_dir = bench.Events, bench.Lines, bench.loadavg, bench.target_dir


def close_stream(events) -> None:
    """Ends an event stream from another thread: its reader sees the end of the stream."""
    try:
        if events.conn.sock is not None:
            events.conn.sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    events.conn.close()


# --------------------------------------------------------------------------------------
# The server


def proc_status(pid: int) -> tuple[int, int] | None:
    """The process's resident memory in KiB and its open file descriptors."""
    try:
        rss = 0
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                    break
        return rss, len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None


class Sampler(threading.Thread):
    """Reads the server's resident memory and open files every second."""

    def __init__(self, pid: int, t0: float, stop: threading.Event):
        super().__init__(daemon=True)
        self.pid, self.t0, self.stop = pid, t0, stop
        self.samples: list[tuple[float, int, int]] = []  # (seconds since t0, KiB, fds)

    def run(self):
        while not self.stop.is_set():
            s = proc_status(self.pid)
            if s:
                self.samples.append((time.monotonic() - self.t0, *s))
            self.stop.wait(1.0)


# --------------------------------------------------------------------------------------
# Readers


class Clients:
    """`n` threads requesting `paths` in a shuffled loop until `stop` is set."""

    def __init__(self, port: int, paths: list[str], n: int, seed: int, stop: threading.Event):
        self.port, self.paths, self.stop = port, paths, stop
        self.lock = threading.Lock()
        self.counts = [0] * n  # requests answered, per thread (each writes its own)
        self.requests = 0
        self.bytes = 0
        self.statuses: dict[int, int] = {}
        self.errors: list[str] = []  # error statuses and connection failures, first ones
        self.error_count = 0
        self.latencies: list[float] = []  # seconds, a sample (every 10th request)
        self.threads = [threading.Thread(target=self.run, args=(i, seed + i), daemon=True)
                        for i in range(n)]

    def start(self):
        for t in self.threads:
            t.start()

    def join(self):
        for t in self.threads:
            t.join(timeout=60)

    def fail(self, what: str):
        with self.lock:
            self.error_count += 1
            if len(self.errors) < 20:
                self.errors.append(what)

    def run(self, index: int, seed: int):
        rng = random.Random(seed)
        order = self.paths[:]
        conn = None
        count, nbytes, lat = 0, 0, []
        statuses: dict[int, int] = {}
        while not self.stop.is_set():
            rng.shuffle(order)
            for path in order:
                if self.stop.is_set():
                    break
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                t = time.perf_counter()
                try:
                    conn.request("GET", path)
                    resp = conn.getresponse()
                    body = resp.read()
                except (OSError, http.client.HTTPException) as e:
                    self.fail(f"{path}: {type(e).__name__}: {e}")
                    conn.close()
                    conn = None
                    continue
                count += 1
                self.counts[index] = count
                nbytes += len(body)
                if count % 10 == 0:
                    lat.append(time.perf_counter() - t)
                statuses[resp.status] = statuses.get(resp.status, 0) + 1
                if resp.status >= 400:
                    self.fail(f"{path}: HTTP {resp.status}")
        if conn is not None:
            conn.close()
        with self.lock:
            self.requests += count
            self.bytes += nbytes
            self.latencies += lat
            for s, c in statuses.items():
                self.statuses[s] = self.statuses.get(s, 0) + c


# --------------------------------------------------------------------------------------
# The writer and its reader


def fetch(port: int, path: str) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read().decode(errors="replace")
    finally:
        conn.close()


def served_count(page: str) -> int:
    return int(re.search(r"const served = (\d+);", page).group(1))


class Edit:
    """One save and what the reader saw of it."""

    def __init__(self, n: int, path: str):
        self.n, self.path = n, path
        self.sentence = f"{MARK} {n}: the soak test wrote this sentence into the article."
        self.reload_s: float | None = None  # from the write to the reload event that
        self.shown_s: float | None = None   # ... and to the page holding the sentence
        self.failure: str | None = None


def open_reader(port: int, page_path: str) -> tuple[int, Events]:
    """The article page as a browser opens it: the page, then its event stream, which
    first says when the page last changed."""
    status, page = fetch(port, page_path)
    if status != 200:
        raise RuntimeError(f"{page_path}: HTTP {status}")
    served = served_count(page)
    key = re.search(r"encodeURIComponent\((\"[^\"]*\")\)", page).group(1)
    stream = "/__briefing/events?page=" + urllib.parse.quote(json.loads(key), safe="")
    events = Events("127.0.0.1", port, stream)
    events.start()
    _, event, _ = events.q.get(timeout=30)
    while event != "reload":
        _, event, _ = events.q.get(timeout=30)
    return served, events


def follow(edit: Edit, port: int, served: int, events: Events, written: float, timeout: float):
    """Waits for the page to reload into a version that holds the edit's sentence. A
    reload can come first from another save (an article of the same story shows on this
    page too): then the reader, like a browser, waits for the next one."""
    deadline = written + timeout
    try:
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                edit.failure = ("no reload event" if edit.reload_s is None
                                else "the reloaded page never held the new sentence")
                return
            try:
                at, event, data = events.q.get(timeout=left)
            except queue.Empty:
                continue
            if event != "reload" or int(data) <= served:
                continue
            if edit.reload_s is None:
                edit.reload_s = at - written
            status, page = fetch(port, edit.path)
            if status != 200:
                edit.failure = f"the reloaded page answered HTTP {status}"
                return
            served = served_count(page)
            if edit.sentence in page:
                edit.shown_s = time.perf_counter() - written
                return
    except (OSError, http.client.HTTPException, RuntimeError) as e:
        edit.failure = f"{type(e).__name__}: {e}"
    finally:
        close_stream(events)


# --------------------------------------------------------------------------------------
# The corpus


def corpus_paths(root: Path, rng: random.Random, edited: int) -> tuple[list[str], list[Path]]:
    """The paths the clients request, and the article files the writer edits."""
    articles = sorted((root / "content" / "articles").rglob("*.md"))
    people = sorted(p.stem for p in (root / "content" / "people").glob("*.yaml"))
    outlets = re.findall(r"^([a-z0-9][a-z0-9-]*):", (root / "content" / "outlets.yaml").read_text(), re.M)
    step = max(1, len(articles) // edited)
    to_edit = articles[::step][:edited]
    sample = sorted(set(rng.sample(articles, min(100, len(articles)))) | set(to_edit))
    paths = ["/", "/people/", "/articles/", "/outlets/", "/timeline/", "/compare/", "/search/",
             "/style.css", "/search/index.json", "/data/people.json", "/feed.xml"]
    paths += [f"/articles/{p.stem}/" for p in sample]
    paths += [f"/people/{p}/" for p in people]
    paths += [f"/outlets/{o}/" for o in outlets]
    return paths, to_edit


def set_sentence(path: Path, original: bytes, sentence: str):
    """The article as it was, plus one paragraph: the latest soak sentence. Written in
    place, as an editor saves."""
    path.write_bytes(original + f"\n{sentence}\n".encode())


# --------------------------------------------------------------------------------------
# The run


def median_between(samples, start: float, end: float) -> float | None:
    window = [kib for t, kib, _ in samples if start <= t < end]
    return statistics.median(window) / 1024 if window else None


def slope_mb_per_min(samples) -> float | None:
    if len(samples) < 3:
        return None
    xs = [t for t, _, _ in samples]
    ys = [kib / 1024 for _, kib, _ in samples]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return 60 * sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else None


def pct(values: list[float], q: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(q * len(v)))] if v else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=3000, help="corpus size (default 3000)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    ap.add_argument("--duration", type=float, default=180, help="seconds of load and edits (default 180)")
    ap.add_argument("--warmup", type=float, default=60,
                    help="seconds from the start of the load before memory must be flat (default 60)")
    ap.add_argument("--window", type=float, default=30,
                    help="seconds over which memory is taken as a median (default 30)")
    ap.add_argument("--tolerance", type=float, default=0.10,
                    help="allowed growth of resident memory after warm-up, as a fraction (default 0.10)")
    ap.add_argument("--clients", type=int, default=4, help="reading threads (default 4)")
    ap.add_argument("--interval", type=float, default=1.0, help="seconds between saves (default 1)")
    ap.add_argument("--edited", type=int, default=20, help="articles the writer takes in turn (default 20)")
    ap.add_argument("--reload-timeout", type=float, default=60,
                    help="seconds a save may take to show on its page (default 60)")
    ap.add_argument("--briefing", type=Path, help="the briefing binary (default: build it with cargo)")
    ap.add_argument("--generator", type=Path, help="the corpus generator (default: build it with cargo)")
    ap.add_argument("--keep", action="store_true", help="keep the corpus folder and the server log")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()
    if args.warmup + 2 * args.window > args.duration:
        ap.error("--duration must hold --warmup and two --window")

    release = target_dir() / "release"
    if args.briefing is None or args.generator is None:
        print("cargo build --release --locked --bin briefing --example corpus", flush=True)
        r = subprocess.run(["cargo", "build", "--release", "--locked", "--bin", "briefing",
                            "--example", "corpus"], cwd=REPO)
        if r.returncode != 0:
            return 2
    briefing = (args.briefing or release / "briefing").resolve()
    generator = (args.generator or release / "examples" / "corpus").resolve()

    scratch = Path(tempfile.mkdtemp(prefix="briefing-soak-"))
    root = scratch / "briefing"
    started = time.monotonic()
    print(f"load average before: {loadavg()}", flush=True)
    r = subprocess.run([str(generator), "--articles", str(args.articles), "--seed", str(args.seed),
                        "--out", str(root)], stdout=subprocess.DEVNULL)
    if r.returncode != 0:
        print("the corpus generator failed", file=sys.stderr)
        return 2
    print(f"corpus: {args.articles} articles in {time.monotonic() - started:.1f} s", flush=True)

    rng = random.Random(args.seed)
    paths, to_edit = corpus_paths(root, rng, args.edited)
    originals = {p: p.read_bytes() for p in to_edit}

    t_serve = time.monotonic()
    proc = subprocess.Popen([str(briefing), "serve", "--root", str(root), "--bind", "127.0.0.1",
                             "--port", "0"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    lines = Lines(proc.stderr)
    lines.start()
    result: dict = {"articles": args.articles, "clients": args.clients, "duration_s": args.duration,
                    "interval_s": args.interval, "machine": {"cores": os.cpu_count(),
                                                             "platform": platform.platform()}}
    failures: list[str] = []
    stop = threading.Event()
    sampler = clients = None
    edits: list[Edit] = []
    followers: list[threading.Thread] = []
    try:
        port = None
        while port is None:
            try:
                _, line = lines.q.get(timeout=600)
            except queue.Empty:
                print("serve did not start", file=sys.stderr)
                return 2
            m = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
            if m:
                port = int(m.group(1))
            elif proc.poll() is not None:
                print("\n".join(lines.all), file=sys.stderr)
                print("serve exited", file=sys.stderr)
                return 2
        result["startup_s"] = time.monotonic() - t_serve
        start_rss = proc_status(proc.pid)
        result["rss_at_start_mb"] = start_rss[0] / 1024 if start_rss else None
        print(f"serve: ready in {result['startup_s']:.1f} s on port {port}, "
              f"{result['rss_at_start_mb'] or 0:.0f} MB resident; {len(paths)} paths, "
              f"{args.clients} clients, a save every {args.interval:g} s for {args.duration:g} s",
              flush=True)

        t0 = time.monotonic()
        sampler = Sampler(proc.pid, t0, stop)
        sampler.start()
        clients = Clients(port, paths, args.clients, args.seed, stop)
        clients.start()

        n = 0
        next_at = time.monotonic()
        while time.monotonic() - t0 < args.duration:
            time.sleep(max(0.0, next_at - time.monotonic()))
            next_at += args.interval
            file = to_edit[n % len(to_edit)]
            n += 1
            edit = Edit(n, f"/articles/{file.stem}/")
            edits.append(edit)
            try:
                served, events = open_reader(port, edit.path)
            except (OSError, http.client.HTTPException, RuntimeError, queue.Empty) as e:
                edit.failure = f"opening the page: {type(e).__name__}: {e}"
                continue
            written = time.perf_counter()
            set_sentence(file, originals[file], edit.sentence)
            t = threading.Thread(target=follow, daemon=True,
                                 args=(edit, port, served, events, written, args.reload_timeout))
            t.start()
            followers.append(t)
            if n % 30 == 0:
                s = sampler.samples[-1] if sampler.samples else None
                print(f"  {time.monotonic() - t0:4.0f} s: {n} saves, {sum(clients.counts):,} requests"
                      + (f", {s[1] / 1024:.0f} MB resident, {s[2]} open files" if s else ""),
                      flush=True)
        load_end = time.monotonic() - t0
        stop.set()
        clients.join()
        for t in followers:
            t.join(timeout=args.reload_timeout + 5)
        sampler.join()
    finally:
        stop.set()
        for p, text in originals.items():
            p.write_bytes(text)
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
        try:
            code = proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
            failures.append("the server did not stop within 60 s of Ctrl-C")
        result["exit_code"] = code
        log = "\n".join(lines.all)
        if args.keep:
            (scratch / "serve.log").write_text(log)
            print(f"kept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)

    # ----------------------------------------------------------------------------------
    # What it found

    if code != 0:
        failures.append(f"the server exited with {code} on Ctrl-C")
    if "panicked" in log:
        failures.append("the server panicked: " + next(l for l in lines.all if "panicked" in l))

    result.update({
        "requests": clients.requests, "megabytes": clients.bytes / 1e6,
        "requests_per_s": clients.requests / load_end,
        "statuses": {str(k): v for k, v in sorted(clients.statuses.items())},
        "errors": clients.error_count,
        "latency_ms": {"p50": 1000 * pct(clients.latencies, 0.5), "p99": 1000 * pct(clients.latencies, 0.99),
                       "max": 1000 * max(clients.latencies, default=float("nan"))},
    })
    if clients.error_count:
        failures.append(f"{clients.error_count} requests failed, first: " + "; ".join(clients.errors[:5]))

    done = [e for e in edits if e.failure is None and e.shown_s is not None]
    bad = [e for e in edits if e.failure is not None or e.shown_s is None]
    reloads = [1000 * e.reload_s for e in edits if e.reload_s is not None]
    shown = [1000 * e.shown_s for e in done]
    result.update({
        "saves": len(edits), "saves_shown": len(done),
        "reload_ms": {"median": statistics.median(reloads) if reloads else None,
                      "p90": pct(reloads, 0.9), "max": max(reloads, default=None)},
        "shown_ms": {"median": statistics.median(shown) if shown else None,
                     "p90": pct(shown, 0.9), "max": max(shown, default=None)},
        "rebuild_lines": sum(1 for l in lines.all if l.startswith("rebuilt")),
    })
    if bad:
        failures.append(f"{len(bad)} of {len(edits)} saves did not show: "
                        + "; ".join(f"save {e.n} ({e.path}): {e.failure or 'not followed'}" for e in bad[:5]))

    samples = sampler.samples if sampler else []
    after = [s for s in samples if s[0] >= args.warmup]
    first = median_between(samples, args.warmup, args.warmup + args.window)
    last = median_between(samples, load_end - args.window, load_end + 1)
    result["memory"] = {
        "samples": len(samples),
        "peak_mb": max((kib for _, kib, _ in samples), default=0) / 1024,
        "warmup_s": args.warmup, "window_s": args.window, "tolerance": args.tolerance,
        "after_warmup_first_window_mb": first, "last_window_mb": last,
        "after_warmup_min_mb": min((kib for _, kib, _ in after), default=0) / 1024,
        "after_warmup_max_mb": max((kib for _, kib, _ in after), default=0) / 1024,
        "after_warmup_slope_mb_per_min": slope_mb_per_min(after),
        "open_files_first": samples[0][2] if samples else None,
        "open_files_last": samples[-1][2] if samples else None,
        "open_files_max": max((f for _, _, f in samples), default=None),
    }
    if first is None or last is None:
        failures.append("too few memory samples")
    elif last > first * (1 + args.tolerance):
        failures.append(f"resident memory grew after warm-up: median {first:.0f} MB in the first "
                        f"{args.window:g} s, {last:.0f} MB in the last (tolerance {args.tolerance:.0%})")

    result["load_average_after"] = loadavg()
    result["passed"] = not failures
    result["failures"] = failures

    mem = result["memory"]
    print()
    print(f"requests    {clients.requests:,} in {load_end:.0f} s ({result['requests_per_s']:,.0f}/s, "
          f"{result['megabytes']:,.0f} MB), statuses {result['statuses']}, {clients.error_count} errors")
    print(f"latency     p50 {result['latency_ms']['p50']:.1f} ms, p99 {result['latency_ms']['p99']:.1f} ms, "
          f"max {result['latency_ms']['max']:.1f} ms (every 10th request)")
    if reloads:
        print(f"saves       {len(edits)}, {len(done)} shown; write to reload event: median "
              f"{result['reload_ms']['median']:.0f} ms, p90 {result['reload_ms']['p90']:.0f} ms, max "
              f"{result['reload_ms']['max']:.0f} ms; to the page holding the sentence: median "
              f"{result['shown_ms']['median']:.0f} ms, max {result['shown_ms']['max']:.0f} ms; "
              f"{result['rebuild_lines']} rebuilds")
    if first is not None and last is not None:
        print(f"memory      {result['rss_at_start_mb'] or 0:.0f} MB at start, peak "
              f"{mem['peak_mb']:.0f} MB; after {args.warmup:g} s: {first:.0f} MB (median of "
              f"{args.window:g} s), last {args.window:g} s "
              f"{last:.0f} MB ({(last / first - 1):+.1%}, tolerance {args.tolerance:.0%}), range "
              f"{mem['after_warmup_min_mb']:.0f}-{mem['after_warmup_max_mb']:.0f} MB, slope "
              f"{mem['after_warmup_slope_mb_per_min']:+.2f} MB/min")
    print(f"open files  {mem['open_files_first']} at start, {mem['open_files_last']} at the end, "
          f"{mem['open_files_max']} at most")
    print(f"stop        exit code {code}; load average after: {result['load_average_after']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    if failures:
        for f in failures:
            print(f"FAIL: {f}", file=sys.stderr)
        print("soak FAILED", file=sys.stderr)
        return 1
    print("soak passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
