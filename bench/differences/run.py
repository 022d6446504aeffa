#!/usr/bin/env python3
"""Builds a briefing of the article versions shown in the NewsEdits repositories'
notebooks, runs `briefing build` on it and prints every difference found between
the versions of each story, beside what the notebook marks as removed and added.

The versions are those rendered as two-column diffs (removed and added words marked)
in the notebooks of github:alex2awesome/news-edit-source-credibility (NewsEdits data:
AP, BBC, Guardian, New York Times, Independent). The full corpus is on a file host
this project cannot reach; these seven pairs are what a public repository carries.

    python3 bench/differences/run.py --repo <a clone of news-edit-source-credibility>
    python3 bench/differences/run.py --repo … --binary target/debug/briefing

Python 3.11 standard library only; builds `briefing` with `cargo build --release`.
"""

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = [
    ("notebooks/edit-actions.ipynb", [10]),
    ("notebooks/ap_analysis_overview.ipynb", [83, 119]),
]


def diffs(repo: Path):
    """Each two-column diff of the notebooks: (article id, (version, text) of each side,
    removed spans, added spans)."""
    for name, cells in NOTEBOOKS:
        nb = json.loads((repo / name).read_text())
        for i in cells:
            for out in nb["cells"][i].get("outputs", []):
                page = out.get("data", {}).get("text/html")
                if not page:
                    continue
                page = re.sub(r"<style>.*?</style>", "", "".join(page), flags=re.S)
                panels = re.findall(r'<div class="diff-panel">(.*?)</div>', page, re.S)
                heads = [re.search(r"<h4>(.*?)</h4>", p, re.S).group(1) for p in panels]
                article = re.search(r"Article (\d+)", heads[0]).group(1)
                sides, marked = [], []
                for panel, head, drop, keep in [
                    (panels[0], heads[0], ("ins", "add"), ("del", "remove")),
                    (panels[1], heads[1], ("del", "remove"), ("ins", "add")),
                ]:
                    p = re.sub(r"<h4>.*?</h4>", "", panel, flags=re.S)
                    p = re.sub(rf"<{drop[0]}[^>]*>.*?</{drop[0]}>", "", p, flags=re.S)
                    p = re.sub(rf"<span class='diff-{drop[1]}'>.*?</span>", "", p, flags=re.S)
                    spans = re.findall(rf"<{keep[0]}[^>]*>(.*?)</{keep[0]}>", p, re.S)
                    spans += re.findall(rf"<span class='diff-{keep[1]}'>(.*?)</span>", p, re.S)
                    marked.append([html.unescape(re.sub(r"<[^>]+>", "", s)) for s in spans])
                    paras = re.findall(r"<p>(.*?)</p>", p, re.S)
                    text = "\n\n".join(
                        re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", x))).strip()
                        for x in paras
                    )
                    sides.append((re.search(r"v(\d+)", head).group(1), text))
                yield article, sides, marked


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", type=Path, required=True)
    ap.add_argument("--binary", type=Path, help="a built `briefing` (default: build it)")
    args = ap.parse_args()
    target = args.binary
    if target is None:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        target = ROOT / "target" / "release" / "briefing"
    with tempfile.TemporaryDirectory() as tmp:
        b = Path(tmp) / "briefing"
        (b / "content" / "articles").mkdir(parents=True)
        (b / "briefing.yaml").write_text(
            "title: NewsEdits versions\ndescription: Public article versions.\n"
            "base_url: https://example.org/\nlanguage: en\n"
        )
        marks = {}
        for article, sides, marked in diffs(args.repo):
            for (version, text), spans in zip(sides, marked):
                aid = f"ne-{article}-v{version}"
                marks[aid] = spans
                (b / "content" / "articles" / f"{aid}.md").write_text(
                    f'---\ntitle: "NewsEdits {article} version {version}"\n'
                    f"published: 2015-05-18\n---\n{text}\n"
                )
        site = Path(tmp) / "site"
        subprocess.run([str(target), "build", "--root", str(b), "--output", str(site)],
                       check=True, capture_output=True)
        paragraphs = {
            (p["article"], p["paragraph"]): p["text"].encode()
            for p in json.loads((site / "data" / "paragraphs.json").read_text())
        }

        def said(side):
            if not side:
                return None
            text = paragraphs[(side["article"], side["paragraph"])]
            return text[side["start"]:side["end"]].decode()

        for c in json.loads((site / "data" / "comparisons.json").read_text()):
            if c["curated"]:
                continue
            a, b_ = c["articles"]
            print(f"## {a} ~ {b_}: {c['relation']}, {c['sentences']}")
            for side, aid in (("removed", a), ("added", b_)):
                for span in marks.get(aid, []):
                    print(f"   {side}: {span[:160]}")
            for d in c["differences"]:
                print(f"  - {d['kind']}: {d['summary'][:120]}")
                print(f"      a: {said(d['a'])}")
                print(f"      b: {said(d['b'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
