//! The *data exports*: the briefing and the analysis as JSON under `/data/`, a
//! documented and tested contract (see docs/data.md). Each derived record names the
//! article and the 1-based paragraph it comes from, and points into that paragraph's
//! text by byte range rather than copying it: the text of every paragraph is exported
//! once, in `paragraphs`.
//!
//! Every export but `timelinejs` is an array of records, written in one of two *forms*.
//! An export whose JSON is at most a bound ([`Limits::json_bytes`]) is one JSON array,
//! `data/<name>.json`. A larger one is cut into *shards*, `data/<name>/0001.ndjson.gz`…:
//! NDJSON (a record a line), gzip-compressed, each shard the records of a fixed run of
//! articles in article order, or, for the exports that are not the articles' own
//! (people, timeline), of a fixed number of records. A shard is fixed by its articles
//! alone, so nothing but deciding the form measures an export before it is written, and
//! an incremental build renders again only the shards of the articles that changed
//! (`render::depends`). The manifest, `data/index.json`, lists every file with its
//! records and bytes.

use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::Site;
use super::i18n::Words;
use super::urls;
use crate::analyse::{Around, Conflict, DifferenceKind, Pair, Place, Relation, Story};
use crate::content::{Article, Comparison, Event};

/// The version of the exports' contract, given in the manifest: raised when a field
/// changes its form (docs/data.md says what changed and how to migrate).
const VERSION: u32 = 3;

/// The manifest of the exports.
pub(crate) const MANIFEST: &str = "index.json";

/// The timeline in TimelineJS's format: one object, not records, and never sharded (it
/// holds the curated events alone).
const TIMELINEJS: &str = "timelinejs.json";

/// How hard shards are compressed: the second-fastest level, which on the exports'
/// text compresses about as well as the default one at a third of its time (the
/// figures are in docs/performance.md).
const GZIP_LEVEL: u32 = 2;

/// Where an export's form is decided and its shards are cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Limits {
    /// The most bytes an export has as one JSON file: what a reader opens in any tool
    /// and a host serves without complaint. A larger export is sharded.
    pub(crate) json_bytes: u64,
    /// The articles a shard of an export of the articles' records holds.
    pub(crate) shard_articles: usize,
    /// The records a shard of `people` or `timeline` holds.
    pub(crate) shard_records: usize,
}

impl Limits {
    pub(crate) const DEFAULT: Limits = Limits {
        json_bytes: 10_000_000,
        shard_articles: 1_000,
        shard_records: 10_000,
    };

    /// The limits in force: the default, or those `BRIEFING_DATA_LIMITS` sets as
    /// `json_bytes,shard_articles,shard_records`, so that tests shard a small briefing.
    fn from_env() -> Limits {
        let set = std::env::var("BRIEFING_DATA_LIMITS").ok();
        set.as_deref()
            .and_then(Limits::parse)
            .unwrap_or(Limits::DEFAULT)
    }

    fn parse(text: &str) -> Option<Limits> {
        let mut numbers = text.split(',').map(|n| n.trim().parse::<u64>().ok());
        let (json_bytes, articles, records) =
            (numbers.next()??, numbers.next()??, numbers.next()??);
        let limits = Limits {
            json_bytes,
            shard_articles: usize::try_from(articles).ok()?,
            shard_records: usize::try_from(records).ok()?,
        };
        let valid = numbers.next().is_none() && articles > 0 && records > 0;
        valid.then_some(limits)
    }
}

/// The exports that are arrays of records, in the manifest's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Export {
    Articles,
    Paragraphs,
    People,
    Mentions,
    Quotes,
    Dates,
    DateReferences,
    Timeline,
    Comparisons,
}

impl Export {
    const ALL: [Export; 9] = [
        Export::Articles,
        Export::Paragraphs,
        Export::People,
        Export::Mentions,
        Export::Quotes,
        Export::Dates,
        Export::DateReferences,
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
            Export::DateReferences => "date_references",
            Export::Timeline => "timeline",
            Export::Comparisons => "comparisons",
        }
    }

    /// Whether its records come article by article, in article order, so that a shard
    /// holds a run of articles; people and the timeline are cut by records.
    fn by_article(self) -> bool {
        !matches!(self, Export::People | Export::Timeline)
    }

    /// The fewest bytes a record has as JSON, its keys and punctuation: with the count
    /// of records, what tells that an export is over the bound without measuring it.
    fn least(self) -> u64 {
        match self {
            Export::Articles => 110,
            Export::Paragraphs => 38,
            Export::People => 90,
            Export::Mentions => 110,
            Export::Quotes => 105,
            Export::Dates => 100,
            Export::DateReferences => 90,
            Export::Timeline => 150,
            Export::Comparisons => 120,
        }
    }
}

/// Which records of an export a file holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Scope {
    /// Those of articles `range` (positions in the briefing's article order).
    Articles(Range<usize>),
    /// Records `range` of the export (people, timeline).
    Records(Range<usize>),
}

/// A compared pair by the first of its two articles in article order, whose shard of
/// `comparisons` holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct PairAt {
    first: usize,
    story: usize,
    pair: usize,
}

/// How the exports are cut into files. Made without writing or measuring the sharded
/// exports: a file's records are counted from the analysis, and its bytes are known
/// once it is written.
#[derive(Debug)]
pub(crate) struct Plan {
    limits: Limits,
    exports: Vec<Planned>,
    /// The bytes of `timelinejs.json`.
    timelinejs: u64,
    /// Every compared pair, in the order `comparisons` lists them.
    pairs: Vec<PairAt>,
    /// What the manifest of the site an incremental build replaces said of each file:
    /// the bytes of the shards it takes unchanged from that site.
    previous: OnceLock<HashMap<String, Made>>,
}

#[derive(Debug)]
struct Planned {
    export: Export,
    /// Whether it is written as shards rather than as one JSON file.
    sharded: bool,
    files: Vec<Part>,
}

/// One file of an export.
#[derive(Debug)]
struct Part {
    /// Below `data/`.
    path: String,
    scope: Scope,
    records: usize,
    /// Its bytes, once known: a JSON file's when its export is measured, a shard's when
    /// it is written.
    made: OnceLock<Made>,
}

/// The bytes of a file of an export.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Made {
    /// Of its JSON or NDJSON, uncompressed.
    bytes: u64,
    /// Of the gzip file a shard is; `None` for a JSON file.
    compressed_bytes: Option<u64>,
}

/// What a data file is made from, for its fingerprint (`render::depends`).
pub(crate) enum Inputs<'s> {
    /// The manifest: every other data file.
    Manifest,
    /// `timelinejs.json`: the curated events, their sources' articles.
    TimelineJs,
    /// Records of the articles `articles`; for `comparisons`, also the curated
    /// comparisons (in its first file) and the pairs `pairs` (story and pair indices).
    Articles {
        articles: Range<usize>,
        curated: bool,
        pairs: Vec<(usize, usize)>,
    },
    /// Records `range` of `people`.
    People(Range<usize>),
    /// Entries of the timeline.
    Timeline(Vec<Entry<'s>>),
}

impl Plan {
    /// The plan of `site`'s exports under the limits in force.
    pub(crate) fn new(site: &Site) -> Plan {
        Plan::with(site, Limits::from_env())
    }

    /// Decides each export's form and cuts the sharded ones. An export is measured
    /// only while its form is in doubt: when its records, each at least its keys' size,
    /// are too many for one file, it is sharded unmeasured, and the measuring of the
    /// others stops at the bound.
    pub(crate) fn with(site: &Site, limits: Limits) -> Plan {
        let pairs = pairs_by_first_article(site);
        let exports = Export::ALL
            .par_iter()
            .map(|&export| plan(site, &pairs, export, limits))
            .collect();
        let mut counted = Counted::new(std::io::sink(), u64::MAX);
        let _ = write_value(&mut counted, &timelinejs(site));
        Plan {
            limits,
            exports,
            timelinejs: counted.bytes,
            pairs,
            previous: OnceLock::new(),
        }
    }

    pub(crate) fn limits(&self) -> Limits {
        self.limits
    }

    /// The files of the exports, below `data/`: each export's, the TimelineJS file,
    /// and last the manifest, which describes the others.
    pub(crate) fn files(&self) -> impl Iterator<Item = &str> + '_ {
        let exports = self.exports.iter().flat_map(|p| &p.files);
        let parts = exports.map(|f| f.path.as_str());
        parts.chain([TIMELINEJS, MANIFEST])
    }

    /// The export and the part that file `name` is.
    fn find(&self, name: &str) -> Option<(&Planned, &Part)> {
        self.exports
            .iter()
            .find_map(|p| p.files.iter().find(|f| f.path == name).map(|f| (p, f)))
    }

    /// What file `name` is made from; `None` for a file that is not one of the plan's.
    pub(crate) fn inputs<'s>(&self, site: &'s Site, name: &str) -> Option<Inputs<'s>> {
        match name {
            MANIFEST => return Some(Inputs::Manifest),
            TIMELINEJS => return Some(Inputs::TimelineJs),
            _ => {}
        }
        let (planned, part) = self.find(name)?;
        Some(match (&part.scope, planned.export) {
            (Scope::Records(r), Export::People) => Inputs::People(r.clone()),
            (Scope::Records(r), _) => {
                Inputs::Timeline(timeline(site).skip(r.start).take(r.len()).collect())
            }
            (Scope::Articles(r), export) => {
                let comparisons = export == Export::Comparisons;
                let pairs = match comparisons {
                    true => pairs_in(&self.pairs, r)
                        .iter()
                        .map(|p| (p.story, p.pair))
                        .collect(),
                    false => Vec::new(),
                };
                Inputs::Articles {
                    articles: r.clone(),
                    curated: comparisons && r.start == 0,
                    pairs,
                }
            }
        })
    }

    /// Takes what the previous site's manifest (its bytes, `previous`) says of its
    /// files: the bytes of those an incremental build links rather than writes.
    pub(crate) fn remember(&self, previous: &[u8]) {
        let Ok(manifest) = serde_json::from_slice::<Previous>(previous) else {
            return;
        };
        if manifest.version != VERSION {
            return;
        }
        let files = manifest.exports.into_iter().flat_map(|e| e.files);
        let _ = self.previous.set(files.map(|f| (f.path, f.made)).collect());
    }

    /// The bytes of `part`: known when it was written, or linked from the previous
    /// site, else made now (into nothing).
    fn made(&self, site: &Site, part: &Part) -> Made {
        if let Some(made) = part.made.get() {
            return *made;
        }
        if let Some(made) = self.previous.get().and_then(|p| p.get(&part.path)) {
            return *made;
        }
        let _ = file(site, &part.path, &mut std::io::sink());
        part.made.get().copied().unwrap_or_default()
    }

    /// The manifest: every export, its records and bytes, and its files.
    fn manifest<'p>(&'p self, site: &'p Site) -> Manifest<'p> {
        // The files whose bytes are not known yet are made at once, in parallel.
        let parts = self.exports.iter().flat_map(|p| &p.files);
        let unknown: Vec<&Part> = parts
            .filter(|f| f.made.get().is_none())
            .filter(|f| self.previous.get().is_none_or(|p| !p.contains_key(&f.path)))
            .collect();
        unknown.par_iter().for_each(|f| {
            let _ = self.made(site, f);
        });
        let articles = &site.briefing.articles;
        let mut exports: Vec<ManifestExport> = self
            .exports
            .iter()
            .map(|p| {
                let files: Vec<ManifestFile> = p
                    .files
                    .iter()
                    .map(|f| {
                        let range = match &f.scope {
                            Scope::Articles(r) if p.sharded && !r.is_empty() => {
                                Some(ArticleRange {
                                    from: r.start + 1,
                                    to: r.end,
                                    first: &articles[r.start].id,
                                    last: &articles[r.end - 1].id,
                                })
                            }
                            _ => None,
                        };
                        let made = self.made(site, f);
                        ManifestFile {
                            path: &f.path,
                            records: Some(f.records),
                            bytes: made.bytes,
                            compressed_bytes: made.compressed_bytes,
                            articles: range,
                        }
                    })
                    .collect();
                let compressed = files.iter().map(|f| f.compressed_bytes);
                ManifestExport {
                    name: p.export.name(),
                    form: p.form(),
                    records: Some(files.iter().filter_map(|f| f.records).sum()),
                    bytes: files.iter().map(|f| f.bytes).sum(),
                    compressed_bytes: p.sharded.then(|| compressed.flatten().sum()),
                    ndjson: match p.sharded {
                        true => files.clone(),
                        false => Vec::new(),
                    },
                    files,
                }
            })
            .collect();
        exports.push(ManifestExport {
            name: "timelinejs",
            form: "json",
            records: None,
            bytes: self.timelinejs,
            compressed_bytes: None,
            files: vec![ManifestFile {
                path: TIMELINEJS,
                records: None,
                bytes: self.timelinejs,
                compressed_bytes: None,
                articles: None,
            }],
            ndjson: Vec::new(),
        });
        Manifest {
            version: VERSION,
            shard_bytes: self.limits.json_bytes,
            shard_articles: self.limits.shard_articles,
            shard_records: self.limits.shard_records,
            exports,
        }
    }
}

impl Planned {
    fn form(&self) -> &'static str {
        match self.sharded {
            true => "ndjson.gz",
            false => "json",
        }
    }
}

/// Plans one export: one JSON file when it is within the bound, else shards.
fn plan(site: &Site, pairs: &[PairAt], export: Export, limits: Limits) -> Planned {
    let name = export.name();
    let whole = match export.by_article() {
        true => Scope::Articles(0..site.briefing.articles.len()),
        false => Scope::Records(0..count(site, export)),
    };
    let records = records_in(site, pairs, export, &whole);
    let within = records as u64 * export.least() + least_text(site, export) <= limits.json_bytes;
    let measured = within.then(|| measure(site, pairs, export, &whole, limits.json_bytes));
    // An export of nothing to cut (no articles, no records) stays an empty array.
    let nothing = match &whole {
        Scope::Articles(r) | Scope::Records(r) => r.is_empty(),
    };
    let measured = match nothing {
        true => Some(measure(site, pairs, export, &whole, u64::MAX)),
        false => measured,
    };
    if let Some(Some(bytes)) = measured {
        let made = Made {
            bytes,
            compressed_bytes: None,
        };
        let part = Part {
            path: format!("{name}.json"),
            scope: whole,
            records,
            made: OnceLock::from(made),
        };
        return Planned {
            export,
            sharded: false,
            files: vec![part],
        };
    }
    let (total, step, scope): (usize, usize, fn(Range<usize>) -> Scope) = match whole {
        Scope::Articles(r) => (r.end, limits.shard_articles, Scope::Articles),
        Scope::Records(r) => (r.end, limits.shard_records, Scope::Records),
    };
    let files = (0..total)
        .step_by(step)
        .enumerate()
        .map(|(i, start)| {
            let scope = scope(start..total.min(start + step));
            Part {
                path: format!("{name}/{:04}.ndjson.gz", i + 1),
                records: records_in(site, pairs, export, &scope),
                scope,
                made: OnceLock::new(),
            }
        })
        .collect();
    Planned {
        export,
        sharded: true,
        files,
    }
}

/// Fewer bytes than the whole export's records have as JSON beyond their keys and
/// punctuation ([`Export::least`]), counted from the text they carry without making
/// them (a string is written at least as long as it is):
/// what tells that an export of few but long records is over the bound, which
/// measuring would find only after making as many records as the bound holds.
fn least_text(site: &Site, export: Export) -> u64 {
    let (b, a) = (site.briefing, site.analysis);
    let bytes: usize = match export {
        Export::Paragraphs => b
            .articles
            .iter()
            .flat_map(|x| x.paragraphs().map(|p| x.id.len() + p.text.len()))
            .sum(),
        Export::Quotes => b
            .articles
            .iter()
            .flat_map(|x| a.quotes.of(&x.id).iter().map(move |q| (x, q)))
            .map(|(x, q)| q.place.article.len() + q.place.text(x).len())
            .sum(),
        // A pair's articles, story and differences: without them a pair's record was
        // counted at its keys' size, a twentieth of what it has, and the affair's
        // comparisons were measured up to the bound before being sharded.
        Export::Comparisons => a
            .stories
            .iter()
            .flat_map(|s| s.pairs.iter().map(move |p| (s, p)))
            .map(|(s, p)| {
                let differences = p.differences.iter().map(|d| {
                    let sides = [&d.a, &d.b].into_iter().flatten();
                    LEAST_DIFFERENCE
                        + d.summary.least_len()
                        + sides.map(|x| LEAST_SIDE + x.article.len()).sum::<usize>()
                });
                p.a.len() + p.b.len() + s.id.len() + s.title.len() + differences.sum::<usize>()
            })
            .sum(),
        _ => 0,
    };
    bytes as u64
}

/// The fewest bytes of a difference of a pair, `{"a":null,"b":null,"kind":"","summary":""}`
/// and a comma, less a little: beyond its summary's text.
const LEAST_DIFFERENCE: usize = 40;
/// The fewest bytes one side of a difference adds, its record in the place of `null`,
/// less a little: beyond its article's id.
const LEAST_SIDE: usize = 50;

/// The bytes of `export`'s records in `scope` as a JSON array, or `None` when they
/// are more than `bound`: the measuring stops there.
fn measure(
    site: &Site,
    pairs: &[PairAt],
    export: Export,
    scope: &Scope,
    bound: u64,
) -> Option<u64> {
    let mut counted = Counted::new(std::io::sink(), bound);
    counted.write_all(b"[").ok()?;
    let mut array = Array::new(&mut counted);
    each(site, pairs, export, scope, &mut array).ok()?;
    counted.write_all(b"]\n").ok()?;
    Some(counted.bytes)
}

/// How many records an export cut by records has.
fn count(site: &Site, export: Export) -> usize {
    match export {
        Export::People => site.briefing.people.len(),
        Export::Timeline => timeline(site).count(),
        _ => 0,
    }
}

/// How many records of `export` are in `scope`, counted without making them.
fn records_in(site: &Site, pairs: &[PairAt], export: Export, scope: &Scope) -> usize {
    let (b, a) = (site.briefing, site.analysis);
    let range = match scope {
        Scope::Records(r) => return r.len(),
        Scope::Articles(r) => r.clone(),
    };
    let articles = &b.articles[range.clone()];
    let sum = |per: &dyn Fn(&Article) -> usize| articles.iter().map(per).sum::<usize>();
    match export {
        Export::Articles => articles.len(),
        Export::Paragraphs => sum(&|x| x.paragraph_count()),
        Export::Mentions => sum(&|x| a.mentions.of(&x.id).len()),
        Export::Quotes => sum(&|x| a.quotes.of(&x.id).len()),
        Export::Dates => sum(&|x| a.dates.of(&x.id).len()),
        Export::DateReferences => sum(&|x| a.date_references.of(&x.id).len()),
        Export::Comparisons => {
            let curated = if range.start == 0 {
                b.comparisons.len()
            } else {
                0
            };
            curated + pairs_in(pairs, &range).len()
        }
        Export::People | Export::Timeline => 0,
    }
}

/// Every compared pair at its first article (in article order), in the order
/// `comparisons` lists them: by that article, then story, then pair.
fn pairs_by_first_article(site: &Site) -> Vec<PairAt> {
    let articles = &site.briefing.articles;
    let position = |id: &str| {
        articles
            .binary_search_by(|a| a.id.as_str().cmp(id))
            .unwrap_or(usize::MAX)
    };
    let stories = site.analysis.stories.iter().enumerate();
    let mut pairs: Vec<PairAt> = stories
        .flat_map(|(s, story)| {
            story.pairs.iter().enumerate().map(move |(p, pair)| PairAt {
                first: position(&pair.a).min(position(&pair.b)),
                story: s,
                pair: p,
            })
        })
        .collect();
    pairs.sort_unstable();
    pairs
}

/// The pairs whose first article is in `articles`.
fn pairs_in<'p>(pairs: &'p [PairAt], articles: &Range<usize>) -> &'p [PairAt] {
    let start = pairs.partition_point(|p| p.first < articles.start);
    let end = pairs.partition_point(|p| p.first < articles.end);
    &pairs[start..end]
}

/// `data/index.json`.
#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    /// The bound of an export in one JSON file (named when the bound was a shard's).
    shard_bytes: u64,
    shard_articles: usize,
    shard_records: usize,
    exports: Vec<ManifestExport<'a>>,
}

#[derive(Serialize)]
struct ManifestExport<'a> {
    name: &'a str,
    /// `json` or `ndjson.gz`.
    form: &'static str,
    /// None for `timelinejs`, an object rather than records.
    records: Option<usize>,
    /// Of its files together, uncompressed.
    bytes: u64,
    /// Of its shards' gzip files together; None for a JSON file.
    compressed_bytes: Option<u64>,
    files: Vec<ManifestFile<'a>>,
    /// Its NDJSON files, as version 2 had them: its shards, or none.
    ndjson: Vec<ManifestFile<'a>>,
}

#[derive(Clone, Serialize)]
struct ManifestFile<'a> {
    /// Below `data/`: relative to the manifest.
    path: &'a str,
    records: Option<usize>,
    bytes: u64,
    compressed_bytes: Option<u64>,
    /// The run of articles whose records a shard holds.
    articles: Option<ArticleRange<'a>>,
}

/// Articles `from..=to` (1-based positions in article order), ids `first` to `last`.
#[derive(Clone, Serialize)]
struct ArticleRange<'a> {
    from: usize,
    to: usize,
    first: &'a str,
    last: &'a str,
}

/// What [`Plan::remember`] reads of a previous manifest.
#[derive(Deserialize)]
struct Previous {
    version: u32,
    exports: Vec<PreviousExport>,
}

#[derive(Deserialize)]
struct PreviousExport {
    files: Vec<PreviousFile>,
}

#[derive(Deserialize)]
struct PreviousFile {
    path: String,
    #[serde(flatten)]
    made: Made,
}

/// What the `/data/` page says of the exports.
pub(crate) struct Listing {
    /// In the manifest's order.
    pub(crate) exports: Vec<Value>,
    pub(crate) by_name: serde_json::Map<String, Value>,
    /// When an export is sharded, and how: `json` (a size), `articles`, `records`.
    pub(crate) limits: Value,
}

/// What the `/data/` page says of the exports, with links relative to `root`: each
/// export's name, records, form and files. Only what the plan knows without writing
/// the shards: a JSON file's size, a sharded export's first and last shards (the
/// manifest lists them all, with their sizes), so the page stays small however many
/// shards there are.
pub(crate) fn listing(site: &Site, root: &str) -> Listing {
    let plan = site.data();
    let url = |path: &str| format!("{root}{}{path}", urls::DATA);
    let mut exports: Vec<Value> = plan
        .exports
        .iter()
        .map(|p| {
            let (first, last) = (&p.files[0], &p.files[p.files.len() - 1]);
            let link = |f: &Part| json!({ "name": f.path, "url": url(&f.path) });
            json!({
                "name": p.export.name(),
                "records": p.files.iter().map(|f| f.records).sum::<usize>(),
                "sharded": p.sharded,
                "shards": p.files.len(),
                "size": (!p.sharded).then(|| size(&site.words, first.made.get().map_or(0, |m| m.bytes))),
                // Where the section's heading leads: the file, or the manifest.
                "url": match p.sharded {
                    true => url(MANIFEST),
                    false => url(&first.path),
                },
                "first": link(first),
                "last": link(last),
            })
        })
        .collect();
    exports.push(json!({
        "name": "timelinejs",
        "records": null,
        "sharded": false,
        "shards": 1,
        "size": size(&site.words, plan.timelinejs),
        "url": url(TIMELINEJS),
        "first": { "name": TIMELINEJS, "url": url(TIMELINEJS) },
        "last": { "name": TIMELINEJS, "url": url(TIMELINEJS) },
    }));
    let names = exports
        .iter()
        .map(|e| e["name"].as_str().unwrap_or("").to_string());
    let by_name = names.zip(exports.iter().cloned()).collect();
    let limits = plan.limits;
    Listing {
        exports,
        by_name,
        limits: json!({
            "json": size(&site.words, limits.json_bytes),
            "articles": limits.shard_articles,
            "records": limits.shard_records,
        }),
    }
}

/// Bytes as a reader reads them: "840 bytes", "12 kB", "3.4 MB" ("3,4 MB" where the
/// language writes a decimal comma).
fn size(words: &Words, bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{} kB", bytes.div_ceil(1_000)),
        _ => {
            let megabytes = format!("{:.1}", bytes as f64 / 1e6);
            let point = words.get("number.decimal");
            format!("{} MB", megabytes.replace('.', point))
        }
    }
}

/// Writes data file `name` (a path below `data/`, one of [`Plan::files`]) to `out`.
/// Records are made one at a time as they are written, so that a build holds neither
/// a tree of a whole export nor its text. `out` is buffered ([`Site::render_into`]).
pub(crate) fn file(site: &Site, name: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let plan = site.data();
    match name {
        MANIFEST => return write_value(out, &plan.manifest(site)),
        TIMELINEJS => return write_value(out, &timelinejs(site)),
        _ => {}
    }
    let Some((planned, part)) = plan.find(name) else {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("no data file `{name}`"),
        ));
    };
    let (export, scope, pairs) = (planned.export, &part.scope, &plan.pairs[..]);
    let made = if planned.sharded {
        shard(site, pairs, export, scope, GZIP_LEVEL, out)?
    } else {
        let mut counted = Counted::new(out, u64::MAX);
        counted.write_all(b"[")?;
        let mut array = Array::new(&mut counted);
        each(site, pairs, export, scope, &mut array)?;
        counted.write_all(b"]\n")?;
        Made {
            bytes: counted.bytes,
            compressed_bytes: None,
        }
    };
    let _ = part.made.set(made);
    Ok(())
}

/// Writes the records of `export` in `scope` to `out` as gzip-compressed NDJSON, and
/// says how many bytes they took before and after. The gzip header carries no time and
/// no file name, so the same records give the same bytes.
fn shard(
    site: &Site,
    pairs: &[PairAt],
    export: Export,
    scope: &Scope,
    level: u32,
    out: &mut dyn Write,
) -> std::io::Result<Made> {
    let level = flate2::Compression::new(level);
    let gzip = flate2::GzBuilder::new().write(Counted::new(out, u64::MAX), level);
    // Records reach the compressor in large writes, not a field at a time.
    let buffered = std::io::BufWriter::with_capacity(64 * 1024, gzip);
    let mut plain = Counted::new(buffered, u64::MAX);
    each(site, pairs, export, scope, &mut Lines::new(&mut plain))?;
    let compressed = plain
        .out
        .into_inner()
        .map_err(|e| e.into_error())?
        .finish()?;
    Ok(Made {
        bytes: plain.bytes,
        compressed_bytes: Some(compressed.bytes),
    })
}

/// A writer that counts the bytes written through it, and fails past `bound` of them.
struct Counted<W> {
    out: W,
    bytes: u64,
    bound: u64,
}

impl<W: Write> Counted<W> {
    fn new(out: W, bound: u64) -> Self {
        Counted {
            out,
            bytes: 0,
            bound,
        }
    }
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.bytes += n as u64;
        if self.bytes > self.bound {
            return Err(std::io::Error::other("over the bound"));
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
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

/// A record's JSON, made in `buffer` and written in one piece: serde writes a record
/// a token at a time, and each write through the counting, buffering and compressing
/// writers costs more than the token.
fn write_record<R: Serialize>(
    out: &mut dyn Write,
    buffer: &mut Vec<u8>,
    before: &[u8],
    record: &R,
    after: &[u8],
) -> std::io::Result<()> {
    buffer.clear();
    buffer.extend_from_slice(before);
    serde_json::to_writer(&mut *buffer, record)?;
    buffer.extend_from_slice(after);
    out.write_all(buffer)
}

/// The elements of a JSON array, between the brackets.
struct Array<'w> {
    out: &'w mut dyn Write,
    first: bool,
    buffer: Vec<u8>,
}

impl<'w> Array<'w> {
    fn new(out: &'w mut dyn Write) -> Self {
        Array {
            out,
            first: true,
            buffer: Vec::new(),
        }
    }
}

impl Sink for Array<'_> {
    fn record<R: Serialize>(&mut self, record: &R) -> std::io::Result<()> {
        let comma: &[u8] = if std::mem::take(&mut self.first) {
            b""
        } else {
            b","
        };
        write_record(self.out, &mut self.buffer, comma, record, b"")
    }
}

/// NDJSON: a record a line.
struct Lines<'w> {
    out: &'w mut dyn Write,
    buffer: Vec<u8>,
}

impl<'w> Lines<'w> {
    fn new(out: &'w mut dyn Write) -> Self {
        Lines {
            out,
            buffer: Vec::new(),
        }
    }
}

impl Sink for Lines<'_> {
    fn record<R: Serialize>(&mut self, record: &R) -> std::io::Result<()> {
        write_record(self.out, &mut self.buffer, b"", record, b"\n")
    }
}

/// Makes the records of `export` in `scope` and gives them to `sink`, one at a time.
fn each<S: Sink>(
    site: &Site,
    pairs: &[PairAt],
    export: Export,
    scope: &Scope,
    sink: &mut S,
) -> std::io::Result<()> {
    let (b, a) = (site.briefing, site.analysis);
    let range = match (scope, export) {
        (Scope::Records(r), Export::People) => {
            return feed(b.people.iter(), r, sink, |p| person(site, p));
        }
        (Scope::Records(r), Export::Timeline) => {
            return feed(timeline(site), r, sink, |x| event(site, x));
        }
        // The plan cuts no other export by records.
        (Scope::Records(_), _) => return Ok(()),
        (Scope::Articles(r), _) => r.clone(),
    };
    let articles = &b.articles[range.clone()];
    match export {
        Export::Articles => {
            for x in articles {
                sink.record(&article(site, x))?;
            }
        }
        Export::Paragraphs => {
            for x in articles {
                for p in paragraphs(x) {
                    sink.record(&p)?;
                }
            }
        }
        Export::Mentions => {
            for x in articles {
                for m in a.mentions.of(&x.id) {
                    sink.record(&MentionRecord {
                        place: &m.place,
                        person: m.person.as_deref(),
                        candidates: &m.candidates,
                        text: m.place.text(x),
                        sentence: m.sentence.into(),
                        kind: m.kind,
                        reason: Words::exports().reason(m.reason),
                    })?;
                }
            }
        }
        Export::Quotes => {
            for x in articles {
                for q in a.quotes.of(&x.id) {
                    sink.record(&QuoteRecord {
                        article: &q.place.article,
                        end: q.place.end,
                        paragraph: q.place.paragraph,
                        person: q.person.as_deref(),
                        sentence: q.sentence.into(),
                        speaker: q.person.as_deref().or(q.speaker.as_deref()),
                        speaker_text: q.speaker.as_deref(),
                        start: q.place.start,
                        text: q.place.text(x),
                    })?;
                }
            }
        }
        Export::Dates => {
            for x in articles {
                for d in a.dates.of(&x.id) {
                    sink.record(&DateRecord {
                        article: &d.place.article,
                        paragraph: d.place.paragraph,
                        text: d.place.text(x),
                        sentence: d.sentence.into(),
                        start: d.start,
                        end: d.end,
                        precision: d.precision,
                        relative: d.relative,
                    })?;
                }
            }
        }
        Export::DateReferences => {
            for x in articles {
                for r in a.date_references.of(&x.id) {
                    sink.record(&DateReferenceRecord {
                        article: &r.place.article,
                        paragraph: r.place.paragraph,
                        text: r.place.text(x),
                        sentence: r.sentence.into(),
                        refers: r.refers,
                    })?;
                }
            }
        }
        Export::Comparisons => {
            if range.start == 0 {
                for c in &b.comparisons {
                    sink.record(&comparison(site, Compared::Curated(c)))?;
                }
            }
            for p in pairs_in(pairs, &range) {
                let story = &a.stories[p.story];
                let compared = Compared::Pair(story, &story.pairs[p.pair]);
                sink.record(&comparison(site, compared))?;
            }
        }
        Export::People | Export::Timeline => {}
    }
    Ok(())
}

/// Gives `sink` the records made by `make` from `items` in `range`; those before it
/// are skipped unmade.
fn feed<T, R: Serialize, S: Sink>(
    items: impl Iterator<Item = T>,
    range: &Range<usize>,
    sink: &mut S,
    mut make: impl FnMut(T) -> R,
) -> std::io::Result<()> {
    for item in items.skip(range.start).take(range.len()) {
        sink.record(&make(item))?;
    }
    Ok(())
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

/// The paragraphs of article `a`.
fn paragraphs(a: &Article) -> impl Iterator<Item = ParagraphRecord<'_>> {
    a.paragraphs().enumerate().map(|(i, p)| ParagraphRecord {
        article: &a.id,
        paragraph: i + 1,
        text: p.text.as_str(),
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

/// A reference to time that names no stretch of the calendar, found in an article.
#[derive(Serialize)]
struct DateReferenceRecord<'a> {
    article: &'a str,
    paragraph: usize,
    text: &'a str,
    sentence: Span,
    refers: crate::edtf::Reference,
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
        "published_assumed": a.published.assumed,
        "author": a.author,
        "url": a.url,
        "language": a.language,
        "paragraphs": a.paragraph_count(),
        "page": page_url(site, &urls::article(&a.id)),
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
        "url": page_url(site, &urls::person(&p.id)),
        "featured": site.briefing.config.featured.contains(&p.id),
        "mentions": mentions.map_or(0, Vec::len),
        "articles": articles,
    })
}

/// An entry of the timeline: a curated event, or a date conflict found between
/// aligned sentences of a story.
pub(crate) enum Entry<'a> {
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
                .index
                .event_conflict(&e.id)
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
                "disagreements": site
                    .index
                    .event_disagreements(&e.id)
                    .iter()
                    .map(|d| {
                        let summary = Words::exports().disagreement(d, |id| id.into());
                        json!({ "kind": d.kind, "summary": summary, "claims": d.claims })
                    })
                    .collect::<Vec<_>>(),
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
                "disagreements": [],
            })
        }
    }
}

/// A comparison: a curated one, or a pair of articles of a story the generator found.
enum Compared<'a> {
    Curated(&'a Comparison),
    Pair(&'a Story, &'a Pair),
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
    summary: String,
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
            "points": c.points.iter().map(|p| {
                let (outlier, found) = super::comparison_grid::outlier(site, p);
                json!({
                "topic": p.topic,
                "verdict": p.verdict.as_str(),
                "outlier": outlier,
                "outlier_found": outlier.is_some() && found.is_some(),
                "note": p.note,
                "claims": p.claims.iter().map(|cl| json!({
                    "article": cl.article,
                    "paragraph": cl.found.map(|f| f.paragraph),
                    "quote": cl.quote,
                })).collect::<Vec<_>>(),
            })}).collect::<Vec<_>>(),
            "differences": [],
            "page": page_url(site, &urls::comparison(&c.id)),
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
                        summary: Words::exports().summary(&d.summary, &p.a, &p.b),
                    })
                    .collect(),
                id: &s.id,
                page: page_url(site, &urls::comparison(&s.id)),
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
/// approximate or uncertain date. Links point to the published briefing. Unlike the
/// other exports, this one is read by people, on the slides of an embedding page, so
/// its words are the site's language's.
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
                        page_url(site, &super::feeds::source_address(s)),
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
                    .then(|| site.words.edtf(&e.date))
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
                    "<p>{}</p><p><a href=\"{}\">{}</a></p>",
                    super::view::escape(&b.config.description),
                    page_url(site, urls::TIMELINE),
                    site.words.get("data.timelinejs_link")
                ),
            },
        },
        "events": events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// Plans the exports of `site` as if each were too large for one JSON file.
    fn shard_every_export(site: &mut Site) {
        let limits = Limits {
            json_bytes: 0,
            ..Limits::DEFAULT
        };
        site.data = OnceLock::from(Plan::with(site, limits));
    }

    fn render(site: &Site, name: &str) -> Vec<u8> {
        let mut out = Vec::new();
        file(site, name, &mut out).unwrap();
        out
    }

    /// The records of NDJSON shard `bytes`, decompressed.
    fn lines(bytes: &[u8]) -> Vec<Value> {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(bytes), &mut text).unwrap();
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn limits_are_read_as_three_numbers_or_not_at_all() {
        type Case = (&'static str, Option<(u64, usize, usize)>);
        let table: &[Case] = &[
            ("2000,3,4", Some((2000, 3, 4))),
            (" 0, 1 ,1", Some((0, 1, 1))),
            ("2000,0,4", None),
            ("2000,3,0", None),
            ("2000,3", None),
            ("2000,3,4,5", None),
            ("a,3,4", None),
            ("", None),
        ];
        for (text, expected) in table {
            let limits =
                Limits::parse(text).map(|l| (l.json_bytes, l.shard_articles, l.shard_records));
            assert_eq!(limits, *expected, "{text:?}");
        }
    }

    #[test]
    fn every_record_is_at_least_its_exports_least_size() {
        // What lets an export be sharded unmeasured: were a record smaller, an export
        // that fits in one file could be sharded.
        with_site(|site| {
            for export in Export::ALL {
                let name = format!("{}.json", export.name());
                let records: Vec<Value> = serde_json::from_slice(&render(site, &name)).unwrap();
                assert!(!records.is_empty(), "{name}");
                for r in records {
                    let bytes = serde_json::to_vec(&r).unwrap().len() as u64;
                    assert!(bytes >= export.least(), "{name}: {bytes} bytes: {r}");
                }
            }
        });
    }

    #[test]
    fn an_export_is_at_least_the_size_its_records_and_text_tell() {
        // What lets an export be sharded unmeasured: were it smaller, an export that
        // fits in one file could be sharded.
        with_site(|site| {
            let pairs = pairs_by_first_article(site);
            for export in Export::ALL {
                let name = format!("{}.json", export.name());
                let bytes = render(site, &name).len() as u64;
                let whole = Scope::Articles(0..site.briefing.articles.len());
                let records = match export.by_article() {
                    true => records_in(site, &pairs, export, &whole),
                    false => count(site, export),
                };
                let least = records as u64 * export.least() + least_text(site, export);
                assert!(bytes >= least, "{name}: {bytes} bytes, at least {least}");
            }
            // The comparisons' text counts: the default briefing's pairs differ.
            assert!(least_text(site, Export::Comparisons) > 0);
        });
    }

    #[test]
    fn exports_over_the_bound_are_sharded_by_articles_and_the_manifest_lists_every_shard() {
        with_site(|site| {
            let whole: Vec<(String, Vec<Value>)> = Export::ALL
                .iter()
                .map(|e| {
                    let name = format!("{}.json", e.name());
                    let records = serde_json::from_slice(&render(site, &name)).unwrap();
                    (name, records)
                })
                .collect();
            let one: Value = serde_json::from_slice(&render(site, MANIFEST)).unwrap();
            for export in one["exports"].as_array().unwrap() {
                assert_eq!(export["form"], "json", "{export}");
                assert!(export["compressed_bytes"].is_null(), "{export}");
            }
            let limits = Limits {
                json_bytes: 6_000,
                shard_articles: 4,
                shard_records: 3,
            };
            site.data = OnceLock::from(Plan::with(site, limits));
            let manifest: Value = serde_json::from_slice(&render(site, MANIFEST)).unwrap();
            assert_eq!(manifest["version"], VERSION);
            assert_eq!(manifest["shard_bytes"], 6_000);
            assert_eq!(manifest["shard_articles"], 4);
            let articles = site.briefing.articles.len();
            let mut listed = Vec::new();
            for (export, (name, records)) in
                manifest["exports"].as_array().unwrap().iter().zip(&whole)
            {
                assert_eq!(format!("{}.json", export["name"].as_str().unwrap()), *name);
                assert_eq!(export["records"], records.len());
                let files = export["files"].as_array().unwrap();
                if export["form"] == "json" {
                    // Within the bound: the one file, as before.
                    assert_eq!(files.len(), 1);
                    assert_eq!(files[0]["path"], name.as_str());
                    let text = render(site, name);
                    assert_eq!(files[0]["bytes"], text.len(), "{name}");
                    assert!(text.len() <= 6_000, "{name}");
                    listed.push(name.clone());
                    continue;
                }
                assert_eq!(export["form"], "ndjson.gz");
                let mut joined = Vec::new();
                let (mut bytes, mut compressed) = (0, 0);
                for (i, f) in files.iter().enumerate() {
                    let path = f["path"].as_str().unwrap();
                    let gzip = render(site, path);
                    assert_eq!(f["compressed_bytes"], gzip.len(), "{path}");
                    let shard = lines(&gzip);
                    assert_eq!(f["records"], shard.len(), "{path}");
                    let text: usize = shard.iter().map(|r| r.to_string().len() + 1).sum();
                    assert_eq!(f["bytes"], text, "{path}");
                    (bytes, compressed) = (bytes + text, compressed + gzip.len());
                    match name.as_str() {
                        "people.json" | "timeline.json" => {
                            assert!(f["articles"].is_null());
                            assert!(shard.len() <= 3, "{path}");
                        }
                        _ => {
                            // A run of four articles, which its records are of.
                            let range = &f["articles"];
                            let from = range["from"].as_u64().unwrap() as usize;
                            let to = range["to"].as_u64().unwrap() as usize;
                            assert_eq!((from, to), (i * 4 + 1, articles.min(i * 4 + 4)));
                            let ids = &site.briefing.articles[from - 1..to];
                            assert_eq!(range["first"], *ids[0].id);
                            assert_eq!(range["last"], *ids[ids.len() - 1].id);
                            for r in &shard {
                                let own = match name.as_str() {
                                    "articles.json" => r["id"].clone(),
                                    "comparisons.json" if r["curated"] == true => continue,
                                    "comparisons.json" => r["articles"][0].clone(),
                                    _ => r["article"].clone(),
                                };
                                let own = own.as_str().unwrap();
                                assert!(ids.iter().any(|a| *a.id == *own), "{path}: {r}");
                            }
                        }
                    }
                    joined.extend(shard);
                    listed.push(path.to_string());
                }
                assert_eq!(export["bytes"], bytes, "{name}");
                assert_eq!(export["compressed_bytes"], compressed, "{name}");
                assert_eq!(
                    &joined, records,
                    "{name}: the shards hold the records of the one file, in order"
                );
            }
            for sharded in ["mentions/0002.ndjson.gz", "paragraphs/0001.ndjson.gz"] {
                assert!(listed.contains(&sharded.to_string()), "{sharded}");
            }
            assert!(listed.contains(&"people.json".to_string()));
            // The data page links the first and last shards, and the manifest.
            let page = site.render(&super::super::Page::DataIndex).unwrap();
            let page = String::from_utf8(page.bytes).unwrap();
            assert!(page.contains(r#"<a href="../data/mentions/0001.ndjson.gz">"#));
            assert!(page.contains(r#"<h2 id="mentions-json-h"><a href="../data/index.json">"#));
            assert!(!page.contains("data/mentions.json"));
            let files: Vec<&str> = site.data().files().collect();
            listed.extend([TIMELINEJS.to_string(), MANIFEST.to_string()]);
            assert_eq!(files, listed);
        });
    }

    #[test]
    fn a_shard_is_the_same_bytes_each_time_with_no_time_or_name_in_its_header() {
        with_site(|site| {
            shard_every_export(site);
            let first = render(site, "paragraphs/0001.ndjson.gz");
            assert_eq!(first, render(site, "paragraphs/0001.ndjson.gz"));
            // ID1 ID2, deflate, no flags (no name, comment or extra), no time.
            assert_eq!(first[..8], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
        });
    }

    #[test]
    fn the_manifest_takes_the_bytes_of_linked_shards_from_the_previous_one() {
        with_site(|site| {
            shard_every_export(site);
            let manifest: Value = serde_json::from_slice(&render(site, MANIFEST)).unwrap();
            // A new plan knows no bytes of its shards: a manifest said to be the
            // previous one's gives them without their being made.
            let mut said = manifest.clone();
            for export in said["exports"].as_array_mut().unwrap() {
                let files = export["files"].as_array_mut().unwrap();
                for f in files.iter_mut().filter(|f| f["compressed_bytes"].is_u64()) {
                    f["compressed_bytes"] = json!(f["compressed_bytes"].as_u64().unwrap() + 1);
                }
                let shards = files
                    .iter()
                    .filter(|f| f["compressed_bytes"].is_u64())
                    .count();
                if let Some(total) = export["compressed_bytes"].as_u64() {
                    export["compressed_bytes"] = json!(total + shards as u64);
                    export["ndjson"] = export["files"].clone();
                }
            }
            assert_ne!(said, manifest);
            let again = |previous: &Value, site: &mut Site| -> Value {
                shard_every_export(site);
                site.data().remember(&serde_json::to_vec(previous).unwrap());
                serde_json::from_slice(&render(site, MANIFEST)).unwrap()
            };
            assert_eq!(again(&said, site), said);
            // Unless it is of another version.
            let mut other = said.clone();
            other["version"] = json!(VERSION - 1);
            assert_eq!(again(&other, site), manifest);
        });
    }

    /// The CPU time this thread has had, from the kernel's scheduler statistics.
    fn cpu() -> std::time::Duration {
        let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
        let ns = stat.split_whitespace().next().and_then(|n| n.parse().ok());
        std::time::Duration::from_nanos(ns.unwrap_or(0))
    }

    /// What the sharded exports of a large briefing cost to make (set
    /// `BRIEFING_DATA_COST_ROOT`), on one thread: the records as NDJSON alone, then
    /// compressed at each gzip level, with the bytes; prints, asserts nothing.
    #[test]
    #[ignore = "a measurement"]
    fn data_cost() {
        crate::testing::measured_site("BRIEFING_DATA_COST_ROOT", data_cost_of);
    }

    fn data_cost_of(site: &Site) {
        let started = cpu();
        let plan = Plan::new(site);
        eprintln!("plan: {:?}", cpu() - started);
        let shards = plan.exports.iter().filter(|p| p.sharded);
        let parts: Vec<(Export, &Part)> = shards
            .flat_map(|p| p.files.iter().map(move |f| (p.export, f)))
            .collect();
        let started = cpu();
        let mut plain = Counted::new(std::io::sink(), u64::MAX);
        for (export, part) in &parts {
            let mut lines = Lines::new(&mut plain);
            each(site, &plan.pairs, *export, &part.scope, &mut lines).unwrap();
        }
        eprintln!("ndjson: {:?}, {} bytes", cpu() - started, plain.bytes);
        for level in [1, 2, 3, 6] {
            let started = cpu();
            let mut compressed = 0;
            for (export, part) in &parts {
                let mut out = std::io::sink();
                let made = shard(site, &plan.pairs, *export, &part.scope, level, &mut out);
                compressed += made.unwrap().compressed_bytes.unwrap_or(0);
            }
            eprintln!("gzip {level}: {:?}, {compressed} bytes", cpu() - started);
        }
    }

    #[test]
    fn a_data_file_outside_the_plan_is_an_error() {
        with_site(|site| {
            for name in [
                "mentions/0001.ndjson.gz",
                "mentions.ndjson",
                "nothing.json",
                "mentions.csv",
                "../index.json",
            ] {
                assert!(file(site, name, &mut Vec::new()).is_err(), "{name}");
            }
        });
    }
}
