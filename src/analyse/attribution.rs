//! A *misattributed quote* is a curated citation whose words the article puts in the
//! mouth of someone the curation does not connect them with. A role cites words about
//! its holder, a relation words about two people, an event words about its `people`;
//! when the derived quote that contains the cited words has a speaker who is a person
//! of the briefing and is none of those people, `check` warns at the citation.
//!
//! To stay quiet when the curator already knows, the warning is not given when the
//! curated text that goes with the citation (the relation's kind, the role's title, the
//! event's title and summary) names the speaker: "adversary (in the analyst Antonio De
//! La Cruz's view)" says whose words they are. Speakers who are not people of the
//! briefing ("a White House official") are not checked: the curation cannot list them.

use super::mentions::Names;
use super::text::{Folded, at_word_boundaries};
use super::{PerArticle, Quote};
use crate::content::{Briefing, Event, Person, Relation, Role, SourceRef};
use crate::diagnostic::Diagnostic;
use rayon::prelude::*;

/// A citation to check, with the people it may be said by and what cites it.
struct Citation<'a> {
    source: &'a SourceRef,
    allowed: Vec<&'a str>,
    by: CitedBy<'a>,
}

/// The curated entry that cites a source: its wording is read, and its description
/// written, only for the rare citation whose speaker is another person.
enum CitedBy<'a> {
    Role(&'a Person, &'a Role),
    Relation(&'a Person, &'a Relation),
    Event(&'a Event),
}

impl CitedBy<'_> {
    /// The curated text that goes with the citation.
    fn context(&self) -> String {
        match self {
            CitedBy::Role(_, role) => role.title.clone(),
            CitedBy::Relation(_, relation) => relation.kind.clone(),
            CitedBy::Event(event) => format!("{} {}", event.title, event.summary),
        }
    }

    /// The entry, as a warning names it.
    fn what(&self) -> String {
        match self {
            CitedBy::Role(person, role) => format!("the role “{}” of `{}`", role.title, person.id),
            CitedBy::Relation(person, relation) => {
                format!("the relation of `{}` to `{}`", person.id, relation.person)
            }
            CitedBy::Event(event) => format!("event `{}`", event.id),
        }
    }
}

fn citations(briefing: &Briefing) -> Vec<Citation<'_>> {
    let mut out = Vec::new();
    for person in &briefing.people {
        for role in &person.roles {
            if let Some(source) = &role.source {
                out.push(Citation {
                    source,
                    allowed: vec![person.id.as_str()],
                    by: CitedBy::Role(person, role),
                });
            }
        }
        for relation in &person.relations {
            if let Some(source) = &relation.source {
                out.push(Citation {
                    source,
                    allowed: vec![person.id.as_str(), relation.person.as_str()],
                    by: CitedBy::Relation(person, relation),
                });
            }
        }
    }
    for event in &briefing.events {
        if event.people.is_empty() {
            continue;
        }
        for source in &event.sources {
            out.push(Citation {
                source,
                allowed: event.people.iter().map(|(p, _)| p.as_str()).collect(),
                by: CitedBy::Event(event),
            });
        }
    }
    out
}

/// Whether a curated text names a person by one of their name forms.
fn names(names: &Names, person: usize, text: &str) -> bool {
    let folded = Folded::new(text).text;
    names.folded_names[person].iter().any(|form| {
        folded
            .match_indices(form.as_str())
            .any(|(at, _)| at_word_boundaries(&folded, at, at + form.len()))
    })
}

/// Warnings for curated citations whose words another person of the briefing says.
pub(crate) fn misattributed(
    briefing: &Briefing,
    quotes: &PerArticle<Quote>,
    index: &Names,
) -> Vec<Diagnostic> {
    let citations = citations(briefing);
    // In parallel, and in the citations' order: a warning's place in the output does
    // not depend on the threads.
    citations
        .par_iter()
        .filter_map(|c| misattribution(c, quotes, index))
        .collect()
}

/// The warning for one citation whose words another person of the briefing says.
fn misattribution(c: &Citation, quotes: &PerArticle<Quote>, index: &Names) -> Option<Diagnostic> {
    let found = c.source.found?;
    // The quote marks themselves may be inside the citation: a few bytes of slack.
    let slack = 4;
    let in_article = quotes.of(&c.source.article);
    let quote = in_article.iter().find(|q| {
        q.place.paragraph == found.paragraph
            && q.place.start <= found.start + slack
            && found.end <= q.place.end + slack
    })?;
    let speaker = quote.person.as_ref()?;
    if c.allowed.contains(&&**speaker) {
        return None;
    }
    let person = index.index_of(speaker)?;
    if names(index, person, &c.by.context()) {
        return None;
    }
    let who = index.display_name(person);
    Some(
        Diagnostic::warning(
            "misattributed-quote",
            format!(
                "`{}` quotes {who} (`{speaker}`) here, but the quote is cited for {}",
                c.source.article,
                c.by.what()
            ),
        )
        .at(c.source.quote_span, format!("said by {who} in the article"))
        .hint(format!(
            "cite words of {} instead, or name {who} in the curated text if the citation is meant as {who}'s view",
            c.allowed.join(" or ")
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::Place;
    use crate::analyse::mentions::tests::person;
    use crate::content::{Event, Found};
    use crate::source::Span;

    fn briefing(summary: &str) -> Briefing {
        let mut b = crate::analyse::tests::empty_briefing();
        b.people = vec![
            person("ana", "Ana Ortiz", None, &[], &[]),
            person("luis", "Luis Vega", None, &[], &[]),
        ];
        b.events.push(Event {
            id: "vote".into(),
            file: 0,
            span: Span::new(0, 0, 0),
            date: crate::edtf::parse("2026-03-05").unwrap(),
            date_span: Span::new(0, 0, 0),
            display: None,
            title: "The vote".into(),
            people: vec![("ana".into(), Span::new(0, 0, 0))],
            summary: summary.into(),
            sources: vec![SourceRef {
                article: "a".into(),
                quote: "We will rebuild it".into(),
                article_span: Span::new(0, 0, 0),
                quote_span: Span::new(0, 40, 58),
                found: Some(Found {
                    paragraph: 1,
                    start: 1,
                    end: 19,
                }),
            }],
            disputed: false,
            draft: false,
        });
        b
    }

    fn quote_by(person: &str) -> Quote {
        Quote {
            place: Place {
                article: "a".into(),
                paragraph: 1,
                start: 1,
                end: 19,
            },
            person: Some(person.into()),
            speaker: Some(person.into()),
            sentence: Default::default(),
        }
    }

    #[test]
    fn a_quote_said_by_someone_else_is_reported_at_the_citation() {
        let b = briefing("Ana Ortiz called the vote.");
        let names = Names::new(&b.people);
        let warnings = misattributed(&b, &[quote_by("luis")].into_iter().collect(), &names);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, "misattributed-quote");
        assert_eq!(warnings[0].span.unwrap().start, 40);
        assert!(
            warnings[0].message.contains("Luis Vega"),
            "{}",
            warnings[0].message
        );
        // Said by one of the event's people: nothing to report.
        assert!(misattributed(&b, &[quote_by("ana")].into_iter().collect(), &names).is_empty());
    }

    #[test]
    fn naming_the_speaker_in_the_curation_acknowledges_it() {
        let b = briefing("Luis Vega said it for her.");
        let names = Names::new(&b.people);
        assert!(misattributed(&b, &[quote_by("luis")].into_iter().collect(), &names).is_empty());
    }
}
