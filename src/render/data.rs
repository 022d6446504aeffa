//! The *data exports*: the briefing and the analysis as JSON arrays under `/data/`, a
//! documented and tested contract (see docs/data.md). Each derived object names the
//! article and the 1-based paragraph it comes from.

use std::io::Write;

use serde_json::{Value, json};

use super::Site;
use crate::analyse::{Around, Place};

pub const EXPORTS: &[&str] = &[
    "articles.json",
    "people.json",
    "mentions.json",
    "quotes.json",
    "dates.json",
    "timeline.json",
    "comparisons.json",
    "timelinejs.json",
];

/// Writes export `name` to `out`, a line of compact JSON (the exports are for
/// programs, and pretty printing would double their size). Arrays are written a record
/// at a time ([`Each`]) — the three largest as typed records borrowing from the
/// analysis, the others as a record's `Value` — so that a build holds neither a tree of
/// a whole export nor its text, which grow with the briefing.
/// `out` is buffered ([`Site::render_into`]).
pub fn export(site: &Site, name: &str, mut out: &mut dyn Write) -> std::io::Result<()> {
    let written = match name {
        "mentions.json" => serde_json::to_writer(&mut out, &Each(|| mentions(site))),
        "dates.json" => serde_json::to_writer(&mut out, &Each(|| dates(site))),
        "quotes.json" => serde_json::to_writer(&mut out, &Each(|| quotes(site))),
        "timelinejs.json" => serde_json::to_writer(&mut out, &timelinejs(site)),
        _ => serde_json::to_writer(&mut out, &Each(|| records(site, name))),
    };
    written.map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

/// The sentences of findings, taken from their articles. Findings come article by
/// article, so the article last looked up is usually the next one's.
struct Sentences<'a> {
    briefing: &'a crate::content::Briefing,
    last: Option<&'a crate::content::Article>,
}

impl<'a> Sentences<'a> {
    fn new(briefing: &'a crate::content::Briefing) -> Self {
        Sentences {
            briefing,
            last: None,
        }
    }

    fn article(&mut self, place: &Place) -> Option<&'a crate::content::Article> {
        let article = match self.last {
            Some(a) if *a.id == *place.article => Some(a),
            _ => self.briefing.article(&place.article),
        };
        self.last = article;
        article
    }

    /// The sentence around the finding at `place`.
    fn of(&mut self, place: &Place, sentence: &Around) -> &'a str {
        self.article(place).map_or("", |a| sentence.text(a, place))
    }

    /// The finding's text as written.
    fn text(&mut self, place: &Place) -> &'a str {
        self.article(place).map_or("", |a| place.text(a))
    }
}

/// Every mention found, as [`MentionRecord`]s.
fn mentions<'s>(site: &'s Site) -> impl Iterator<Item = MentionRecord<'s>> + 's {
    let mut sentences = Sentences::new(site.briefing);
    site.analysis.mentions.iter().map(move |m| MentionRecord {
        place: &m.place,
        person: m.person.as_deref(),
        candidates: &m.candidates,
        text: sentences.text(&m.place),
        sentence: sentences.of(&m.place, &m.sentence),
        kind: m.kind,
        reason: m.reason,
    })
}

/// A mention found in an article: where, whom it means (or the candidates), and why.
#[derive(serde::Serialize)]
struct MentionRecord<'a> {
    #[serde(flatten)]
    place: &'a Place,
    person: Option<&'a str>,
    candidates: &'a [String],
    text: &'a str,
    sentence: &'a str,
    kind: crate::analyse::MentionKind,
    reason: &'a str,
}

/// Every date found, as [`DateRecord`]s.
fn dates<'s>(site: &'s Site) -> impl Iterator<Item = DateRecord<'s>> + 's {
    let mut sentences = Sentences::new(site.briefing);
    site.analysis.dates.iter().map(move |d| DateRecord {
        article: &d.place.article,
        paragraph: d.place.paragraph,
        text: sentences.text(&d.place),
        sentence: sentences.of(&d.place, &d.sentence),
        start: d.start,
        end: d.end,
        precision: d.precision,
        relative: d.relative,
    })
}

/// The records of an export that is an array, made one at a time as they are written.
fn records<'s>(site: &'s Site, name: &str) -> Box<dyn Iterator<Item = Value> + 's> {
    match name {
        "articles.json" => Box::new(articles(site)),
        "people.json" => Box::new(people(site)),
        "timeline.json" => Box::new(timeline(site)),
        "comparisons.json" => Box::new(comparisons(site)),
        _ => Box::new(std::iter::empty()),
    }
}

/// A JSON array whose elements are made while it is written, so that only one of them
/// is held at a time: a typed record borrowing from the analysis, or a record's `Value`.
struct Each<F>(F);

impl<F, I> serde::Serialize for Each<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// A date found in an article. The paragraph's byte range is left out: its `start`
/// and `end` would collide with the date's.
#[derive(serde::Serialize)]
struct DateRecord<'a> {
    article: &'a str,
    paragraph: usize,
    text: &'a str,
    sentence: &'a str,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
    precision: crate::edtf::Precision,
    relative: bool,
}

fn page_url(site: &Site, path: &str) -> String {
    format!("{}{path}", site.options.base_url)
}

fn articles<'s>(site: &'s Site) -> impl Iterator<Item = Value> + 's {
    site.briefing.articles.iter().map(|a| {
        json!({
            "id": a.id,
            "title": a.title,
            "outlet": a.outlet,
            "derived_from": a.derived_from,
            "published": a.published.iso(),
            "author": a.author,
            "url": a.url,
            "language": a.language,
            "paragraphs": a.paragraph_count(),
            "page": page_url(site, &format!("articles/{}/", a.id)),
        })
    })
}

fn people<'s>(site: &'s Site) -> impl Iterator<Item = Value> + 's {
    site.briefing.people.iter().map(|p| {
        let mentions = site.index.mentions_by_person.get(p.id.as_str());
        let mut articles: Vec<&str> = mentions
            .into_iter()
            .flatten()
            .map(|m| m.place.article.as_ref())
            .collect();
        articles.dedup();
        json!({
            "id": p.id,
            "name": p.name,
            "aliases": p.aliases,
            "surname": p.surname,
            "titles": p.titles,
            "url": page_url(site, &format!("people/{}/", p.id)),
            "featured": site.briefing.config.featured.contains(&p.id),
            "mentions": mentions.map_or(0, Vec::len),
            "articles": articles,
        })
    })
}

/// Every quote found, as [`QuoteRecord`]s.
fn quotes<'s>(site: &'s Site) -> impl Iterator<Item = QuoteRecord<'s>> + 's {
    let mut sentences = Sentences::new(site.briefing);
    site.analysis.quotes.iter().map(move |q| QuoteRecord {
        article: &q.place.article,
        end: q.place.end,
        paragraph: q.place.paragraph,
        person: q.person.as_deref(),
        sentence: sentences.of(&q.place, &q.sentence),
        speaker: q.person.as_deref().or(q.speaker.as_deref()),
        speaker_text: q.speaker.as_deref(),
        start: q.place.start,
        text: sentences.text(&q.place),
    })
}

/// A quote found in an article. The fields are in the order the export has always
/// written them (alphabetical, as a JSON object's keys were).
#[derive(serde::Serialize)]
struct QuoteRecord<'a> {
    article: &'a str,
    end: usize,
    paragraph: usize,
    person: Option<&'a str>,
    sentence: &'a str,
    /// A person id when the speaker is known, else the speaker as written.
    speaker: Option<&'a str>,
    speaker_text: Option<&'a str>,
    start: usize,
    text: &'a str,
}

fn timeline<'s>(site: &'s Site) -> impl Iterator<Item = Value> + 's {
    let curated = site.briefing.events.iter().map(|e| {
        let conflicts = site
            .analysis
            .conflicts
            .iter()
            .find(|c| c.event.as_deref() == Some(e.id.as_str()))
            .map(|c| serde_json::to_value(&c.claims).unwrap_or_default());
        json!({
            "id": e.id,
            "date": {
                "text": e.date.text,
                "start": e.date.start.to_string(),
                "end": e.date.end.to_string(),
                "precision": e.date.precision.as_str(),
                "approximate": e.date.approximate,
                "uncertain": e.date.uncertain,
                "display": e.display,
            },
            "title": e.title,
            "curated": true,
            "people": e.people.iter().map(|(p, _)| p).collect::<Vec<_>>(),
            "sources": e.sources.iter().map(|s| json!({
                "article": s.article,
                "paragraph": s.found.map(|f| f.paragraph),
                "quote": s.quote,
            })).collect::<Vec<_>>(),
            "conflicts": conflicts.unwrap_or(Value::Array(Vec::new())),
        })
    });
    // Date conflicts found between aligned sentences of a story: derived entries.
    let derived = site.analysis.conflicts.iter().filter(|c| c.event.is_none());
    let derived = derived.filter_map(|c| {
        let first = c.claims.first()?;
        Some(json!({
            "id": null,
            "date": {
                "text": first.text,
                "start": first.start.to_string(),
                "end": first.end.to_string(),
                "precision": first.precision.as_str(),
                "approximate": false,
                "uncertain": true,
                "display": null,
            },
            "title": format!("Sources date this differently: {}", c.claims.iter().map(|cl| cl.text.as_str()).collect::<Vec<_>>().join(" / ")),
            "curated": false,
            "people": [],
            "sources": c.claims.iter().map(|cl| json!({
                "article": cl.article, "paragraph": cl.paragraph, "quote": cl.text,
            })).collect::<Vec<_>>(),
            "conflicts": serde_json::to_value(&c.claims).unwrap_or_default(),
        }))
    });
    curated.chain(derived)
}

fn comparisons<'s>(site: &'s Site) -> impl Iterator<Item = Value> + 's {
    let curated = site.briefing.comparisons.iter().map(|c| {
        json!({
            "id": c.id,
            "title": c.title,
            "curated": true,
            "articles": c.articles.iter().map(|(a, _)| a).collect::<Vec<_>>(),
            "relation": null,
            "similarity": null,
            "points": c.points.iter().map(|p| json!({
                "topic": p.topic,
                "verdict": p.verdict.as_str(),
                "note": p.note,
                "claims": p.claims.iter().map(|cl| json!({
                    "article": cl.article,
                    "paragraph": cl.found.map(|f| f.paragraph),
                    "quote": cl.quote,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "differences": [],
            "page": page_url(site, &format!("compare/{}/", c.id)),
        })
    });
    let stories = site.analysis.stories.iter();
    let detected = stories.flat_map(move |s| {
        s.pairs.iter().map(move |p| {
            json!({
                "id": s.id,
                "title": s.title,
                "curated": false,
                "articles": [p.a, p.b],
                "relation": p.relation,
                "similarity": (p.similarity * 1000.0).round() / 1000.0,
                "differences": p.differences.iter().map(|d| json!({
                    "kind": d.kind,
                    "summary": d.summary,
                    "a": d.a,
                    "b": d.b,
                })).collect::<Vec<_>>(),
                "page": page_url(site, &format!("compare/{}/", s.id)),
            })
        })
    });
    curated.chain(detected)
}

/// The timeline in TimelineJS3's JSON format, so a newsroom can embed it: a title
/// slide, then one slide per curated event. Dates are given only as precisely as the
/// curation knows them; `display_date` carries the editor's wording or the words for an
/// approximate or uncertain date. Links point to the published briefing.
fn timelinejs(site: &Site) -> Value {
    use crate::edtf::Precision;
    use chrono::Datelike;
    let b = site.briefing;
    let date = |d: chrono::NaiveDate, precision: Precision| {
        let mut v = json!({ "year": d.year() });
        if matches!(
            precision,
            Precision::Day | Precision::Month | Precision::Season | Precision::Range
        ) {
            v["month"] = json!(d.month());
        }
        if matches!(precision, Precision::Day | Precision::Range) {
            v["day"] = json!(d.day());
        }
        v
    };
    let events: Vec<Value> = b
        .events
        .iter()
        .map(|e| {
            let mut text = crate::markdown::curated_html(&e.summary);
            let sources: Vec<String> = e
                .sources
                .iter()
                .map(|s| {
                    let title = b
                        .article(&s.article)
                        .map_or(s.article.as_str(), |a| &a.title);
                    format!(
                        "<li>“{}” — <a href=\"{}\">{}</a></li>",
                        super::view::escape(&s.quote),
                        page_url(
                            site,
                            &format!(
                                "articles/{}/{}",
                                s.article,
                                s.found
                                    .map(|f| format!("#p{}", f.paragraph))
                                    .unwrap_or_default()
                            )
                        ),
                        super::view::escape(title)
                    )
                })
                .collect();
            if !sources.is_empty() {
                text.push_str(&format!("<ul>{}</ul>", sources.join("")));
            }
            // An open start is known only by its end.
            let start = if e.date.open_start {
                e.date.end
            } else {
                e.date.start
            };
            let mut v = json!({
                "unique_id": e.id,
                "start_date": date(start, e.date.precision),
                "text": { "headline": e.title, "text": text },
            });
            if e.date.precision == Precision::Range && !e.date.open_end && !e.date.open_start {
                v["end_date"] = date(e.date.end, Precision::Range);
            }
            let exact = !e.date.approximate && !e.date.uncertain;
            let display = e.display.clone().or_else(|| {
                (!exact || matches!(e.date.precision, Precision::Decade | Precision::Season))
                    .then(|| e.date.wording())
            });
            if let Some(d) = display {
                v["display_date"] = json!(d);
            }
            v
        })
        .collect();
    json!({
        "title": {
            "text": {
                "headline": b.config.title,
                "text": format!(
                    "<p>{}</p><p><a href=\"{}\">The briefing</a></p>",
                    super::view::escape(&b.config.description),
                    page_url(site, "timeline/")
                ),
            },
        },
        "events": events,
    })
}
