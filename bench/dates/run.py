#!/usr/bin/env python3
"""Score the date analysis of `briefing` on TempEval-3's TimeBank and AQUAINT documents.

Each TimeML document becomes an article published on its document creation time (DCT),
one Markdown paragraph per paragraph of its text. The real binary builds the briefing;
the found dates are read back from the site's `data/dates.json` and scored against the
documents' TIMEX3 annotations of type DATE:

- detection, strict (the same characters) and lenient (overlapping), as precision,
  recall and F1; a found expression that overlaps only a TIMEX3 of another type
  (DURATION, TIME, SET) is neither right nor wrong, and is counted apart;
- value: of the annotated dates found (lenient), those whose annotated value is a
  stretch of the calendar, how many were resolved to exactly that stretch (first and
  last day), overall and by the annotation's granularity.

With `--peer` (and `dateparser` importable), dateparser's `search_dates` reads the same
paragraphs with the same DCT and is scored by the same scorer. See README.md.

    python3 bench/dates/run.py --corpus PATH/TBAQ-cleaned
    /path/to/venv/bin/python bench/dates/run.py --corpus PATH/TBAQ-cleaned --peer
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')
PUNCT = set("\\`*_{}[]()#+-.!|~<>&=:;\"'/?@$%^,")


def parse_timeml(path: Path):
    """The document's DCT and its paragraphs: (text, [(start, end, type, value)])."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S).group(1)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    text, spans, open_ = [], [], None
    pos, at = 0, 0
    for m in TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        text.append(chunk)
        at += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1) == "":
            open_ = (at, dict(ATTR.findall(m.group(3))))
        elif open_:
            value = open_[1].get("value", "")
            if open_[1].get("mod") in ("START", "MID", "END"):
                # "late November": a part of the value, which a narrower range may name.
                value += "~part"
            spans.append((open_[0], at, open_[1].get("type"), value))
            open_ = None
    chunk = html.unescape(body[pos:])
    text.append(chunk)
    full = "".join(text)
    paragraphs = []
    for block in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", full, re.S):
        # Whitespace runs become one space, as Markdown shows a paragraph's line breaks.
        out, mapping = [], {}
        for i in range(block.start(), block.end()):
            c = full[i]
            mapping[i] = len(out)
            if c.isspace():
                if out and out[-1] == " ":
                    continue
                c = " "
            out.append(c)
        mapping[block.end()] = len(out)
        para = "".join(out)
        inside = [
            (mapping[s], mapping[e], t, v)
            for s, e, t, v in spans
            if block.start() <= s and e <= block.end()
        ]
        paragraphs.append((para, inside))
    return dct, paragraphs


def parse_conll(path: Path):
    """Documents of a token-per-line file (token, BIO tag with the TIMEX3 type, value),
    each opened by a `*!-DCTVALUE="YYYY-MM-DD"-!*` line: each sentence a paragraph,
    its tokens joined by spaces."""
    docs, dct, para, spans, open_ = {}, None, [], [], None

    def close_sentence():
        nonlocal para, spans, open_
        if open_:
            spans.append(open_)
            open_ = None
        if para and dct:
            docs[doc_key][1].append((" ".join(para), spans))
        para, spans = [], []

    doc_key = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("*!-DCTVALUE="):
            close_sentence()
            dct = re.search(r'"(\d{4}-\d{2}-\d{2})', line).group(1)
            doc_key = f"{path.parent.parent.name}-{path.parent.name}-{path.stem}-{len(docs) + 1:03}"
            docs[doc_key] = (dct, [])
            continue
        if not line.strip():
            close_sentence()
            continue
        token, tag, value = (line.split("\t") + ["", ""])[:3]
        start = sum(len(t) + 1 for t in para)
        para.append(token)
        end = start + len(token)
        if tag.startswith("I-") and open_ and open_[2] == tag[2:]:
            open_ = (open_[0], end, open_[2], open_[3])
            continue
        if open_:
            spans.append(open_)
            open_ = None
        if tag[:2] in ("B-", "I-"):
            open_ = (start, end, tag[2:], value)
    close_sentence()
    return docs


def escape(text: str) -> str:
    """The paragraph as Markdown whose plain text is the paragraph."""
    return "".join("\\" + c if c in PUNCT else c for c in text)


def write_briefing(docs, root: Path, language: str):
    (root / "content" / "articles").mkdir(parents=True)
    (root / "briefing.yaml").write_text(
        f"title: Dates\nbase_url: https://example.org/\nlanguage: {language}\n",
        encoding="utf-8",
    )
    for doc_id, (dct, paragraphs) in docs.items():
        md = [
            "---",
            f"title: {json.dumps(doc_id)}",
            f"published: {dct}",
            "---",
            "",
        ]
        for para, _ in paragraphs:
            md += [escape(para), ""]
        (root / "content" / "articles" / f"{article_id(doc_id)}.md").write_text(
            "\n".join(md), encoding="utf-8"
        )


def article_id(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def run_briefing(binary: Path, docs, language: str):
    """Found dates per (article, paragraph index): [(start, end, first, last)]."""
    with tempfile.TemporaryDirectory() as tmp:
        root, out = Path(tmp) / "b", Path(tmp) / "site"
        write_briefing(docs, root, language)
        done = subprocess.run(
            [str(binary), "build", "--root", str(root), "--output", str(out)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            sys.exit(f"briefing build failed ({done.returncode}):\n{done.stderr}")
        paras = json.loads((out / "data" / "paragraphs.json").read_text())
        dates = json.loads((out / "data" / "dates.json").read_text())
        # References to time that name no range ("recently"); older builds have none.
        refs = out / "data" / "date_references.json"
        if refs.exists():
            dates += [dict(r, start=None, end=None) for r in json.loads(refs.read_text())]
    texts = {(p["article"], p["paragraph"] - 1): p["text"] for p in paras}
    mismatched = 0
    for doc_id, (_, paragraphs) in docs.items():
        for k, (para, _) in enumerate(paragraphs):
            if texts.get((article_id(doc_id), k)) != para:
                mismatched += 1
    found, taken = {}, {}
    # Each found expression at its place: searched from the start of its sentence (a
    # byte offset), past the places taken by the same words before, so that dates and
    # references, two exports, are placed alike.
    for d in dates:
        key = (d["article"], d["paragraph"] - 1)
        text = texts[key]
        from_ = len(text.encode("utf-8")[: d["sentence"]["start"]].decode("utf-8", "ignore"))
        at = text.find(d["text"], from_)
        while at >= 0 and (key, at) in taken:
            at = text.find(d["text"], at + 1)
        if at < 0:
            at = text.find(d["text"])
        taken[(key, at)] = True
        found.setdefault(key, []).append(
            (
                at,
                at + len(d["text"]),
                dt.date.fromisoformat(d["start"]) if d["start"] else d["refers"],
                dt.date.fromisoformat(d["end"]) if d["end"] else None,
            )
        )
    for preds in found.values():
        preds.sort(key=lambda p: p[0])
    return found, mismatched


def run_dateparser(docs, language: str):
    """dateparser's search_dates on each paragraph, each found text's period read by
    DateDataParser (day, week, month or year) to give its first and last day."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    found = {}
    for doc_id, (dct, paragraphs) in docs.items():
        base = dt.datetime.fromisoformat(dct)
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        ddp = DateDataParser(languages=[language], settings=settings)
        for k, (para, _) in enumerate(paragraphs):
            try:
                hits = search_dates(para, languages=[language], settings=settings) or []
            except Exception:  # dateparser raises on some inputs; count them as nothing
                hits = []
            cursor, out = 0, []
            for text, when in hits:
                at = para.find(text, cursor)
                if at < 0:
                    continue
                cursor = at + len(text)
                period = "day"
                try:
                    data = ddp.get_date_data(text)
                    if data and data.date_obj:
                        period = data.period or "day"
                except Exception:
                    pass
                day = when.date()
                if period == "year":
                    first, last = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
                elif period == "month":
                    first = day.replace(day=1)
                    last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
                elif period == "week":
                    first = day - dt.timedelta(days=day.weekday())
                    last = first + dt.timedelta(days=6)
                else:
                    first = last = day
                out.append((at, at + len(text), first, last))
            found[(article_id(doc_id), k)] = out
    return found


def month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def gold_range(value: str, dct: dt.date):
    try:
        return calendar_range(value, dct)
    except ValueError:  # an impossible date in an annotation
        return None


def calendar_range(value: str, dct: dt.date):
    """The first and last day a TIMEX3 value stands for, and its granularity; None for
    values that are no stretch of the calendar (PAST_REF, XXXX-10, P3D)."""
    if value == "PRESENT_REF":
        return (dct, dct, "now")
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value)
    if m:
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return (d, d, "day")
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        y, mo = int(m[1]), int(m[2])
        return (dt.date(y, mo, 1), month_end(y, mo), "month")
    m = re.fullmatch(r"(\d{4})", value)
    if m:
        y = int(m[1])
        return (dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        y, q = int(m[1]), int(m[2])
        return (dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q), "quarter/half")
    m = re.fullmatch(r"(\d{4})-H([12])", value)
    if m:
        y, h = int(m[1]), int(m[2])
        return (dt.date(y, 6 * h - 5, 1), month_end(y, 6 * h), "quarter/half")
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        y = int(m[1])
        first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m[2]]
        last = month_end(y + 1, 2) if m[2] == "WI" else month_end(y, first + 2)
        return (dt.date(y, first, 1), last, "season")
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if m:
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week")
        return (monday, monday + dt.timedelta(days=6), "week")
    m = re.fullmatch(r"(\d{3})", value)
    if m:
        y = int(m[1]) * 10
        return (dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade")
    return None


def around(para: str, s: int, e: int) -> str:
    return para[max(0, s - 90) : s] + "[" + para[s:e] + "]" + para[e : e + 60]


def score(docs, found):
    """Detection (strict, lenient) and value figures of one system's found dates."""
    c = Counter()
    by_granularity = Counter()
    misses, wrong, spurious, loose = [], [], [], []
    for doc_id, (dct_s, paragraphs) in docs.items():
        dct = dt.date.fromisoformat(dct_s)
        aid = article_id(doc_id)
        for k, (para, spans) in enumerate(paragraphs):
            gold = [s for s in spans if s[2] == "DATE"]
            other = [s for s in spans if s[2] != "DATE"]
            preds = found.get((aid, k), [])
            c["gold"] += len(gold)
            used = set()
            for gs, ge, _, value in gold:
                hit = None
                for n, (ps, pe, _, _) in enumerate(preds):
                    if n not in used and ps < ge and gs < pe:
                        hit = n
                        break
                if hit is None:
                    misses.append((doc_id, para[gs:ge], value, around(para, gs, ge)))
                    continue
                used.add(hit)
                ps, pe, first, last = preds[hit]
                c["lenient"] += 1
                c["strict"] += (ps, pe) == (gs, ge)
                if (ps, pe) != (gs, ge):
                    loose.append((doc_id, para[gs:ge], para[ps:pe], around(para, ps, pe)))
                part = value.endswith("~part")
                want = gold_range(value.removesuffix("~part"), dct)
                if want is None:
                    continue
                g = want[2]
                by_granularity[(g, "n")] += 1
                c["valued"] += 1
                if last is None:
                    # A reference: right only as the present for PRESENT_REF.
                    ok = g == "now" and first == "present"
                elif g == "now":
                    ok = first <= dct <= last
                elif part:
                    ok = want[0] <= first and last <= want[1]
                else:
                    ok = (first, last) == want[:2]
                if ok:
                    c["right"] += 1
                    by_granularity[(g, "right")] += 1
                else:
                    wrong.append(
                        (doc_id, para[ps:pe], value, f"{first}..{last}", around(para, ps, pe))
                    )
            for n, (ps, pe, first, last) in enumerate(preds):
                if n in used:
                    continue
                if any(ps < oe and os_ < pe for os_, oe, _, _ in other):
                    c["other_type"] += 1
                else:
                    c["spurious"] += 1
                    spurious.append((doc_id, para[ps:pe], f"{first}..{last}", around(para, ps, pe)))
    predicted = c["lenient"] + c["spurious"]

    def prf(right):
        p = right / predicted if predicted else 0.0
        r = right / c["gold"] if c["gold"] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    return {
        "gold": c["gold"],
        "found": predicted,
        "other_type": c["other_type"],
        "strict": prf(c["strict"]),
        "lenient": prf(c["lenient"]),
        "value_accuracy": c["right"] / c["valued"] if c["valued"] else 0.0,
        "value_right": c["right"],
        "valued": c["valued"],
        "value_f1_end_to_end": prf(c["right"])[2],
        "by_granularity": {
            g: (by_granularity[(g, "right")], by_granularity[(g, "n")])
            for g in ["day", "month", "year", "quarter/half", "season", "week", "decade", "now"]
        },
        "misses": misses,
        "wrong": wrong,
        "spurious": spurious,
        "loose": loose,
    }


def show(name, s):
    sp, sr, sf = s["strict"]
    lp, lr, lf = s["lenient"]
    print(f"\n{name}: {s['gold']} annotated DATEs, {s['found']} found "
          f"(+{s['other_type']} on other TIMEX3 types, not counted)")
    print(f"  detection strict   P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}")
    print(f"  detection lenient  P {lp:.3f}  R {lr:.3f}  F1 {lf:.3f}")
    print(f"  value accuracy     {s['value_accuracy']:.3f}  ({s['value_right']}/{s['valued']} "
          f"found dates with a calendar value)   end-to-end value F1 {s['value_f1_end_to_end']:.3f}")
    print("  by granularity     " + "  ".join(
        f"{g} {r}/{n}" for g, (r, n) in s["by_granularity"].items() if n))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, help="the TBAQ-cleaned folder (TimeML files)")
    ap.add_argument(
        "--conll",
        type=Path,
        nargs="+",
        help="token-per-line files instead (XTN-timexes' Spanish TimeBank, MEANTIME)",
    )
    ap.add_argument("--language", default="en", help="the articles' language (default en)")
    ap.add_argument("--binary", type=Path, help="a built briefing (default: cargo build)")
    ap.add_argument("--before", type=Path, help="also score this build (e.g. main's), as 'briefing before'")
    ap.add_argument("--peer", action="store_true", help="score dateparser too")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--errors", type=Path, help="write briefing's misses and errors here")
    args = ap.parse_args()

    if args.conll:
        docs = {}
        for f in args.conll:
            docs.update(parse_conll(f))
        source = " ".join(str(f) for f in args.conll)
    elif args.corpus:
        files = sorted(args.corpus.rglob("*.tml"))
        files = [f for f in files if not f.name.startswith("._")]
        if not files:
            sys.exit(f"no .tml files under {args.corpus}")
        docs = {f.name.removesuffix(".tml"): parse_timeml(f) for f in files}
        source = str(args.corpus)
    else:
        sys.exit("give --corpus or --conll")
    binary = args.binary
    if binary is None:
        subprocess.run(["cargo", "build", "--quiet", "--bin", "briefing"], cwd=ROOT, check=True)
        binary = ROOT / "target" / "debug" / "briefing"
        if not binary.exists():
            binary = Path(shutil.which("briefing") or binary)
    print(f"{len(docs)} documents from {source}")
    found, mismatched = run_briefing(binary.resolve(), docs, args.language)
    if mismatched:
        print(f"warning: {mismatched} paragraphs read back differently from what was written")
    results = {}
    if args.before:
        earlier, _ = run_briefing(args.before.resolve(), docs, args.language)
        results["briefing before"] = score(docs, earlier)
        show("briefing before", results["briefing before"])
    results["briefing"] = score(docs, found)
    show("briefing", results["briefing"])
    if args.peer:
        import dateparser

        results[f"dateparser {dateparser.__version__}"] = score(
            docs, run_dateparser(docs, args.language)
        )
        show(f"dateparser {dateparser.__version__}", results[f"dateparser {dateparser.__version__}"])
    if args.errors:
        s = results["briefing"]
        lines = ["MISS\t" + "\t".join(x) for x in s["misses"]]
        lines += ["WRONG\t" + "\t".join(x) for x in s["wrong"]]
        lines += ["SPURIOUS\t" + "\t".join(x) for x in s["spurious"]]
        lines += ["SPAN\t" + "\t".join(x) for x in s["loose"]]
        args.errors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.json:
        brief = {
            k: {x: y for x, y in v.items() if x not in ("misses", "wrong", "spurious", "loose")}
            for k, v in results.items()
        }
        args.json.write_text(json.dumps(brief, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
