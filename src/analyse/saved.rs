//! A *saved analysis* is the [`Cache`] a build leaves on disk for the next one: each
//! article's findings, its reading (its shingles and terms) and features under the
//! key of what they were made from, and each compared pair's alignment under its two
//! articles' keys. Restored, it is what the dev server keeps in memory between saves,
//! so the next `briefing build` analyses again only the articles that changed, and
//! compares again only the pairs they are in. What is counted over the whole corpus —
//! the background, the document frequencies, the candidate search — is counted again
//! from the saved readings, which is cheap beside reading every article.
//!
//! A saved analysis is only used by the program that wrote it (its identity is part of
//! the file) and for the people it was made with; anything else — another version, a
//! torn or foreign file — is ignored, never trusted, and the analysis is made anew.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{
    Analysis, Around, Cache, Cached, DateClaim, DateMention, DateReference, Judged, Made, Mention,
    MentionKind, Pair, Place, Quote, Reason, Relation, background, compare, mentions, people_key,
    per_article, stories,
};
use crate::content::Briefing;
use crate::diagnostic::{Diagnostic, Severity};
use crate::edtf::Precision;
use crate::source::Span;

/// Bumped when what is saved changes shape.
const FORMAT: u32 = 6;

/// Articles, or pairs, per chunk of the file: the chunks are read back in parallel,
/// and each is written from a buffer of its own size.
const CHUNK: usize = 512;

/// A saved analysis being read, or the one a cache was restored from.
trait ReadSeek: std::io::Read + std::io::Seek + Send {}

impl<T: std::io::Read + std::io::Seek + Send> ReadSeek for T {}

/// The saved analysis a [`Cache`] was restored from, kept open so that saving the
/// cache again copies the chunks of articles that no run has touched since, instead of
/// serialising them again: after one edit, all but a chunk or two of the articles
/// (two thirds of the file) are the bytes the last build wrote.
///
/// Why a copy is the same: an article's saved record is its cache entry (id, key,
/// reading, features and warnings) and its findings. A run makes a new entry, with a
/// new reading, for every article it reads again (`read` and `gather` in
/// `analyse/mod.rs`), and puts new features in an entry only when they differ
/// (`count`); the findings of an article it does not read are moved from the previous
/// analysis unchanged, and nothing after the per-article pass writes an article's
/// findings (the grouping and the checks of the curation only read them). So an
/// entry at the same place, with the same key and the very reading and features that
/// were restored (the same allocations, held here so that none is reused for another),
/// saves to a record that reads back as the restored one.
pub(super) struct Source {
    file: std::sync::Mutex<Box<dyn ReadSeek>>,
    /// Each chunk of articles: its frame, the position of its first article and how
    /// many it holds.
    chunks: Vec<(Frame, usize, usize)>,
    /// Each restored article's key, reading and features, in order.
    restored: Vec<(u64, Arc<background::Reading>, Arc<stories::Features>)>,
}

impl Source {
    /// The saved bytes of the chunk of `articles` that starts at position `start`, when
    /// it is a chunk of the file and every entry in it is the one restored there.
    fn unchanged(&self, start: usize, articles: &[Cached]) -> Option<Vec<u8>> {
        let (frame, ..) = self
            .chunks
            .iter()
            .find(|(_, at, n)| *at == start && *n == articles.len())?;
        let restored = self.restored.get(start..start + articles.len())?;
        let same = articles
            .iter()
            .zip(restored)
            .all(|(c, (key, reading, features))| {
                c.key == *key
                    && Arc::ptr_eq(&c.reading, reading)
                    && Arc::ptr_eq(&c.features, features)
            });
        same.then(|| read_frame(&self.file, *frame)).flatten()
    }
}

/// What a saved analysis opens with; the chunks of articles and then of pairs follow,
/// each a [`SavedArticle`] or pair sequence framed by its length (see [`frames`]).
#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    /// The program that wrote it (`render::depends::program`).
    program: u64,
    /// The key of the people the findings were made with.
    people: u64,
    article_chunks: usize,
    pair_chunks: usize,
}

type SavedPair = ((u64, u64), SavedJudged);

#[derive(Serialize, Deserialize)]
struct SavedArticle {
    id: String,
    key: u64,
    reading: background::Reading,
    features: stories::Features,
    warnings: Vec<SavedDiagnostic>,
    mentions: Vec<SavedMention>,
    quotes: Vec<SavedQuote>,
    dates: Vec<SavedDate>,
    date_references: Vec<SavedDateReference>,
}

#[derive(Serialize, Deserialize)]
struct SavedJudged {
    jaccard: f64,
    shared: usize,
    background: f64,
    matched: compare::Matched,
    sentences: (usize, usize),
    made: Option<SavedMade>,
}

/// The pair a [`SavedJudged`] made, under which relation and similarity, the pair's
/// hash ([`Made::hash`]), and its date claims.
type SavedMade = (Relation, f64, Pair, u64, Vec<Vec<DateClaim>>);

/// Where in its article a finding is: a [`Place`] without the article's id, which the
/// article it is saved with gives.
#[derive(Serialize, Deserialize)]
struct SavedPlace {
    paragraph: usize,
    start: usize,
    end: usize,
}

#[derive(Serialize, Deserialize)]
struct SavedMention {
    place: SavedPlace,
    person: Option<String>,
    candidates: Vec<String>,
    sentence: Around,
    kind: MentionKind,
    reason: Reason,
}

#[derive(Serialize, Deserialize)]
struct SavedQuote {
    place: SavedPlace,
    person: Option<String>,
    speaker: Option<String>,
    sentence: Around,
}

#[derive(Serialize, Deserialize)]
struct SavedDate {
    place: SavedPlace,
    sentence: Around,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
    precision: Precision,
    relative: bool,
}

#[derive(Serialize, Deserialize)]
struct SavedDateReference {
    place: SavedPlace,
    sentence: Around,
    refers: crate::edtf::Reference,
}

#[derive(Serialize, Deserialize)]
struct SavedDiagnostic {
    severity: Severity,
    code: String,
    message: String,
    span: Option<Span>,
    label: String,
    hint: Option<String>,
}

/// A sequence serialised from what `make` iterates, so it is never collected first.
/// Written as the chunks are read back ([`SavedArticle`], [`SavedPair`]): the same fields,
/// borrowed, in the same order.
struct Seq<F>(F);

impl<F, I, T> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: ExactSizeIterator<Item = T>,
    T: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// [`SavedArticle`], borrowed.
fn article_ref<'a>(c: &'a Cached, analysis: &'a Analysis) -> impl Serialize + 'a {
    let (mentions, quotes, dates, references) = (
        analysis.mentions.of(&c.id),
        analysis.quotes.of(&c.id),
        analysis.dates.of(&c.id),
        analysis.date_references.of(&c.id),
    );
    (
        c.id.as_str(),
        c.key,
        c.reading.as_ref(),
        c.features.as_ref(),
        Seq(|| c.warnings.iter().map(diagnostic_ref)),
        Seq(move || mentions.iter().map(mention_ref)),
        Seq(move || quotes.iter().map(quote_ref)),
        Seq(move || dates.iter().map(date_ref)),
        Seq(move || {
            references
                .iter()
                .map(|r| (place_ref(&r.place), r.sentence, r.refers))
        }),
    )
}

/// [`SavedJudged`], borrowed.
fn judged_ref(j: &Judged) -> impl Serialize + '_ {
    let made = j.made.get().map(|m| {
        (
            m.relation,
            m.similarity,
            m.pair.as_ref(),
            m.hash,
            &m.conflicts,
        )
    });
    (
        j.jaccard,
        j.shared,
        j.background,
        &j.matched,
        j.sentences,
        made,
    )
}

/// [`SavedPlace`], borrowed.
fn place_ref(p: &Place) -> impl Serialize {
    (p.paragraph, p.start, p.end)
}

/// [`SavedMention`], borrowed.
fn mention_ref(m: &Mention) -> impl Serialize + '_ {
    (
        place_ref(&m.place),
        m.person.as_deref(),
        &m.candidates,
        m.sentence,
        m.kind,
        m.reason,
    )
}

/// [`SavedQuote`], borrowed.
fn quote_ref(q: &Quote) -> impl Serialize + '_ {
    (
        place_ref(&q.place),
        q.person.as_deref(),
        &q.speaker,
        q.sentence,
    )
}

/// [`SavedDate`], borrowed.
fn date_ref(d: &DateMention) -> impl Serialize + '_ {
    (
        place_ref(&d.place),
        d.sentence,
        d.start,
        d.end,
        d.precision,
        d.relative,
    )
}

/// [`SavedDiagnostic`], borrowed.
fn diagnostic_ref(d: &Diagnostic) -> impl Serialize + '_ {
    (d.severity, d.code, &d.message, d.span, &d.label, &d.hint)
}

/// The one `&'static str` for `s`: a warning's code is one of a few fixed phrases, kept
/// as such; read back, each distinct one is made once and kept for the process, so
/// reading many saved analyses makes no more of them.
fn interned(s: String) -> &'static str {
    static SEEN: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = seen.iter().find(|k| **k == s) {
        return known;
    }
    let made: &'static str = Box::leak(s.into_boxed_str());
    seen.push(made);
    made
}

impl Cache {
    /// Writes what the next run needs of this cache, filled by the run that made
    /// `analysis`, to `out`: streamed from the cache and the analysis as they are,
    /// never copied whole first (it is about as large as the analysis).
    pub fn save(&self, analysis: &Analysis, out: impl std::io::Write) -> std::io::Result<()> {
        self.save_in_chunks(analysis, out, CHUNK)
    }

    /// [`Cache::save`], `chunk` articles or pairs to a chunk.
    fn save_in_chunks(
        &self,
        analysis: &Analysis,
        mut out: impl std::io::Write,
        chunk: usize,
    ) -> std::io::Result<()> {
        let Some((people, _)) = &self.people else {
            return Ok(());
        };
        // Only the pairs of articles still in the briefing, as they are split now (a
        // pair is keyed by its articles' keys mixed with their features' digests).
        let live: std::collections::HashSet<u64> = self
            .articles
            .iter()
            .map(|c| super::text::mix(c.key ^ c.features.digest))
            .collect();
        let mut pairs: Vec<(&(u64, u64), &Judged)> = self
            .pairs
            .iter()
            .filter(|((a, b), _)| live.contains(a) && live.contains(b))
            .map(|(k, j)| (k, j.as_ref()))
            .collect();
        pairs.sort_by_key(|(k, _)| **k);
        let header = Header {
            format: FORMAT,
            program: crate::render::depends::program(),
            people: *people,
            article_chunks: self.articles.len().div_ceil(chunk),
            pair_chunks: pairs.len().div_ceil(chunk),
        };
        let mut buffer = Vec::new();
        framed(&mut out, &mut buffer, &header)?;
        for (i, these) in self.articles.chunks(chunk).enumerate() {
            let copied = self
                .saved_from
                .as_ref()
                .and_then(|s| s.unchanged(i * chunk, these));
            if let Some(bytes) = copied {
                out.write_all(&(bytes.len() as u64).to_le_bytes())?;
                out.write_all(&bytes)?;
                continue;
            }
            let these = Seq(|| these.iter().map(|c| article_ref(c, analysis)));
            framed(&mut out, &mut buffer, &these)?;
        }
        for these in pairs.chunks(chunk) {
            let these = Seq(|| these.iter().map(|(k, j)| (**k, judged_ref(j))));
            framed(&mut out, &mut buffer, &these)?;
        }
        Ok(())
    }

    /// The cache saved in `file` and the analysis its findings are from, ready for
    /// [`super::run_cached`] over `briefing`; `None` when they were written by another
    /// program or for other people, or cannot be read.
    pub fn restore(
        briefing: &Briefing,
        file: impl std::io::Read + std::io::Seek + Send + 'static,
    ) -> Option<(Cache, Analysis)> {
        use rayon::prelude::*;
        let file: std::sync::Mutex<Box<dyn ReadSeek>> = std::sync::Mutex::new(Box::new(file));
        let mut frames = frames(&file)?.into_iter();
        let header: Header = postcard::from_bytes(&read_frame(&file, frames.next()?)?).ok()?;
        let people = people_key(&briefing.people);
        if header.format != FORMAT
            || header.program != crate::render::depends::program()
            || header.people != people
        {
            return None;
        }
        let chunks: Vec<Frame> = frames.collect();
        if chunks.len() != header.article_chunks + header.pair_chunks {
            return None;
        }
        let (article_chunks, pair_chunks) = chunks.split_at(header.article_chunks);
        // Each chunk read and decoded on its own, in parallel, and its bytes freed
        // then: the file is as large as the analysis, and never held whole.
        let articles: Vec<Vec<Restored>> = article_chunks
            .par_iter()
            .map(|chunk| {
                let saved: Vec<SavedArticle> =
                    postcard::from_bytes(&read_frame(&file, *chunk)?).ok()?;
                Some(saved.into_iter().map(restored).collect())
            })
            .collect::<Option<_>>()?;
        let pairs: Vec<Vec<SavedPair>> = pair_chunks
            .par_iter()
            .map(|chunk| postcard::from_bytes(&read_frame(&file, *chunk)?).ok())
            .collect::<Option<_>>()?;
        let names = Arc::new(mentions::Names::new(&briefing.people));
        let mut analysis = Analysis::default();
        let mut cached = Vec::with_capacity(articles.iter().map(Vec::len).sum());
        let mut start = 0;
        let chunks = article_chunks
            .iter()
            .zip(&articles)
            .map(|(frame, these)| {
                start += these.len();
                (*frame, start - these.len(), these.len())
            })
            .collect();
        for a in articles.into_iter().flatten() {
            analysis.mentions.push(a.mentions);
            analysis.quotes.push(a.quotes);
            analysis.dates.push(a.dates);
            analysis.date_references.push(a.date_references);
            cached.push(a.cached);
        }
        let pairs = pairs
            .into_iter()
            .flatten()
            .map(|(k, j)| {
                let judged = Judged {
                    jaccard: j.jaccard,
                    shared: j.shared,
                    background: j.background,
                    matched: j.matched,
                    sentences: j.sentences,
                    made: j
                        .made
                        .map(|(relation, similarity, pair, hash, conflicts)| Made {
                            relation,
                            similarity,
                            pair: Arc::new(pair),
                            hash,
                            conflicts,
                        })
                        .map_or_else(Default::default, std::sync::OnceLock::from),
                };
                (k, Arc::new(judged))
            })
            .collect();
        // What the saved articles count to, as the run that saved them counted: the
        // next run counts the changed articles out and in, and makes again only the
        // features a moved count reaches, as a rebuild in `serve` does.
        let readings: Vec<&background::Reading> = cached.iter().map(|c| &*c.reading).collect();
        let background = background::Background::count(&readings);
        let df = stories::document_frequency(readings.iter().map(|r| r.terms()));
        let frequencies = super::Frequencies::new(df, readings.len());
        drop(readings);
        let restored = cached
            .iter()
            .map(|c| (c.key, c.reading.clone(), c.features.clone()))
            .collect();
        let cache = Cache {
            saved_from: Some(Source {
                file,
                chunks,
                restored,
            }),
            people: Some((people, names)),
            articles: cached,
            pairs,
            background: Some(background),
            frequencies: Some(frequencies),
            ..Cache::default()
        };
        Some((cache, analysis))
    }
}

/// Writes `x` to `out` as one frame: its length (8 bytes, little-endian), then its
/// bytes, serialised through `buffer` (which keeps its allocation for the next frame).
fn framed(
    out: &mut impl std::io::Write,
    buffer: &mut Vec<u8>,
    x: &impl Serialize,
) -> std::io::Result<()> {
    buffer.clear();
    postcard::to_io(x, &mut *buffer).map_err(|e| std::io::Error::other(e.to_string()))?;
    out.write_all(&(buffer.len() as u64).to_le_bytes())?;
    out.write_all(buffer)
}

/// Where a frame is in a saved analysis: its offset and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Frame {
    at: u64,
    len: usize,
}

/// The frames [`framed`] wrote into `file`, in order, found by their lengths alone; a
/// torn last frame ends them.
fn frames(file: &std::sync::Mutex<impl std::io::Read + std::io::Seek>) -> Option<Vec<Frame>> {
    use std::io::SeekFrom;
    let mut file = file.lock().ok()?;
    let end = file.seek(SeekFrom::End(0)).ok()?;
    let mut at = file.seek(SeekFrom::Start(0)).ok()?;
    let mut found = Vec::new();
    let mut len = [0; 8];
    while end - at >= 8 {
        file.read_exact(&mut len).ok()?;
        let n = u64::from_le_bytes(len);
        if n > end - at - 8 {
            break;
        }
        found.push(Frame {
            at: at + 8,
            len: usize::try_from(n).ok()?,
        });
        at = file.seek(SeekFrom::Current(n.cast_signed())).ok()?;
    }
    Some(found)
}

/// The bytes of `frame` in `file`.
fn read_frame(
    file: &std::sync::Mutex<impl std::io::Read + std::io::Seek>,
    frame: Frame,
) -> Option<Vec<u8>> {
    use std::io::SeekFrom;
    let mut bytes = vec![0; frame.len];
    let mut file = file.lock().ok()?;
    file.seek(SeekFrom::Start(frame.at)).ok()?;
    file.read_exact(&mut bytes).ok()?;
    Some(bytes)
}

/// One article of a saved analysis, as the analysis and the cache hold it.
struct Restored {
    mentions: Vec<Mention>,
    quotes: Vec<Quote>,
    dates: Vec<DateMention>,
    date_references: Vec<DateReference>,
    cached: Cached,
}

fn restored(a: SavedArticle) -> Restored {
    // One id for all the article's findings, as a fresh analysis shares it.
    let id: Arc<str> = Arc::from(a.id.as_str());
    let place = |p: &SavedPlace| Place {
        article: Arc::clone(&id),
        paragraph: p.paragraph,
        start: p.start,
        end: p.end,
    };
    Restored {
        mentions: per_article::exact(
            a.mentions
                .into_iter()
                .map(|m| {
                    let at = place(&m.place);
                    mention(m, at)
                })
                .collect(),
        ),
        quotes: per_article::exact(
            a.quotes
                .into_iter()
                .map(|q| {
                    let at = place(&q.place);
                    quote(q, at)
                })
                .collect(),
        ),
        dates: per_article::exact(
            a.dates
                .into_iter()
                .map(|d| {
                    let at = place(&d.place);
                    date(d, at)
                })
                .collect(),
        ),
        date_references: per_article::exact(
            a.date_references
                .into_iter()
                .map(|r| DateReference {
                    place: place(&r.place),
                    sentence: r.sentence,
                    refers: r.refers,
                })
                .collect(),
        ),
        cached: Cached {
            id: a.id,
            key: a.key,
            reading: Arc::new(a.reading),
            features: Arc::new(a.features),
            warnings: a.warnings.into_iter().map(diagnostic).collect(),
            profile: Default::default(),
        },
    }
}

fn mention(m: SavedMention, place: Place) -> Mention {
    Mention {
        place,
        person: m.person.map(Arc::from),
        candidates: m.candidates,
        sentence: m.sentence,
        kind: m.kind,
        reason: m.reason,
    }
}

fn quote(q: SavedQuote, place: Place) -> Quote {
    Quote {
        place,
        person: q.person.map(Arc::from),
        speaker: q.speaker,
        sentence: q.sentence,
    }
}

fn date(d: SavedDate, place: Place) -> DateMention {
    DateMention {
        place,
        sentence: d.sentence,
        start: d.start,
        end: d.end,
        precision: d.precision,
        relative: d.relative,
    }
}

fn diagnostic(d: SavedDiagnostic) -> Diagnostic {
    Diagnostic {
        severity: d.severity,
        code: interned(d.code),
        message: d.message,
        span: d.span,
        label: d.label,
        hint: d.hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_analysis_saved_and_restored_gives_what_a_fresh_one_gives() {
        let dir = crate::testing::default_briefing();
        let loaded = crate::load::briefing(dir.path()).unwrap();
        let b = &loaded.briefing;
        let mut cache = Cache::default();
        let first = super::super::run_cached(b, &mut cache, None);
        // In one chunk, as a small briefing is saved, and in many: the chunks are read
        // back in parallel and must come back in their order.
        for chunk in [CHUNK, 2, 1] {
            let mut bytes = Vec::new();
            cache.save_in_chunks(&first, &mut bytes, chunk).unwrap();
            let (mut restored, previous) =
                Cache::restore(b, std::io::Cursor::new(bytes.clone())).unwrap();
            // Every article and pair came back: nothing is analysed or compared again.
            assert_eq!(restored.articles.len(), b.articles.len());
            assert_eq!(restored.pairs.len(), cache.pairs.len());
            let made = |c: &Cache| c.pairs.values().filter(|j| j.made.get().is_some()).count();
            assert_eq!(made(&restored), made(&cache));
            assert!(made(&restored) > 0);
            // Each pair's hash came back with it, the one its record hashes to.
            for judged in restored.pairs.values() {
                if let Some(m) = judged.made.get() {
                    assert_eq!(m.hash, crate::analyse::pair_hash(&m.pair));
                }
            }
            assert!(first.pair_hashes.iter().any(|h| !h.is_empty()));
            let again = super::super::run_cached(b, &mut restored, Some(previous));
            super::super::tests::same(&again, &first);
            // Counted from the saved readings, then updated: as the first run counted.
            assert_eq!(restored.background, cache.background);
            let df = |c: &Cache| c.frequencies.as_ref().map(|f| f.df.clone());
            assert_eq!(df(&restored), df(&cache));
            assert_eq!(again.stories, super::super::run(b).stories);
        }
    }

    #[test]
    fn saved_again_after_an_edit_the_untouched_chunks_are_copied_as_they_would_be_made() {
        let dir = crate::testing::default_briefing();
        let loaded = crate::load::briefing(dir.path()).unwrap();
        let mut cache = Cache::default();
        let first = super::super::run_cached(&loaded.briefing, &mut cache, None);
        let mut bytes = Vec::new();
        cache.save_in_chunks(&first, &mut bytes, 2).unwrap();
        // One article edited, as a rebuild finds it.
        let edited = &loaded.briefing.articles[3];
        let path = dir.path().join(&loaded.sources.get(edited.file).path);
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str("\nA sentence added to the article before the rebuild.\n");
        std::fs::write(&path, text).unwrap();
        let loaded = crate::load::briefing(dir.path()).unwrap();
        let b = &loaded.briefing;
        let (mut restored, previous) = Cache::restore(b, std::io::Cursor::new(bytes)).unwrap();
        let again = super::super::run_cached(b, &mut restored, Some(previous));
        // The chunk of the edited article is made again, the others are copied.
        let source = restored.saved_from.as_ref().unwrap();
        let copied: Vec<bool> = restored
            .articles
            .chunks(2)
            .enumerate()
            .map(|(i, these)| source.unchanged(i * 2, these).is_some())
            .collect();
        assert!(!copied[1], "{copied:?}");
        assert!(copied.iter().any(|c| *c), "{copied:?}");
        let mut saved = Vec::new();
        restored.save_in_chunks(&again, &mut saved, 2).unwrap();
        // What a save that serialises every chunk writes, byte for byte.
        restored.saved_from = None;
        let mut made = Vec::new();
        restored.save_in_chunks(&again, &mut made, 2).unwrap();
        assert!(saved == made);
        // And it reads back as the run it was saved from.
        let (mut back, previous) = Cache::restore(b, std::io::Cursor::new(saved)).unwrap();
        let third = super::super::run_cached(b, &mut back, Some(previous));
        super::super::tests::same(&third, &again);
    }

    #[test]
    fn a_saved_analysis_for_other_people_or_torn_is_not_restored() {
        let dir = crate::testing::default_briefing();
        let mut loaded = crate::load::briefing(dir.path()).unwrap();
        let mut cache = Cache::default();
        let first = super::super::run_cached(&loaded.briefing, &mut cache, None);
        let mut bytes = Vec::new();
        cache.save(&first, &mut bytes).unwrap();
        assert!(
            Cache::restore(
                &loaded.briefing,
                std::io::Cursor::new(bytes[..bytes.len() / 2].to_vec())
            )
            .is_none()
        );
        assert!(
            Cache::restore(
                &loaded.briefing,
                std::io::Cursor::new(b"not a saved analysis")
            )
            .is_none()
        );
        // Torn between two chunks: every chunk left reads, but one is missing.
        let mut chunked = Vec::new();
        cache.save_in_chunks(&first, &mut chunked, 1).unwrap();
        let frames_of = |bytes: &[u8]| frames(&std::sync::Mutex::new(std::io::Cursor::new(bytes)));
        let last = frames_of(&chunked).unwrap().last().unwrap().len;
        let whole = chunked.len() - 8 - last;
        assert_eq!(
            frames_of(&chunked[..whole]).unwrap().len(),
            frames_of(&chunked).unwrap().len() - 1
        );
        // Torn within the last chunk: it is not taken for a frame.
        assert_eq!(
            frames_of(&chunked[..chunked.len() - 1]).unwrap(),
            frames_of(&chunked[..whole]).unwrap()
        );
        assert!(
            Cache::restore(
                &loaded.briefing,
                std::io::Cursor::new(chunked[..whole].to_vec())
            )
            .is_none()
        );
        loaded.briefing.people[0]
            .aliases
            .push("Someone Else".into());
        assert!(Cache::restore(&loaded.briefing, std::io::Cursor::new(bytes)).is_none());
    }
}
