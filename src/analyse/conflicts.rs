//! A *date conflict* is an event that its sources date differently. For a curated event
//! each cited quote is read for the date expressions inside it, or, when it has none,
//! in the sentences around it within [`NEAR_WORDS`] words of it; a source whose dates all fall outside the event's date
//! (no overlap of the ranges) disputes it. The conflict lists every dated source, the
//! agreeing ones too, so a page can show each claim side by side, and `check` warns at
//! the event's date. A source that gives no date neither agrees nor disputes.
//!
//! Across a story, aligned sentences whose dates do not overlap are conflicts too, with
//! no event (see [`super::compare`]).
//!
//! A *disagreement* is an event whose sources say it otherwise than by its date: the
//! cited quotes state a count that differs in value or qualifier ("at least 32" and
//! "32"), or two cited paragraphs hold a quote that the comparison of their story found
//! worded differently, or quoted by one and paraphrased by the other. Like a date
//! conflict it lists each source's claim; `check` does not warn about it, since sources
//! that word a quote differently are news, not an error of the curation.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::compare::{Number, differing_numbers, numbers_outside};
use super::text::sentences;
use super::{
    Claim, Conflict, DateClaim, DateMention, DifferenceKind, Disagreement, PerArticle, Story,
    Summary,
};
use crate::content::{Briefing, Event, SourceRef};
use crate::diagnostic::Diagnostic;

/// The date expressions a cited quote gives: inside it, else in its sentences.
fn dated(
    briefing: &Briefing,
    dates: &PerArticle<DateMention>,
    source: &SourceRef,
) -> Vec<DateMention> {
    let Some(found) = source.found else {
        return Vec::new();
    };
    let dates = dates.of(&source.article);
    let here = |from: usize, to: usize| -> Vec<DateMention> {
        dates
            .iter()
            .filter(|d| {
                d.place.paragraph == found.paragraph && d.place.start < to && d.place.end > from
            })
            .cloned()
            .collect()
    };
    let inside = here(found.start, found.end);
    if !inside.is_empty() {
        return inside;
    }
    let Some(text) = briefing
        .article(&source.article)
        .and_then(|a| a.paragraph(found.paragraph))
        .map(|b| b.text.as_str())
    else {
        return Vec::new();
    };
    let around: Vec<(usize, usize)> = sentences(text)
        .into_iter()
        .filter(|&(s, e)| s < found.end.max(found.start + 1) && e > found.start)
        .collect();
    let (Some(first), Some(last)) = (around.first(), around.last()) else {
        return Vec::new();
    };
    // Only a date close to the quote dates it: in "killed in the attack, including
    // soldiers who were part of an agreement that began in the late 2000s" the date is
    // the agreement's.
    let words_between = |from: usize, to: usize| {
        text.get(from..to)
            .map_or(usize::MAX, |t| t.split_whitespace().count())
    };
    here(first.0, last.1)
        .into_iter()
        .filter(|d| {
            let gap = if d.place.start >= found.end {
                words_between(found.end, d.place.start)
            } else {
                words_between(d.place.end, found.start)
            };
            gap <= NEAR_WORDS
        })
        .collect()
}

/// How many words from a cited quote a date in its sentence may be and still date it.
const NEAR_WORDS: usize = 8;

fn overlaps(d: &DateMention, e: &Event) -> bool {
    d.start <= e.date.end && e.date.start <= d.end
}

/// Curated events whose sources date them differently, and a warning for each.
pub(crate) fn events(
    briefing: &Briefing,
    dates: &PerArticle<DateMention>,
) -> (Vec<Conflict>, Vec<Diagnostic>) {
    let mut conflicts = Vec::new();
    let mut warnings = Vec::new();
    for event in &briefing.events {
        let mut claims: Vec<DateClaim> = Vec::new();
        let mut disputing: Vec<String> = Vec::new();
        for source in &event.sources {
            let found = dated(briefing, dates, source);
            let (Some(first), Some(article)) = (found.first(), briefing.article(&source.article))
            else {
                continue;
            };
            // One claim per source: the date that fits the event if any does.
            let chosen = found.iter().find(|d| overlaps(d, event)).unwrap_or(first);
            if !overlaps(chosen, event) {
                disputing.push(format!(
                    "`{}` says “{}” ({})",
                    source.article,
                    chosen.place.text(article),
                    super::compare::range(chosen)
                ));
            }
            let c = DateClaim::of(chosen, article);
            if !claims.contains(&c) {
                claims.push(c);
            }
        }
        if disputing.is_empty() {
            if event.disputed {
                warnings.push(
                    Diagnostic::warning(
                        "not-disputed",
                        format!(
                            "event `{}` is marked `disputed: true`, but none of its sources dates it differently",
                            event.id
                        ),
                    )
                    .at(event.date_span, "no source disputes this date")
                    .hint("remove `disputed: true`, or cite the source that gives another date"),
                );
            }
            continue;
        }
        disputing.dedup();
        conflicts.push(Conflict {
            event: Some(event.id.clone()),
            claims,
        });
        // The editor has seen the dispute and said so: the timeline shows it, `check`
        // need not repeat it.
        if event.disputed {
            continue;
        }
        warnings.push(
            Diagnostic::warning(
                "disputed-date",
                format!(
                    "the sources of event `{}` date it differently: {}, but the event says {}",
                    event.id,
                    disputing.join("; "),
                    event.date.text
                ),
            )
            .at(event.date_span, format!("disputed by {} of its sources", disputing.len()))
            .hint(
                "the timeline shows each source's date side by side; if the event's date is wrong, correct it, \
                 otherwise say in the summary which source is wrong, and mark the event `disputed: true`",
            ),
        );
    }
    (conflicts, warnings)
}

/// The sources of one event whose numbers are compared with each other, in the order
/// the editor cites them: an event's sources are curated and few, and the comparison is
/// by pairs.
const COMPARED_SOURCES: usize = 16;

/// The number in `numbers` that states the same count as `x`: the one counting the same
/// word, else the one of the same value, else the only one.
fn counterpart<'n>(x: &Number, numbers: &'n [Number]) -> Option<&'n Number> {
    numbers
        .iter()
        .find(|y| x.unit.is_some() && y.unit == x.unit)
        .or_else(|| numbers.iter().find(|y| y.value == x.value))
        .or(match numbers {
            [only] => Some(only),
            _ => None,
        })
}

/// The numbers each cited source of `event` states in its quote, outside its dates.
fn cited_numbers<'e>(
    briefing: &Briefing,
    dates: &PerArticle<DateMention>,
    event: &'e Event,
) -> Vec<(&'e SourceRef, usize, Vec<Number>)> {
    let mut out = Vec::new();
    for source in event.sources.iter().take(COMPARED_SOURCES) {
        let (Some(found), Some(article)) = (source.found, briefing.article(&source.article)) else {
            continue;
        };
        let text = article.paragraph_slice(found.paragraph, found.start..found.end);
        let here = dates.of(&source.article).iter().filter(|d| {
            d.place.paragraph == found.paragraph
                && d.place.start < found.end
                && d.place.end > found.start
        });
        out.push((
            source,
            found.paragraph,
            numbers_outside(text, found.start, here),
        ));
    }
    out
}

/// The count that the cited sources of `event` state differently, as each states it.
fn number_disagreement(
    briefing: &Briefing,
    dates: &PerArticle<DateMention>,
    event: &Event,
) -> Option<Disagreement> {
    let cited = cited_numbers(briefing, dates, event);
    let first = cited.iter().enumerate().find_map(|(k, (s, _, ns))| {
        cited[k + 1..]
            .iter()
            .filter(|(t, _, _)| t.article != s.article)
            .find_map(|(_, _, nt)| differing_numbers(ns, nt).first().map(|(x, _)| (*x).clone()))
    })?;
    let mut claims: Vec<Claim> = Vec::new();
    let mut wordings: Vec<String> = Vec::new();
    for (source, paragraph, numbers) in &cited {
        let Some(n) = counterpart(&first, numbers) else {
            continue;
        };
        let claim = Claim {
            article: source.article.clone(),
            paragraph: *paragraph,
            text: n.written.clone(),
        };
        if !claims.contains(&claim) {
            claims.push(claim);
        }
        if !wordings.contains(&n.wording()) {
            wordings.push(n.wording());
        }
    }
    Some(Disagreement {
        event: event.id.clone(),
        kind: DifferenceKind::Number,
        summary: Summary::Counts(wordings),
        claims,
    })
}

/// Curated events whose sources state a count differently, or word a quote
/// differently: each source's claim. Linear in the events' sources and the stories'
/// differences.
pub(crate) fn disagreements(
    briefing: &Briefing,
    dates: &PerArticle<DateMention>,
    stories: &[Story],
) -> Vec<Disagreement> {
    // Each event's counts on its own, in parallel.
    let mut out: Vec<(usize, Disagreement)> = (briefing.events.par_iter().enumerate())
        .filter_map(|(k, event)| Some((k, number_disagreement(briefing, dates, event)?)))
        .collect();
    // Which events cite each paragraph.
    let mut citing: FxHashMap<(&str, usize), Vec<usize>> = FxHashMap::default();
    for (k, event) in briefing.events.iter().enumerate() {
        for source in &event.sources {
            if let Some(found) = source.found {
                let events = citing
                    .entry((source.article.as_str(), found.paragraph))
                    .or_default();
                if events.last() != Some(&k) {
                    events.push(k);
                }
            }
        }
    }
    // Borrowed, not copied: every quote wording difference of every pair asks.
    fn events_citing<'c, 's>(
        citing: &'c FxHashMap<(&'s str, usize), Vec<usize>>,
        side: &'s super::Side,
    ) -> Option<&'c [usize]> {
        let key = (side.article.as_str(), side.paragraph);
        citing.get(&key).map(Vec::as_slice)
    }
    for pair in stories.iter().flat_map(|s| &s.pairs) {
        for d in &pair.differences {
            let (Some(a), Some(b)) = (&d.a, &d.b) else {
                continue;
            };
            if d.kind != DifferenceKind::QuoteWording {
                continue;
            }
            let (Some(ea), Some(eb)) = (events_citing(&citing, a), events_citing(&citing, b))
            else {
                continue;
            };
            for &k in ea.iter().filter(|k| eb.contains(k)) {
                let claim = |side: &super::Side| Claim {
                    article: side.article.clone(),
                    paragraph: side.paragraph,
                    text: side.text.clone(),
                };
                out.push((
                    k,
                    Disagreement {
                        event: briefing.events[k].id.clone(),
                        kind: d.kind,
                        summary: d.summary.clone(),
                        claims: vec![claim(a), claim(b)],
                    },
                ));
            }
        }
    }
    // In timeline order, the numbers first, then the quotes as their stories list them.
    out.sort_by_key(|(k, d)| (*k, d.kind != DifferenceKind::Number));
    out.dedup_by(|x, y| x == y);
    out.into_iter().map(|(_, d)| d).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::Place;
    use crate::content::Found;
    use crate::edtf;
    use crate::edtf::Precision;
    use crate::source::Span;
    use chrono::NaiveDate;

    fn mention(article: &str, start: usize, end: usize, day: (i32, u32, u32)) -> DateMention {
        let d = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap();
        DateMention {
            place: Place {
                article: article.into(),
                paragraph: 1,
                start,
                end,
            },
            sentence: Default::default(),
            start: d,
            end: d,
            precision: Precision::Day,
            relative: false,
        }
    }

    fn source(article: &str, start: usize, end: usize) -> SourceRef {
        SourceRef {
            article: article.into(),
            quote: String::new(),
            article_span: Span::new(0, 0, 0),
            quote_span: Span::new(0, 0, 0),
            found: Some(Found {
                paragraph: 1,
                start,
                end,
            }),
        }
    }

    fn briefing_with(event_date: &str, sources: Vec<SourceRef>) -> Briefing {
        let mut b = crate::analyse::tests::empty_briefing();
        for id in ["a", "b"] {
            let mut art = crate::analyse::mentions::tests::article_of(
                "The raid on Jan. 3 and the raid on Feb. 3, 2026.",
            );
            art.id = id.into();
            b.articles.push(art);
        }
        b.events.push(Event {
            id: "raid".into(),
            file: 0,
            span: Span::new(0, 0, 0),
            date: edtf::parse(event_date).unwrap(),
            date_span: Span::new(0, 10, 20),
            display: None,
            title: "Raid".into(),
            people: vec![],
            summary: String::new(),
            sources,
            disputed: false,
            draft: false,
        });
        b
    }

    #[test]
    fn a_source_with_another_date_disputes_the_event() {
        let dates: PerArticle<DateMention> = [
            mention("a", 12, 18, (2026, 1, 3)),
            mention("b", 35, 47, (2026, 2, 3)),
        ]
        .into_iter()
        .collect();
        let b = briefing_with("2026-01-03", vec![source("a", 0, 18), source("b", 23, 47)]);
        let (conflicts, warnings) = events(&b, &dates);
        assert_eq!(conflicts.len(), 1);
        let texts: Vec<&str> = conflicts[0]
            .claims
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(texts, ["Jan. 3", "Feb. 3, 2026"]);
        assert_eq!(warnings[0].code, "disputed-date");
        assert_eq!(warnings[0].span.unwrap().start, 10);
        assert!(
            warnings[0]
                .message
                .contains("`b` says “Feb. 3, 2026” (2026-02-03)"),
            "{}",
            warnings[0].message
        );
    }

    #[test]
    fn sources_that_state_a_count_differently_disagree() {
        // (what each source's cited sentence says, the summary shown, or none)
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "At least 32 Cuban security personnel were killed.",
                "The government says 32 Cubans were killed.",
                Some("at least 32 vs 32"),
            ),
            (
                "thirty-two Cubans were killed.",
                "32 Cubans were killed.",
                None,
            ),
            (
                "More than 100 people were arrested.",
                "About 30 in the capital were arrested.",
                Some("more than 100 vs about 30"),
            ),
            // A date is no count.
            ("The raid on Feb. 3.", "The raid on Jan. 4.", None),
        ];
        for &(first, second, want) in cases {
            let mut b = briefing_with("2026-01-03", vec![]);
            let mut sources = Vec::new();
            for (id, text) in [("a", first), ("b", second)] {
                let mut art = crate::analyse::mentions::tests::article_of(text);
                art.id = id.into();
                sources.push(source(id, 0, text.len()));
                b.articles.retain(|x| x.id != id);
                b.articles.push(art);
            }
            b.events[0].sources = sources;
            let dates: PerArticle<DateMention> = if first.contains("Feb.") {
                [
                    mention("a", 12, 18, (2026, 2, 3)),
                    mention("b", 12, 18, (2026, 1, 4)),
                ]
                .into_iter()
                .collect()
            } else {
                PerArticle::default()
            };
            let found = disagreements(&b, &dates, &[]);
            let counts = |d: &Disagreement| match &d.summary {
                Summary::Counts(counts) => counts.join(" vs "),
                other => format!("{other:?}"),
            };
            assert_eq!(
                found.first().map(counts).as_deref(),
                want,
                "{first} / {second}"
            );
            if want.is_some() {
                let claims: Vec<(&str, &str)> = found[0]
                    .claims
                    .iter()
                    .map(|c| (c.article.as_str(), c.text.as_str()))
                    .collect();
                assert_eq!(claims.len(), 2, "{claims:?}");
                assert!(
                    first.contains(claims[0].1) && second.contains(claims[1].1),
                    "{claims:?}"
                );
            }
        }
    }

    #[test]
    fn agreeing_or_undated_sources_raise_nothing() {
        let dates: PerArticle<DateMention> =
            [mention("a", 12, 18, (2026, 1, 3))].into_iter().collect();
        // Source b's quote has no date of its own, and its sentence has none in `dates`.
        let b = briefing_with("2026-01", vec![source("a", 0, 18), source("b", 0, 3)]);
        assert!(events(&b, &dates).0.is_empty());
    }
}
