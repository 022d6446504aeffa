//! Precision and recall of the analysis against a hand-annotated evaluation set
//! (`tests/fixtures/eval/`, format in its README): the stress briefing written for the
//! hard cases, and the repository's own default briefing. Run with `--nocapture` to see
//! the figures and every disagreement:
//!
//! ```text
//! cargo test --test it accuracy -- --nocapture
//! ```
//!
//! What is counted:
//! - *mentions*: a found mention is right when it overlaps an annotated one and names
//!   the same person (or both leave it ambiguous). Precision: right / found; recall:
//!   right / annotated.
//! - *quote speakers*: only quotes with a speaker count. A found speaker is right when
//!   the quote overlaps an annotated one and the speaker is the same person, or, for a
//!   speaker who is not a person of the briefing, the same words (one containing the
//!   other, ignoring case). Precision: right / quotes found with a speaker; recall:
//!   right / annotated quotes with a speaker.
//! - *dates*: a found date expression is right when it overlaps an annotated one and
//!   has the same first and last day. Precision: right / found; recall: right /
//!   annotated.
//!
//! The floors are measured, not wished for: each sits just under the figure the
//! analysis reaches today (printed by the test), so that any regression fails, while
//! the known misses documented in the annotations stay visible in the output instead
//! of being tuned away in the code.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use briefing::analyse::{Analysis, Relation};
use briefing::content::Briefing;
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Annotations {
    articles: BTreeMap<String, Notes>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Notes {
    mentions: Vec<MentionNote>,
    quotes: Vec<QuoteNote>,
    dates: Vec<DateNote>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MentionNote {
    p: usize,
    text: String,
    person: Option<String>,
    #[serde(default)]
    nth: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteNote {
    p: usize,
    text: String,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    other: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DateNote {
    p: usize,
    text: String,
    start: String,
    end: String,
}

/// Precision and recall of one kind of finding, with the disagreements.
#[derive(Debug, Default)]
struct Score {
    right: usize,
    found: usize,
    annotated: usize,
    misses: Vec<String>,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.right as f64 / self.found as f64
        }
    }

    fn recall(&self) -> f64 {
        if self.annotated == 0 {
            1.0
        } else {
            self.right as f64 / self.annotated as f64
        }
    }

    fn add(&mut self, other: Score) {
        self.right += other.right;
        self.found += other.found;
        self.annotated += other.annotated;
        self.misses.extend(other.misses);
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eval")
}

fn load(root: &Path) -> Briefing {
    let loaded = briefing::load::briefing(root).expect("the briefing loads");
    let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(
        errors.is_empty(),
        "{} has content errors: {errors:?}",
        root.display()
    );
    loaded.briefing
}

fn annotations(path: &Path) -> Annotations {
    let text = std::fs::read_to_string(path).expect("annotations readable");
    briefing::yaml::document::<Annotations>(0, &text, 0, "annotations")
        .unwrap_or_else(|e| panic!("{}: {} ({:?})", path.display(), e.message, e.span))
        .value
}

/// Where annotated text is in a paragraph: the `nth` occurrence (1-based).
fn locate(b: &Briefing, article: &str, p: usize, text: &str, nth: usize) -> (usize, usize) {
    let a = b
        .article(article)
        .unwrap_or_else(|| panic!("no article `{article}`"));
    let para = a
        .paragraph(p)
        .unwrap_or_else(|| panic!("`{article}` has no paragraph {p}"));
    let at = para
        .text
        .match_indices(text)
        .nth(nth.max(1) - 1)
        .unwrap_or_else(|| {
            panic!(
                "“{text}” is not in paragraph {p} of `{article}`: {}",
                para.text
            )
        })
        .0;
    (at, at + text.len())
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn fold(s: &str) -> String {
    s.to_lowercase()
}

fn mentions(b: &Briefing, notes: &Annotations, analysis: &Analysis) -> Score {
    let mut score = Score::default();
    for (article, n) in &notes.articles {
        let gold: Vec<(usize, (usize, usize), &MentionNote)> = n
            .mentions
            .iter()
            .map(|m| (m.p, locate(b, article, m.p, &m.text, m.nth.unwrap_or(1)), m))
            .collect();
        let mut used = vec![false; gold.len()];
        score.annotated += gold.len();
        let written = b.article(article).expect("annotated article");
        for m in analysis
            .mentions
            .iter()
            .filter(|m| *m.place.article == **article)
        {
            score.found += 1;
            let span = (m.place.start, m.place.end);
            let hit = gold
                .iter()
                .enumerate()
                .find(|(k, (p, g, _))| !used[*k] && *p == m.place.paragraph && overlaps(*g, span));
            match hit {
                Some((k, (_, _, note))) if note.person.as_deref() == m.person.as_deref() => {
                    used[k] = true;
                    score.right += 1;
                }
                Some((k, (_, _, note))) => {
                    used[k] = true;
                    score.misses.push(format!(
                        "mention {article} p{} “{}”: found {:?} ({:?}), annotated {:?}",
                        m.place.paragraph,
                        m.place.text(written),
                        m.person,
                        m.reason,
                        note.person
                    ));
                }
                None => score.misses.push(format!(
                    "mention {article} p{} “{}” → {:?}: not annotated",
                    m.place.paragraph,
                    m.place.text(written),
                    m.person
                )),
            }
        }
        for (k, (p, _, note)) in gold.iter().enumerate() {
            if !used[k] {
                score.misses.push(format!(
                    "mention {article} p{p} “{}” → {:?}: not found",
                    note.text, note.person
                ));
            }
        }
    }
    score
}

fn quotes(b: &Briefing, notes: &Annotations, analysis: &Analysis) -> Score {
    let mut score = Score::default();
    for (article, n) in &notes.articles {
        let gold: Vec<(usize, (usize, usize), &QuoteNote)> = n
            .quotes
            .iter()
            .map(|q| (q.p, locate(b, article, q.p, &q.text, 1), q))
            .collect();
        score.annotated += gold
            .iter()
            .filter(|(_, _, q)| q.speaker.is_some() || q.other.is_some())
            .count();
        let mut found_gold = vec![false; gold.len()];
        let written = b.article(article).expect("annotated article");
        for q in analysis
            .quotes
            .iter()
            .filter(|q| *q.place.article == **article)
        {
            let span = (q.place.start, q.place.end);
            let hit = gold
                .iter()
                .enumerate()
                .find(|(_, (p, g, _))| *p == q.place.paragraph && overlaps(*g, span));
            if let Some((k, _)) = hit {
                found_gold[k] = true;
            }
            let has_speaker = q.person.is_some() || q.speaker.is_some();
            if !has_speaker {
                if let Some((_, (_, _, note))) = hit
                    && (note.speaker.is_some() || note.other.is_some())
                {
                    score.misses.push(format!(
                        "quote {article} p{} “{}”: no speaker found, annotated {:?}{:?}",
                        q.place.paragraph, note.text, note.speaker, note.other
                    ));
                }
                continue;
            }
            score.found += 1;
            let right = match hit {
                Some((_, (_, _, note))) => match (&note.speaker, &note.other) {
                    (Some(id), _) => q.person.as_deref() == Some(id.as_str()),
                    (None, Some(other)) => {
                        let (a, b) = (fold(other), fold(q.speaker.as_deref().unwrap_or("")));
                        q.person.is_none() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
                    }
                    (None, None) => false,
                },
                None => false,
            };
            if right {
                score.right += 1;
            } else {
                score.misses.push(format!(
                    "quote {article} p{} “{}”: found {:?} / {:?}, annotated {:?}",
                    q.place.paragraph,
                    q.place.text(written).chars().take(40).collect::<String>(),
                    q.person,
                    q.speaker,
                    hit.map(|(_, (_, _, n))| (n.speaker.clone(), n.other.clone()))
                ));
            }
        }
        for (k, (p, _, note)) in gold.iter().enumerate() {
            if !found_gold[k] {
                score
                    .misses
                    .push(format!("quote {article} p{p} “{}”: not found", note.text));
            }
        }
    }
    score
}

fn dates(b: &Briefing, notes: &Annotations, analysis: &Analysis) -> Score {
    let day = |s: &str| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|_| panic!("`{s}` is not a date"))
    };
    let mut score = Score::default();
    for (article, n) in &notes.articles {
        let gold: Vec<(usize, (usize, usize), &DateNote)> = n
            .dates
            .iter()
            .map(|d| (d.p, locate(b, article, d.p, &d.text, 1), d))
            .collect();
        let mut used = vec![false; gold.len()];
        score.annotated += gold.len();
        let written = b.article(article).expect("annotated article");
        for d in analysis
            .dates
            .iter()
            .filter(|d| *d.place.article == **article)
        {
            score.found += 1;
            let span = (d.place.start, d.place.end);
            let hit = gold
                .iter()
                .enumerate()
                .find(|(k, (p, g, _))| !used[*k] && *p == d.place.paragraph && overlaps(*g, span));
            match hit {
                Some((k, (_, _, note))) => {
                    used[k] = true;
                    if (day(&note.start), day(&note.end)) == (d.start, d.end) {
                        score.right += 1;
                    } else {
                        score.misses.push(format!(
                            "date {article} p{} “{}”: found {}–{}, annotated {}–{}",
                            d.place.paragraph,
                            d.place.text(written),
                            d.start,
                            d.end,
                            note.start,
                            note.end
                        ));
                    }
                }
                None => score.misses.push(format!(
                    "date {article} p{} “{}” ({}–{}): not annotated",
                    d.place.paragraph,
                    d.place.text(written),
                    d.start,
                    d.end
                )),
            }
        }
        for (k, (p, _, note)) in gold.iter().enumerate() {
            if !used[k] {
                score
                    .misses
                    .push(format!("date {article} p{p} “{}”: not found", note.text));
            }
        }
    }
    score
}

/// Scores one annotated briefing and prints the figures and the disagreements.
fn evaluate(name: &str, root: &Path, notes: &Path) -> [Score; 3] {
    let b = load(root);
    let notes = annotations(notes);
    for article in notes.articles.keys() {
        assert!(
            b.article(article).is_some(),
            "{name}: no article `{article}`"
        );
    }
    let analysis = briefing::analyse::run(&b);
    let scores = [
        mentions(&b, &notes, &analysis),
        quotes(&b, &notes, &analysis),
        dates(&b, &notes, &analysis),
    ];
    for (kind, s) in ["mentions", "quote speakers", "dates"].iter().zip(&scores) {
        print_score(name, kind, s);
    }
    scores
}

/// Prints one kind's figures and its disagreements.
fn print_score(name: &str, kind: &str, s: &Score) {
    println!(
        "{name:>8} {kind:<15} precision {:.3} ({}/{})  recall {:.3} ({}/{})",
        s.precision(),
        s.right,
        s.found,
        s.recall(),
        s.right,
        s.annotated
    );
    for miss in &s.misses {
        println!("{:>8}   - {miss}", "");
    }
}

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn precision_and_recall_are_above_their_floors() {
    let stress = evaluate(
        "stress",
        &fixtures().join("stress"),
        &fixtures().join("stress/annotations.yaml"),
    );
    let default = evaluate(
        "default",
        &repository(),
        &fixtures().join("default/annotations.yaml"),
    );
    let mut total: [Score; 3] = Default::default();
    for (t, (s, d)) in total.iter_mut().zip(stress.into_iter().zip(default)) {
        t.add(s);
        t.add(d);
    }
    for (kind, s) in ["mentions", "quote speakers", "dates"].iter().zip(&total) {
        println!(
            "{:>8} {kind:<15} precision {:.3}  recall {:.3}",
            "both",
            s.precision(),
            s.recall()
        );
    }
    // Floors, measured over both sets together (see the module comment), each just
    // under today's figure. Mentions 168/169 (0.994): every name of the default
    // briefing resolves right; the stress set keeps one genuinely undecidable
    // "González" that the subject rule resolves anyway. Quote speakers: precision
    // 72/72, recall 72/73 (0.986): one attribution by "dismissed … as" is not
    // recognised. Dates 71/71: a month without a year up to three months ahead is of
    // the publication year.
    let floors = [(0.99, 0.99), (0.99, 0.98), (0.99, 0.99)];
    for ((kind, s), (p, r)) in ["mentions", "quote speakers", "dates"]
        .iter()
        .zip(&total)
        .zip(floors)
    {
        assert!(
            s.precision() >= p,
            "{kind}: precision {:.3} fell below {p}",
            s.precision()
        );
        assert!(
            s.recall() >= r,
            "{kind}: recall {:.3} fell below {r}",
            s.recall()
        );
    }
}

#[test]
fn every_rodriguez_of_the_default_briefing_resolves_to_the_right_person() {
    let b = load(&repository());
    let notes = annotations(&fixtures().join("default/annotations.yaml"));
    let analysis = briefing::analyse::run(&b);
    let three = ["delcy-rodriguez", "jorge-rodriguez", "bruno-rodriguez"];
    let mut checked = 0;
    for (article, n) in &notes.articles {
        for note in n
            .mentions
            .iter()
            .filter(|m| m.person.as_deref().is_some_and(|p| three.contains(&p)))
        {
            let span = locate(&b, article, note.p, &note.text, note.nth.unwrap_or(1));
            let found = analysis
                .mentions
                .iter()
                .find(|m| {
                    *m.place.article == **article
                        && m.place.paragraph == note.p
                        && overlaps((m.place.start, m.place.end), span)
                })
                .unwrap_or_else(|| panic!("{article} p{} “{}” was not found", note.p, note.text));
            assert_eq!(
                found.person.as_deref(),
                note.person.as_deref(),
                "{article} p{} “{}”: {:?}",
                note.p,
                note.text,
                found.reason
            );
            checked += 1;
        }
    }
    assert!(checked >= 25, "only {checked} Rodríguez mentions annotated");
    assert!(
        !analysis
            .warnings
            .iter()
            .any(|w| w.code == "ambiguous-mention"),
        "no mention of the default briefing is ambiguous"
    );
}

#[test]
fn the_reuters_versions_are_a_rewrite_and_the_feb_3_story_overlaps_them() {
    let b = load(&repository());
    let analysis = briefing::analyse::run(&b);
    let (rewrite, copy, short) = (
        "cuban-security-personnel-withdraw",
        "reuters-cuban-advisers-turkiye-today",
        "interim-government-rearranges-security",
    );
    let story = analysis
        .stories
        .iter()
        .find(|s| s.articles.iter().any(|a| a == copy))
        .expect("the Reuters report is in a story");
    assert_eq!(story.articles, [rewrite, short, copy]);
    let pair = |a: &str, b: &str| {
        story
            .pairs
            .iter()
            .find(|p| p.a == a && p.b == b)
            .unwrap_or_else(|| panic!("no pair {a} ~ {b}"))
    };
    let reuters = pair(rewrite, copy);
    assert_eq!(reuters.relation, Relation::Rewrite);
    let trump = reuters
        .differences
        .iter()
        .find(|d| {
            d.a.as_ref()
                .is_some_and(|s| s.text.starts_with("Cuba relied for long years"))
        })
        .expect("Trump's post is worded differently");
    assert_eq!(trump.kind, briefing::analyse::DifferenceKind::QuoteWording);
    assert!(
        trump
            .b
            .as_ref()
            .unwrap()
            .text
            .starts_with("Cuba lived, for many years")
    );
    for other in [rewrite, copy] {
        let (a, b) = if other < short {
            (other, short)
        } else {
            (short, other)
        };
        assert_eq!(pair(a, b).relation, Relation::PartialOverlap, "{a} ~ {b}");
    }
    // The prisoner-release stories are other stories.
    for article in [
        "miami-herald-prisoner-release-stalls-arcamax",
        "assembly-president-confirms-prisoner-release",
    ] {
        assert!(
            !story.articles.iter().any(|a| a == article),
            "{article} is not the Cuban advisers story"
        );
    }
}

#[test]
fn the_feb_3_raid_date_disputes_the_curated_raid_event() {
    let b = load(&repository());
    let analysis = briefing::analyse::run(&b);
    let raid = b
        .events
        .iter()
        .find(|e| {
            e.sources.iter().any(|s| {
                s.article == "interim-government-rearranges-security" && s.quote.contains("Feb. 3")
            })
        })
        .expect("a curated event cites the Feb. 3 story");
    let conflict = analysis
        .conflicts
        .iter()
        .find(|c| c.event.as_deref() == Some(raid.id.as_str()))
        .expect("the raid event is disputed");
    let claim = |text: &str| conflict.claims.iter().any(|c| c.text == text);
    assert!(claim("Feb. 3, 2026") && claim("Jan. 3"), "{conflict:?}");
    // The editor marked the dispute as seen (`disputed: true`), so `check` stays quiet
    // about it while the timeline still shows every claim.
    assert!(raid.disputed, "the curation acknowledges the dispute");
    assert!(
        !analysis
            .warnings
            .iter()
            .any(|w| w.message.contains(&raid.id)),
        "an acknowledged dispute is not a warning"
    );
}

#[test]
fn spanish_dates_are_found_and_resolved() {
    // A briefing with `language: es`: its articles are read with the Spanish table,
    // and an article that says `language: en` with the English one.
    let root = fixtures().join("spanish");
    let b = load(&root);
    let notes = annotations(&root.join("annotations.yaml"));
    let analysis = briefing::analyse::run(&b);
    let s = dates(&b, &notes, &analysis);
    print_score("spanish", "dates", &s);
    assert!(s.misses.is_empty(), "{:#?}", s.misses);
}
