//! *Verification* checks what a single file cannot: that every id is unique and every
//! name of a person names one person, that every reference (outlet, person, article,
//! featured) names something that exists and nothing published cites a draft, and that
//! every curated quote occurs in the article it cites.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;

use crate::content::{Briefing, Found, SourceRef};
use crate::diagnostic::Diagnostic;
use crate::normalise::{self, Normalised};
use crate::source::{FileId, Sources, Span};
use crate::yaml::Path;

use super::article::Pending;

/// Ids of files that exist but failed to load; references to them are not reported.
#[derive(Debug, Default)]
pub struct Broken {
    pub articles: BTreeSet<String>,
    pub people: BTreeSet<String>,
    pub outlets: BTreeSet<String>,
    /// outlets.yaml itself could not be read: no outlet reference can be checked.
    pub all_outlets: bool,
}

/// Reports ids given twice and keeps the first of each.
pub fn unique_ids(
    b: &mut Briefing,
    sources: &Sources,
    broken: &mut Broken,
    out: &mut Vec<Diagnostic>,
) {
    // Which of the two a citation means cannot be known: check neither.
    let twice = first_of_each(
        &mut b.articles,
        |a| (&a.id, a.file),
        "articles",
        sources,
        out,
    );
    broken.articles.extend(twice);
    let twice = first_of_each(&mut b.people, |p| (&p.id, p.file), "people", sources, out);
    broken.people.extend(twice);
    first_of_each(
        &mut b.comparisons,
        |c| (&c.id, c.file),
        "comparisons",
        sources,
        out,
    );
    let mut seen = BTreeMap::new();
    b.events.retain(|e| match seen.get(&e.id) {
        None => {
            seen.insert(e.id.clone(), e.span);
            true
        }
        Some(first) => {
            let (line, _) = sources.get(first.file).line_col(first.start);
            out.push(
                Diagnostic::error("duplicate-id", format!("two events have the id `{}`", e.id))
                    .at(e.span, "used again here")
                    .hint(format!(
                        "first used at {}:{line}; give each event its own id",
                        sources.get(first.file).path
                    )),
            );
            false
        }
    });
}

/// Keeps the first of the `items` that have the same id (their file name), in file
/// order, and reports each other one at its file, naming the first. Returns the ids
/// given twice.
fn first_of_each<T>(
    items: &mut Vec<T>,
    id_of: impl Fn(&T) -> (&String, FileId),
    what: &str,
    sources: &Sources,
    out: &mut Vec<Diagnostic>,
) -> BTreeSet<String> {
    let mut seen: BTreeMap<String, FileId> = BTreeMap::new();
    let mut twice = BTreeSet::new();
    items.retain(|item| {
        let (id, file) = id_of(item);
        let Some(&first) = seen.get(id) else {
            seen.insert(id.clone(), file);
            return true;
        };
        twice.insert(id.clone());
        let end = sources.get(file).text.find('\n').unwrap_or(0);
        out.push(
            Diagnostic::error("duplicate-id", format!("two {what} have the id `{id}`"))
                .at(Span::new(file, 0, end), "this file")
                .hint(format!(
                    "`{}` has the same file name; ids are file names and must be unique: rename or remove one of the two",
                    sources.get(first).path
                )),
        );
        false
    });
    twice
}

/// Reports a full name or alias that two people claim, at the second of them (in id
/// order), naming the first: the mention of such a name could be either, and the
/// analysis would say so at every mention. Names are compared as the mention matcher
/// compares them, accents and case aside. A shared surname is not a claim: three
/// people may be called Rodríguez, and a bare surname is resolved by context.
pub fn names(b: &Briefing, sources: &Sources, out: &mut Vec<Diagnostic>) {
    use crate::analyse::text::fold;
    let mut claimed: HashMap<String, usize> = HashMap::new();
    for (i, p) in b.people.iter().enumerate() {
        let forms = std::iter::once((&p.name, Path::root().key("name"))).chain(
            p.aliases
                .iter()
                .enumerate()
                .map(|(j, a)| (a, Path::root().key("aliases").index(j))),
        );
        for (text, at) in forms {
            let key = fold(text);
            // The matcher passes over names this short.
            if key.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                continue;
            }
            let other = match claimed.get(&key) {
                None => {
                    claimed.insert(key, i);
                    continue;
                }
                Some(&other) if other == i => continue,
                Some(&other) => &b.people[other],
            };
            // Where the name is written is only needed here: read the file again.
            let file = sources.get(p.file);
            let span = crate::yaml::untyped(p.file, &file.text, 0)
                .map_or(Span::new(p.file, 0, 0), |doc| doc.spans.value(&at));
            out.push(
                Diagnostic::error(
                    "shared-name",
                    format!("“{text}” names two people: `{}` and `{}`", other.id, p.id),
                )
                .at(span, format!("also a name of `{}`", other.id))
                .hint(format!(
                    "a full name or alias must say who is meant: make it specific (a middle name, an initial) or drop it from one of the two ({}); a surname may be shared, under `surname`",
                    sources.get(other.file).path
                )),
            );
        }
    }
}

/// The hint for an unknown id: the closest known one, or the list of known ones.
fn suggest<'a>(wanted: &str, known: impl Iterator<Item = &'a str>, what: &str) -> String {
    let known: Vec<&str> = known.collect();
    let best = known
        .iter()
        .map(|k| (strsim::levenshtein(wanted, k), *k))
        .filter(|(d, k)| *d <= 3.max(k.len() / 3))
        .min();
    match best {
        Some((_, k)) => format!("did you mean `{k}`?"),
        None if known.is_empty() => format!("there are no {what} yet"),
        None => {
            let shown: Vec<_> = known.iter().take(8).map(|k| format!("`{k}`")).collect();
            let more = if known.len() > 8 { ", …" } else { "" };
            format!("known {what}: {}{more}", shown.join(", "))
        }
    }
}

/// Checks every reference between files.
pub fn references(
    b: &mut Briefing,
    sources: &Sources,
    config_file: usize,
    pending: &[Pending],
    broken: &Broken,
    out: &mut Vec<Diagnostic>,
) {
    let people: BTreeSet<&str> = b
        .people
        .iter()
        .map(|p| p.id.as_str())
        .chain(broken.people.iter().map(String::as_str))
        .collect();
    let articles: BTreeSet<&str> = b
        .articles
        .iter()
        .map(|a| a.id.as_str())
        .chain(broken.articles.iter().map(String::as_str))
        .collect();
    let unknown_person = |id: &str, span: Span| {
        Diagnostic::error("unknown-person", format!("no person has the id `{id}`"))
            .at(span, "not in content/people/")
            .hint(suggest(id, people.iter().copied(), "people"))
    };
    let unknown_article = |id: &str, span: Span| {
        Diagnostic::error("unknown-article", format!("no article has the id `{id}`"))
            .at(span, "not in content/articles/")
            .hint(suggest(id, articles.iter().copied(), "articles"))
    };

    // The config is read before the content; find where each featured id is written.
    if let Ok(doc) = crate::yaml::untyped(config_file, &sources.get(config_file).text, 0) {
        for (i, id) in b.config.featured.iter().enumerate() {
            if !people.contains(id.as_str()) {
                let span = doc.spans.value(&Path::root().key("featured").index(i));
                out.push(unknown_person(id, span));
            }
        }
    }
    pending_checks(b, pending, broken, out);
    for person in &b.people {
        for r in &person.relations {
            if !people.contains(r.person.as_str()) {
                out.push(unknown_person(&r.person, r.person_span));
            }
        }
    }
    for e in &b.events {
        for (id, span) in &e.people {
            if !people.contains(id.as_str()) {
                out.push(unknown_person(id, *span));
            }
        }
    }
    for c in &b.comparisons {
        let listed: BTreeSet<&str> = c.articles.iter().map(|(a, _)| a.as_str()).collect();
        for (id, span) in &c.articles {
            if !articles.contains(id.as_str()) {
                out.push(unknown_article(id, *span));
            }
        }
        for claim in c.points.iter().flat_map(|p| &p.claims) {
            if articles.contains(claim.article.as_str()) && !listed.contains(claim.article.as_str())
            {
                out.push(
                    Diagnostic::error(
                        "claim-outside-comparison",
                        format!(
                            "`{}` is cited but not among the comparison's articles",
                            claim.article
                        ),
                    )
                    .at(claim.article_span, "not listed under `articles`")
                    .hint(format!("add `{}` to `articles`", claim.article)),
                );
            }
        }
    }
    // Unknown articles in citations are reported by the quote check.
    let _ = unknown_article;
}

/// Reports every citation of a draft by what is not a draft: an event or comparison
/// citing a draft article, a person or event naming a draft person, a featured draft.
/// Built without drafts, the citation would lead nowhere.
pub fn drafts(b: &Briefing, sources: &Sources, config_file: usize, out: &mut Vec<Diagnostic>) {
    let people: BTreeMap<&str, FileId> = b
        .people
        .iter()
        .filter(|p| p.draft)
        .map(|p| (p.id.as_str(), p.file))
        .collect();
    let articles: BTreeMap<&str, FileId> = b
        .articles
        .iter()
        .filter(|a| a.draft)
        .map(|a| (a.id.as_str(), a.file))
        .collect();
    if people.is_empty() && articles.is_empty() {
        return;
    }
    let cites = |what: &str, id: &str, file: FileId, span: Span, instead: &str| {
        Diagnostic::error("cites-draft", format!("the {what} `{id}` is a draft"))
            .at(span, format!("a draft {what}"))
            .hint(format!(
                "publish the draft (remove `draft: true` from {}){instead}",
                sources.get(file).path
            ))
    };
    let person = |id: &str, span: Span, instead: &str| {
        people
            .get(id)
            .map(|&file| cites("person", id, file, span, instead))
    };
    let article = |id: &str, span: Span, instead: &str| {
        articles
            .get(id)
            .map(|&file| cites("article", id, file, span, instead))
    };
    if b.config
        .featured
        .iter()
        .any(|id| people.contains_key(id.as_str()))
        && let Ok(doc) = crate::yaml::untyped(config_file, &sources.get(config_file).text, 0)
    {
        for (i, id) in b.config.featured.iter().enumerate() {
            let span = doc.spans.value(&Path::root().key("featured").index(i));
            out.extend(person(id, span, " or take it out of `featured`"));
        }
    }
    let drop = ", drop this citation, or make what cites it a draft too";
    for p in b.people.iter().filter(|p| !p.draft) {
        for r in &p.relations {
            out.extend(person(&r.person, r.person_span, drop));
        }
        let refs = p.roles.iter().filter_map(|r| r.source.as_ref());
        for s in refs.chain(p.relations.iter().filter_map(|r| r.source.as_ref())) {
            out.extend(article(&s.article, s.article_span, drop));
        }
    }
    for e in b.events.iter().filter(|e| !e.draft) {
        for (id, span) in &e.people {
            out.extend(person(id, *span, drop));
        }
        for s in &e.sources {
            out.extend(article(&s.article, s.article_span, drop));
        }
    }
    // A claim's article is listed under `articles`, where it is reported once.
    for c in b.comparisons.iter().filter(|c| !c.draft) {
        for (id, span) in &c.articles {
            out.extend(article(id, *span, drop));
        }
    }
}

/// Checks what articles' front matter names: outlets, and the form of URLs.
pub fn pending_checks(
    b: &Briefing,
    pending: &[Pending],
    broken: &Broken,
    out: &mut Vec<Diagnostic>,
) {
    for p in pending {
        match p {
            Pending::Outlet { id, at }
                if !b.outlets.contains_key(id)
                    && !broken.all_outlets
                    && !broken.outlets.contains(id) =>
            {
                out.push(
                    Diagnostic::error("unknown-outlet", format!("no outlet has the id `{id}`"))
                        .at(at.span(), "not in content/outlets.yaml")
                        .hint(suggest(id, b.outlets.keys().map(String::as_str), "outlets")),
                )
            }
            Pending::Url { url, at } => super::curation::check_url(url, || at.span(), out),
            _ => {}
        }
    }
}

/// Every source reference in the briefing, mutable, so the quote check can record
/// where each quote was found.
fn all_refs<'a>(
    people: &'a mut [crate::content::Person],
    events: &'a mut [crate::content::Event],
    comparisons: &'a mut [crate::content::Comparison],
) -> Vec<&'a mut SourceRef> {
    let mut refs: Vec<&mut SourceRef> = Vec::new();
    for p in people {
        refs.extend(p.roles.iter_mut().filter_map(|r| r.source.as_mut()));
        refs.extend(p.relations.iter_mut().filter_map(|r| r.source.as_mut()));
    }
    for e in events {
        refs.extend(e.sources.iter_mut());
    }
    for c in comparisons {
        refs.extend(c.points.iter_mut().flat_map(|p| p.claims.iter_mut()));
    }
    refs
}

/// Verifies every curated quote against its article and records the paragraph.
pub fn quotes(b: &mut Briefing, broken: &Broken, out: &mut Vec<Diagnostic>) {
    quotes_where(b, broken, out, |_| true)
}

/// [`quotes`], for the quotes that cite the articles `ids` alone: what an edit of
/// those articles may change.
pub fn quotes_citing(
    b: &mut Briefing,
    ids: &BTreeSet<String>,
    broken: &Broken,
    out: &mut Vec<Diagnostic>,
) {
    quotes_where(b, broken, out, |article| ids.contains(article))
}

fn quotes_where(
    b: &mut Briefing,
    broken: &Broken,
    out: &mut Vec<Diagnostic>,
    checked: impl Fn(&str) -> bool,
) {
    // Normalise the paragraphs of each cited article once, however many quotes cite
    // it; articles nobody cites are never normalised.
    let Briefing {
        articles,
        people,
        events,
        comparisons,
        ..
    } = b;
    let mut refs = all_refs(people, events, comparisons);
    refs.retain(|r| checked(&r.article));
    if refs.is_empty() {
        return;
    }
    let cited: BTreeSet<&str> = refs.iter().map(|r| r.article.as_str()).collect();
    // Articles are sorted by id, so each cited one is found by binary search.
    let cited: Vec<&crate::content::Article> = cited
        .into_iter()
        .filter_map(|id| {
            let at = articles.binary_search_by(|a| a.id.as_str().cmp(id)).ok()?;
            Some(&articles[at])
        })
        .collect();
    let normalised: BTreeMap<String, Vec<Normalised>> = cited
        .par_iter()
        .map(|a| {
            let paras = a
                .paragraphs()
                .map(|p| normalise::normalise(&p.text))
                .collect();
            (a.id.clone(), paras)
        })
        .collect();
    drop(cited);
    for r in refs.iter_mut() {
        if broken.articles.contains(&r.article) {
            continue;
        }
        let Some(paras) = normalised.get(&r.article) else {
            out.push(
                Diagnostic::error(
                    "unknown-article",
                    format!("no article has the id `{}`", r.article),
                )
                .at(r.article_span, "not in content/articles/")
                .hint(suggest(
                    &r.article,
                    articles.iter().map(|a| a.id.as_str()),
                    "articles",
                )),
            );
            continue;
        };
        r.found = paras.iter().enumerate().find_map(|(i, n)| {
            normalise::find(n, &r.quote).map(|(start, end)| Found {
                paragraph: i + 1,
                start,
                end,
            })
        });
        if r.found.is_none() {
            let body: Vec<&str> = articles
                .iter()
                .find(|a| a.id == r.article)
                .map(|a| a.paragraphs().map(|p| p.text.as_str()).collect())
                .unwrap_or_default();
            let hint = match normalise::closest_passage(&body.join("\n"), &r.quote) {
                Some(p) => format!("the closest passage of `{}` is: \"{p}\"", r.article),
                None => format!("copy the words exactly as `{}` has them", r.article),
            };
            let quote_preview: String = r.quote.chars().take(60).collect();
            let ellipsis = if r.quote.chars().count() > 60 {
                "…"
            } else {
                ""
            };
            out.push(
                Diagnostic::error(
                    "quote-not-found",
                    format!(
                        "the quote \"{quote_preview}{ellipsis}\" is not in article `{}`",
                        r.article
                    ),
                )
                .at(r.quote_span, "not found in the article")
                .hint(hint),
            );
        }
    }
}
