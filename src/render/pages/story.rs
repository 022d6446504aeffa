//! A *found story* and its *pairs*: the articles the analysis grouped as reporting
//! one event, how each pair relates (copy, light edit, rewrite, partial overlap) and
//! what differs between them, each side linked to its paragraph; a pair worth reading
//! gets its own page, its sentences aligned side by side.
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use serde::Serialize;
use tera::Context;

use crate::analyse::{DiffOp, DiffRun, Difference, DifferenceKind, Pair, Relation, Story};
use crate::content::Article;
use crate::render::urls;
use crate::render::view::{self, ArticleLink, PairLine, StoryLine, article_link, escape};
use crate::render::{Site, comparison_grid, side_by_side};

/// A relation in the site's language.
pub(crate) fn relation_text(words: &crate::render::i18n::Words, r: Relation) -> &'static str {
    // The keys whole, not made for each of the thousands of pairs listed.
    words.get(match r {
        Relation::Copy => "relation.copy",
        Relation::LightEdit => "relation.light_edit",
        Relation::Rewrite => "relation.rewrite",
        Relation::PartialOverlap => "relation.partial_overlap",
    })
}

/// A relation's key in the words tables (`relations.light_edit`), in the order
/// of its English words, which is the order a story's page lists them.
pub(crate) fn relation_id(r: Relation) -> &'static str {
    match r {
        Relation::Copy => "copy",
        Relation::LightEdit => "light_edit",
        Relation::Rewrite => "rewrite",
        Relation::PartialOverlap => "partial_overlap",
    }
}

/// A found story as listed: its title, size and how many outlets report it.
pub(crate) fn story_line(site: &Site, s: &Story, root: &str) -> StoryLine {
    let b = site.briefing;
    let outlets: std::collections::BTreeSet<&str> = s
        .articles
        .iter()
        .filter_map(|a| b.article(a)?.outlet.as_deref())
        .collect();
    StoryLine {
        title: s.title.clone(),
        url: format!("{root}{}", urls::comparison(&s.id)),
        articles: s.articles.len(),
        outlets: outlets.len(),
        pairs: s.pairs.len(),
    }
}

pub(super) fn percent(x: f64) -> String {
    format!("{:.0}%", (x * 100.0).clamp(0.0, 100.0))
}

/// What a story's page shows of its lists before linking to their own pages.
pub(crate) const STORY_ARTICLES: usize = 20;
pub(crate) const STORY_PAIRS: usize = 20;
/// Differences a story's page leads with, as many as the pairs it lists; each pair's
/// page has all of its own.
const STORY_DIFFERENCES: usize = 20;

/// Whether a compared pair gets a page of its own: a copy, an edit or a rewrite is
/// worth reading side by side, and so is any pair whose sources differ on something;
/// a partial overlap that differs on nothing is listed, not shown.
pub(crate) fn worth_a_page(p: &Pair) -> bool {
    p.relation != Relation::PartialOverlap || !p.differences.is_empty()
}

/// A pair's address below the site's top, made of its two articles' ids: it stays
/// the same whatever story the pair is grouped in.
pub(crate) fn pair_base(p: &Pair) -> String {
    urls::pair(&p.a, &p.b)
}

/// A story's articles, the first published first.
fn story_articles<'a>(site: &Site<'a>, s: &Story) -> Vec<&'a Article> {
    let mut list: Vec<&Article> = s
        .articles
        .iter()
        .filter_map(|a| site.briefing.article(a))
        .collect();
    view::sort_newest(&mut list);
    list.reverse();
    list
}

/// A compared pair as listed: the two articles, how they relate, how many differences
/// were found, and its page when it has one.
pub(crate) fn pair_line(site: &Site, p: &Pair, root: &str) -> PairLine {
    let b = site.briefing;
    let link = |id: &str| b.article(id).map(|a| article_link(site, a, root));
    PairLine {
        a: link(&p.a),
        b: link(&p.b),
        relation: relation_text(&site.words, p.relation),
        similarity: percent(p.similarity),
        differences: p.differences.len(),
        url: worth_a_page(p).then(|| format!("{root}{}", pair_base(p))),
    }
}

/// One difference as the story's and the pair's pages lead with it: what differs, and
/// what each side says, linked to its paragraph.
#[derive(Serialize)]
struct DifferenceRow<'a> {
    kind: &'static str,
    summary: String,
    a: Option<DifferenceSide<'a>>,
    b: Option<DifferenceSide<'a>>,
    /// The pair's page, on a story's page.
    pair: Option<String>,
}

#[derive(Serialize)]
struct DifferenceSide<'a> {
    text: &'a str,
    /// On a pair's page, the whole sentence, with the words the other side has not
    /// marked, when its aligned row is shown here instead of among the sentences that
    /// changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    html: Option<String>,
    article: Option<Rc<ArticleLink>>,
    url: String,
    paragraph: usize,
}

/// The links to the articles a page's differences are in, each made once: every row
/// of a pair's page names one of its two articles, and a story's page a few.
struct Links<'s, 'a> {
    site: &'s Site<'a>,
    root: &'s str,
    made: RefCell<FxHashMap<&'s str, Option<Rc<ArticleLink>>>>,
}

impl<'s, 'a> Links<'s, 'a> {
    fn new(site: &'s Site<'a>, root: &'s str) -> Self {
        Links {
            site,
            root,
            made: RefCell::default(),
        }
    }

    fn to(&self, article: &'s str) -> Option<Rc<ArticleLink>> {
        let (site, root) = (self.site, self.root);
        let mut made = self.made.borrow_mut();
        let link = made.entry(article).or_insert_with(|| {
            let a = site.briefing.article(article)?;
            Some(Rc::new(article_link(site, a, root)))
        });
        link.clone()
    }
}

fn difference_side<'a>(x: &'a crate::analyse::Side, links: &Links<'a, '_>) -> DifferenceSide<'a> {
    DifferenceSide {
        text: &x.text,
        html: None,
        article: links.to(&x.article),
        url: view::paragraph_url(links.root, &x.article, x.paragraph),
        paragraph: x.paragraph,
    }
}

/// A difference's summary as a reader reads it: the pair's articles named by outlet —
/// with the date when both are of one outlet, by title when that is the same too.
fn summary_words(site: &Site, pair: &Pair, summary: &crate::analyse::Summary) -> String {
    let b = site.briefing;
    let (x, y) = (b.article(&pair.a), b.article(&pair.b));
    let name = |id: &str, this: Option<&Article>, other| match this {
        Some(this) => article_name(b, &site.words, this, other),
        None => id.to_string(),
    };
    site.words
        .summary(summary, &name(&pair.a, x, y), &name(&pair.b, y, x))
}

/// How an article is told from `other` in a sentence: its outlet, its outlet and day
/// when `other` is of the same outlet, its title when that is the same too.
pub(crate) fn article_name(
    b: &crate::content::Briefing,
    w: &crate::render::i18n::Words,
    a: &Article,
    other: Option<&Article>,
) -> String {
    let outlet = |a: &Article| {
        let id = a.outlet.as_ref()?;
        b.outlets.get(id).map(|o| o.name.as_str())
    };
    let same_outlet = other.is_some_and(|o| outlet(o) == outlet(a));
    let same_day = other.is_some_and(|o| o.published.date == a.published.date);
    match outlet(a) {
        Some(name) if !same_outlet => name.to_string(),
        Some(name) if !same_day => {
            let day = w.day(a.published.date);
            w.say(
                "story.outlet_of_day",
                None,
                &[("outlet", name), ("day", &day)],
            )
        }
        _ => format!("“{}”", a.title),
    }
}

/// How a kind of difference is named to a reader, and the order the kinds are shown
/// in: a quote worded differently first, a statement in one source only last.
fn difference_kind(kind: DifferenceKind) -> (u8, &'static str) {
    match kind {
        DifferenceKind::QuoteWording => (0, "difference.quote_wording"),
        DifferenceKind::Number => (1, "difference.number"),
        DifferenceKind::Date => (2, "difference.date"),
        DifferenceKind::OnlyIn => (3, "difference.only_in"),
    }
}

fn difference_row<'a>(
    links: &Links<'a, '_>,
    of: &Pair,
    d: &'a Difference,
    pair: Option<String>,
) -> DifferenceRow<'a> {
    let site = links.site;
    DifferenceRow {
        kind: site.words.get(difference_kind(d.kind).1),
        summary: summary_words(site, of, &d.summary),
        a: d.a.as_ref().map(|x| difference_side(x, links)),
        b: d.b.as_ref().map(|x| difference_side(x, links)),
        pair,
    }
}

pub(super) fn story(site: &Site, i: usize, root: &str, ctx: &mut Context) -> &'static str {
    use crate::render::lists::List;
    let s: &Story = &site.analysis.stories[i];
    let articles = story_articles(site, s);
    let outlets: std::collections::BTreeSet<&str> = articles
        .iter()
        .filter_map(|a| a.outlet.as_deref())
        .collect();
    // Listed in the order of their English words, in every language.
    let mut relations: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &s.pairs {
        *relations.entry(relation_id(p.relation)).or_default() += 1;
    }
    // The differences worth leading with: every kind but statements in one source
    // only, the most telling kinds first; the statements are counted.
    let mut differences: Vec<(u8, &Pair, &Difference)> = s
        .pairs
        .iter()
        .flat_map(|p| {
            let p: &Pair = p;
            p.differences
                .iter()
                .map(move |d| (difference_kind(d.kind).0, p, d))
        })
        .collect();
    let only_in = differences
        .iter()
        .filter(|(_, _, d)| d.kind == DifferenceKind::OnlyIn)
        .count();
    differences.retain(|(_, _, d)| d.kind != DifferenceKind::OnlyIn);
    differences.sort_by_key(|(rank, _, _)| *rank);
    let difference_count = differences.len();
    let links = Links::new(site, root);
    let rows: Vec<DifferenceRow> = differences
        .into_iter()
        .take(STORY_DIFFERENCES)
        .map(|(_, p, d)| {
            let page = worth_a_page(p).then(|| format!("{root}{}", pair_base(p)));
            difference_row(&links, p, d, page)
        })
        .collect();
    let first = articles.first().map(|a| site.words.day(a.published.date));
    let last = articles.last().map(|a| site.words.day(a.published.date));
    let shown: Vec<ArticleLink> = articles
        .iter()
        .take(STORY_ARTICLES)
        .map(|a| article_link(site, a, root))
        .collect();
    let pairs: Vec<PairLine> = s
        .pairs
        .iter()
        .take(STORY_PAIRS)
        .map(|p| pair_line(site, p, root))
        .collect();
    let more = |list: List, shown: usize, total: usize| -> Option<More> {
        (total > shown).then(|| More {
            url: list.url(site, root, 1),
            total,
        })
    };
    let relations: Vec<RelationCount> = relations
        .into_iter()
        .map(|(id, count)| RelationCount { id, count })
        .collect();
    ctx.insert("title", &s.title);
    ctx.insert("section", "compare");
    ctx.insert(
        "story",
        &StoryView {
            title: &s.title,
            article_count: articles.len(),
            outlet_count: outlets.len(),
            first,
            last,
            pair_count: s.pairs.len(),
            relations,
        },
    );
    ctx.insert("differences", &rows);
    ctx.insert("difference_count", &difference_count);
    ctx.insert("only_in", &only_in);
    ctx.insert("articles", &shown);
    ctx.insert(
        "more_articles",
        &more(List::StoryMembers(i), STORY_ARTICLES, articles.len()),
    );
    ctx.insert("pairs", &pairs);
    ctx.insert(
        "more_pairs",
        &more(List::StoryPairs(i), STORY_PAIRS, s.pairs.len()),
    );
    "story.html"
}

/// The two sentences of an aligned row as safe HTML: the words removed from `a` struck
/// out, those added in `b` underlined. Marked words with only spaces between them are
/// one mark, so a reader (and a screen reader) meets "removed: on Monday, a case that…"
/// once, not word by word.
fn diff_sides(runs: &[DiffRun], ta: &str, tb: &str) -> (String, String) {
    let side = |mark: DiffOp, tag: &str| {
        // The runs this side shows, and whether each is marked; each written as it is
        // met, escaped straight into the side's HTML.
        let mut segments = runs
            .iter()
            .filter(|r| r.op == DiffOp::Equal || r.op == mark)
            .map(|r| (r.op == mark, r.text(ta, tb)))
            .peekable();
        let mut out = String::with_capacity(ta.len().max(tb.len()) + 32);
        let mut open = false;
        while let Some((marked, text)) = segments.next() {
            let bridge =
                open && text.trim().is_empty() && segments.peek().is_some_and(|next| next.0);
            let marked = marked || bridge;
            if marked != open {
                out.push_str(if marked { "<" } else { "</" });
                out.push_str(tag);
                out.push('>');
                open = marked;
            }
            // Writing into a String cannot fail.
            let _ = pulldown_cmark_escape::escape_html(&mut out, text);
        }
        if open {
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
        }
        out
    };
    (side(DiffOp::Delete, "del"), side(DiffOp::Insert, "ins"))
}

/// A row of a pair's alignment whose two sentences differ, before it is written: most
/// rows of a rewrite are past [`side_by_side::ROWS_SHOWN`] and only counted, so their
/// HTML is made only for the rows shown.
struct Changed<'r> {
    /// Where its two sentences are, to find a difference found in them.
    at: (Place, Place),
    row: &'r crate::analyse::Aligned,
    texts: (&'r str, &'r str),
}

impl Changed<'_> {
    /// Each side as safe HTML, with the words struck out and added marked when most
    /// words are shared (and whether they are).
    fn html(&self) -> (String, String, bool) {
        let (ta, tb) = self.texts;
        let marked = side_by_side::most_words_shared(&self.row.diff, ta, tb);
        let (a, b) = if !marked {
            (escape(ta), escape(tb))
        } else {
            diff_sides(&self.row.diff, ta, tb)
        };
        (a, b, marked)
    }
}

/// A row of a pair's alignment whose two sentences differ, as safe HTML.
#[derive(Serialize)]
struct Row {
    a: RowSide,
    b: RowSide,
    similarity: String,
    /// Whether words are marked removed and added (most words are shared).
    marked: bool,
}

#[derive(Serialize)]
struct RowSide {
    html: String,
    url: String,
    paragraph: usize,
}

/// A sentence's paragraph and bytes in it.
type Place = (usize, usize, usize);

fn place_of(s: &crate::analyse::Sentence) -> Place {
    (s.paragraph, s.start, s.end)
}

/// A statement one source of a pair makes and the other does not, as its page lists it.
#[derive(Serialize)]
struct Statement<'a> {
    text: &'a str,
    url: String,
    paragraph: usize,
}

/// The text of a sentence of `article`, or nothing when the article is gone.
fn text_in<'a>(x: &crate::analyse::Sentence, article: Option<&'a Article>) -> &'a str {
    article.map_or("", |a| x.text(a))
}

/// Something of each side of a pair, as a template reads it (`labels.a`, `heads[side]`):
/// typed, so the context converts it once rather than through a `json!` value first.
#[derive(Serialize)]
struct Sides<T> {
    a: T,
    b: T,
}

/// A pair as its page's template reads it: its two articles, how they relate, and how
/// many of its sentences are the same, differ in spelling alone, or are one side's only.
#[derive(Serialize)]
struct PairView {
    a: Option<ArticleLink>,
    b: Option<ArticleLink>,
    relation: &'static str,
    similarity: String,
    same: usize,
    spelling: usize,
    only_a: usize,
    only_b: usize,
}

/// A page linked by its title: the story a pair is in.
#[derive(Serialize)]
struct Titled<'a> {
    title: &'a str,
    url: String,
}

/// A story's figures as its page's template reads them.
#[derive(Serialize)]
struct StoryView<'a> {
    title: &'a str,
    article_count: usize,
    outlet_count: usize,
    first: Option<String>,
    last: Option<String>,
    pair_count: usize,
    relations: Vec<RelationCount>,
}

/// How many of a story's pairs relate one way, by the relation's key.
#[derive(Serialize)]
struct RelationCount {
    id: &'static str,
    count: usize,
}

/// A list a page shows the first entries of: its own pages, and how long it is.
#[derive(Serialize)]
struct More {
    url: String,
    total: usize,
}

pub(super) fn pair(site: &Site, s: usize, p: usize, root: &str, ctx: &mut Context) -> &'static str {
    let b = site.briefing;
    let story = &site.analysis.stories[s];
    let pair = &story.pairs[p];
    let (article_a, article_b) = (b.article(&pair.a), b.article(&pair.b));
    let (mut same, mut spelling) = (0, 0);
    let mut only_a = side_by_side::Unmatched::default();
    let mut only_b = side_by_side::Unmatched::default();
    let mut rows = Vec::new();
    for row in &pair.alignment {
        match (&row.a, &row.b) {
            (Some(x), Some(y)) => {
                let (ta, tb) = (text_in(x, article_a), text_in(y, article_b));
                if ta == tb {
                    same += 1;
                    continue;
                }
                // The same words make the same content words: only a row of full
                // similarity can differ in spelling alone.
                if row.similarity == Some(1.0) && crate::analyse::same_words(ta, tb) {
                    spelling += 1;
                    continue;
                }
                rows.push(Changed {
                    at: (place_of(x), place_of(y)),
                    row,
                    texts: (ta, tb),
                });
            }
            (Some(x), None) => only_a.push(x),
            (None, Some(y)) => only_b.push(y),
            (None, None) => {}
        }
    }
    let mut differences: Vec<&Difference> = pair.differences.iter().collect();
    differences.sort_by_key(|d| difference_kind(d.kind).0);
    // A statement in one source only is a sentence the other has nothing aligned with:
    // listed once, under the differences, not also in a row whose other side is empty.
    // A fact one source adds inside a sentence both have is shown with both sentences,
    // among the differences.
    let alone =
        |d: &Difference| d.kind == DifferenceKind::OnlyIn && (d.a.is_none() || d.b.is_none());
    let mut only_in: [Vec<Statement>; 2] = Default::default();
    for d in differences.iter().filter(|d| alone(d)) {
        for (i, x) in [&d.a, &d.b].into_iter().enumerate() {
            if let Some(x) = x {
                only_in[i].push(Statement {
                    text: &x.text,
                    url: view::paragraph_url(root, &x.article, x.paragraph),
                    paragraph: x.paragraph,
                });
            }
        }
    }
    // A difference found in two sentences that were aligned shows them whole, with the
    // words the other side has not marked (a quote worded differently, with what
    // surrounds it), and their row is not shown again among the sentences that changed.
    let mut shown_above = vec![false; rows.len()];
    let links = Links::new(site, root);
    let differences: Vec<DifferenceRow> = differences
        .into_iter()
        .filter(|d| !alone(d))
        .map(|d| {
            let mut row = difference_row(&links, pair, d, None);
            if let (Some(x), Some(y)) = (&d.a, &d.b) {
                let at = ((x.paragraph, x.start, x.end), (y.paragraph, y.start, y.end));
                if let Some(i) = rows.iter().position(|r| r.at == at) {
                    shown_above[i] = true;
                    if let (Some(sa), Some(sb)) = (&mut row.a, &mut row.b) {
                        let (a_html, b_html, _) = rows[i].html();
                        sa.html = Some(a_html);
                        sb.html = Some(b_html);
                    }
                }
            }
            row
        })
        .collect();
    let above = shown_above.iter().filter(|x| **x).count();
    let mut shown_above = shown_above.into_iter();
    rows.retain(|_| !shown_above.next().unwrap_or(false));
    // The changed rows past the first few are folded with each side's paragraphs.
    let changed = rows.len();
    for r in rows.drain(rows.len().min(side_by_side::ROWS_SHOWN)..) {
        only_a.push_reworded(r.at.0.0);
        only_b.push_reworded(r.at.1.0);
    }
    let rows: Vec<Row> = rows
        .into_iter()
        .map(|r| {
            let (a_html, b_html, marked) = r.html();
            let (x, y) = (r.at.0.0, r.at.1.0);
            Row {
                a: RowSide {
                    html: a_html,
                    url: view::paragraph_url(root, &pair.a, x),
                    paragraph: x,
                },
                b: RowSide {
                    html: b_html,
                    url: view::paragraph_url(root, &pair.b, y),
                    paragraph: y,
                },
                similarity: percent(r.row.similarity.unwrap_or(0.0)),
                marked,
            }
        })
        .collect();
    let (only_a, only_b) = (only_a.link(article_a, root), only_b.link(article_b, root));
    let link = |a: Option<&Article>| a.map(|a| article_link(site, a, root));
    // Each side told from the other, as the differences' summaries tell them.
    let name = |a: Option<&Article>, other: Option<&Article>| {
        a.map_or_else(String::new, |a| article_name(b, &site.words, a, other))
    };
    let (name_a, name_b) = (name(article_a, article_b), name(article_b, article_a));
    let title = site
        .words
        .say("pair.title", None, &[("a", &name_a), ("b", &name_b)]);
    // Each column is one article's: headed by its outlet and date (with the opening
    // of its title when both read alike), so a cell need only say which paragraph.
    let sides: Vec<&Article> = [article_a, article_b].into_iter().flatten().collect();
    let mut heads = comparison_grid::heads(site, &sides).into_iter();
    let mut head = |a: Option<&Article>| a.and_then(|_| heads.next()).unwrap_or_default();
    let (head_a, head_b) = (head(article_a), head(article_b));

    // The tables' columns, and each cell a phone stacks, are named as the title names
    // the sides, or by outlet and day where that is shorter (the list above gives each
    // its outlet and day): a cell's label is bytes in every cell of thousands of pages.
    let shorter = |name: String, head: &str| {
        if name.is_empty() || name.len() > head.len() {
            head.to_string()
        } else {
            name
        }
    };
    let label_a = shorter(name(article_a, article_b), &head_a);
    let label_b = shorter(name(article_b, article_a), &head_b);
    let labels = if label_a == label_b {
        Sides {
            a: head_a.as_str(),
            b: head_b.as_str(),
        }
    } else {
        Sides {
            a: label_a.as_str(),
            b: label_b.as_str(),
        }
    };
    ctx.insert("labels", &labels);
    ctx.insert(
        "heads",
        &Sides {
            a: &head_a,
            b: &head_b,
        },
    );
    let [only_in_a, only_in_b] = only_in;
    ctx.insert(
        "only_in",
        &Sides {
            a: only_in_a,
            b: only_in_b,
        },
    );
    ctx.insert("shown_above", &above);
    ctx.insert(
        "unmatched",
        &Sides {
            a: &only_a,
            b: &only_b,
        },
    );
    ctx.insert("title", &title);
    ctx.insert("section", "compare");
    ctx.insert(
        "pair",
        &PairView {
            a: link(article_a),
            b: link(article_b),
            relation: relation_text(&site.words, pair.relation),
            similarity: percent(pair.similarity),
            same,
            spelling,
            only_a: only_a.count,
            only_b: only_b.count,
        },
    );
    ctx.insert(
        "story",
        &Titled {
            title: &story.title,
            url: format!("{root}{}", urls::comparison(&story.id)),
        },
    );
    ctx.insert("differences", &differences);
    ctx.insert("marked_rows", &rows.iter().filter(|r| r.marked).count());
    ctx.insert("changed_rows", &changed);
    ctx.insert("rows", &rows);
    "pair.html"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relations_words_are_those_of_its_id() {
        let theme = crate::render::Theme::default_theme();
        for code in ["en", "es"] {
            let words = crate::render::i18n::Words::load(code, &theme).unwrap();
            for r in [
                Relation::Copy,
                Relation::LightEdit,
                Relation::Rewrite,
                Relation::PartialOverlap,
            ] {
                let key = format!("relation.{}", relation_id(r));
                assert_eq!(relation_text(&words, r), words.get(&key), "{code} {key}");
                assert!(!relation_text(&words, r).is_empty());
            }
        }
    }

    #[test]
    fn marked_words_with_only_spaces_between_are_one_mark() {
        let (a, b) = (
            "Soto defended it on Monday, a case",
            "Soto responded to it on Aug. 11",
        );
        let at = |t: &str, within: &str, op: DiffOp| {
            let start = within.find(t).unwrap() as u32;
            DiffRun {
                op,
                start,
                end: start + t.len() as u32,
            }
        };
        let runs = [
            at("Soto ", a, DiffOp::Equal),
            at("defended", a, DiffOp::Delete),
            at("responded to", b, DiffOp::Insert),
            at(" it on ", a, DiffOp::Equal),
            at("Monday,", a, DiffOp::Delete),
            at("Aug.", b, DiffOp::Insert),
            at(" ", a, DiffOp::Equal),
            at("a", a, DiffOp::Delete),
            at("11", b, DiffOp::Insert),
            at(" ", a, DiffOp::Equal),
            at("case", a, DiffOp::Delete),
        ];
        let (left, right) = diff_sides(&runs, a, b);
        assert_eq!(
            left,
            "Soto <del>defended</del> it on <del>Monday, a case</del>"
        );
        // A space the other side's removal follows still joins the added words.
        assert_eq!(
            right,
            "Soto <ins>responded to</ins> it on <ins>Aug. 11</ins> "
        );
    }
}
