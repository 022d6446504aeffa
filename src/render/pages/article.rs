//! An *article's page*: its text with each paragraph's anchor, the mentions and
//! quotes the analysis found marked in it, its dates, and the stories, comparisons and
//! outlets it belongs to.
use std::collections::{BTreeMap, HashMap, HashSet};

use tera::Context;

use super::story::percent;
use super::*;
use crate::analyse::DateMention;
use crate::content::Article;
use crate::markdown::{self, Mark};
use crate::render::Site;
use crate::render::urls;
use crate::render::view::escape;

/// The marks of an article's paragraphs: each mention links to its person (or says it
/// is ambiguous), each quote is marked with its speaker.
fn article_marks(site: &Site, a: &Article, root: &str) -> Vec<Vec<Mark>> {
    let b = site.briefing;
    let mut marks: Vec<Vec<Mark>> = vec![Vec::new(); a.paragraph_count()];
    // Written into the article's HTML as they are, so escaped here.
    let quote_of = escape(site.words.get("article.quote_of"));
    let no_speaker = escape(site.words.get("article.no_speaker"));
    for q in site.index.quotes_by_article.of(&a.id) {
        let person = q.person.as_deref().and_then(|p| b.person(p));
        let speaker = person.map(|p| p.name.clone()).or_else(|| q.speaker.clone());
        // The speaker is written after the quote: a title would show only on hover,
        // which touch screens and keyboards do not have, and would say it twice. A
        // quote whose speaker was not found says so in its title.
        let after = match (person, &speaker) {
            (Some(p), _) => format!(
                "<a class=\"speaker\" href=\"{root}{}\"><span class=\"visually-hidden\">{quote_of}</span>{}</a>",
                urls::person(&p.id),
                escape(&p.name)
            ),
            (None, Some(s)) => format!(
                "<span class=\"speaker\"><span class=\"visually-hidden\">{quote_of}</span>{}</span>",
                escape(s)
            ),
            (None, None) => String::new(),
        };
        // After the closing quotation mark and its punctuation, not inside them.
        let closing = a.paragraph(q.place.paragraph).map_or(0, |p| {
            p.text
                .get(q.place.end..)
                .unwrap_or_default()
                .chars()
                .take(3)
                .take_while(|c| ",.;:!?”\"’'»›)".contains(*c))
                .map(char::len_utf8)
                .sum()
        });
        if let Some(list) = marks.get_mut(q.place.paragraph.wrapping_sub(1)) {
            // A quotation is a <q>, which says so without a class; the text keeps its
            // own quotation marks, so the stylesheet adds none.
            let open = match &speaker {
                Some(_) => "<q>".to_string(),
                None => format!("<q title=\"{no_speaker}\">"),
            };
            let close = "</q>".to_string();
            if closing == 0 {
                list.push(Mark {
                    start: q.place.start,
                    end: q.place.end,
                    open,
                    close,
                    after,
                });
            } else {
                list.push(Mark {
                    start: q.place.start,
                    end: q.place.end,
                    open,
                    close,
                    after: String::new(),
                });
                let end = q.place.end + closing;
                list.push(Mark {
                    start: q.place.end,
                    end,
                    open: String::new(),
                    close: String::new(),
                    after,
                });
            }
        }
    }
    // Why a name was taken for a person is said at the first mention it explains (an
    // article of a long affair names its main figure a dozen times, for one reason),
    // and not where the text is the person's name itself.
    let mut explained: HashSet<(&str, crate::analyse::Reason)> = HashSet::new();
    // A mention is a link to a person's page, and needs no class to say so: the
    // stylesheet knows it as such a link that is not a quote's speaker.
    for m in site.index.mentions_by_article.of(&a.id) {
        let written = a.paragraph_slice(m.place.paragraph, m.place.start..m.place.end);
        let (open, close) = match m.person.as_deref().and_then(|p| b.person(p)) {
            Some(p) if written != p.name && explained.insert((&p.id, m.reason)) => (
                format!(
                    "<a href=\"{root}{}\" title=\"{} ({})\">",
                    urls::person(&p.id),
                    escape(&p.name),
                    escape(site.words.reason(m.reason))
                ),
                "</a>".to_string(),
            ),
            Some(p) => (
                format!("<a href=\"{root}{}\">", urls::person(&p.id)),
                "</a>".to_string(),
            ),
            None => {
                let names: Vec<String> = m
                    .candidates
                    .iter()
                    .filter_map(|c| b.person(c))
                    .map(|p| p.name.clone())
                    .collect();
                (
                    format!(
                        "<mark class=\"mention ambiguous\" title=\"{}\">",
                        escape(&site.words.say(
                            "article.ambiguous_title",
                            None,
                            &[("names", &names.join(site.words.get("article.or")))]
                        ))
                    ),
                    "</mark>".to_string(),
                )
            }
        };
        if let Some(list) = marks.get_mut(m.place.paragraph.wrapping_sub(1)) {
            list.push(Mark {
                start: m.place.start,
                end: m.place.end,
                open,
                close,
                after: String::new(),
            });
        }
    }
    for list in &mut marks {
        list.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)));
    }
    marks
}

/// A date the text states in full as an HTML `datetime`: a day, a month or a year. A
/// season, a decade or a range has none, and one worked out from the publication date
/// is listed with what it was worked out from.
fn stated_datetime(d: &DateMention) -> Option<String> {
    use chrono::Datelike;
    if d.relative {
        return None;
    }
    let (start, end) = (d.start, d.end);
    let last_of_month = end.succ_opt().is_some_and(|next| next.day() == 1);
    if start == end {
        Some(start.format("%Y-%m-%d").to_string())
    } else if start.day() == 1
        && last_of_month
        && (start.year(), start.month()) == (end.year(), end.month())
    {
        Some(start.format("%Y-%m").to_string())
    } else if start.ordinal() == 1
        && last_of_month
        && end.month() == 12
        && start.year() == end.year()
    {
        Some(format!("{:04}", start.year()))
    } else {
        None
    }
}

/// Each date the text states in full marked where it stands, as a `<time>` with the
/// day, month or year it names: a reader reads it there, a program reads its
/// `datetime`, and the page need not list it again (the data exports list every date).
fn date_marks(a: &Article, found: &[DateMention], marks: &mut [Vec<Mark>]) {
    let mut touched = false;
    for d in found {
        let (Some(datetime), Some(list)) = (
            stated_datetime(d),
            marks.get_mut(d.place.paragraph.wrapping_sub(1)),
        ) else {
            continue;
        };
        if d.place.text(a).is_empty() {
            continue;
        }
        list.push(Mark {
            start: d.place.start,
            end: d.place.end,
            open: format!("<time datetime=\"{datetime}\">"),
            close: "</time>".to_string(),
            after: String::new(),
        });
        touched = true;
    }
    if touched {
        for list in marks {
            list.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)));
        }
    }
}

/// An article's dates as its page lists them: those worked out from the publication
/// date, and those the text states that [`date_marks`] cannot mark, apart; each
/// expression once with every paragraph it is in (a wire story repeats "Friday" in its
/// lead and its last paragraph).
fn article_dates<'a>(site: &Site, a: &'a Article, found: &[DateMention]) -> Vec<DateGroup<'a>> {
    let mut groups: [Vec<DateRow>; 2] = Default::default();
    let mut seen: HashMap<(&str, chrono::NaiveDate, chrono::NaiveDate, bool), usize> =
        HashMap::new();
    for d in found.iter().filter(|d| stated_datetime(d).is_none()) {
        let key = (d.place.text(a), d.start, d.end, d.relative);
        let group = &mut groups[usize::from(d.relative)];
        let n = d.place.paragraph;
        match seen.get(&key) {
            Some(&at) => {
                let list = &mut group[at].paragraphs;
                if list.last().map(|p| p.n) != Some(n) {
                    list.push(ParagraphLink::new(n));
                }
            }
            None => {
                seen.insert(key, group.len());
                group.push(DateRow {
                    text: key.0,
                    words: site.words.span(d.start, d.end),
                    paragraphs: vec![ParagraphLink::new(n)],
                });
            }
        }
    }
    let [stated, relative] = groups;
    let words = &site.words;
    let published = view::published_words(words, &a.published);
    let from_publication = words.say("article.from_publication", None, &[("date", &published)]);
    [
        (words.get("article.as_stated").to_string(), stated),
        (from_publication, relative),
    ]
    .into_iter()
    .filter(|(_, rows)| !rows.is_empty())
    .map(|(heading, rows)| DateGroup { heading, rows })
    .collect()
}

/// The dates of an article's page under one heading: as stated, or worked out from
/// the publication date.
#[derive(serde::Serialize)]
struct DateGroup<'a> {
    heading: String,
    rows: Vec<DateRow<'a>>,
}

/// A date expression as written, what it means, and the paragraphs it is in.
#[derive(serde::Serialize)]
struct DateRow<'a> {
    text: &'a str,
    words: String,
    paragraphs: Vec<ParagraphLink>,
}

/// A paragraph of the page, by its anchor.
#[derive(serde::Serialize)]
struct ParagraphLink {
    url: String,
    n: usize,
}

impl ParagraphLink {
    fn new(n: usize) -> ParagraphLink {
        ParagraphLink {
            url: format!("#p{n}"),
            n,
        }
    }
}

/// A page linked by its title: another article, a story, a comparison.
#[derive(serde::Serialize)]
struct Titled<'a> {
    title: &'a str,
    url: String,
}

/// A person or an outlet linked by name.
#[derive(serde::Serialize)]
struct Named<'a> {
    name: &'a str,
    url: String,
}

#[derive(serde::Serialize)]
struct PersonCount<'a> {
    person: Named<'a>,
    count: usize,
}

/// A story the article is in, with the articles it was compared with there.
#[derive(serde::Serialize)]
struct SameStory<'a> {
    title: &'a str,
    url: String,
    articles: usize,
    others: Vec<Compared<'a>>,
}

/// Another article of the story, how it relates to this one, and the pair's page.
#[derive(serde::Serialize)]
struct Compared<'a> {
    article: Option<Titled<'a>>,
    relation: &'static str,
    similarity: String,
    url: Option<String>,
}

/// The article as its template reads it: borrowed, so the page's body is copied once,
/// into the template's context, and only the fields the template shows.
#[derive(serde::Serialize)]
struct ArticleView<'a> {
    title: &'a str,
    outlet: Option<Named<'a>>,
    derived_from: Option<Named<'a>>,
    published: String,
    published_words: String,
    author: Option<&'a str>,
    url: Option<&'a str>,
    paragraphs: usize,
    body: &'a str,
    draft: bool,
}

pub(super) fn article(site: &Site, i: usize, root: &str, ctx: &mut Context) -> &'static str {
    let b = site.briefing;
    let a = &b.articles[i];
    let found_dates = site.index.dates_by_article.of(&a.id);
    let mut marks = article_marks(site, a, root);
    date_marks(a, found_dates, &mut marks);
    let body = markdown::article_html(&a.body, &marks);
    let dates = article_dates(site, a, found_dates);
    // The stories the article is in, each with the articles it was compared with.
    let mut by_story: BTreeMap<usize, Vec<Compared>> = BTreeMap::new();
    for (s, _, p) in site.index.pairs_by_article.of(&a.id).iter() {
        let other = if p.a == a.id { &p.b } else { &p.a };
        by_story.entry(*s).or_default().push(Compared {
            article: site.index.article(other).map(|o| Titled {
                title: &o.title,
                url: format!("{root}{}", urls::article(&o.id)),
            }),
            relation: relation_text(&site.words, p.relation),
            similarity: percent(p.similarity),
            url: worth_a_page(p).then(|| format!("{root}{}", pair_base(p))),
        });
    }
    let same_story: Vec<SameStory> = by_story
        .into_iter()
        .map(|(s, others)| {
            let s = &site.analysis.stories[s];
            SameStory {
                title: &s.title,
                url: format!("{root}{}", urls::comparison(&s.id)),
                articles: s.articles.len(),
                others,
            }
        })
        .collect();
    let comparisons: Vec<Titled> = site
        .index
        .comparisons_by_article
        .get(a.id.as_str())
        .into_iter()
        .flatten()
        .map(|c| Titled {
            title: &c.title,
            url: format!("{root}{}", urls::comparison(&c.id)),
        })
        .collect();
    let outlet = |id: &Option<String>| {
        id.as_ref().and_then(|o| b.outlets.get(o)).map(|o| Named {
            name: &o.name,
            url: format!("{root}{}", urls::outlet(&o.id)),
        })
    };
    let mut people: Vec<(&str, usize)> = Vec::new();
    for m in site.index.mentions_by_article.of(&a.id) {
        if let Some(p) = m.person.as_deref() {
            match people.iter_mut().find(|(id, _)| *id == p) {
                Some(entry) => entry.1 += 1,
                None => people.push((p, 1)),
            }
        }
    }
    people.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    let people: Vec<PersonCount> = people
        .into_iter()
        .filter_map(|(id, count)| {
            let p = b.person(id)?;
            let url = format!("{root}{}", urls::person(&p.id));
            let person = Named { name: &p.name, url };
            Some(PersonCount { person, count })
        })
        .collect();
    let ambiguous = site
        .index
        .mentions_by_article
        .of(&a.id)
        .iter()
        .filter(|m| m.person.is_none())
        .count();
    ctx.insert("title", &a.title);
    ctx.insert("section", "articles");
    ctx.insert(
        "article",
        &ArticleView {
            title: &a.title,
            outlet: outlet(&a.outlet),
            derived_from: outlet(&a.derived_from),
            published: a.published.iso(),
            published_words: view::published_words(&site.words, &a.published),
            author: a.author.as_deref(),
            url: a.url.as_deref(),
            paragraphs: a.paragraph_count(),
            body: &body,
            draft: a.draft,
        },
    );
    ctx.insert("people", &people);
    ctx.insert("ambiguous", &ambiguous);
    ctx.insert("quote_count", &site.index.quotes_by_article.of(&a.id).len());
    ctx.insert("dates", &dates);
    ctx.insert("same_story", &same_story);
    ctx.insert("comparisons", &comparisons);
    "article.html"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::Place;
    use crate::edtf::Precision;
    use chrono::NaiveDate;

    #[test]
    fn a_date_stated_in_full_is_a_datetime_of_its_day_month_or_year() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let cases: [(&str, &str, Precision, bool, Option<&str>); 7] = [
            (
                "2026-01-03",
                "2026-01-03",
                Precision::Day,
                false,
                Some("2026-01-03"),
            ),
            (
                "2026-02-01",
                "2026-02-28",
                Precision::Month,
                false,
                Some("2026-02"),
            ),
            (
                "2024-01-01",
                "2024-12-31",
                Precision::Year,
                false,
                Some("2024"),
            ),
            // Part of a month, a season or a span of years: no single datetime.
            ("2026-02-21", "2026-02-28", Precision::Month, false, None),
            ("2025-06-01", "2025-08-31", Precision::Season, false, None),
            ("2010-01-01", "2019-12-31", Precision::Decade, false, None),
            // Worked out from the publication date: listed with what it came from.
            ("2026-01-02", "2026-01-02", Precision::Day, true, None),
        ];
        for (start, end, precision, relative, want) in cases {
            let d = DateMention {
                place: Place {
                    article: "a".into(),
                    paragraph: 1,
                    start: 0,
                    end: 1,
                },
                sentence: Default::default(),
                start: day(start),
                end: day(end),
                precision,
                relative,
            };
            assert_eq!(stated_datetime(&d).as_deref(), want, "{start}/{end}");
        }
    }
}
