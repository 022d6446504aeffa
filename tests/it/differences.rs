//! How many of the differences a careful reader finds between the default briefing's
//! overlapping stories, and of the disagreements among each timeline event's sources,
//! the analysis shows: scored against `tests/fixtures/eval/default/differences.yaml`
//! (see its header for who wrote it and when). Run with `--nocapture` to see the
//! figures and each miss.
//!
//! A difference is found when the pair has one of an accepted kind whose sides are in
//! the annotated paragraphs (one found difference answers one annotated one). A
//! conflict is found when the event shows one of an accepted kind with claims from at
//! least two of the annotated articles. The floors sit just under today's figures: they
//! catch regressions; the misses stay printed.

use std::path::Path;

use briefing::analyse::{Analysis, Difference, DifferenceKind, Pair, Summary};
use briefing::render::i18n::Words;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Annotations {
    pairs: Vec<PairNote>,
    events: Vec<EventNote>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PairNote {
    a: String,
    b: String,
    differences: Vec<DifferenceNote>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DifferenceNote {
    kind: String,
    #[serde(default)]
    a: Option<usize>,
    #[serde(default)]
    b: Option<usize>,
    note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventNote {
    event: String,
    kind: String,
    articles: Vec<String>,
    note: String,
}

/// The kinds of found difference that answer an annotated kind.
fn accepted(kind: &str) -> &'static [DifferenceKind] {
    use DifferenceKind::*;
    match kind {
        "quote_wording" | "quote_paraphrase" => &[QuoteWording],
        // The analysis has no kind for these yet: they count as misses.
        "direction" => &[],
        // The same quoted words given to another speaker: a quote difference.
        "speaker" => &[QuoteWording],
        // A fact one side adds inside a sentence both have: a statement only in one
        // version, with both sides.
        "detail" => &[OnlyIn],
        "number" | "qualifier" => &[Number],
        "date" => &[Date],
        "only_in" => &[OnlyIn],
        other => panic!("unknown kind `{other}` in the annotations"),
    }
}

/// Whether a finding's summary fits an annotated kind: a quote given to another speaker
/// answers a `speaker` note, and no other quote note.
fn fits(kind: &str, summary: &Summary) -> bool {
    let speaker = matches!(summary, Summary::Speaker { .. });
    match kind {
        "speaker" => speaker,
        k if k.starts_with("quote") => !speaker,
        _ => true,
    }
}

fn paragraph(side: &Option<briefing::analyse::Side>) -> Option<usize> {
    side.as_ref().map(|s| s.paragraph)
}

/// Found / annotated differences, with the misses.
fn differences(notes: &Annotations, analysis: &Analysis) -> (usize, usize, Vec<String>) {
    let (mut found, mut total, mut misses) = (0, 0, Vec::new());
    for pair in &notes.pairs {
        let Some(p) = analysis
            .stories
            .iter()
            .flat_map(|s| &s.pairs)
            .find(|p| p.a == pair.a && p.b == pair.b)
        else {
            total += pair.differences.len();
            misses.push(format!("no pair {} ~ {}", pair.a, pair.b));
            continue;
        };
        let mut used = vec![false; p.differences.len()];
        for d in &pair.differences {
            total += 1;
            let hit = p
                .differences
                .iter()
                .enumerate()
                .position(|(k, f): (usize, &Difference)| {
                    !used[k]
                        && accepted(&d.kind).contains(&f.kind)
                        && fits(&d.kind, &f.summary)
                        && paragraph(&f.a) == d.a
                        && paragraph(&f.b) == d.b
                });
            match hit {
                Some(k) => {
                    used[k] = true;
                    found += 1;
                }
                None => misses.push(format!(
                    "{} ~ {}: {} a p{:?} b p{:?}: {}",
                    pair.a, pair.b, d.kind, d.a, d.b, d.note
                )),
            }
        }
    }
    (found, total, misses)
}

/// Found / annotated conflicts on the timeline, with the misses.
fn conflicts(notes: &Annotations, analysis: &Analysis) -> (usize, usize, Vec<String>) {
    let (mut found, mut misses) = (0, Vec::new());
    // One disagreement shown answers one annotated conflict.
    let mut used = vec![false; analysis.disagreements.len()];
    for e in &notes.events {
        let shown = |articles: &mut dyn Iterator<Item = &str>| {
            let named: Vec<&str> = articles.collect();
            e.articles
                .iter()
                .filter(|a| named.contains(&a.as_str()))
                .count()
                >= 2
        };
        let hit = if e.kind == "date" {
            analysis
                .conflicts
                .iter()
                .filter(|c| c.event.as_deref() == Some(e.event.as_str()))
                .any(|c| shown(&mut c.claims.iter().map(|cl| cl.article.as_str())))
        } else {
            let hit = (analysis.disagreements.iter().enumerate()).position(|(k, d)| {
                !used[k]
                    && d.event == e.event
                    && accepted(&e.kind).contains(&d.kind)
                    && fits(&e.kind, &d.summary)
                    && shown(&mut d.claims.iter().map(|cl| cl.article.as_str()))
            });
            if let Some(k) = hit {
                used[k] = true;
            }
            hit.is_some()
        };
        if hit {
            found += 1;
        } else {
            misses.push(format!("{} {}: {}", e.event, e.kind, e.note));
        }
    }
    (found, notes.events.len(), misses)
}

#[test]
fn differences_and_conflicts_of_the_default_briefing_are_above_their_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = briefing::load::briefing(root).expect("the briefing loads");
    let path = root.join("tests/fixtures/eval/default/differences.yaml");
    let text = std::fs::read_to_string(&path).expect("annotations readable");
    let notes = briefing::yaml::document::<Annotations>(0, &text, 0, "annotations")
        .unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message))
        .value;
    let analysis = briefing::analyse::run(&loaded.briefing);
    let (d_found, d_total, d_misses) = differences(&notes, &analysis);
    let (c_found, c_total, c_misses) = conflicts(&notes, &analysis);
    println!("differences found: {d_found} of {d_total}");
    for m in &d_misses {
        println!("  missed: {m}");
    }
    println!("conflicts shown: {c_found} of {c_total}");
    for m in &c_misses {
        println!("  missed: {m}");
    }
    for d in &analysis.disagreements {
        let claims: Vec<String> = d
            .claims
            .iter()
            .map(|c| format!("{} p{}: {}", c.article, c.paragraph, c.text))
            .collect();
        println!(
            "  shown: {} {:?} {}: {claims:?}",
            d.event,
            d.kind,
            english().disagreement(d, |id| id.into())
        );
    }
    assert!(d_found >= 25, "differences: {d_found} of {d_total}");
    assert!(c_found >= 5, "conflicts: {c_found} of {c_total}");
}

/// The pair of articles `a` and `b` among the stories the analysis found.
/// English's words, as the data exports word the findings.
fn english() -> &'static Words {
    Words::exports()
}

/// What a difference of `pair` says differs, in English, its articles named by id.
fn worded(pair: &Pair, d: &Difference) -> String {
    english().summary(&d.summary, &pair.a, &pair.b)
}

fn pair_of<'a>(analysis: &'a Analysis, a: &str, b: &str) -> Option<&'a Pair> {
    analysis
        .stories
        .iter()
        .flat_map(|s| &s.pairs)
        .find(|p| p.a == a && p.b == b)
        .map(|p| &**p)
}

/// The `versions` fixture: two versions of one story, and an event citing both.
fn versions() -> (tempfile::TempDir, briefing::content::Briefing, Analysis) {
    let dir = crate::support::briefing_with(Some("versions"));
    let loaded = briefing::load::briefing(dir.path()).expect("the briefing loads");
    let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let analysis = briefing::analyse::run(&loaded.briefing);
    (dir, loaded.briefing, analysis)
}

#[test]
fn two_versions_of_a_story_show_each_kind_of_difference() {
    let (_dir, _b, analysis) = versions();
    let pair = pair_of(&analysis, "market-fire-first", "market-fire-updated")
        .expect("the two versions are one story");
    let said: Vec<(DifferenceKind, Option<usize>, Option<usize>, String)> = pair
        .differences
        .iter()
        .map(|d| (d.kind, paragraph(&d.a), paragraph(&d.b), worded(pair, d)))
        .collect();
    use DifferenceKind::*;
    let want: &[(DifferenceKind, Option<usize>, Option<usize>, &str)] = &[
        (
            Number,
            Some(2),
            Some(2),
            "more than 100 vs about 30 (they count different things: “people” vs “people in the old quarter”)",
        ),
        (
            Date,
            Some(3),
            Some(3),
            "late February (21–28 February 2026) vs Feb. 26 (26 February 2026), given to another precision",
        ),
        (
            QuoteWording,
            Some(4),
            Some(4),
            "the quote is worded differently",
        ),
        (
            QuoteWording,
            Some(5),
            Some(5),
            "quoted in market-fire-first, reported without quotation marks in market-fire-updated",
        ),
        (OnlyIn, Some(7), None, "only in market-fire-first"),
        (
            OnlyIn,
            Some(8),
            Some(7),
            "only in market-fire-updated: “in the collapsed roof beams”",
        ),
        (
            QuoteWording,
            Some(9),
            Some(8),
            "the same words said by Ana Ortiz vs Tom Hale",
        ),
    ];
    for w in want {
        let found = (said.iter()).any(|s| (s.0, s.1, s.2, s.3.as_str()) == *w);
        assert!(found, "{w:?} not in {said:#?}");
    }
    assert_eq!(said.len(), want.len(), "{said:#?}");
}

#[test]
fn an_event_whose_sources_disagree_shows_each_claim() {
    let (dir, _b, analysis) = versions();
    let shown: Vec<(DifferenceKind, String, Vec<&str>)> = analysis
        .disagreements
        .iter()
        .filter(|d| d.event == "market-fire")
        .map(|d| {
            let claims = d.claims.iter().map(|c| c.text.as_str()).collect();
            (d.kind, english().disagreement(d, |id| id.into()), claims)
        })
        .collect();
    let shown: Vec<(DifferenceKind, &str, Vec<&str>)> = (shown.iter())
        .map(|(kind, summary, claims)| (*kind, summary.as_str(), claims.clone()))
        .collect();
    assert_eq!(
        shown,
        [
            (
                DifferenceKind::Number,
                "more than 100 vs about 30",
                vec!["More than 100 people", "About 30 people in the old quarter"]
            ),
            (
                DifferenceKind::QuoteWording,
                "the quote is worded differently",
                vec![
                    "We lost everything in one night",
                    "We lost everything overnight"
                ]
            ),
        ]
    );
    // The timeline shows them, and its data export gives them.
    let run = crate::support::briefing(dir.path(), &["build"]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        crate::support::stderr(&run)
    );
    let site = dir.path().join("site");
    let month = std::fs::read_to_string(site.join("timeline/2026/03/index.html")).unwrap();
    assert!(
        month.contains("The sources give the count differently: more than 100 vs about 30."),
        "{month}"
    );
    assert!(
        month.contains("says “About 30 people in the old quarter”"),
        "{month}"
    );
    assert!(
        month.contains("The sources word a quote differently:"),
        "{month}"
    );
    let timeline: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("data/timeline.json")).unwrap()).unwrap();
    let event = timeline
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "market-fire")
        .unwrap();
    assert_eq!(event["disagreements"][0]["kind"], "number");
    assert_eq!(
        event["disagreements"][0]["claims"][1],
        serde_json::json!({"article": "market-fire-updated", "paragraph": 2, "text": "About 30 people in the old quarter"})
    );
    // The report's disputes name the event and give each version with its source.
    let report = std::fs::read_to_string(site.join("report/index.html")).unwrap();
    let figure = report
        .split("<p class=\"dispute-head\">")
        .find(|d| d.starts_with("<strong>Figure</strong>: more than 100 vs about 30, in "))
        .unwrap_or_else(|| panic!("no dispute of the count in the report"));
    assert!(figure.contains("“More than 100 people”"), "{figure}");
    assert!(
        figure.contains("“About 30 people in the old quarter”"),
        "{figure}"
    );
    assert!(!figure.contains("the timeline gives"), "{figure}");
    assert!(report.contains("<strong>Quote</strong>: "));
}

#[test]
fn a_relative_date_in_the_same_words_is_no_difference_between_a_copy_and_its_reprint() {
    // The reprint came out a day later: its "yesterday" means another day, but it says
    // what the wire said; the changed cost is still a difference.
    let dir = crate::support::briefing_with(Some("wire-days"));
    let loaded = briefing::load::briefing(dir.path()).expect("the briefing loads");
    let analysis = briefing::analyse::run(&loaded.briefing);
    let pair = pair_of(&analysis, "bridge-reprint", "bridge-wire")
        .expect("the reprint and the wire copy are one story");
    let kinds: Vec<(DifferenceKind, String)> = pair
        .differences
        .iter()
        .map(|d| (d.kind, worded(pair, d)))
        .collect();
    assert_eq!(
        kinds,
        [(
            DifferenceKind::Number,
            "about 5 million vs about 4 million".to_string()
        )],
        "{kinds:#?}"
    );
}
