#!/usr/bin/env python3
"""Scores `briefing import` on a second public set, scrapinghub's
article-extraction-benchmark (181 pages, each with its articleBody), against
trafilatura, with run.py's scorer. The import is not tuned on these pages: they check
that what was tuned on readability's pages holds elsewhere. See README.md."""

import argparse
import gzip
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import (  # noqa: E402
    briefings, common_lines, dump, f1, one_process, run_briefing, run_trafilatura, speed_lines,
    start_up, table,
)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("benchmark", help="a checkout of article-extraction-benchmark")
    ap.add_argument("--binary", default="target/release/briefing")
    ap.add_argument("--before", help="a binary of an earlier version, for a column of its own")
    ap.add_argument("--show", action="store_true", help="one line per page")
    ap.add_argument("--json", help="write every page's figures to this file")
    args = ap.parse_args()
    binaries = briefings(args)
    tools = list(binaries)
    try:
        import trafilatura  # noqa: F401

        tools.append("trafilatura")
    except ImportError:
        print("(trafilatura is not installed: its column is left out)", file=sys.stderr)

    with open(os.path.join(args.benchmark, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    root = tempfile.mkdtemp(prefix="import-bench-")
    with open(os.path.join(root, "briefing.yaml"), "w") as f:
        f.write("title: Import benchmark\nbase_url: /\n")
    pages = os.path.join(root, "pages")
    os.mkdir(pages)
    rows = []
    for name in sorted(truth):
        with gzip.open(os.path.join(args.benchmark, "html", name + ".html.gz"), "rt", encoding="utf-8") as f:
            page = f.read()
        source = os.path.join(pages, name + ".html")
        with open(source, "w", encoding="utf-8") as f:
            f.write(page)
        expected = truth[name]["articleBody"]
        row = {"page": name}
        for tool in tools:
            r = run_briefing(binaries[tool], source, root) if tool in binaries else run_trafilatura(page)
            r["p"], r["r"], r["f1"] = f1(r.pop("body"), expected)
            row[tool] = r
        rows.append(row)
        if args.show:
            b = row["briefing"]
            print(
                f"{name[:12]} {truth[name]['url'][:60]:60} f1 {b['f1']:.2f} (p {b['p']:.2f} r {b['r']:.2f})"
                + "".join(f" | {t} {row[t]['f1']:.2f}" for t in tools if t != "briefing")
            )
    batch = {t: one_process(b, root, pages) for t, b in binaries.items()}
    starts = {t: start_up(b) for t, b in binaries.items()}
    shutil.rmtree(root)

    n = len(rows)
    print(f"\n{n} pages\n")
    def median(t):
        v = sorted(r[t]["f1"] for r in rows)
        return (v[(n - 1) // 2] + v[n // 2]) / 2

    common = common_lines(rows, batch)
    table(
        tools,
        common[1:2]
        + [("body F1 median", lambda t: f"{median(t):.3f}")]
        + common[2:4]
        + common[:1]
        + common[4:]
        + speed_lines(rows, batch, starts),
    )
    dump(rows, args.json)

if __name__ == "__main__":
    main()
