//! *Ranking* decides what the report shows first: who matters, what the sources
//! dispute, which stories matter most, which events and comparisons. Each rule is
//! stated where it is made; the report prints it too ("How it is chosen"), and each
//! section shows the first few by it.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::bounds;
use crate::analyse::{Analysis, DifferenceKind};
use crate::content::{Article, Briefing, Comparison, Event, Person, Verdict};
use crate::render::Site;
use crate::render::i18n::Words;

/// The kinds of dispute, in the order they matter: an event the sources date
/// differently (the editor's timeline is at stake), someone's words quoted differently,
/// a figure, a date. A statement only one source makes is counted, never ranked: a
/// rewrite makes dozens and most are colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum DisputeKind {
    EventDate,
    Quote,
    Number,
    Date,
}

impl DisputeKind {
    pub(super) const ALL: [DisputeKind; 4] = [
        DisputeKind::EventDate,
        DisputeKind::Quote,
        DisputeKind::Number,
        DisputeKind::Date,
    ];

    pub(super) fn of(kind: DifferenceKind) -> Option<Self> {
        match kind {
            DifferenceKind::QuoteWording => Some(DisputeKind::Quote),
            DifferenceKind::Number => Some(DisputeKind::Number),
            DifferenceKind::Date => Some(DisputeKind::Date),
            DifferenceKind::OnlyIn => None,
        }
    }

    /// Its key in the words tables' groups `report.kind` (a dispute's label) and
    /// `report.heading` (its section's).
    pub(super) fn key(self) -> &'static str {
        match self {
            DisputeKind::EventDate => "event_date",
            DisputeKind::Quote => "quote",
            DisputeKind::Number => "number",
            DisputeKind::Date => "date",
        }
    }

    pub(super) fn anchor(self) -> &'static str {
        match self {
            DisputeKind::EventDate => "differ-events",
            DisputeKind::Quote => "differ-quotes",
            DisputeKind::Number => "differ-numbers",
            DisputeKind::Date => "differ-dates",
        }
    }
}

/// How widely something was published: the outlets and articles behind it and the
/// newest of them. More outlets first, then more articles, then the more recent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Reach {
    pub(super) outlets: usize,
    pub(super) articles: usize,
    pub(super) newest: Option<NaiveDate>,
}

impl Reach {
    pub(super) fn of<'a>(b: &Briefing, articles: impl IntoIterator<Item = &'a str>) -> Reach {
        Reach::of_articles(articles.into_iter().filter_map(|id| b.article(id)))
    }

    /// The reach of `articles`, each once.
    fn of_articles<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Reach {
        let mut outlets = BTreeSet::new();
        let mut reach = Reach::default();
        for a in articles {
            reach.articles += 1;
            outlets.extend(a.outlet.as_deref());
            reach.newest = reach.newest.max(Some(a.published.date));
        }
        reach.outlets = outlets.len();
        reach
    }

    /// "4 articles from 2 outlets", in the site's language.
    pub(super) fn words(&self, w: &Words) -> String {
        let articles = w.count("report.n.articles", self.articles);
        match self.outlets {
            0 => w.say("report.reach_no_outlet", None, &[("articles", &articles)]),
            n => {
                let outlets = w.count("report.n.outlets", n);
                w.say(
                    "report.reach",
                    None,
                    &[("articles", &articles), ("outlets", &outlets)],
                )
            }
        }
    }

    /// A sort key: the widest first.
    pub(super) fn key(&self) -> (Reverse<usize>, Reverse<usize>, Reverse<Option<NaiveDate>>) {
        (
            Reverse(self.outlets),
            Reverse(self.articles),
            Reverse(self.newest),
        )
    }
}

/// What the articles say about one person.
pub(super) struct Renown<'a> {
    pub(super) person: &'a Person,
    pub(super) featured: bool,
    pub(super) mentions: usize,
    pub(super) reach: Reach,
    /// The first and the latest article naming them, by publication.
    pub(super) first: Option<&'a Article>,
    pub(super) latest: Option<&'a Article>,
}

/// Every person the articles name, the featured ones first (in the configuration's
/// order), then by mentions, then by how widely they were published.
pub(super) fn renown<'a>(site: &Site<'a>) -> Vec<Renown<'a>> {
    let b = site.briefing;
    let featured = |p: &Person| b.config.featured.iter().position(|f| *f == p.id);
    let mut all: Vec<Renown> = b
        .people
        .iter()
        .filter_map(|p| {
            let mentions = site.index.mentions_by_person.get(p.id.as_str());
            let mentions = mentions.map_or(&[][..], Vec::as_slice);
            let articles: Vec<&Article> = site
                .index
                .person_articles(&p.id)
                .iter()
                .map(|(a, _)| *a)
                .collect();
            let by_date = |a: &&&Article| (a.published.sort_key(), a.id.clone());
            let is_featured = featured(p).is_some();
            (is_featured || !mentions.is_empty()).then(|| Renown {
                person: p,
                featured: is_featured,
                mentions: mentions.len(),
                reach: Reach::of_articles(articles.iter().copied()),
                first: articles.iter().min_by_key(by_date).copied(),
                latest: articles.iter().max_by_key(by_date).copied(),
            })
        })
        .collect();
    all.sort_by_key(|r| {
        (
            featured(r.person).unwrap_or(usize::MAX),
            Reverse(r.mentions),
            r.reach.key(),
            r.person.id.clone(),
        )
    });
    all
}

/// One side of a dispute: what some sources say, and where.
pub(super) struct Said<'a> {
    pub(super) text: &'a str,
    /// For a dated event: the date this source gives.
    pub(super) date: Option<String>,
    /// Article and paragraph, each once.
    pub(super) places: BTreeSet<(&'a str, usize)>,
}

/// Something the sources disagree on, with every place that says each version.
pub(super) struct Dispute<'a> {
    pub(super) kind: DisputeKind,
    /// The found story it is in, by index, or the curated event.
    pub(super) story: Option<usize>,
    pub(super) event: Option<&'a Event>,
    /// What differs, in a few words ("32 vs at least 32"): the event's title for a
    /// date conflict, nothing for a quote (its two versions say it).
    pub(super) summary: Cow<'a, str>,
    pub(super) sides: Vec<Said<'a>>,
    pub(super) reach: Reach,
}

/// Every dispute, ranked: by kind ([`DisputeKind`]), then by reach ([`Reach`]): the
/// version that reached the most outlets, the most articles and the most recently
/// matters most. The same difference found between many pairs of one story (a figure
/// changed in a wire copy that thirty outlets ran) is one dispute, with each version's
/// sources.
pub(super) fn disputes<'a>(b: &'a Briefing, a: &'a Analysis, w: &Words) -> Vec<Dispute<'a>> {
    let mut out: Vec<Dispute> = Vec::new();
    // The first event of each id, as a search from the start finds it.
    let mut events: FxHashMap<&str, &Event> = FxHashMap::default();
    for e in &b.events {
        events.entry(e.id.as_str()).or_insert(e);
    }
    let event = |id: &str| events.get(id).copied();
    for c in &a.conflicts {
        let Some(event) = c.event.as_deref().and_then(event) else {
            continue;
        };
        let sides = c
            .claims
            .iter()
            .map(|cl| Said {
                text: &cl.text,
                date: Some(w.span(cl.start, cl.end)),
                places: BTreeSet::from([(cl.article.as_str(), cl.paragraph)]),
            })
            .collect();
        out.push(Dispute {
            kind: DisputeKind::EventDate,
            story: None,
            event: Some(event),
            summary: Cow::Borrowed(&event.title),
            sides,
            reach: Reach::default(),
        });
    }
    // An event whose sources state a count or word a quote differently: each version a
    // side, with the sources that give it.
    for d in &a.disagreements {
        let (Some(kind), Some(event)) = (DisputeKind::of(d.kind), event(&d.event)) else {
            continue;
        };
        let mut sides: Vec<Said> = Vec::new();
        for cl in &d.claims {
            let place = (cl.article.as_str(), cl.paragraph);
            match sides.iter_mut().find(|s| s.text == cl.text) {
                Some(side) => {
                    side.places.insert(place);
                }
                None => sides.push(Said {
                    text: &cl.text,
                    date: None,
                    places: BTreeSet::from([place]),
                }),
            }
        }
        out.push(Dispute {
            kind,
            story: None,
            event: Some(event),
            summary: worded(kind, || w.disagreement(d, |id| id.into())),
            sides,
            reach: Reach::default(),
        });
    }
    // The same two versions in one story are one dispute.
    let mut seen: FxHashMap<(usize, DisputeKind, &str, &str), usize> = FxHashMap::default();
    for (si, s) in a.stories.iter().enumerate() {
        for p in &s.pairs {
            for d in &p.differences {
                let (Some(kind), Some(x), Some(y)) = (DisputeKind::of(d.kind), &d.a, &d.b) else {
                    continue;
                };
                // One sentence, written alike in both, cannot give two figures (the
                // analysis may pair two figures of one sentence). A relative date
                // written alike can give two dates: it is read against two days.
                if kind == DisputeKind::Number && x.text == y.text {
                    continue;
                }
                let (lo, hi) = if x.text <= y.text {
                    (x.text.as_str(), y.text.as_str())
                } else {
                    (y.text.as_str(), x.text.as_str())
                };
                let i = *seen.entry((si, kind, lo, hi)).or_insert_with(|| {
                    out.push(Dispute {
                        kind,
                        story: Some(si),
                        event: None,
                        summary: worded(kind, || w.summary(&d.summary, &p.a, &p.b)),
                        sides: [x, y]
                            .map(|side| Said {
                                text: &side.text,
                                date: None,
                                places: BTreeSet::new(),
                            })
                            .into(),
                        reach: Reach::default(),
                    });
                    out.len() - 1
                });
                // Each version to its side; two versions written alike (a relative date
                // read against two publication days) keep the order they came in.
                let sides = &mut out[i].sides;
                for (k, side) in [x, y].into_iter().enumerate() {
                    let at = if x.text == y.text {
                        k
                    } else {
                        sides.iter().position(|s| s.text == side.text).unwrap_or(k)
                    };
                    sides[at]
                        .places
                        .insert((side.article.as_str(), side.paragraph));
                }
            }
        }
    }
    for d in &mut out {
        let articles: BTreeSet<&str> = d
            .sides
            .iter()
            .flat_map(|s| s.places.iter().map(|(a, _)| *a))
            .collect();
        d.reach = Reach::of(b, articles);
    }
    out.sort_by_key(|d| {
        (
            d.kind,
            d.reach.key(),
            d.story,
            d.sides.first().map(|s| s.text),
        )
    });
    out
}

/// A dispute's summary, worded only where the report shows one: a quote's two versions
/// say what differs (its summary names articles by id, which readers never see).
fn worded<'a>(kind: DisputeKind, summary: impl FnOnce() -> String) -> Cow<'a, str> {
    match kind {
        DisputeKind::Number | DisputeKind::Date => Cow::Owned(summary()),
        DisputeKind::EventDate | DisputeKind::Quote => Cow::Borrowed(""),
    }
}

/// A found story's weight, for ranking.
pub(super) struct StoryRank {
    pub(super) index: usize,
    pub(super) reach: Reach,
    /// Disputes in it, of any kind.
    pub(super) disputes: usize,
}

/// The found stories, ranked: the one told by the most outlets first, then by the most
/// articles, then by the most disputes between its sources, then the most recent.
pub(super) fn rank_stories(b: &Briefing, a: &Analysis, disputes: &[Dispute]) -> Vec<StoryRank> {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for d in disputes {
        if let Some(s) = d.story {
            *counts.entry(s).or_default() += 1;
        }
    }
    let mut ranks: Vec<StoryRank> = a
        .stories
        .iter()
        .enumerate()
        .map(|(index, s)| StoryRank {
            index,
            reach: Reach::of(b, s.articles.iter().map(String::as_str)),
            disputes: counts.get(&index).copied().unwrap_or(0),
        })
        .collect();
    ranks.sort_by_key(|r| {
        (
            Reverse(r.reach.outlets),
            Reverse(r.reach.articles),
            Reverse(r.disputes),
            Reverse(r.reach.newest),
            r.index,
        )
    });
    ranks
}

/// The events the report shows, in timeline order: all of them up to
/// [`bounds::EVENTS`]; past that, the disputed ones first, then those naming a featured
/// person, then those citing the most sources, then the most recent.
pub(super) fn chosen_events<'a>(b: &'a Briefing, disputed: &BTreeSet<&str>) -> Vec<&'a Event> {
    if b.events.len() <= bounds::EVENTS {
        return b.events.iter().collect();
    }
    let mut ranked: Vec<(usize, &Event)> = b.events.iter().enumerate().collect();
    ranked.sort_by_key(|(i, e)| {
        let featured = e.people.iter().any(|(p, _)| b.config.featured.contains(p));
        (
            !(e.disputed || disputed.contains(e.id.as_str())),
            !featured,
            Reverse(e.sources.len()),
            Reverse(e.date.start),
            *i,
        )
    });
    ranked.truncate(bounds::EVENTS);
    ranked.sort_by_key(|(i, _)| *i);
    ranked.into_iter().map(|(_, e)| e).collect()
}

/// The curated comparisons the report shows, in their order: past
/// [`bounds::COMPARISONS`], those with the most points on which the sources differ.
pub(super) fn chosen_comparisons(b: &Briefing) -> Vec<&Comparison> {
    let mut ranked: Vec<(usize, &Comparison)> = b.comparisons.iter().enumerate().collect();
    ranked.sort_by_key(|(i, c)| {
        let differ = c.points.iter().filter(|p| p.verdict == Verdict::Differ);
        (Reverse(differ.count()), *i)
    });
    ranked.truncate(bounds::COMPARISONS);
    ranked.sort_by_key(|(i, _)| *i);
    ranked.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::analyse::{Difference, NumberChange, Pair, Relation, Side, Story, Summary};

    #[test]
    fn one_difference_in_many_pairs_is_one_dispute_ranked_by_kind_then_reach() {
        let dir = crate::testing::default_briefing();
        let b = crate::load::briefing(dir.path()).unwrap().briefing;
        // Three articles of three outlets: `x` says one figure, `y` and `z` another.
        let (x, y, z) = (
            "fox-cuba-confirms-32-dead-internewscast",
            "miami-herald-prisoner-release-stalls-arcamax",
            "reuters-cuban-advisers-turkiye-today",
        );
        let side = |article: &str, text: &str| {
            Some(Side {
                article: article.to_string(),
                paragraph: 2,
                start: 0,
                end: text.len(),
                text: text.to_string(),
            })
        };
        let differ = |kind, a, b| Difference {
            kind,
            a,
            b,
            summary: Summary::Numbers(vec![NumberChange {
                a: "32".into(),
                b: "at least 32".into(),
                counted: None,
            }]),
        };
        let pair = |a: &str, b: &str, differences| {
            Arc::new(Pair {
                a: a.to_string(),
                b: b.to_string(),
                relation: Relation::LightEdit,
                similarity: 0.9,
                background: 0.0,
                alignment: Vec::new(),
                differences,
            })
        };
        let (said, other) = ("32 were killed.", "At least 32 were killed.");
        let analysis = Analysis {
            stories: vec![Story {
                id: "story-x".to_string(),
                title: "A story".to_string(),
                articles: vec![x.to_string(), y.to_string(), z.to_string()],
                pairs: vec![
                    pair(
                        x,
                        y,
                        vec![
                            differ(DifferenceKind::Number, side(x, said), side(y, other)),
                            differ(
                                DifferenceKind::Number,
                                side(x, "9 hurt."),
                                side(y, "8 hurt."),
                            ),
                            differ(
                                DifferenceKind::QuoteWording,
                                side(x, "We go"),
                                side(y, "We leave"),
                            ),
                            differ(DifferenceKind::OnlyIn, side(x, "Only here."), None),
                        ],
                    ),
                    // The same two versions, the other way round.
                    pair(
                        z,
                        x,
                        vec![differ(
                            DifferenceKind::Number,
                            side(z, other),
                            side(x, said),
                        )],
                    ),
                    // One sentence written alike gives no two figures.
                    pair(
                        y,
                        z,
                        vec![differ(
                            DifferenceKind::Number,
                            side(y, other),
                            side(z, other),
                        )],
                    ),
                ],
            }],
            ..Analysis::default()
        };
        let found = disputes(&b, &analysis, &Words::english());
        let summary: Vec<(DisputeKind, Vec<&str>, usize)> = found
            .iter()
            .map(|d| {
                let texts = d.sides.iter().map(|s| s.text).collect();
                (d.kind, texts, d.reach.outlets)
            })
            .collect();
        assert_eq!(
            summary,
            [
                (DisputeKind::Quote, vec!["We go", "We leave"], 2),
                (DisputeKind::Number, vec![said, other], 3),
                (DisputeKind::Number, vec!["9 hurt.", "8 hurt."], 2),
            ]
        );
        let places = |d: usize, i: usize| -> Vec<&str> {
            found[d].sides[i].places.iter().map(|(a, _)| *a).collect()
        };
        assert_eq!(places(1, 0), [x]);
        assert_eq!(places(1, 1), [y, z]);
    }

    #[test]
    fn the_widest_reach_comes_first() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 1, day);
        let reach = |outlets, articles, newest| Reach {
            outlets,
            articles,
            newest,
        };
        let mut all = [
            reach(1, 9, d(9)),
            reach(3, 3, d(1)),
            reach(3, 5, d(2)),
            reach(3, 5, d(3)),
        ];
        all.sort_by_key(Reach::key);
        assert_eq!(
            all,
            [
                reach(3, 5, d(3)),
                reach(3, 5, d(2)),
                reach(3, 3, d(1)),
                reach(1, 9, d(9)),
            ]
        );
    }
}
