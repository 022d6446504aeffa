//! *Views* are the shapes templates see: links to people, articles and outlets, cited
//! sources, highlighted sentences. The [`Index`] groups the analysis by article and by
//! person once, so that no page scans every finding.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::analyse::{Analysis, DateMention, Located, Mention, PerArticle, Quote, Story};
use crate::content::{Article, Briefing, Comparison, Event, Person, SourceRef};

/// The findings naming each person, grouped when first asked for: pages that show no
/// person's findings (what the dev server renders first after an article is saved)
/// never pay for grouping them all.
pub struct ByPerson<'a, T> {
    items: &'a PerArticle<T>,
    person: fn(&T) -> Option<&str>,
    grouped: std::sync::OnceLock<HashMap<&'a str, Vec<&'a T>>>,
}

impl<'a, T: Located + Sync> ByPerson<'a, T> {
    fn new(items: &'a PerArticle<T>, person: fn(&T) -> Option<&str>) -> Self {
        ByPerson {
            items,
            person,
            grouped: Default::default(),
        }
    }

    pub fn get(&self, person: &str) -> Option<&Vec<&'a T>> {
        let grouped = self.grouped.get_or_init(|| {
            let mut map: HashMap<&'a str, Vec<&'a T>> = HashMap::new();
            for item in self.items.iter() {
                if let Some(p) = (self.person)(item) {
                    map.entry(p).or_default().push(item);
                }
            }
            map
        });
        grouped.get(person)
    }
}

/// Lookups shared by every page. The findings of an article need none: the analysis
/// keeps them by article ([`PerArticle::of`]).
pub struct Index<'a> {
    pub mentions_by_article: &'a PerArticle<Mention>,
    pub mentions_by_person: ByPerson<'a, Mention>,
    pub quotes_by_article: &'a PerArticle<Quote>,
    pub quotes_by_person: ByPerson<'a, Quote>,
    pub dates_by_article: &'a PerArticle<DateMention>,
    pub stories_by_article: BTreeMap<&'a str, Vec<(usize, &'a Story)>>,
    pub events_by_person: BTreeMap<&'a str, Vec<&'a Event>>,
    pub comparisons_by_article: BTreeMap<&'a str, Vec<&'a Comparison>>,
    pub articles_by_outlet: BTreeMap<&'a str, Vec<&'a Article>>,
    pub derived_by_outlet: BTreeMap<&'a str, Vec<&'a Article>>,
}

impl<'a> Index<'a> {
    pub fn new(b: &'a Briefing, a: &'a Analysis) -> Self {
        let mut ix = Index {
            mentions_by_article: &a.mentions,
            mentions_by_person: ByPerson::new(&a.mentions, |m| m.person.as_deref()),
            quotes_by_article: &a.quotes,
            quotes_by_person: ByPerson::new(&a.quotes, |q| q.person.as_deref()),
            dates_by_article: &a.dates,
            stories_by_article: BTreeMap::new(),
            events_by_person: BTreeMap::new(),
            comparisons_by_article: BTreeMap::new(),
            articles_by_outlet: BTreeMap::new(),
            derived_by_outlet: BTreeMap::new(),
        };
        for (i, s) in a.stories.iter().enumerate() {
            for article in &s.articles {
                ix.stories_by_article
                    .entry(article)
                    .or_default()
                    .push((i, s));
            }
        }
        for e in &b.events {
            for (p, _) in &e.people {
                ix.events_by_person.entry(p).or_default().push(e);
            }
        }
        for c in &b.comparisons {
            for (article, _) in &c.articles {
                ix.comparisons_by_article
                    .entry(article)
                    .or_default()
                    .push(c);
            }
        }
        for article in &b.articles {
            if let Some(o) = &article.outlet {
                ix.articles_by_outlet.entry(o).or_default().push(article);
            }
            if let Some(o) = &article.derived_from {
                ix.derived_by_outlet.entry(o).or_default().push(article);
            }
        }
        ix
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // The escaper tera's templates use too: the same five characters, written as the
    // same entities, a run of plain text at a time. Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonLink {
    pub id: String,
    pub name: String,
    pub url: String,
    /// Shown as such by `serve` and `build --drafts`; absent when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

pub fn person_link(p: &Person, root: &str) -> PersonLink {
    PersonLink {
        id: p.id.clone(),
        name: p.name.clone(),
        url: format!("{root}people/{}/", p.id),
        draft: p.draft,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleLink {
    pub id: String,
    pub title: String,
    pub url: String,
    pub outlet: Option<String>,
    pub outlet_url: Option<String>,
    pub published: String,
    pub published_words: String,
    /// Shown as such by `serve` and `build --drafts`; absent when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

pub fn article_link(b: &Briefing, a: &Article, root: &str) -> ArticleLink {
    let outlet = a.outlet.as_ref().and_then(|o| b.outlets.get(o));
    ArticleLink {
        id: a.id.clone(),
        title: a.title.clone(),
        url: format!("{root}articles/{}/", a.id),
        outlet: outlet.map(|o| o.name.clone()),
        outlet_url: outlet.map(|o| format!("{root}outlets/{}/", o.id)),
        published: a.published.iso(),
        published_words: day_words(a.published.date),
        draft: a.draft,
    }
}

/// The address of paragraph `paragraph` of article `article`, from a page at `root`.
pub fn paragraph_url(root: &str, article: &str, paragraph: usize) -> String {
    format!("{root}articles/{article}/#p{paragraph}")
}

pub fn day_words(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!(
        "{} {} {}",
        d.day(),
        crate::edtf::month_name(d.month()),
        d.year()
    )
}

/// A curated citation as shown: the quote and a link to the paragraph it is in.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub article: Option<ArticleLink>,
    pub quote: String,
    pub paragraph: Option<usize>,
    pub url: Option<String>,
}

pub fn source_view(b: &Briefing, s: &SourceRef, root: &str) -> SourceView {
    let article = b.article(&s.article);
    let paragraph = s.found.map(|f| f.paragraph);
    SourceView {
        article: article.map(|a| article_link(b, a, root)),
        quote: s.quote.clone(),
        paragraph,
        url: paragraph.map(|p| paragraph_url(root, &s.article, p)),
    }
}

/// A sentence with one range highlighted, as safe HTML.
pub fn highlight(sentence: &str, start: usize, end: usize, class: &str) -> String {
    if start >= end
        || end > sentence.len()
        || !sentence.is_char_boundary(start)
        || !sentence.is_char_boundary(end)
    {
        return escape(sentence);
    }
    format!(
        "{}<mark class=\"{class}\">{}</mark>{}",
        escape(&sentence[..start]),
        escape(&sentence[start..end]),
        escape(&sentence[end..])
    )
}

/// People sorted by how often they are mentioned in the same paragraphs as `person`.
pub fn co_mentioned<'a>(ix: &Index<'a>, b: &'a Briefing, person: &str) -> Vec<(&'a Person, usize)> {
    let Some(own) = ix.mentions_by_person.get(person) else {
        return Vec::new();
    };
    let places: BTreeSet<(&str, usize)> = own
        .iter()
        .map(|m| (m.place.article.as_ref(), m.place.paragraph))
        .collect();
    let mut counts: BTreeMap<&str, BTreeSet<(&str, usize)>> = BTreeMap::new();
    // Each article once, not once per paragraph naming the person: `places` is sorted.
    let mut articles: Vec<&str> = places.iter().map(|(article, _)| *article).collect();
    articles.dedup();
    for article in articles {
        for m in ix.mentions_by_article.of(article) {
            let key = (m.place.article.as_ref(), m.place.paragraph);
            if let Some(p) = m.person.as_deref()
                && p != person
                && places.contains(&key)
            {
                counts.entry(p).or_default().insert(key);
            }
        }
    }
    let mut out: Vec<(&Person, usize)> = counts
        .into_iter()
        .filter_map(|(p, set)| b.person(p).map(|p| (p, set.len())))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_writes_the_five_html_characters_as_entities() {
        assert_eq!(
            escape(r#"Rodríguez & "Cabello" <said> it's"#),
            "Rodríguez &amp; &quot;Cabello&quot; &lt;said&gt; it&#39;s"
        );
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn highlight_escapes_around_the_mark() {
        assert_eq!(
            highlight("a <b> Rodríguez & c", 6, 16, "m"),
            "a &lt;b&gt; <mark class=\"m\">Rodríguez</mark> &amp; c"
        );
        assert_eq!(highlight("abc", 2, 9, "m"), "abc");
    }
}
