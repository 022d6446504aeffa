#!/usr/bin/env python3
"""Scores `briefing import` on mozilla/readability's test pages against trafilatura and
readability-lxml, with one scorer for all three. See README.md beside this file."""

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone

# The news and magazine pages of the test suite: pages saved from an outlet's article,
# not the suite's synthetic pages (base-url, rtl-1…), documentation, wikis, blogs of a
# software project or front pages.
NEWS = [
    "aclu", "aktualne", "ars-1", "article-author-tag", "bbc-1", "breitbart",
    "bug-1255978", "buzzfeed-1", "citylab-1", "cnet", "cnet-svg-classes", "cnn",
    "engadget", "folha", "gmw", "guardian-1", "heise", "herald-sun-1", "iab-1",
    "keep-images", "la-nacion", "lazy-image-2", "lemonde-1", "liberation-1",
    "lifehacker-post-comment-load", "lifehacker-working", "lwn-1", "medicalnewstoday",
    "medium-1", "medium-2", "medium-3", "msn", "nytimes-1", "nytimes-2", "nytimes-3",
    "nytimes-4", "qq", "quanta-1", "salon-1", "schema-org-context-object",
    "seattletimes-1", "spiceworks", "telegraph", "theverge", "tmz-1", "videos-1",
    "videos-2", "wapo-1", "wapo-2", "webmd-1", "webmd-2", "wikia", "wordpress",
    "yahoo-1", "yahoo-3", "yahoo-4", "youth", "pixnet",
]

CJK = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
TOKEN = re.compile(CJK + r"|[^\W_]+", re.UNICODE)


def tokens(text):
    """Words, lowercased; each CJK character is a word of its own."""
    return [t.lower() for t in TOKEN.findall(text or "")]


def f1(got, expected):
    """Word-level precision, recall and F1 of two bags of words."""
    g, e = Counter(tokens(got)), Counter(tokens(expected))
    common = sum((g & e).values())
    if not g or not e or not common:
        return 0.0, 0.0, 0.0
    p, r = common / sum(g.values()), common / sum(e.values())
    return p, r, 2 * p * r / (p + r)


def html_text(fragment):
    """The text of an HTML fragment: tags out, entities decoded."""
    fragment = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", fragment or "")
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def norm(text):
    return " ".join(tokens(text))


def title_right(got, expected):
    return bool(got) and bool(expected) and norm(got) == norm(expected)


# What separates a site's name from a title: "Title - Site", "Title | Site",
# "Title_Section_Site", "Title [Site]".
SITE_SEPARATORS = re.compile(r"\s+[-|–—·]\s+|\s*_|\s+\[")


def title_right_site_aside(got, expected):
    """Right, or right once a site's name (and section) after the last separator of
    the expected title is left out, as readability keeps it and other tools do not."""
    if title_right(got, expected):
        return True
    if not got or not expected:
        return False
    cuts = [m.start() for m in SITE_SEPARATORS.finditer(expected)]
    return any(norm(got) == norm(expected[:c]) for c in cuts if c > 0)


def author_right(got, expected):
    """The author's words are all in the expected byline, or the other way round
    ("Jane Doe" against "By Jane Doe, Reuters"; "A and B" against "A, B")."""
    if not got or not expected:
        return False
    g, e = (set(tokens(x)) - {"and", "by"} for x in (got, expected))
    return bool(g) and bool(e) and (g <= e or e <= g)


def days(value):
    """The calendar days a date may stand for: as written, and in UTC."""
    if not value:
        return set()
    value = str(value).strip()
    out = {value[:10]}
    try:
        t = datetime.fromisoformat(value.replace("Z", "+00:00"))
        if t.tzinfo:
            out.add(t.astimezone(timezone.utc).date().isoformat())
    except ValueError:
        pass
    return out


def date_right(got, expected):
    return bool(days(got) & days(expected))


def front_matter(markdown):
    """The scalars of an imported article's front matter, and its body."""
    _, head, body = markdown.split("---\n", 2)
    meta = {}
    for line in head.splitlines():
        m = re.match(r"^([a-z_]+): (.*)$", line)
        if m:
            v = m.group(2)
            if v.startswith('"'):
                v = json.loads(v)
            meta[m.group(1)] = v
    return meta, body


def one_process(binary, root, pages):
    """Seconds per page of importing every page of the folder `pages` in one process
    (`--dry-run`): the import itself, start-up paid once, as the peers are timed
    inside one process."""
    count = len(os.listdir(pages))
    start = time.perf_counter()
    subprocess.run([binary, "import", "--root", root, "--dry-run", pages], capture_output=True)
    return (time.perf_counter() - start) / count


def start_up(binary, times=30):
    """Seconds that starting the binary and stopping it take (`--version`): what a
    process per page pays on top of the import itself."""
    start = time.perf_counter()
    for _ in range(times):
        subprocess.run([binary, "--version"], capture_output=True)
    return (time.perf_counter() - start) / times


def briefings(args):
    """The briefing columns: the binary under test, and the one before it if given."""
    tools = {}
    if args.before:
        tools["briefing before"] = args.before
    tools["briefing"] = args.binary
    return tools


def speed_lines(rows, batch, starts):
    """How many times faster than trafilatura each briefing column is, a process per
    page and in one process; and the start-up a process pays."""
    n = len(rows)

    def mean(t):
        return sum(r[t]["seconds"] for r in rows) / n

    def ratio(t, seconds):
        if "trafilatura" not in rows[0] or not seconds:
            return "—"
        return f"{mean('trafilatura') / seconds:.1f}×"

    return [
        ("process start-up (s)", lambda t: f"{starts[t]:.4f}" if t in starts else "—"),
        ("faster than trafilatura, a process per page", lambda t: ratio(t, mean(t)) if t in batch else "—"),
        ("faster than trafilatura, one process", lambda t: ratio(t, batch[t]) if t in batch else "—"),
    ]


def table(tools, rows):
    """Prints a Markdown table, a tool a column: `rows` are (label, value of a tool)."""
    print("| | " + " | ".join(tools) + " |")
    print("|---|" + "---|" * len(tools))
    for label, fmt in rows:
        print(f"| {label} | " + " | ".join(fmt(t) for t in tools) + " |")


def common_lines(rows, batch):
    """The table lines both sets print: what was imported, the body, the times."""
    n = len(rows)

    def mean(t, k):
        return sum(r[t][k] for r in rows) / n

    return [
        ("imported without flags", lambda t: f"{sum(1 for r in rows if r[t]['exit'] == 0)} / {n}"),
        ("body F1 mean", lambda t: f"{mean(t, 'f1'):.3f}"),
        ("body precision / recall", lambda t: f"{mean(t, 'p'):.2f} / {mean(t, 'r'):.2f}"),
        ("pages with F1 < 0.80", lambda t: str(sum(1 for r in rows if r[t]["f1"] < 0.8))),
        ("time per page (s)", lambda t: f"{mean(t, 'seconds'):.4f}"),
        ("time per page, one process (s)", lambda t: f"{batch[t]:.4f}" if t in batch else "—"),
    ]


def dump(rows, path):
    """Every page's figures, as JSON, when a path is given."""
    if path:
        with open(path, "w") as f:
            json.dump(rows, f, indent=1, default=str)


def run_briefing(binary, source, root):
    """Imports one page. A page refused is imported again with --published (and, if it
    is still refused, --title), so that its body, title and author are scored all the
    same; its date is not."""
    articles = os.path.join(root, "content", "articles")
    cmd = [binary, "import", "--root", root, "--force", source]
    shutil.rmtree(articles, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    result = {"exit": done.returncode, "message": done.stderr.strip(), "seconds": seconds}
    forced = False
    for extra in [["--published", "2000-01-01"], ["--published", "2000-01-01", "--title", "Forced"]]:
        if done.returncode == 0:
            break
        forced = True
        done = subprocess.run(cmd + extra, capture_output=True, text=True)
    if done.returncode != 0:
        result["body"] = ""
        return result
    files = sorted(os.listdir(articles))
    with open(os.path.join(articles, files[0]), encoding="utf-8") as f:
        meta, body = front_matter(f.read())
    # A link's text is the article's; its target is not.
    body = re.sub(r"\[([^\]]*)\]\(<[^>]*>\)", r"\1", body)
    result.update(body=body, author=meta.get("author"))
    if meta.get("title") != "Forced":
        result["title"] = meta.get("title")
    if not forced:
        result["date"] = meta.get("published")
    return result


def run_trafilatura(page):
    import trafilatura

    start = time.perf_counter()
    out = trafilatura.extract(page, output_format="json", with_metadata=True)
    seconds = time.perf_counter() - start
    d = json.loads(out) if out else {}
    return {
        "seconds": seconds,
        "body": d.get("text") or "",
        "title": d.get("title"),
        "author": d.get("author"),
        "date": d.get("date"),
        "exit": 0 if out else 1,
    }


def run_readability(page):
    from readability import Document

    start = time.perf_counter()
    doc = Document(page)
    summary = doc.summary(html_partial=True)
    title = doc.short_title()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "body": html_text(summary), "title": title, "exit": 0}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pages", help="readability's test/test-pages folder")
    ap.add_argument("--binary", default="target/release/briefing")
    ap.add_argument("--before", help="a binary of an earlier version, for a column of its own")
    ap.add_argument("--only", nargs="*", help="page names (default: the news pages)")
    ap.add_argument("--json", help="write every page's figures to this file")
    ap.add_argument("--show", action="store_true", help="one line per page")
    args = ap.parse_args()

    binaries = briefings(args)
    tools = dict.fromkeys(binaries)
    for name, module in [("trafilatura", "trafilatura"), ("readability-lxml", "readability")]:
        try:
            __import__(module)
            tools[name] = None
        except ImportError:
            print(f"({name} is not installed: its column is left out)", file=sys.stderr)

    root = tempfile.mkdtemp(prefix="import-bench-")
    with open(os.path.join(root, "briefing.yaml"), "w") as f:
        f.write("title: Import benchmark\nbase_url: /\n")
    pages = args.only or NEWS
    rows = []
    for name in pages:
        folder = os.path.join(args.pages, name)
        with open(os.path.join(folder, "source.html"), encoding="utf-8") as f:
            page = f.read()
        with open(os.path.join(folder, "expected.html"), encoding="utf-8") as f:
            expected = html_text(f.read())
        with open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8") as f:
            meta = json.load(f)
        # Named after the page, so a title-less page gets a telling file name.
        source = os.path.join(root, name + ".html")
        shutil.copyfile(os.path.join(folder, "source.html"), source)
        row = {"page": name, "expected": meta}
        for tool in tools:
            if tool in binaries:
                r = run_briefing(binaries[tool], source, root)
            elif tool == "trafilatura":
                r = run_trafilatura(page)
            else:
                r = run_readability(page)
            r["p"], r["r"], r["f1"] = f1(r.pop("body"), expected)
            r["title_ok"] = title_right(r.get("title"), meta.get("title"))
            r["title_site_ok"] = title_right_site_aside(r.get("title"), meta.get("title"))
            r["author_ok"] = author_right(r.get("author"), meta.get("byline"))
            r["date_ok"] = date_right(r.get("date"), meta.get("publishedTime"))
            row[tool] = r
        rows.append(row)
        if args.show:
            b = row["briefing"]
            print(
                f"{name:30} f1 {b['f1']:.2f} (p {b['p']:.2f} r {b['r']:.2f}) exit {b['exit']}"
                f" title {'+' if b['title_ok'] else '-'} author {'+' if b['author_ok'] else '-'}"
                f" date {'+' if b['date_ok'] else '-'}"
                + "".join(f" | {t} {row[t]['f1']:.2f}" for t in tools if t != "briefing")
                + (f"  {b['message'][:100]}" if b["exit"] else "")
            )
    batch_dir = os.path.join(root, "all")
    os.mkdir(batch_dir)
    for name in pages:
        shutil.copyfile(os.path.join(args.pages, name, "source.html"), os.path.join(batch_dir, name + ".html"))
    batch = {t: one_process(b, root, batch_dir) for t, b in binaries.items()}
    starts = {t: start_up(b) for t, b in binaries.items()}
    shutil.rmtree(root)

    n = len(rows)
    with_author = sum(1 for r in rows if r["expected"].get("byline"))
    with_date = sum(1 for r in rows if r["expected"].get("publishedTime"))
    print(f"\n{n} pages ({with_author} with a byline, {with_date} with a date)\n")
    def count(t, k):
        return sum(r[t][k] for r in rows)

    common = common_lines(rows, batch)
    table(
        tools,
        common[:4]
        + [
            ("title right", lambda t: f"{count(t, 'title_ok')} / {n}"),
            ("title right, a site's name aside", lambda t: f"{count(t, 'title_site_ok')} / {n}"),
            ("author right", lambda t: "—" if t == "readability-lxml" else f"{count(t, 'author_ok')} / {with_author}"),
            ("date right", lambda t: "—" if t == "readability-lxml" else f"{count(t, 'date_ok')} / {with_date}"),
        ]
        + common[4:]
        + speed_lines(rows, batch, starts),
    )
    dump(rows, args.json)

if __name__ == "__main__":
    main()
