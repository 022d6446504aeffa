//! What a reader sees on the pages: paragraphs they can cite, quotes with their
//! speakers in view, search and the timeline (issue: the reader's briefing).

use scraper::{Html, Selector};

use crate::support::built;

fn page(site: &std::collections::BTreeMap<String, Vec<u8>>, path: &str) -> Html {
    let bytes = site
        .get(path)
        .unwrap_or_else(|| panic!("no {path} in {:?}", site.keys().collect::<Vec<_>>()));
    Html::parse_document(&String::from_utf8_lossy(bytes))
}

fn select(s: &str) -> Selector {
    Selector::parse(s).expect("a selector")
}

fn text(el: scraper::ElementRef) -> String {
    el.text().collect()
}

#[test]
fn every_paragraph_ends_with_a_visible_link_to_itself() {
    let (_dir, site) = built(None);
    let doc = page(&site, "articles/pier-vote/index.html");
    let paragraphs: Vec<_> = doc.select(&select(".article-body p[id]")).collect();
    assert_eq!(paragraphs.len(), 2);
    for p in paragraphs {
        let id = p.value().attr("id").unwrap();
        let link = p
            .select(&select("a:last-child"))
            .last()
            .unwrap_or_else(|| panic!("no ¶ link in {}", p.html()));
        assert_eq!(link.value().attr("href"), Some(format!("#{id}").as_str()));
        assert_eq!(text(link), format!("¶{}", &id[1..]));
    }
}

#[test]
fn a_quote_shows_its_speaker_after_the_closing_quotation_mark() {
    let (_dir, site) = built(None);
    let doc = page(&site, "articles/pier-vote/index.html");
    let p2 = doc.select(&select("#p2")).next().expect("#p2");
    let speaker = p2
        .select(&select("a.speaker"))
        .next()
        .expect("a speaker link");
    assert_eq!(
        speaker.value().attr("href"),
        Some("../../people/ana-ortiz/")
    );
    // Visible text is the name; the words before it are for screen readers.
    assert_eq!(text(speaker), "quote of Ana Ortiz");
    assert!(
        p2.inner_html()
            .contains("will rebuild it</q>,”<a class=\"speaker\""),
        "{}",
        p2.inner_html()
    );
}

#[test]
fn a_feed_dates_an_event_by_when_the_briefing_got_it_not_by_its_day_in_history() {
    let (_dir, site) = built(None);
    let feed = String::from_utf8_lossy(&site["feed.xml"]).into_owned();
    let doc = roxmltree::Document::parse(&feed).expect("the feed is XML");
    let updated = |id: &str| {
        let entry = doc
            .descendants()
            .filter(|n| n.has_tag_name("entry"))
            .find(|e| {
                e.children()
                    .any(|c| c.has_tag_name("id") && c.text() == Some(id))
            })
            .unwrap_or_else(|| panic!("no entry {id} in {feed}"));
        entry
            .children()
            .find(|c| c.has_tag_name("updated"))
            .and_then(|c| c.text())
            .unwrap_or_default()
            .to_string()
    };
    // The vote happened on the 5th; the article that reports it, its only source, came
    // out on the 6th.
    assert_eq!(
        updated("https://briefing.test/harbour/timeline/2026/03/#pier-vote"),
        "2026-03-06T00:00:00Z"
    );
    assert_eq!(
        updated("https://briefing.test/harbour/articles/pier-vote/"),
        "2026-03-06T00:00:00Z"
    );
}

#[test]
fn the_timeline_orders_an_event_known_only_to_its_month_after_the_days_of_that_month() {
    let (_dir, site) = built(Some("reader-timeline"));
    let ids = |path: &str, sel: &str| -> Vec<String> {
        page(&site, path)
            .select(&select(sel))
            .filter_map(|li| li.value().attr("id").map(str::to_string))
            .collect()
    };
    // "After the vote" (March 2026) follows the vote of the 5th and the 9th's event,
    // though March begins before both; the month's page and the data agree.
    let order = ["pier-vote", "lights-replaced", "pier-rebuilt-pledge"];
    assert_eq!(ids("timeline/index.html", ".event-index li"), order);
    assert_eq!(ids("timeline/2026/03/index.html", "[id].event"), order);
    let data: serde_json::Value =
        serde_json::from_slice(&site["data/timeline.json"]).expect("timeline.json");
    let curated: Vec<&str> = data
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["curated"] == true)
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(curated, order);
}

#[test]
fn the_timeline_narrows_to_one_person_without_javascript() {
    let (_dir, site) = built(Some("reader-timeline"));
    let timeline = page(&site, "timeline/index.html");
    let links: Vec<(String, String)> = timeline
        .select(&select("section[aria-labelledby=\"by-person\"] li"))
        .map(|li| {
            let a = li.select(&select("a")).next().unwrap();
            (text(a), a.value().attr("href").unwrap().to_string())
        })
        .collect();
    // The person in the most events first; each link a page of the site.
    assert_eq!(
        links,
        [
            (
                "Ana Ortiz".to_string(),
                "../people/ana-ortiz/events/".to_string()
            ),
            (
                "Bo Lindqvist".to_string(),
                "../people/bo-lindqvist/events/".to_string()
            ),
        ]
    );
    // Bo Lindqvist has one event: still a list of his own, in timeline order.
    let bo = page(&site, "people/bo-lindqvist/events/index.html");
    let events: Vec<String> = bo
        .select(&select("[id].event"))
        .map(|e| e.value().attr("id").unwrap().to_string())
        .collect();
    assert_eq!(events, ["lights-replaced"]);
    let ana = page(&site, "people/ana-ortiz/events/index.html");
    let events: Vec<String> = ana
        .select(&select("[id].event"))
        .map(|e| e.value().attr("id").unwrap().to_string())
        .collect();
    assert_eq!(events, ["pier-vote", "pier-rebuilt-pledge"]);
    assert!(
        ana.select(&select("main a[href=\"../../../timeline/\"]"))
            .next()
            .is_some(),
        "a link back to the whole timeline"
    );
}
