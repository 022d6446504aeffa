//! The *data exports*: the briefing and the analysis as JSON under `/data/`, a
//! documented and tested contract (see docs/data.md). Each derived record names the
//! article and the 1-based paragraph it comes from, and points into that paragraph's
//! text by byte range rather than copying it: the text of every paragraph is exported
//! once, in `paragraphs`.
//!
//! Every export but `timelinejs` is an array of records, written both as a JSON array
//! and as NDJSON (a record a line). An export whose JSON is larger than a *shard*'s
//! bound is split into numbered shards of whole records, `data/<name>/0001.json`…, so
//! that no file outgrows what hosts accept; the [`Plan`] decides the split by
//! measuring every record before anything is written, and the manifest,
//! `data/index.json`, lists every file with its records and bytes.

use std::io::Write;
use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};

use super::Site;
use crate::analyse::{Around, Conflict, DifferenceKind, Pair, Place, Relation, Story};
use crate::content::{Article, Briefing, Comparison, Event};

/// The version of the exports' contract, given in the manifest: raised when a field
/// changes its form (docs/data.md says what changed and how to migrate).
const VERSION: u32 = 2;

/// The most bytes of JSON an export has in one file; a larger export is split into
/// shards. Hosts refuse large files (GitHub, 100 MB) and readers' tools choke on them.
pub(crate) const SHARD_BYTES: u64 = 50_000_000;

/// The manifest of the exports.
const MANIFEST: &str = "index.json";

/// The timeline in TimelineJS's format: one object, not records, and never sharded (it
/// holds the curated events alone).
const TIMELINEJS: &str = "timelinejs.json";

/// The exports that are arrays of records, in the manifest's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Export {
    Articles,
    Paragraphs,
    People,
    Mentions,
    Quotes,
    Dates,
    Timeline,
    Comparisons,
}

impl Export {
    const ALL: [Export; 8] = [
        Export::Articles,
        Export::Paragraphs,
        Export::People,
        Export::Mentions,
        Export::Quotes,
        Export::Dates,
        Export::Timeline,
        Export::Comparisons,
    ];

    fn name(self) -> &'static str {
        match self {
            Export::Articles => "articles",
            Export::Paragraphs => "paragraphs",
            Export::People => "people",
            Export::Mentions => "mentions",
            Export::Quotes => "quotes",
            Export::Dates => "dates",
            Export::Timeline => "timeline",
            Export::Comparisons => "comparisons",
        }
    }
}

/// The two forms every array export is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// One JSON array.
    Json,
    /// A record a line, for consumers that stream.
    Ndjson,
}

/// The forms every array export is written in.
const FORMATS: [Format; 2] = [Format::Json, Format::Ndjson];

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Ndjson => "ndjson",
        }
    }
}

/// How the exports are cut into files: for each export, its shards, each a run of its
/// records with the bytes it has in either form. Made by serialising every record once
/// into a counter, so the files and the manifest are known before anything is written.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    exports: Vec<Planned>,
    /// The bytes of `timelinejs.json`.
    timelinejs: u64,
    bound: u64,
}

#[derive(Debug)]
struct Planned {
    export: Export,
    /// One shard when the export fits in a file, and is written as `<name>.json`.
    shards: Vec<Shard>,
    /// Whether the export is written as shards, `<name>/0001.json`….
    sharded: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Shard {
    records: Range<usize>,
    /// Bytes as a JSON array, and as NDJSON.
    json: u64,
    ndjson: u64,
}

impl Shard {
    /// A shard that starts at record `at` and has none yet: `[]` and a newline.
    fn empty(at: usize) -> Self {
        Shard {
            records: at..at,
            json: 3,
            ndjson: 0,
        }
    }

    /// Adds a record of `size` bytes.
    fn add(&mut self, size: u64) {
        let comma = u64::from(!self.records.is_empty());
        self.records.end += 1;
        self.json += comma + size;
        self.ndjson += size + 1;
    }

    /// The bytes of its JSON with one more record of `size` bytes.
    fn with(&self, size: u64) -> u64 {
        self.json + u64::from(!self.records.is_empty()) + size
    }
}

/// Cuts an export into shards as its records are measured: a shard takes records while
/// its JSON stays within the bound; a record larger than the bound has a shard of its
/// own, as a record is never split.
struct Split {
    bound: u64,
    done: Vec<Shard>,
    current: Shard,
    whole: Shard,
}

impl Split {
    fn new(bound: u64) -> Self {
        Split {
            bound,
            done: Vec::new(),
            current: Shard::empty(0),
            whole: Shard::empty(0),
        }
    }

    fn add(&mut self, size: u64) {
        if !self.current.records.is_empty() && self.current.with(size) > self.bound {
            let next = Shard::empty(self.current.records.end);
            self.done.push(std::mem::replace(&mut self.current, next));
        }
        self.current.add(size);
        self.whole.add(size);
    }

    fn planned(mut self, export: Export) -> Planned {
        let sharded = self.whole.json > self.bound;
        let shards = if sharded {
            self.done.push(self.current);
            self.done
        } else {
            vec![self.whole]
        };
        Planned {
            export,
            shards,
            sharded,
        }
    }
}

impl Sink for Split {
    fn record<R: Serialize>(&mut self, record: &R) -> std::io::Result<()> {
        let mut counted = Counted(0);
        serde_json::to_writer(&mut counted, record)?;
        self.add(counted.0);
        Ok(())
    }
}

/// A writer that only counts the bytes written to it.
struct Counted(u64);

impl Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Plan {
    /// Measures every export of `site` and cuts those over `bound` bytes into shards.
    pub(crate) fn new(site: &Site, bound: u64) -> Plan {
        let exports = Export::ALL
            .par_iter()
            .map(|&export| {
                let mut split = Split::new(bound);
                // A record that cannot be serialised fails again, with its file's
                // path, when it is written.
                let _ = each(site, export, 0..usize::MAX, &mut split);
                split.planned(export)
            })
            .collect();
        let mut counted = Counted(0);
        let _ = write_value(&mut counted, &timelinejs(site));
        Plan {
            exports,
            timelinejs: counted.0,
            bound,
        }
    }

    /// The files of the exports, below `data/`: each export as JSON and as NDJSON, the
    /// TimelineJS file and the manifest.
    pub(crate) fn files(&self) -> impl Iterator<Item = String> + '_ {
        let exports = self.exports.iter().flat_map(|p| {
            (0..p.shards.len()).flat_map(move |i| FORMATS.map(|format| p.file(i, format)))
        });
        exports.chain([TIMELINEJS.to_string(), MANIFEST.to_string()])
    }

    /// The export, shard and form that file `name` holds.
    fn find(&self, name: &str) -> Option<(Export, &Shard, Format)> {
        self.exports.iter().find_map(|p| {
            (0..p.shards.len()).find_map(|i| {
                FORMATS
                    .into_iter()
                    .find(|&format| p.file(i, format) == name)
                    .map(|format| (p.export, &p.shards[i], format))
            })
        })
    }

    /// The manifest: every export, its records and bytes, and its files.
    fn manifest(&self) -> Manifest<'_> {
        let mut exports: Vec<ManifestExport> = self
            .exports
            .iter()
            .map(|p| {
                let listed = |format: Format| -> Vec<ManifestFile> {
                    let shards = p.shards.iter().enumerate();
                    let files = shards.map(|(i, s)| ManifestFile {
                        path: p.file(i, format),
                        records: Some(s.records.len()),
                        bytes: match format {
                            Format::Json => s.json,
                            Format::Ndjson => s.ndjson,
                        },
                    });
                    files.collect()
                };
                ManifestExport {
                    name: p.export.name(),
                    sharded: p.sharded,
                    records: Some(p.shards.iter().map(|s| s.records.len()).sum()),
                    bytes: p.shards.iter().map(|s| s.json).sum(),
                    files: listed(Format::Json),
                    ndjson: listed(Format::Ndjson),
                }
            })
            .collect();
        exports.push(ManifestExport {
            name: "timelinejs",
            sharded: false,
            records: None,
            bytes: self.timelinejs,
            files: vec![ManifestFile {
                path: TIMELINEJS.to_string(),
                records: None,
                bytes: self.timelinejs,
            }],
            ndjson: Vec::new(),
        });
        Manifest {
            version: VERSION,
            shard_bytes: self.bound,
            exports,
        }
    }
}

impl Planned {
    /// The name, below `data/`, of shard `i` in `format`.
    fn file(&self, i: usize, format: Format) -> String {
        let (name, extension) = (self.export.name(), format.extension());
        match self.sharded {
            true => format!("{name}/{:04}.{extension}", i + 1),
            false => format!("{name}.{extension}"),
        }
    }
}

/// `data/index.json`.
#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    shard_bytes: u64,
    exports: Vec<ManifestExport<'a>>,
}

#[derive(Serialize)]
struct ManifestExport<'a> {
    name: &'a str,
    /// Whether its files are shards in a folder of its own.
    #[serde(skip)]
    sharded: bool,
    /// None for `timelinejs`, an object rather than records.
    records: Option<usize>,
    /// Of its JSON files together.
    bytes: u64,
    files: Vec<ManifestFile>,
    ndjson: Vec<ManifestFile>,
}

#[derive(Serialize)]
struct ManifestFile {
    /// Below `data/`: relative to the manifest.
    path: String,
    records: Option<usize>,
    bytes: u64,
}

/// What the `/data/` page says of the exports, with links relative to `root`: each
/// export's name, records, size and files (JSON and NDJSON), in the manifest's order
/// and by name.
pub(crate) fn listing(site: &Site, root: &str) -> (Vec<Value>, serde_json::Map<String, Value>) {
    let files = |files: &[ManifestFile]| -> Vec<Value> {
        let files = files.iter().map(|f| {
            json!({
                "name": f.path,
                "url": format!("{root}data/{}", f.path),
                "size": size(f.bytes),
            })
        });
        files.collect()
    };
    let manifest = site.data().manifest();
    let exports = manifest.exports.iter().map(|e| {
        json!({
            "name": e.name,
            "records": e.records,
            "size": size(e.bytes),
            // Where the section's heading leads: the file, or the manifest of the shards.
            "url": match e.sharded {
                true => format!("{root}data/{MANIFEST}"),
                false => format!("{root}data/{}", e.files[0].path),
            },
            "files": files(&e.files),
            "ndjson": files(&e.ndjson),
        })
    });
    let exports: Vec<Value> = exports.collect();
    let names = manifest.exports.iter().map(|e| e.name.to_string());
    let by_name = names.zip(exports.iter().cloned()).collect();
    (exports, by_name)
}

/// Bytes as a reader reads them: "840 bytes", "12 kB", "3.4 MB".
fn size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{} kB", bytes.div_ceil(1_000)),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// Writes data file `name` (a path below `data/`, one of [`Plan::files`]) to `out`.
/// Records are made one at a time as they are written, so that a build holds neither
/// a tree of a whole export nor its text. `out` is buffered ([`Site::render_into`]).
pub(crate) fn file(site: &Site, name: &str, out: &mut dyn Write) -> std::io::Result<()> {
    match name {
        MANIFEST => write_value(out, &site.data().manifest()),
        TIMELINEJS => write_value(out, &timelinejs(site)),
        _ => {
            let Some((export, shard, format)) = site.data().find(name) else {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    format!("no data file `{name}`"),
                ));
            };
            let records = shard.records.clone();
            match format {
                Format::Json => {
                    out.write_all(b"[")?;
                    each(site, export, records, &mut Array { out, first: true })?;
                    out.write_all(b"]\n")
                }
                Format::Ndjson => each(site, export, records, &mut Lines { out }),
            }
        }
    }
}

/// A value as a line of compact JSON: the exports are for programs, and at ten
/// thousand articles pretty printing doubled their size.
fn write_value(mut out: &mut dyn Write, value: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer(&mut out, value)?;
    out.write_all(b"\n")
}

/// Where the records of an export go, one at a time, as they are made.
trait Sink {
    fn record<R: Serialize>(&mut self, record: &R) -> std::io::Result<()>;
}

/// The elements of a JSON array, between the brackets.
struct Array<'w> {
    out: &'w mut dyn Write,
    first: bool,
}

impl Sink for Array<'_> {
    fn record<R: Serialize>(&mut self, record: &R) -> std::io::Result<()> {
        if !std::mem::take(&mut self.first) {
            self.out.write_all(b",")?;
        }
        serde_json::to_writer(&mut self.out, record)?;
        Ok(())
    }
}

/// NDJSON: a record a line.
struct Lines<'w> {
    out: &'w mut dyn Write,
}

impl Sink for Lines<'_> {
    fn record<R: Serialize>(&mut self, record: &R) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.out, record)?;
        self.out.write_all(b"\n")
    }
}

/// Makes records `range` of `export` and gives them to `sink`. What a record is made
/// from is listed first and the records before `range` are skipped unmade.
fn each<S: Sink>(
    site: &Site,
    export: Export,
    range: Range<usize>,
    sink: &mut S,
) -> std::io::Result<()> {
    let (b, a) = (site.briefing, site.analysis);
    match export {
        Export::Articles => feed(b.articles.iter(), range, sink, |x| article(site, x)),
        Export::Paragraphs => feed(paragraphs(b), range, sink, |x| x),
        Export::People => feed(b.people.iter(), range, sink, |p| person(site, p)),
        Export::Mentions => {
            let mut texts = Texts::new(b);
            feed(a.mentions.iter(), range, sink, |m| MentionRecord {
                place: &m.place,
                person: m.person.as_deref(),
                candidates: &m.candidates,
                text: texts.of(&m.place),
                sentence: m.sentence.into(),
                kind: m.kind,
                reason: m.reason,
            })
        }
        Export::Quotes => {
            let mut texts = Texts::new(b);
            feed(a.quotes.iter(), range, sink, |q| QuoteRecord {
                article: &q.place.article,
                end: q.place.end,
                paragraph: q.place.paragraph,
                person: q.person.as_deref(),
                sentence: q.sentence.into(),
                speaker: q.person.as_deref().or(q.speaker.as_deref()),
                speaker_text: q.speaker.as_deref(),
                start: q.place.start,
                text: texts.of(&q.place),
            })
        }
        Export::Dates => {
            let mut texts = Texts::new(b);
            feed(a.dates.iter(), range, sink, |d| DateRecord {
                article: &d.place.article,
                paragraph: d.place.paragraph,
                text: texts.of(&d.place),
                sentence: d.sentence.into(),
                start: d.start,
                end: d.end,
                precision: d.precision,
                relative: d.relative,
            })
        }
        Export::Timeline => feed(timeline(site), range, sink, |x| event(site, x)),
        Export::Comparisons => feed(comparisons(site), range, sink, |x| comparison(site, x)),
    }
}

/// Gives `sink` the records made by `make` from `items` in `range`.
fn feed<T, R: Serialize, S: Sink>(
    items: impl Iterator<Item = T>,
    range: Range<usize>,
    sink: &mut S,
    mut make: impl FnMut(T) -> R,
) -> std::io::Result<()> {
    for item in items.skip(range.start).take(range.len()) {
        sink.record(&make(item))?;
    }
    Ok(())
}

/// The texts of findings, taken from their articles. Findings come article by article,
/// so the article last looked up is usually the next one's.
struct Texts<'a> {
    briefing: &'a Briefing,
    last: Option<&'a Article>,
}

impl<'a> Texts<'a> {
    fn new(briefing: &'a Briefing) -> Self {
        Texts {
            briefing,
            last: None,
        }
    }

    /// The finding's text as written.
    fn of(&mut self, place: &Place) -> &'a str {
        let article = match self.last {
            Some(a) if *a.id == *place.article => Some(a),
            _ => self.briefing.article(&place.article),
        };
        self.last = article;
        article.map_or("", |a| place.text(a))
    }
}

/// Where a record's sentence is: bytes `start..end` of its paragraph's text, which
/// `paragraphs` holds.
#[derive(Serialize)]
struct Span {
    start: u32,
    end: u32,
}

impl From<Around> for Span {
    fn from(around: Around) -> Self {
        Span {
            start: around.start,
            end: around.end,
        }
    }
}

/// A paragraph's plain text, the text every byte range of the exports counts in.
#[derive(Serialize)]
struct ParagraphRecord<'a> {
    article: &'a str,
    paragraph: usize,
    text: &'a str,
}

fn paragraphs(b: &Briefing) -> impl Iterator<Item = ParagraphRecord<'_>> {
    b.articles.iter().flat_map(|a| {
        a.paragraphs().enumerate().map(|(i, p)| ParagraphRecord {
            article: &a.id,
            paragraph: i + 1,
            text: p.text.as_str(),
        })
    })
}

/// A mention found in an article: where, whom it means (or the candidates), and why.
#[derive(Serialize)]
struct MentionRecord<'a> {
    #[serde(flatten)]
    place: &'a Place,
    person: Option<&'a str>,
    candidates: &'a [String],
    text: &'a str,
    sentence: Span,
    kind: crate::analyse::MentionKind,
    reason: &'a str,
}

/// A quote found in an article. The fields are in the order the export has always
/// written them (alphabetical, as a JSON object's keys were).
#[derive(Serialize)]
struct QuoteRecord<'a> {
    article: &'a str,
    end: usize,
    paragraph: usize,
    person: Option<&'a str>,
    sentence: Span,
    /// A person id when the speaker is known, else the speaker as written.
    speaker: Option<&'a str>,
    speaker_text: Option<&'a str>,
    start: usize,
    text: &'a str,
}

/// A date found in an article. The paragraph's byte range is left out: its `start`
/// and `end` would collide with the date's.
#[derive(Serialize)]
struct DateRecord<'a> {
    article: &'a str,
    paragraph: usize,
    text: &'a str,
    sentence: Span,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
    precision: crate::edtf::Precision,
    relative: bool,
}

fn page_url(site: &Site, path: &str) -> String {
    format!("{}{path}", site.options.base_url)
}

fn article(site: &Site, a: &Article) -> Value {
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
}

fn person(site: &Site, p: &crate::content::Person) -> Value {
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
}

/// An entry of the timeline: a curated event, or a date conflict found between
/// aligned sentences of a story.
enum Entry<'a> {
    Curated(&'a Event),
    Found(&'a Conflict),
}

fn timeline<'s>(site: &'s Site) -> impl Iterator<Item = Entry<'s>> {
    let curated = site.briefing.events.iter().map(Entry::Curated);
    let found = site.analysis.conflicts.iter();
    let found = found.filter(|c| c.event.is_none() && !c.claims.is_empty());
    curated.chain(found.map(Entry::Found))
}

fn event(site: &Site, entry: Entry) -> Value {
    match entry {
        Entry::Curated(e) => {
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
        }
        Entry::Found(c) => {
            let first = &c.claims[0];
            json!({
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
            })
        }
    }
}

/// A comparison: a curated one, or a pair of articles of a story the generator found.
enum Compared<'a> {
    Curated(&'a Comparison),
    Pair(&'a Story, &'a Pair),
}

fn comparisons<'s>(site: &'s Site) -> impl Iterator<Item = Compared<'s>> {
    let curated = site.briefing.comparisons.iter().map(Compared::Curated);
    let stories = site.analysis.stories.iter();
    let pairs = stories.flat_map(|s| s.pairs.iter().map(move |p| Compared::Pair(s, p)));
    curated.chain(pairs)
}

#[derive(Serialize)]
#[serde(untagged)]
enum ComparisonRecord<'a> {
    Curated(Value),
    Pair(PairRecord<'a>),
}

/// A pair of articles of a story: how they relate and what differs, each side a
/// sentence of its article by reference. Bounded by the two articles' length, whatever
/// the story's size; the sentence-by-sentence alignment is on the story's page, and
/// counted here.
#[derive(Serialize)]
struct PairRecord<'a> {
    articles: [&'a str; 2],
    curated: bool,
    differences: Vec<DifferenceRecord<'a>>,
    id: &'a str,
    page: String,
    points: [(); 0],
    relation: Relation,
    sentences: Sentences,
    similarity: f64,
    title: &'a str,
}

/// How many sentences of each article the pair's alignment has, and how many of them
/// it pairs with a sentence of the other.
#[derive(Serialize)]
struct Sentences {
    a: usize,
    b: usize,
    aligned: usize,
}

#[derive(Serialize)]
struct DifferenceRecord<'a> {
    a: Option<SideRecord<'a>>,
    b: Option<SideRecord<'a>>,
    kind: DifferenceKind,
    summary: &'a str,
}

/// One side of a difference: the sentence at bytes `start..end` of the paragraph, and
/// the quoted words compared when that is what differs.
#[derive(Serialize)]
struct SideRecord<'a> {
    article: &'a str,
    end: usize,
    paragraph: usize,
    start: usize,
    text: Option<&'a str>,
}

fn comparison<'s>(site: &'s Site, compared: Compared<'s>) -> ComparisonRecord<'s> {
    match compared {
        Compared::Curated(c) => ComparisonRecord::Curated(json!({
            "id": c.id,
            "title": c.title,
            "curated": true,
            "articles": c.articles.iter().map(|(a, _)| a).collect::<Vec<_>>(),
            "relation": null,
            "similarity": null,
            "sentences": null,
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
        })),
        Compared::Pair(s, p) => {
            let side = |kind: DifferenceKind, side: &'s crate::analyse::Side| {
                // The quoted words, unless the side reports them without quotation
                // marks: then what it says is its sentence, already referenced.
                let sentence = site
                    .briefing
                    .article(&side.article)
                    .map(|a| a.paragraph_slice(side.paragraph, side.start..side.end));
                let quoted = kind == DifferenceKind::QuoteWording && sentence != Some(&side.text);
                SideRecord {
                    article: &side.article,
                    end: side.end,
                    paragraph: side.paragraph,
                    start: side.start,
                    text: quoted.then_some(side.text.as_str()),
                }
            };
            let rows = p.alignment.iter();
            ComparisonRecord::Pair(PairRecord {
                articles: [&p.a, &p.b],
                curated: false,
                differences: p
                    .differences
                    .iter()
                    .map(|d| DifferenceRecord {
                        a: d.a.as_ref().map(|x| side(d.kind, x)),
                        b: d.b.as_ref().map(|x| side(d.kind, x)),
                        kind: d.kind,
                        summary: &d.summary,
                    })
                    .collect(),
                id: &s.id,
                page: page_url(site, &format!("compare/{}/", s.id)),
                points: [],
                relation: p.relation,
                sentences: Sentences {
                    a: rows.clone().filter(|r| r.a.is_some()).count(),
                    b: rows.clone().filter(|r| r.b.is_some()).count(),
                    aligned: rows.filter(|r| r.a.is_some() && r.b.is_some()).count(),
                },
                similarity: (p.similarity * 1000.0).round() / 1000.0,
                title: &s.title,
            })
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_split_fills_each_shard_up_to_the_bound() {
        // (bound, record sizes, how many records each shard takes, whether the export
        // is sharded). A shard of n records of sizes s has 2 + Σs + (n − 1) + 1 bytes.
        type Case = (u64, &'static [u64], &'static [usize], bool);
        let table: &[Case] = &[
            (10, &[], &[0], false),
            (10, &[3, 3], &[2], false),
            (10, &[3, 3, 3], &[2, 1], true),
            (11, &[3, 3, 3], &[2, 1], true),
            (14, &[3, 3, 3], &[3], false),
            (10, &[20, 1, 1], &[1, 2], true),
            (10, &[1, 20, 1], &[1, 1, 1], true),
            (5, &[2, 2, 2, 2], &[1, 1, 1, 1], true),
        ];
        for (bound, sizes, expected, sharded) in table {
            let mut split = Split::new(*bound);
            for size in *sizes {
                split.add(*size);
            }
            let planned = split.planned(Export::Mentions);
            let counts: Vec<usize> = planned.shards.iter().map(|s| s.records.len()).collect();
            assert_eq!(&counts, expected, "{bound} {sizes:?}");
            assert_eq!(planned.sharded, *sharded, "{bound} {sizes:?}");
            let starts = planned.shards.iter().map(|s| s.records.start);
            let ends = planned.shards.iter().map(|s| s.records.end);
            assert!(
                starts.skip(1).eq(ends.clone().take(counts.len() - 1)),
                "contiguous"
            );
            for s in &planned.shards {
                let own: u64 = sizes[s.records.clone()].iter().sum();
                let n = s.records.len() as u64;
                assert_eq!(s.json, 3 + own + n.saturating_sub(1));
                assert_eq!(s.ndjson, own + n);
                assert!(s.json <= *bound || n == 1, "{bound} {sizes:?}: {s:?}");
            }
        }
    }

    /// The default briefing's site.
    fn with_site(check: impl FnOnce(&mut Site)) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let loaded = crate::load::briefing(root).unwrap();
        let analysis = crate::analyse::run(&loaded.briefing);
        let theme = super::super::Theme::default_theme();
        let options = crate::render_options(&loaded, None);
        let mut site = super::super::site(&loaded.briefing, &analysis, &theme, options).unwrap();
        check(&mut site);
    }

    fn render(site: &Site, name: &str) -> Vec<u8> {
        let mut out = Vec::new();
        file(site, name, &mut out).unwrap();
        out
    }

    #[test]
    fn exports_over_the_bound_are_sharded_and_the_manifest_lists_every_shard() {
        with_site(|site| {
            let whole: Vec<(String, Vec<Value>)> = Export::ALL
                .iter()
                .map(|e| {
                    let name = format!("{}.json", e.name());
                    (
                        name.clone(),
                        serde_json::from_slice(&render(site, &name)).unwrap(),
                    )
                })
                .collect();
            assert!(
                site.data_files()
                    .contains(&super::super::Page::DataFile("mentions.ndjson".into()))
            );
            const BOUND: u64 = 6_000;
            site.data = std::sync::OnceLock::from(Plan::new(site, BOUND));
            let manifest: Value = serde_json::from_slice(&render(site, MANIFEST)).unwrap();
            assert_eq!(manifest["version"], VERSION);
            assert_eq!(manifest["shard_bytes"], BOUND);
            let mut listed = Vec::new();
            for (export, (name, records)) in
                manifest["exports"].as_array().unwrap().iter().zip(&whole)
            {
                assert_eq!(format!("{}.json", export["name"].as_str().unwrap()), *name);
                assert_eq!(export["records"], records.len());
                let mut joined = Vec::new();
                let mut lines = Vec::new();
                let (files, ndjson) = (
                    export["files"].as_array().unwrap(),
                    export["ndjson"].as_array().unwrap(),
                );
                assert_eq!(files.len(), ndjson.len(), "{name}");
                let mut bytes = 0;
                for (f, n) in files.iter().zip(ndjson) {
                    let path = f["path"].as_str().unwrap();
                    let text = render(site, path);
                    assert_eq!(f["bytes"], text.len(), "{path}");
                    bytes += text.len();
                    let shard: Vec<Value> = serde_json::from_slice(&text).unwrap();
                    assert_eq!(f["records"], shard.len(), "{path}");
                    assert!(
                        text.len() as u64 <= BOUND || shard.len() == 1,
                        "{path}: {} bytes",
                        text.len()
                    );
                    joined.extend(shard);
                    let path = n["path"].as_str().unwrap();
                    let text = render(site, path);
                    assert_eq!(n["bytes"], text.len(), "{path}");
                    let shard: Vec<Value> = std::str::from_utf8(&text)
                        .unwrap()
                        .lines()
                        .map(|l| serde_json::from_str(l).unwrap())
                        .collect();
                    assert_eq!(n["records"], shard.len(), "{path}");
                    lines.extend(shard);
                    listed.extend([f["path"].clone(), n["path"].clone()]);
                }
                assert_eq!(export["bytes"], bytes, "{name}");
                assert_eq!(
                    &joined, records,
                    "{name}: the shards hold every record once, in order"
                );
                assert_eq!(&lines, records, "{name}: as NDJSON");
            }
            // The larger exports are sharded, and each shard file is a page of the plan.
            for name in [
                "mentions/0001.json",
                "mentions/0002.ndjson",
                "paragraphs/0003.json",
            ] {
                assert!(listed.contains(&json!(name)), "{name}");
            }
            assert!(!listed.contains(&json!("mentions.json")));
            // The data page links the shards, and the manifest for a sharded export.
            let page = site.render(&super::super::Page::DataIndex).unwrap();
            let page = String::from_utf8(page.bytes).unwrap();
            assert!(page.contains(r#"<a href="../data/mentions/0002.ndjson">"#));
            assert!(page.contains(r#"<h2 id="mentions-json-h"><a href="../data/index.json">"#));
            assert!(!page.contains("data/mentions.json"));
            let files: Vec<String> = site.data().files().collect();
            listed.extend([json!(TIMELINEJS), json!(MANIFEST)]);
            assert_eq!(files.len(), listed.len());
            for f in &files {
                assert!(listed.contains(&json!(f)), "{f} is not in the manifest");
            }
        });
    }

    #[test]
    fn a_data_file_outside_the_plan_is_an_error() {
        with_site(|site| {
            for name in [
                "mentions/0001.json",
                "nothing.json",
                "mentions.csv",
                "../index.json",
            ] {
                assert!(file(site, name, &mut Vec::new()).is_err(), "{name}");
            }
        });
    }
}
