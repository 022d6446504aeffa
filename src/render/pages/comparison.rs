//! A *curated comparison*: what each source says on each point of one story, with
//! the analyst's verdict, each claim linked to its paragraph.

use serde_json::{Value, json};
use tera::Context;

use crate::markdown::{curated_html, curated_inline};
use crate::render::view::{ArticleLink, SourceView, article_link, source_view};
use crate::render::{Site, comparison_grid};

/// A verdict in the site's language (`verdict.only_one`).
pub(crate) fn verdict_text(
    words: &crate::render::i18n::Words,
    v: crate::content::Verdict,
) -> &'static str {
    use crate::content::Verdict;
    words.get(match v {
        Verdict::Agree => "verdict.agree",
        Verdict::Differ => "verdict.differ",
        Verdict::OnlyOne => "verdict.only_one",
        Verdict::Unclear => "verdict.unclear",
    })
}

pub(super) fn comparison(site: &Site, i: usize, root: &str, ctx: &mut Context) -> &'static str {
    let b = site.briefing;
    let c = &b.comparisons[i];
    let articles: Vec<ArticleLink> = c
        .articles
        .iter()
        .filter_map(|(a, _)| b.article(a))
        .map(|a| article_link(site, a, root))
        .collect();
    let points: Vec<Value> = c
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            // One column per article of the comparison, in the comparison's order.
            let columns: Vec<Value> = c
                .articles
                .iter()
                .map(|(id, _)| {
                    let claims: Vec<SourceView> = p
                        .claims
                        .iter()
                        .filter(|cl| &cl.article == id)
                        .map(|cl| source_view(site, cl, root))
                        .collect();
                    json!({
                        "article": b.article(id).map(|a| article_link(site, a, root)),
                        "head": b.article(id).map(|a| comparison_grid::outlet_and_day(site, a)),
                        "claims": claims,
                    })
                })
                .collect();
            json!({
                "id": comparison_grid::point_id(i),
                "topic": curated_inline(&p.topic),
                "verdict": p.verdict.as_str(),
                "verdict_words": verdict_text(&site.words, p.verdict),
                "columns": columns,
                "note": curated_html(&p.note),
            })
        })
        .collect();
    ctx.insert("title", &c.title);
    ctx.insert("section", "compare");
    ctx.insert(
        "comparison",
        &json!({
            "id": c.id,
            "title": c.title,
            "summary": curated_html(&c.summary),
            "articles": articles,
            "points": points,
            "grid": comparison_grid::grid(site, c, root),
            "draft": c.draft,
        }),
    );
    "comparison.html"
}
