//! *Curation* is what the editor writes in YAML: outlets, people, timeline events and
//! comparisons. This module types each file (one item at a time where a file holds
//! many, so one bad item does not hide the next) and records where every reference
//! was written, for the cross-reference checks that follow.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::content::{
    Comparison, Event, Outlet, OutletKind, Person, Point, Pronouns, Relation, Role, SourceRef,
    Verdict,
};
use crate::diagnostic::Diagnostic;
use crate::edtf::{self, Edtf};
use crate::source::{FileId, Span};
use crate::yaml::{self, Path, Scalar, Shape, Spans};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    article: String,
    quote: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutlet {
    name: String,
    #[serde(default)]
    url: Option<String>,
    kind: OutletKind,
    #[serde(default)]
    country: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    surname: Option<String>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    pronouns: Option<String>,
    #[serde(default)]
    roles: Vec<RawRole>,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    relations: Vec<RawRelation>,
    #[serde(default)]
    image: Option<String>,
    #[serde(default)]
    draft: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    title: String,
    #[serde(default)]
    from: Option<Scalar>,
    #[serde(default)]
    to: Option<Scalar>,
    #[serde(default)]
    source: Option<RawSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelation {
    person: String,
    kind: String,
    #[serde(default)]
    source: Option<RawSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: String,
    date: Scalar,
    #[serde(default)]
    display: Option<String>,
    title: String,
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    sources: Vec<RawSource>,
    #[serde(default)]
    disputed: bool,
    #[serde(default)]
    draft: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComparison {
    title: String,
    articles: Vec<String>,
    #[serde(default)]
    summary: String,
    points: Vec<RawPoint>,
    #[serde(default)]
    draft: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPoint {
    topic: String,
    verdict: Verdict,
    claims: Vec<RawSource>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    outlier: Option<String>,
}

impl<'de> Deserialize<'de> for Verdict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const NAMES: &[&str] = &["agree", "differ", "only-one", "unclear"];
        let s = String::deserialize(d)?;
        match s.as_str() {
            "agree" => Ok(Verdict::Agree),
            "differ" => Ok(Verdict::Differ),
            "only-one" => Ok(Verdict::OnlyOne),
            "unclear" => Ok(Verdict::Unclear),
            _ => Err(serde::de::Error::unknown_variant(&s, NAMES)),
        }
    }
}

impl<'de> Deserialize<'de> for OutletKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const NAMES: &[&str] = &[
            "wire",
            "newspaper",
            "broadcaster",
            "aggregator",
            "blog",
            "other",
        ];
        let s = String::deserialize(d)?;
        Ok(match s.as_str() {
            "wire" => OutletKind::Wire,
            "newspaper" => OutletKind::Newspaper,
            "broadcaster" => OutletKind::Broadcaster,
            "aggregator" => OutletKind::Aggregator,
            "blog" => OutletKind::Blog,
            "other" => OutletKind::Other,
            _ => return Err(serde::de::Error::unknown_variant(&s, NAMES)),
        })
    }
}

fn source_ref(raw: RawSource, spans: &Spans, at: &Path) -> SourceRef {
    SourceRef {
        article: raw.article,
        quote: raw.quote,
        article_span: spans.value(&at.key("article")),
        quote_span: spans.value(&at.key("quote")),
        found: None,
    }
}

fn date(value: &Scalar, span: Span, errors: &mut Vec<Diagnostic>) -> Option<Edtf> {
    match edtf::parse(&value.0) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(
                Diagnostic::error("bad-date", format!("`{}` is not an EDTF date: {e}", value.0))
                    .at(span, "not a date")
                    .hint("write 2026-01-03, 2026-01, 2026, a range 2026-01-21/2026-01-31, add ~ for approximate or ? for uncertain"),
            );
            None
        }
    }
}

/// `content/outlets.yaml`: a map of outlet id to outlet.
/// `content/outlets.yaml` as read: the outlets, and what could not be read, so that
/// references to an outlet with an error are not reported as unknown as well.
#[derive(Debug, Default)]
pub struct OutletFile {
    pub outlets: BTreeMap<String, Outlet>,
    /// Ids whose entry has an error.
    pub unreadable: std::collections::BTreeSet<String>,
    /// The whole file could not be read.
    pub failed: bool,
}

/// The outlet id the site's page of articles with no outlet uses (`/outlets/unknown/`).
const RESERVED_OUTLET: &str = "unknown";

pub fn outlets(file: FileId, text: &str, errors: &mut Vec<Diagnostic>) -> OutletFile {
    let mut out = OutletFile::default();
    let doc = match yaml::untyped(file, text, 0) {
        Ok(d) => d,
        Err(e) => {
            errors.push(e);
            out.failed = true;
            return out;
        }
    };
    let map = match doc.value.shape() {
        Shape::Mapping(m) => m,
        Shape::Null => return out,
        _ => {
            out.failed = true;
            errors.push(
                Diagnostic::error("wrong-type", "outlets.yaml must map outlet ids to outlets")
                    .at(doc.spans.value(&Path::root()), "not a mapping")
                    .hint("write `reuters: {name: Reuters, kind: wire}`, one outlet per key"),
            );
            return out;
        }
    };
    for (id, value) in map {
        let at = Path::root().key(&id);
        if !crate::content::valid_id(&id) {
            errors.push(invalid_id(&id, doc.spans.key(&at), "an outlet id"));
            out.unreadable.insert(id);
            continue;
        }
        if id == RESERVED_OUTLET {
            errors.push(
                Diagnostic::error(
                    "reserved-id",
                    format!("`{RESERVED_OUTLET}` cannot be an outlet id"),
                )
                .at(doc.spans.key(&at), "reserved")
                .hint("the site lists the articles with no outlet at /outlets/unknown/; call this outlet something else, e.g. `unknown-source`"),
            );
            out.unreadable.insert(id);
            continue;
        }
        match yaml::typed::<RawOutlet>(value, &doc.spans, &at, "an outlet") {
            Ok(raw) => {
                if let Some(url) = &raw.url {
                    check_url(url, || doc.spans.value(&at.key("url")), errors);
                }
                out.outlets.insert(
                    id.clone(),
                    Outlet {
                        id,
                        name: raw.name,
                        url: raw.url,
                        kind: raw.kind,
                        country: raw.country,
                    },
                );
            }
            Err(e) => {
                errors.push(e);
                out.unreadable.insert(id);
            }
        }
    }
    out
}

pub fn invalid_id(id: &str, span: Span, what: &str) -> Diagnostic {
    Diagnostic::error("bad-id", format!("`{id}` is not a valid id for {what}"))
        .at(span, "ids are lowercase letters, digits and hyphens")
        .hint(format!("use `{}`", crate::content::slug(id)))
}

/// A URL written by the editor must be safe to put in a link.
pub fn check_url(url: &str, span: impl FnOnce() -> Span, errors: &mut Vec<Diagnostic>) {
    // Quotes, angle brackets and whitespace would be escaped on the page, but they make
    // an invalid address: better said now than found broken later.
    if !(url.starts_with("https://") || url.starts_with("http://"))
        || !crate::markdown::safe_url(url)
        || url.contains(|c: char| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`')
        })
    {
        errors.push(
            Diagnostic::error("bad-url", format!("`{url}` is not an http(s) URL"))
                .at(span(), "not allowed in a link")
                .hint("write a full address starting with https://"),
        );
    }
}

/// `content/people/<id>.yaml`.
pub fn person(file: FileId, id: &str, text: &str, errors: &mut Vec<Diagnostic>) -> Option<Person> {
    let doc = match yaml::document::<RawPerson>(file, text, 0, "a person") {
        Ok(d) => d,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    let (raw, spans) = (doc.value, doc.spans);
    let roles = raw
        .roles
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let at = Path::root().key("roles").index(i);
            Role {
                title: r.title,
                from: r
                    .from
                    .as_ref()
                    .and_then(|v| date(v, spans.value(&at.key("from")), errors)),
                to: r
                    .to
                    .as_ref()
                    .and_then(|v| date(v, spans.value(&at.key("to")), errors)),
                source: r.source.map(|s| source_ref(s, &spans, &at.key("source"))),
            }
        })
        .collect();
    let relations = raw
        .relations
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let at = Path::root().key("relations").index(i);
            Relation {
                person: r.person,
                person_span: spans.value(&at.key("person")),
                kind: r.kind,
                source: r.source.map(|s| source_ref(s, &spans, &at.key("source"))),
            }
        })
        .collect::<Vec<Relation>>();
    // The content format lets a relation go without a source, as a role: a profile is
    // the editor's knowledge. But nothing curated is accepted without a word: a
    // relation nobody can check is said once, where it is written.
    for r in relations
        .iter()
        .filter(|r| r.source.is_none() && !raw.draft)
    {
        errors.push(
            Diagnostic::warning(
                "relation-without-source",
                format!("the relation of `{id}` to `{}` cites no source", r.person),
            )
            .at(r.person_span, "no `source`")
            .hint("add `source: {article: …, quote: \"…\"}` with the words that show it, so a reader can check it"),
        );
    }
    if let Some(image) = &raw.image {
        check_url(image, || spans.value(&Path::root().key("image")), errors);
    }
    let pronouns = raw.pronouns.as_deref().and_then(|text| {
        let read = Pronouns::parse(text);
        if read.is_none() {
            let forms: Vec<String> = Pronouns::FORMS
                .iter()
                .map(|(f, _)| format!("`{f}`"))
                .collect();
            errors.push(
                Diagnostic::error(
                    "unknown-value",
                    format!("`{text}` is not a set of pronouns"),
                )
                .at(spans.value(&Path::root().key("pronouns")), "not read")
                .hint(format!(
                    "write {} (how articles refer to the person), or leave `pronouns` out",
                    forms.join(", ")
                )),
            );
        }
        read
    });
    Some(Person {
        id: id.to_string(),
        file,
        name: raw.name,
        aliases: raw.aliases,
        surname: raw.surname,
        titles: raw.titles,
        pronouns,
        roles,
        summary: raw.summary,
        relations,
        image: raw.image,
        draft: raw.draft,
    })
}

/// `content/timeline/*.yaml`: a list of events.
pub fn events(file: FileId, text: &str, errors: &mut Vec<Diagnostic>) -> Vec<Event> {
    let doc = match yaml::untyped(file, text, 0) {
        Ok(d) => d,
        Err(e) => {
            errors.push(e);
            return Vec::new();
        }
    };
    let items = match doc.value.shape() {
        Shape::Sequence(items) => items,
        Shape::Null => return Vec::new(),
        _ => {
            errors.push(
                Diagnostic::error("wrong-type", "a timeline file must be a list of events")
                    .at(doc.spans.value(&Path::root()), "not a list")
                    .hint("start each event with `- id: …`"),
            );
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let at = Path::root().index(i);
        let raw = match yaml::typed::<RawEvent>(item, &doc.spans, &at, "an event") {
            Ok(r) => r,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let id_span = doc.spans.value(&at.key("id"));
        if !crate::content::valid_id(&raw.id) {
            errors.push(invalid_id(&raw.id, id_span, "an event"));
            continue;
        }
        let date_span = doc.spans.value(&at.key("date"));
        let Some(date) = date(&raw.date, date_span, errors) else {
            continue;
        };
        if raw.sources.is_empty() && !raw.draft {
            errors.push(
                Diagnostic::error("missing-source", format!("the event `{}` cites no source", raw.id))
                    .at(id_span, "no `sources`")
                    .hint("add `sources:` with the article and its words that support the event (`- {article: …, quote: \"…\"}`), or mark the event `draft: true` until you have them"),
            );
        }
        out.push(Event {
            id: raw.id,
            file,
            span: id_span,
            date,
            date_span,
            display: raw.display,
            title: raw.title,
            people: raw
                .people
                .into_iter()
                .enumerate()
                .map(|(j, p)| (p, doc.spans.value(&at.key("people").index(j))))
                .collect(),
            summary: raw.summary,
            sources: raw
                .sources
                .into_iter()
                .enumerate()
                .map(|(j, s)| source_ref(s, &doc.spans, &at.key("sources").index(j)))
                .collect(),
            disputed: raw.disputed,
            draft: raw.draft,
        });
    }
    out
}

/// What is wrong with a point's `outlier:` (written at `at`), if anything: it names
/// the one source that differs from the others, so it must be one of the point's
/// claims, on a point whose verdict is `differ` and that has another source to differ
/// from.
fn bad_outlier(p: &RawPoint, at: &Span) -> Option<Diagnostic> {
    let outlier = p.outlier.as_deref()?;
    let sources: std::collections::BTreeSet<&str> =
        p.claims.iter().map(|c| c.article.as_str()).collect();
    let (message, label, hint) = if p.verdict != Verdict::Differ {
        (
            format!(
                "the point “{}” names an outlier but its verdict is `{}`",
                p.topic,
                p.verdict.as_str()
            ),
            "an outlier on a point that does not differ",
            "set `verdict: differ`, or remove `outlier:`".to_string(),
        )
    } else if !sources.contains(outlier) {
        (
            format!("the outlier `{outlier}` is not among the point's claims"),
            "no claim of this article",
            format!(
                "name the article of one of the point's claims: {}",
                sources
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    } else if sources.len() < 3 {
        (
            format!("the point “{}” names an outlier among {} source{}", p.topic, sources.len(), if sources.len() == 1 { "" } else { "s" }),
            "too few sources to have an outlier",
            "an outlier differs from sources that agree: cite at least three articles, or remove `outlier:`".to_string(),
        )
    } else {
        return None;
    };
    Some(
        Diagnostic::error("bad-outlier", message)
            .at(*at, label)
            .hint(hint),
    )
}

/// `content/comparisons/<id>.yaml`.
pub fn comparison(
    file: FileId,
    id: &str,
    text: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<Comparison> {
    let doc = match yaml::document::<RawComparison>(file, text, 0, "a comparison") {
        Ok(d) => d,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    let (raw, spans) = (doc.value, doc.spans);
    // A draft may be unfinished; a comparison that is built sets at least two articles
    // side by side, and each point cites what they say.
    if !raw.draft {
        let distinct: std::collections::BTreeSet<&str> =
            raw.articles.iter().map(String::as_str).collect();
        if distinct.len() < 2 {
            errors.push(
                Diagnostic::error(
                    "too-few-articles",
                    format!("the comparison `{id}` compares {} article{}", distinct.len(), if distinct.len() == 1 { "" } else { "s" }),
                )
                .at(spans.value(&Path::root().key("articles")), "fewer than two articles")
                .hint("list at least two articles under `articles`, the ones the comparison sets side by side"),
            );
        }
        for (i, p) in raw.points.iter().enumerate() {
            if let Some(e) = bad_outlier(
                p,
                &spans.value(&Path::root().key("points").index(i).key("outlier")),
            ) {
                errors.push(e);
            }
            if p.claims.is_empty() {
                let at = Path::root().key("points").index(i).key("claims");
                errors.push(
                    Diagnostic::error(
                        "missing-source",
                        format!("the point “{}” cites no claim", p.topic),
                    )
                    .at(spans.value(&at), "no claims")
                    .hint(
                        "add what each article says as `{article: …, quote: \"…\"}` under `claims`",
                    ),
                );
            }
        }
    }
    Some(Comparison {
        id: id.to_string(),
        file,
        title: raw.title,
        articles: raw
            .articles
            .into_iter()
            .enumerate()
            .map(|(i, a)| (a, spans.value(&Path::root().key("articles").index(i))))
            .collect(),
        summary: raw.summary,
        points: raw
            .points
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let at = Path::root().key("points").index(i);
                Point {
                    topic: p.topic,
                    verdict: p.verdict,
                    claims: p
                        .claims
                        .into_iter()
                        .enumerate()
                        .map(|(j, c)| source_ref(c, &spans, &at.key("claims").index(j)))
                        .collect(),
                    note: p.note,
                    outlier: p.outlier.map(|o| (o, spans.value(&at.key("outlier")))),
                }
            })
            .collect(),
        draft: raw.draft,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bad_event_is_reported_and_good_ones_kept() {
        let text = "- id: a\n  date: 2026-01-03\n  title: A\n  sources: [{article: x, quote: y}]\n- id: b\n  date: 2026-13\n  title: B\n- id: c\n  date: 2026\n  title: C\n  colour: red\n- id: d\n  date: 2026~\n  title: D\n  draft: true\n- id: e\n  date: 2026\n  title: E\n";
        let mut errors = Vec::new();
        let events = events(0, text, &mut errors);
        let ids: Vec<_> = events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "d", "e"]);
        assert!(events[1].draft);
        // A draft may lack sources; an event to publish may not.
        let codes: Vec<_> = errors.iter().map(|e| e.code).collect();
        assert_eq!(codes, ["bad-date", "unknown-key", "missing-source"]);
        let s = errors[2].span.unwrap();
        assert_eq!(&text[s.start..s.end], "e");
        let s = errors[1].span.unwrap();
        assert_eq!(&text[s.start..s.end], "colour");
    }

    #[test]
    fn unknown_verdict_suggests_the_right_one() {
        let text = "title: T\narticles: [a]\npoints:\n  - topic: x\n    verdict: differs\n    claims: []\n";
        let mut errors = Vec::new();
        assert!(comparison(0, "c", text, &mut errors).is_none());
        assert_eq!(errors[0].code, "unknown-value");
        assert!(
            errors[0]
                .hint
                .as_deref()
                .unwrap()
                .starts_with("did you mean `differ`?")
        );
    }

    #[test]
    fn a_comparison_needs_two_articles_and_a_claim_for_each_point() {
        let text = "title: T\narticles: [a, a]\npoints:\n  - topic: x\n    verdict: differ\n    claims: []\n";
        let mut errors = Vec::new();
        assert!(comparison(0, "c", text, &mut errors).is_some());
        let found: Vec<_> = errors
            .iter()
            .map(|e| (e.code, &text[e.span.unwrap().start..e.span.unwrap().end]))
            .collect();
        assert_eq!(
            found,
            [("too-few-articles", "[a, a]"), ("missing-source", "[]")]
        );
        // A draft may be unfinished.
        let draft = format!("{text}draft: true\n");
        let mut errors = Vec::new();
        assert!(comparison(0, "c", &draft, &mut errors).unwrap().draft);
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn pronouns_are_read_in_their_usual_forms_and_anything_else_is_pointed_at() {
        for (written, read) in [
            ("she/her", Some(Pronouns::SheHer)),
            ("He / Him", Some(Pronouns::HeHim)),
            ("they", Some(Pronouns::TheyThem)),
            ("female", None),
            ("she/him", None),
        ] {
            let text = format!("name: Ana Ortiz\npronouns: {written}\n");
            let mut errors = Vec::new();
            let p = person(0, "ana-ortiz", &text, &mut errors).unwrap();
            assert_eq!(p.pronouns, read, "{written}");
            if read.is_none() {
                assert_eq!(errors.len(), 1, "{written}");
                let e = &errors[0];
                assert_eq!(e.code, "unknown-value");
                let s = e.span.unwrap();
                assert_eq!(&text[s.start..s.end], written);
                assert_eq!(
                    e.hint.as_deref(),
                    Some(
                        "write `he/him`, `she/her`, `they/them` (how articles refer to the person), or leave `pronouns` out"
                    )
                );
            } else {
                assert!(errors.is_empty(), "{errors:?}");
            }
        }
    }

    #[test]
    fn outlets_check_ids_and_urls() {
        let text = "reuters: {name: Reuters, kind: wire}\nBad_Id: {name: X, kind: wire}\nx: {name: X, kind: wire, url: \"javascript:alert(1)\"}\nunknown: {name: U, kind: blog}\n";
        let mut errors = Vec::new();
        let o = outlets(0, text, &mut errors).outlets;
        assert!(o.contains_key("reuters"));
        let codes: Vec<_> = errors.iter().map(|e| e.code).collect();
        assert_eq!(codes, ["bad-id", "bad-url", "reserved-id"]);
    }
}
