//! A *language* is the table of words that the text analyses read in one language: the
//! names of months and weekdays, the words that place a date relative to the day an
//! article was published ("last", "ago", "hace", "pasado"), parts of a month, seasons,
//! quarters, holidays, number words, and the order of a numeric date's day and month;
//! and the words attribution reads to find who said a quotation ([`QuoteWords`]).
//! The analyses are one code for every language; a language is one [`Language`] value,
//! so adding a third is writing a table, not code. An article's language is its own
//! `language`, else the briefing's; a language without a table is read as English.
//!
//! Every word is lower case; the analyses compare without case, and a table says
//! whether its month and weekday names are written capitalised (English) or not
//! (Spanish), which decides whether "may" or "march" in lower case can be a month.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use chrono::Weekday;

use crate::analyse::quote_words::{GenderWords, QuoteWords};
use crate::edtf::Reference;

/// Whether a numeric date ("3/1/2026") gives the month or the day first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumericOrder {
    MonthFirst,
    DayFirst,
}

/// How a holiday's day is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// The `n`th weekday of a month (`n` = -1: the last one).
    NthWeekday(u32, i32, Weekday),
    /// A number of days after Easter Sunday (Gregorian).
    Easter(i64),
}

/// The calendar unit a word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
}

/// The words of one language.
#[derive(Debug)]
pub(crate) struct Language {
    /// The ISO 639-1 code an article or briefing names it by (`language: es`).
    pub(crate) code: &'static str,
    /// Month names, January first.
    pub(crate) months: [&'static str; 12],
    /// Abbreviated month names and their month, written with or without a full stop.
    pub(crate) short_months: &'static [(&'static str, u32)],
    /// Weekday names, Monday first.
    pub(crate) weekdays: [&'static str; 7],
    /// Whether month and weekday names are written capitalised.
    pub(crate) capitalised: bool,
    /// Month names that are also common words ("may", "march"): a month only after
    /// one of `month_cues`, or before a day or a year.
    pub(crate) ambiguous_months: &'static [&'static str],
    pub(crate) month_cues: &'static [&'static str],
    /// Words between a day and its month, and between a month and its year ("de").
    pub(crate) joiners: &'static [&'static str],
    /// The definite articles ("the"; "el", "la").
    pub(crate) articles: &'static [&'static str],
    /// Words for the one before, this, and the one after, written before the unit
    /// ("last week", "el pasado sábado").
    pub(crate) last: &'static [&'static str],
    pub(crate) this: &'static [&'static str],
    pub(crate) next: &'static [&'static str],
    /// The same written after the unit ("el sábado pasado", "la semana que viene").
    pub(crate) last_after: &'static [&'static str],
    pub(crate) next_after: &'static [&'static str],
    /// "ago" after a length of time, "hace" before it.
    pub(crate) ago_after: &'static [&'static str],
    pub(crate) ago_before: &'static [&'static str],
    /// Words of a length of time that ends on the publication day ("the past 48 hours").
    pub(crate) past: &'static [&'static str],
    pub(crate) yesterday: &'static [&'static str],
    pub(crate) today: &'static [&'static str],
    pub(crate) tomorrow: &'static [&'static str],
    /// Words for the present ("now", "currently"), resolved to the publication day.
    pub(crate) now: &'static [&'static [&'static str]],
    /// Phrases for the first, middle and last part of a month or decade, each a run of
    /// words before the month ("early", "a principios de").
    pub(crate) parts: [&'static [&'static [&'static str]]; 3],
    /// Parts of a day, after a weekday or "yesterday" ("Tuesday night").
    pub(crate) day_parts: &'static [&'static [&'static str]],
    /// Words before "this year", "this month": the part of it before or after the
    /// publication ("earlier this year", "later this month").
    pub(crate) earlier_in: &'static [&'static str],
    pub(crate) later_in: &'static [&'static str],
    /// Unit words, singular and plural.
    pub(crate) units: &'static [(&'static str, Unit)],
    /// Ordinals, as words ("third", "tercer") and their number.
    pub(crate) ordinals: &'static [(&'static str, u32)],
    /// Seasons: spring, summer, autumn, winter.
    pub(crate) seasons: [&'static [&'static str]; 4],
    /// Season names that are also common words ("fall"): a season only after one of
    /// the articles or of `last`, `this`, `next`, or before a year.
    pub(crate) ambiguous_seasons: &'static [&'static str],
    /// Holidays: their words and their day.
    pub(crate) holidays: &'static [(&'static [&'static str], HolidayRule)],
    /// Number words: one to twelve and a few round ones.
    pub(crate) numbers: &'static [(&'static str, u32)],
    /// Words that put a date after the publication ("will", "upcoming").
    pub(crate) future: &'static [&'static str],
    /// Words that put a month, not a weekday, after the publication ("would").
    pub(crate) modal_future: &'static [&'static str],
    /// Words that start another clause: a future word before them does not reach a
    /// date after them.
    pub(crate) clause_starts: &'static [&'static str],
    /// Words after which a four-digit number is a count, not a year.
    pub(crate) counted: &'static [&'static str],
    /// Words before a month that put it in the past ("since May").
    pub(crate) since: &'static [&'static str],
    /// Words after a length of time that make it a date relative to another one ("a
    /// year earlier").
    pub(crate) earlier: &'static [&'static str],
    /// Adjectives of a quarter a year before the one just named ("the year-ago
    /// quarter"), as the words that follow "year".
    pub(crate) year_ago: &'static [&'static str],
    pub(crate) numeric: NumericOrder,
    /// The ending of a regular past-tense verb ("outlined"), which starts a clause
    /// that a future word does not reach, unless it follows one of `passive` ("will
    /// be postponed").
    pub(crate) past_ending: Option<&'static str>,
    pub(crate) passive: &'static [&'static str],
    /// Possessives before a quarter that are not part of it ("its fourth quarter").
    pub(crate) possessives: &'static [&'static str],
    /// The genitive after "this year" in "this year's third quarter", as tokens.
    pub(crate) genitive: &'static [&'static str],
    /// Words for the latest or the same quarter ("the latest quarter", "the
    /// comparable quarter").
    pub(crate) latest: &'static [&'static [&'static str]],
    /// A word before a year or quarter of accounts ("fiscal 1989").
    pub(crate) fiscal: &'static [&'static str],
    /// Nouns after "the year-ago" that it dates ("the year-ago period").
    pub(crate) periods: &'static [&'static str],
    /// "of the year" after a quarter.
    pub(crate) of_the_year: &'static [&'static str],
    /// "this past" before a season: the last one.
    pub(crate) this_past: &'static [&'static [&'static str]],
    /// Prepositions before a season that make it one ("in summer").
    pub(crate) season_cues: &'static [&'static str],
    /// "after" and "before" between a unit and its anchor ("the week after Jan. 3").
    pub(crate) after: &'static [&'static str],
    pub(crate) before: &'static [&'static str],
    /// Phrases before a length of time that leave it without an end ("at least").
    pub(crate) open_ended: &'static [&'static [&'static str]],
    /// Endings of verbs in the future tense ("celebrará"), which put a date after the
    /// publication as `future` words do.
    pub(crate) future_endings: &'static [&'static str],
    /// Words right before a date that are part of it ("el 19 de mayo", "del sábado").
    pub(crate) leading: &'static [&'static str],
    /// Words after which "today" or "tomorrow" is no date ("cada mañana", "una mañana").
    pub(crate) not_deictic_after: &'static [&'static str],
    /// Phrases for an unsaid number of units ("a few", "several"): two to nine.
    pub(crate) vague: &'static [&'static [&'static str]],
    /// Labels an imported page's date line may start with ("Published", "Updated on"),
    /// each with whether it marks an update rather than the publication; a longer
    /// label before one it starts with.
    pub(crate) date_labels: &'static [(&'static str, bool)],
    /// Words between a date line's day and its time ("at", "a las").
    pub(crate) date_time_joiners: &'static [&'static [&'static str]],
    /// Phrases that refer to time without naming a stretch of the calendar
    /// ("recently", "the future", "current"), and what they refer to.
    pub(crate) references: &'static [(&'static [&'static str], Reference)],
    /// Phrases that refer back to a period named before ("the year", "that quarter"),
    /// with its unit and how many of them after it ("the following year": 1).
    pub(crate) named_before: &'static [(&'static [&'static str], Unit, i32)],
    /// Words after such a phrase that make it something else ("the year ended
    /// Sept. 30", "the year before").
    pub(crate) not_named_before: &'static [&'static str],
    /// Words for a thousand and a hundred in a year written in words ("two thousand",
    /// "nineteen hundred"); `year_pairs` when a year is also said as two numbers, its
    /// hundreds and the rest ("nineteen ninety-six").
    pub(crate) thousand: &'static [&'static str],
    pub(crate) hundred: &'static [&'static str],
    pub(crate) year_pairs: bool,
    /// Times of day written before the day they belong to ("10 p.m. Monday"): the
    /// words after the hour, and time zones that may follow them.
    pub(crate) clock: &'static [&'static [&'static str]],
    pub(crate) zones: &'static [&'static str],
    /// Words before a length of time ago that leave it as it is ("almost four years
    /// ago", "nearly two weeks ago").
    pub(crate) about: &'static [&'static [&'static str]],
    /// The word for a century after its ordinal ("the 20th century").
    pub(crate) century: &'static [&'static str],
    /// Words between a period and the day it ends on ("the year ended Sept. 30").
    pub(crate) ended: &'static [&'static str],
    /// Words before a day of the month given without its month ("el día 13").
    pub(crate) day_of_month: &'static [&'static str],
    /// The words attribution reads to find who said a quotation.
    pub(crate) quotes: QuoteWords,
}

impl Language {
    /// The table of a language code; English when there is none for it.
    pub(crate) fn of(code: &str) -> &'static Language {
        let code = code.split(['-', '_']).next().unwrap_or("");
        LANGUAGES
            .iter()
            .copied()
            .find(|l| l.code.eq_ignore_ascii_case(code))
            .unwrap_or(&ENGLISH)
    }

    /// The table of an article: its own language, else the briefing's.
    pub(crate) fn of_article(
        article: &crate::content::Article,
        config: &crate::config::Config,
    ) -> &'static Language {
        Language::of(if article.language.is_empty() {
            &config.language
        } else {
            &article.language
        })
    }

    /// The words of one of its lists.
    pub(crate) fn list(&self, class: Class) -> &'static [&'static str] {
        match class {
            Class::Articles => self.articles,
            Class::Last => self.last,
            Class::This => self.this,
            Class::Next => self.next,
            Class::LastAfter => self.last_after,
            Class::NextAfter => self.next_after,
            Class::AgoAfter => self.ago_after,
            Class::AgoBefore => self.ago_before,
            Class::Past => self.past,
            Class::Yesterday => self.yesterday,
            Class::Today => self.today,
            Class::Tomorrow => self.tomorrow,
            Class::Joiners => self.joiners,
            Class::MonthCues => self.month_cues,
            Class::AmbiguousMonths => self.ambiguous_months,
            Class::EarlierIn => self.earlier_in,
            Class::LaterIn => self.later_in,
            Class::AmbiguousSeasons => self.ambiguous_seasons,
            Class::Future => self.future,
            Class::ModalFuture => self.modal_future,
            Class::ClauseStarts => self.clause_starts,
            Class::Counted => self.counted,
            Class::Since => self.since,
            Class::Earlier => self.earlier,
            Class::YearAgo => self.year_ago,
            Class::Passive => self.passive,
            Class::Possessives => self.possessives,
            Class::Fiscal => self.fiscal,
            Class::Periods => self.periods,
            Class::SeasonCues => self.season_cues,
            Class::After => self.after,
            Class::Before => self.before,
            Class::Leading => self.leading,
            Class::NotDeicticAfter => self.not_deictic_after,
        }
    }

    /// Every word of its table, each with its lists and meanings.
    pub(crate) fn lexicon(&'static self) -> &'static Lexicon {
        static LEXICONS: [OnceLock<Lexicon>; COUNT] = [const { OnceLock::new() }; COUNT];
        let k = LANGUAGES
            .iter()
            .position(|l| std::ptr::eq(*l, self))
            .unwrap_or(0);
        LEXICONS[k].get_or_init(|| Lexicon::of(self))
    }

    /// The month a full or abbreviated name stands for ("Sept.", "enero"), and whether
    /// the name is abbreviated.
    pub(crate) fn month(&self, word: &str) -> Option<(u32, bool)> {
        let w = word.trim_end_matches('.');
        if let Some(m) = self.months.iter().position(|n| eq(w, n)) {
            return Some((m as u32 + 1, false));
        }
        self.short_months
            .iter()
            .find(|(n, _)| eq(w, n))
            .map(|(_, m)| (*m, true))
    }

    /// The weekday a name stands for.
    pub(crate) fn weekday(&self, word: &str) -> Option<Weekday> {
        self.weekdays
            .iter()
            .position(|n| eq(word, n))
            .map(|k| DAYS[k])
    }
}

/// The weekdays in a table's order.
const DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// A list of a [`Language`] table that the analyses ask a word to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Articles,
    Last,
    This,
    Next,
    LastAfter,
    NextAfter,
    AgoAfter,
    AgoBefore,
    Past,
    Yesterday,
    Today,
    Tomorrow,
    Joiners,
    MonthCues,
    AmbiguousMonths,
    EarlierIn,
    LaterIn,
    AmbiguousSeasons,
    Future,
    ModalFuture,
    ClauseStarts,
    Counted,
    Since,
    Earlier,
    YearAgo,
    Passive,
    Possessives,
    Fiscal,
    Periods,
    SeasonCues,
    After,
    Before,
    Leading,
    NotDeicticAfter,
}

impl Class {
    const ALL: [Class; 34] = [
        Class::Articles,
        Class::Last,
        Class::This,
        Class::Next,
        Class::LastAfter,
        Class::NextAfter,
        Class::AgoAfter,
        Class::AgoBefore,
        Class::Past,
        Class::Yesterday,
        Class::Today,
        Class::Tomorrow,
        Class::Joiners,
        Class::MonthCues,
        Class::AmbiguousMonths,
        Class::EarlierIn,
        Class::LaterIn,
        Class::AmbiguousSeasons,
        Class::Future,
        Class::ModalFuture,
        Class::ClauseStarts,
        Class::Counted,
        Class::Since,
        Class::Earlier,
        Class::YearAgo,
        Class::Passive,
        Class::Possessives,
        Class::Fiscal,
        Class::Periods,
        Class::SeasonCues,
        Class::After,
        Class::Before,
        Class::Leading,
        Class::NotDeicticAfter,
    ];

    fn bit(self) -> u64 {
        1 << self as u32
    }
}

/// What one word of a language's table is: the lists it is in and what it stands for.
/// A text's words are looked up once each, and the analyses test these instead of
/// comparing the word with every list.
#[derive(Debug, Default)]
pub(crate) struct Word {
    /// Its place in its [`Lexicon`], for sets of words kept beside it.
    pub(crate) id: usize,
    /// The word as the table writes it, lower case.
    pub(crate) text: &'static str,
    classes: u64,
    /// The month it names, and whether abbreviated.
    pub(crate) month: Option<(u32, bool)>,
    pub(crate) weekday: Option<Weekday>,
    pub(crate) unit: Option<Unit>,
    /// The number it names as a word ("two", "dos"); numerals are read apart.
    pub(crate) number: Option<u32>,
    pub(crate) ordinal: Option<u32>,
    /// The season it names: 0 spring to 3 winter.
    pub(crate) season: Option<usize>,
}

impl Word {
    pub(crate) fn is(&self, class: Class) -> bool {
        self.classes & class.bit() != 0
    }
}

/// Every word of a language's table, each once, found by its lower case.
#[derive(Debug)]
pub(crate) struct Lexicon {
    words: Vec<Word>,
    index: HashMap<&'static str, usize, BuildHasherDefault<WordHasher>>,
    /// The length of the longest word: a longer one is none of them.
    longest: usize,
}

impl Lexicon {
    fn of(l: &Language) -> Lexicon {
        let mut lex = Lexicon {
            words: Vec::new(),
            index: HashMap::default(),
            longest: 0,
        };
        for (k, name) in l.months.iter().enumerate() {
            lex.entry(name).month.get_or_insert((k as u32 + 1, false));
        }
        for (name, m) in l.short_months {
            lex.entry(name).month.get_or_insert((*m, true));
        }
        for (name, day) in l.weekdays.iter().zip(DAYS) {
            lex.entry(name).weekday.get_or_insert(day);
        }
        for (name, unit) in l.units {
            lex.entry(name).unit.get_or_insert(*unit);
        }
        for (name, n) in l.numbers {
            lex.entry(name).number.get_or_insert(*n);
        }
        for (name, n) in l.ordinals {
            lex.entry(name).ordinal.get_or_insert(*n);
        }
        for (k, names) in l.seasons.iter().enumerate() {
            for name in *names {
                lex.entry(name).season.get_or_insert(k);
            }
        }
        for class in Class::ALL {
            for name in l.list(class) {
                lex.entry(name).classes |= class.bit();
            }
        }
        // The words of phrases, which are compared by their table text.
        let phrases = l
            .now
            .iter()
            .chain(l.parts.iter().flat_map(|p| p.iter()))
            .chain(l.day_parts)
            .chain(l.latest)
            .chain(l.this_past)
            .chain(l.open_ended)
            .chain(l.vague)
            .chain(l.references.iter().map(|(p, _)| p))
            .chain(l.named_before.iter().map(|(p, _, _)| p))
            .chain(l.clock)
            .chain(l.about)
            .chain(l.holidays.iter().map(|(h, _)| h))
            .chain([&l.genitive, &l.of_the_year]);
        for phrase in phrases {
            for name in *phrase {
                lex.entry(name);
            }
        }
        lex
    }

    fn entry(&mut self, name: &'static str) -> &mut Word {
        let id = *self.index.entry(name).or_insert_with(|| {
            self.words.push(Word {
                id: self.words.len(),
                text: name,
                ..Word::default()
            });
            self.words.len() - 1
        });
        self.longest = self.longest.max(name.len());
        &mut self.words[id]
    }

    /// The table's word that a word of a text is, ignoring case as [`eq`] does.
    pub(crate) fn word(&self, word: &str) -> Option<&Word> {
        // A mark is no table's word (the apostrophe of a phrase is compared apart).
        let first = word.as_bytes().first()?;
        if word.len() > self.longest || first.is_ascii() && !first.is_ascii_alphanumeric() {
            return None;
        }
        let found = if !word
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            self.index.get(word)
        } else if word.is_ascii() {
            let mut buf = [0u8; 64];
            let lower = buf.get_mut(..word.len())?;
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            self.index.get(std::str::from_utf8(lower).ok()?)
        } else {
            let lower: String = word.chars().flat_map(char::to_lowercase).collect();
            // As `eq`: a word of another length is not the table's.
            if lower.len() != word.len() {
                return None;
            }
            self.index.get(lower.as_str())
        };
        found.map(|&k| &self.words[k])
    }

    /// How many words it holds.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }
}

/// A hash for short words (FxHash's): the default one, made to resist crafted keys,
/// costs more than the lookup it serves, and table words are not chosen by anyone.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Whether a word is a table's word, ignoring case (accented letters included).
/// Lower case is as long as upper case in the letters of the tables' languages ("Á",
/// "á"), so words of another length are told apart at once.
pub(crate) fn eq(word: &str, table: &str) -> bool {
    word.len() == table.len()
        && (word.eq_ignore_ascii_case(table)
            || !word.is_ascii() && word.chars().flat_map(char::to_lowercase).eq(table.chars()))
}

/// Every language with a table.
pub(crate) static LANGUAGES: [&Language; COUNT] = [&ENGLISH, &SPANISH];
/// How many languages have a table.
pub(crate) const COUNT: usize = 2;

pub(crate) static ENGLISH: Language = Language {
    code: "en",
    months: [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    short_months: &[
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ],
    weekdays: [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ],
    capitalised: true,
    ambiguous_months: &["may", "march"],
    month_cues: &[
        "in", "since", "until", "till", "by", "of", "early", "mid", "late", "during", "the",
        "through", "from", "last", "next", "this", "between", "and", "or", "to", "before", "after",
    ],
    joiners: &["of"],
    articles: &["the"],
    last: &["last", "past"],
    this: &["this", "current"],
    next: &["next", "coming"],
    last_after: &[],
    next_after: &[],
    ago_after: &["ago"],
    ago_before: &[],
    past: &["past", "last"],
    yesterday: &["yesterday"],
    today: &["today", "tonight"],
    tomorrow: &["tomorrow"],
    now: &[
        &["right", "now"],
        &["now"],
        &["currently"],
        &["at", "present"],
    ],
    parts: [
        &[
            &["early"],
            &["the", "beginning", "of"],
            &["the", "start", "of"],
        ],
        &[&["mid"], &["the", "middle", "of"]],
        &[&["late"], &["the", "end", "of"]],
    ],
    day_parts: &[&["morning"], &["afternoon"], &["evening"], &["night"]],
    earlier_in: &["earlier"],
    later_in: &["later"],
    units: &[
        ("hour", Unit::Hour),
        ("hours", Unit::Hour),
        ("day", Unit::Day),
        ("days", Unit::Day),
        ("week", Unit::Week),
        ("weeks", Unit::Week),
        ("weekend", Unit::Weekend),
        ("month", Unit::Month),
        ("months", Unit::Month),
        ("quarter", Unit::Quarter),
        ("half", Unit::Half),
        ("year", Unit::Year),
        ("years", Unit::Year),
        ("decade", Unit::Decade),
        ("decades", Unit::Decade),
    ],
    ordinals: &[
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("1st", 1),
        ("2nd", 2),
        ("3rd", 3),
        ("4th", 4),
    ],
    seasons: [&["spring"], &["summer"], &["fall", "autumn"], &["winter"]],
    ambiguous_seasons: &["fall", "spring"],
    holidays: &[
        (&["christmas", "day"], HolidayRule::Fixed(12, 25)),
        (&["christmas", "eve"], HolidayRule::Fixed(12, 24)),
        (&["christmas"], HolidayRule::Fixed(12, 25)),
        (
            &["new", "year", "'", "s", "eve"],
            HolidayRule::Fixed(12, 31),
        ),
        (&["new", "year", "'", "s", "day"], HolidayRule::Fixed(1, 1)),
        (&["independence", "day"], HolidayRule::Fixed(7, 4)),
        (&["halloween"], HolidayRule::Fixed(10, 31)),
        (&["valentine", "'", "s", "day"], HolidayRule::Fixed(2, 14)),
        (
            &["thanksgiving", "day"],
            HolidayRule::NthWeekday(11, 4, Weekday::Thu),
        ),
        (
            &["thanksgiving"],
            HolidayRule::NthWeekday(11, 4, Weekday::Thu),
        ),
        (
            &["labor", "day"],
            HolidayRule::NthWeekday(9, 1, Weekday::Mon),
        ),
        (
            &["memorial", "day"],
            HolidayRule::NthWeekday(5, -1, Weekday::Mon),
        ),
        (&["easter", "sunday"], HolidayRule::Easter(0)),
        (&["easter"], HolidayRule::Easter(0)),
        (&["good", "friday"], HolidayRule::Easter(-2)),
    ],
    numbers: &[
        ("a", 1),
        ("an", 1),
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ],
    future: &[
        "will",
        "upcoming",
        "scheduled",
        "ll",
        "plans",
        "planned",
        "planning",
        "until",
        "postponed",
    ],
    modal_future: &[
        "would", "could", "should", "might", "expected", "due", "promised",
    ],
    clause_starts: &[
        "after", "before", "since", "when", "because", "said", "told", "says",
    ],
    counted: &[
        "people",
        "troops",
        "soldiers",
        "sources",
        "prisoners",
        "detainees",
        "members",
        "votes",
        "times",
        "hours",
        "days",
        "percent",
        "million",
        "billion",
        "dollars",
        "miles",
        "km",
        "kilometres",
        "kilometers",
        "tons",
        "tonnes",
        "barrels",
        "cubans",
        "workers",
        "doctors",
        "men",
        "women",
        "children",
        "officers",
        "deaths",
        "cases",
        "units",
        "shares",
    ],
    since: &["since"],
    earlier: &["earlier", "before"],
    year_ago: &["ago", "earlier"],
    numeric: NumericOrder::MonthFirst,
    past_ending: Some("ed"),
    passive: &["be", "been", "being", "is", "are", "was", "were", "get"],
    possessives: &["its", "their"],
    genitive: &["'", "s"],
    latest: &[&["latest"], &["most", "recent"], &["comparable"], &["same"]],
    fiscal: &["fiscal"],
    periods: &["period", "periods", "level", "levels"],
    of_the_year: &["of", "the", "year"],
    this_past: &[&["this", "past"]],
    season_cues: &["in", "during"],
    after: &["after", "following"],
    before: &["before"],
    open_ended: &[&["at", "least"], &["more", "than"]],
    vague: &[&["a", "few"], &["several"], &["few"]],
    references: &[
        (&["recently"], Reference::Past),
        (&["more", "recently"], Reference::Past),
        (&["recent", "years"], Reference::Past),
        (&["recent", "months"], Reference::Past),
        (&["recent", "weeks", "and", "months"], Reference::Past),
        (&["recent", "weeks"], Reference::Past),
        (&["recent", "days"], Reference::Past),
        (&["the", "past"], Reference::Past),
        (&["current"], Reference::Present),
        (&["then", "current"], Reference::Past),
        (&["these", "days"], Reference::Present),
        (&["nowadays"], Reference::Present),
        (&["the", "near", "future"], Reference::Future),
        (&["the", "future"], Reference::Future),
        (&["the", "near", "term"], Reference::Future),
        (&["the", "short", "term"], Reference::Future),
        (&["the", "long", "term"], Reference::Future),
        (&["future", "quarters"], Reference::Future),
        (&["coming", "quarters"], Reference::Future),
        (&["a", "later", "date"], Reference::Future),
    ],
    named_before: &[
        (&["the", "year"], Unit::Year, 0),
        (&["the", "full", "year"], Unit::Year, 0),
        (&["the", "fiscal", "year"], Unit::Year, 0),
        (&["that", "year"], Unit::Year, 0),
        (&["later", "that", "year"], Unit::Year, 0),
        (&["earlier", "in", "the", "year"], Unit::Year, 0),
        (&["later", "in", "the", "year"], Unit::Year, 0),
        (&["that", "quarter"], Unit::Quarter, 0),
        (&["the", "following", "year"], Unit::Year, 1),
        (&["the", "month"], Unit::Month, 0),
        (&["that", "month"], Unit::Month, 0),
        (&["the", "following", "month"], Unit::Month, 1),
        (&["the", "week"], Unit::Week, 0),
        (&["that", "week"], Unit::Week, 0),
        (&["the", "following", "week"], Unit::Week, 1),
        (&["that", "day"], Unit::Day, 0),
        (&["that", "same", "day"], Unit::Day, 0),
        (&["the", "same", "day"], Unit::Day, 0),
        (&["earlier", "that", "day"], Unit::Day, 0),
        (&["the", "following", "day"], Unit::Day, 1),
        (&["the", "next", "day"], Unit::Day, 1),
        (&["the", "next", "morning"], Unit::Day, 1),
    ],
    not_named_before: &[
        "earlier", "ago", "before", "after", "-", "to", "when", "that", "in",
    ],
    thousand: &["thousand"],
    hundred: &["hundred"],
    year_pairs: true,
    clock: &[
        &["a", ".", "m", "."],
        &["p", ".", "m", "."],
        &["am"],
        &["pm"],
    ],
    zones: &[
        "edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst", "gmt", "utc",
    ],
    about: &[&["almost"], &["nearly"], &["about"], &["some"]],
    century: &["century"],
    day_of_month: &[],
    ended: &["ended", "ending"],
    future_endings: &[],
    leading: &[],
    not_deictic_after: &[],
    date_labels: &[
        ("first published on", false),
        ("first published", false),
        ("published on", false),
        ("published", false),
        ("posted on", false),
        ("posted", false),
        ("last updated on", true),
        ("last updated", true),
        ("updated on", true),
        ("updated", true),
        ("last modified", true),
        ("modified", true),
    ],
    date_time_joiners: &[&["at"]],
    quotes: QuoteWords {
        speech_verbs: &[
            "acknowledge",
            "acknowledged",
            "acknowledges",
            "add",
            "added",
            "adding",
            "adds",
            "admit",
            "admits",
            "admitted",
            "advised",
            "advises",
            "agreed",
            "agrees",
            "announce",
            "announced",
            "announces",
            "answered",
            "argue",
            "argued",
            "argues",
            "arguing",
            "ask",
            "asked",
            "asking",
            "asks",
            "assert",
            "asserted",
            "asserting",
            "asserts",
            "assure",
            "assured",
            "assuring",
            "barked",
            "boasted",
            "boasts",
            "call",
            "called",
            "calling",
            "calls",
            "cautioned",
            "characterised",
            "characterized",
            "characterizes",
            "charged",
            "chimed",
            "claimed",
            "claiming",
            "commented",
            "complained",
            "conceded",
            "concedes",
            "conclude",
            "concluded",
            "concludes",
            "confirm",
            "confirmed",
            "confirming",
            "confirms",
            "contended",
            "countered",
            "cried",
            "declare",
            "declared",
            "declares",
            "demanded",
            "describe",
            "described",
            "describes",
            "describing",
            "emailed",
            "emphasised",
            "emphasize",
            "emphasized",
            "exclaimed",
            "explain",
            "explained",
            "explaining",
            "explains",
            "gushed",
            "indicate",
            "indicated",
            "indicating",
            "insist",
            "insisted",
            "insists",
            "interjected",
            "joked",
            "jokes",
            "lamented",
            "laments",
            "mentioned",
            "mused",
            "noted",
            "notes",
            "noting",
            "observed",
            "observes",
            "pleaded",
            "pledged",
            "posted",
            "predicted",
            "predicts",
            "pressed",
            "promised",
            "quipped",
            "quips",
            "reaffirm",
            "reaffirmed",
            "recalled",
            "recalls",
            "recounted",
            "reiterate",
            "reiterated",
            "remarked",
            "replied",
            "replies",
            "respond",
            "responded",
            "responds",
            "retorted",
            "said",
            "sang",
            "say",
            "saying",
            "says",
            "scoffed",
            "shouted",
            "sighed",
            "sings",
            "snapped",
            "stated",
            "stating",
            "stressed",
            "stresses",
            "suggest",
            "suggested",
            "suggests",
            "tell",
            "telling",
            "tells",
            "testified",
            "texted",
            "told",
            "tweeted",
            "tweeting",
            "urge",
            "urged",
            "urges",
            "vowed",
            "warn",
            "warned",
            "warns",
            "whispered",
            "wondered",
            "wondering",
            "wonders",
            "write",
            "writes",
            "wrote",
            "yelled",
        ],
        speech_phrases: &["fired back", "pointed out", "points out", "shot back"],
        // "the talks went on", "the hearing continued": a speaker only when a person is
        // their subject.
        person_verbs: &["continued", "continues", "goes on", "went on"],
        pronouns: &["he", "she"],
        determiners: &[
            "a",
            "an",
            "the",
            "one",
            "another",
            "two",
            "three",
            "four",
            "five",
            "several",
            "some",
            "his",
            "her",
            "their",
            "its",
            "both",
            "many",
            "other",
            "others",
            "officials",
            "sources",
        ],
        articles: &["the", "a", "an"],
        np_end: &[
            "at",
            "in",
            "on",
            "during",
            "after",
            "before",
            "to",
            "from",
            "via",
            "about",
            "with",
            "while",
            "when",
            "as",
            "because",
            "following",
            "for",
            "and",
            "but",
            "who",
            "which",
            "that",
            "last",
            "this",
            "earlier",
            "later",
            "yesterday",
            "today",
        ],
        object_pronouns: &["it", "them", "him", "her", "us", "me", "so", "this", "that"],
        prepositions: &[
            "in",
            "on",
            "at",
            "after",
            "before",
            "following",
            "during",
            "since",
            "for",
            "from",
            "with",
            "by",
            "under",
            "according",
            "over",
            "thereafter",
            "then",
            "later",
            "subsequently",
        ],
        title_of: &["of"],
        role_nouns: &[
            "ad",
            "administration",
            "adviser",
            "advisers",
            "advisor",
            "aide",
            "aides",
            "allies",
            "attorney",
            "attorneys",
            "camp",
            "campaign",
            "consultant",
            "family",
            "foundation",
            "lawyer",
            "lawyers",
            "official",
            "officials",
            "organization",
            "pollster",
            "spokesman",
            "spokesperson",
            "spokeswoman",
            "staff",
            "staffer",
            "strategist",
            "supporter",
            "supporters",
            "surrogate",
            "surrogates",
            "team",
            "transition",
        ],
        clause_words: &[
            "am", "are", "be", "been", "did", "does", "had", "has", "have", "is", "uses", "was",
            "were", "will", "would",
        ],
        title_words: &[
            "adm",
            "admiral",
            "ambassador",
            "archbishop",
            "attorney",
            "bishop",
            "brother",
            "capt",
            "captain",
            "chairman",
            "chairwoman",
            "chancellor",
            "chief",
            "col",
            "colonel",
            "commander",
            "commissioner",
            "congressman",
            "congresswoman",
            "councilman",
            "councilwoman",
            "del",
            "deputy",
            "detective",
            "director",
            "dr",
            "father",
            "gen",
            "general",
            "gov",
            "governor",
            "judge",
            "justice",
            "king",
            "leader",
            "lt",
            "madam",
            "mayor",
            "minister",
            "miss",
            "mr",
            "mrs",
            "ms",
            "officer",
            "pope",
            "premier",
            "president",
            "prince",
            "princess",
            "prof",
            "professor",
            "prosecutor",
            "queen",
            "rabbi",
            "rep",
            "representative",
            "rev",
            "reverend",
            "sec",
            "secretary",
            "sen",
            "senator",
            "sergeant",
            "sgt",
            "sheriff",
            "sir",
            "sister",
            "speaker",
            "superintendent",
            "treasurer",
        ],
        head_cuts: &["of", "who", "from", "at", "in", "on", "for", "with", "to"],
        conjunctions: &[
            "although", "and", "as", "because", "but", "if", "since", "so", "though", "when",
            "while", "yet",
        ],
        relatives: &["which", "who", "that", "whom"],
        appositive_starts: &["a", "an", "the", "who", "former"],
        according: &["according to"],
        passive: &["am", "are", "be", "been", "being", "is", "was", "were"],
        agent: &["by"],
        participle_endings: &["ing"],
        adverbs: &["again", "also", "later", "never", "now", "once", "then"],
        adverb_endings: &["ly"],
        definite_articles: &["the"],
        person_nouns: &[
            "ambassador",
            "businessman",
            "candidate",
            "chairman",
            "chairwoman",
            "congressman",
            "congresswoman",
            "front-runner",
            "frontrunner",
            "general",
            "governor",
            "mayor",
            "minister",
            "mogul",
            "nominee",
            "president",
            "representative",
            "secretary",
            "senator",
            "speaker",
        ],
        short_titles: &[
            ("gen", "general"),
            ("gov", "governor"),
            ("pres", "president"),
            ("rep", "representative"),
            ("sen", "senator"),
        ],
        noun_prefixes: &["assistant", "deputy", "lieutenant", "vice"],
        former: &["ex", "former"],
        dialogue_dashes: false,
        two_char_marks: &[("''", "''"), ("``", "''")],
        masculine: GenderWords {
            pronouns: &["he", "him", "himself", "his"],
            titles: &["mr"],
        },
        feminine: GenderWords {
            pronouns: &["her", "hers", "herself", "she"],
            titles: &["miss", "mrs", "ms"],
        },
    },
};

pub(crate) static SPANISH: Language = Language {
    code: "es",
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    short_months: &[
        ("ene", 1),
        ("feb", 2),
        ("mar", 3),
        ("abr", 4),
        ("jun", 6),
        ("jul", 7),
        ("ago", 8),
        ("sep", 9),
        ("sept", 9),
        ("setiembre", 9),
        ("oct", 10),
        ("nov", 11),
        ("dic", 12),
    ],
    weekdays: [
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ],
    capitalised: false,
    ambiguous_months: &[],
    month_cues: &[],
    joiners: &["de", "del"],
    articles: &["el", "la", "los", "las"],
    last: &["pasado", "pasada", "último", "última"],
    this: &["este", "esta"],
    next: &["próximo", "próxima"],
    last_after: &["pasado", "pasada"],
    next_after: &["próximo", "próxima", "entrante"],
    ago_after: &[],
    ago_before: &["hace"],
    past: &["últimos", "últimas", "pasados", "pasadas"],
    yesterday: &["ayer"],
    today: &["hoy"],
    tomorrow: &["mañana"],
    now: &[&["ahora"], &["actualmente"], &["la", "actualidad"]],
    parts: [
        &[
            &["a", "principios", "de"],
            &["a", "principios", "del"],
            &["a", "comienzos", "de"],
            &["a", "comienzos", "del"],
            &["principios", "de"],
            &["principios", "del"],
            &["comienzos", "de"],
            &["comienzos", "del"],
            &["inicios", "de"],
            &["inicios", "del"],
        ],
        &[
            &["a", "mediados", "de"],
            &["a", "mediados", "del"],
            &["mediados", "de"],
            &["mediados", "del"],
        ],
        &[
            &["a", "finales", "de"],
            &["a", "finales", "del"],
            &["finales", "de"],
            &["finales", "del"],
            &["a", "fines", "de"],
            &["a", "fines", "del"],
            &["fines", "de"],
            &["fines", "del"],
        ],
    ],
    day_parts: &[
        &["por", "la", "mañana"],
        &["por", "la", "tarde"],
        &["por", "la", "noche"],
    ],
    earlier_in: &[],
    later_in: &[],
    units: &[
        ("hora", Unit::Hour),
        ("horas", Unit::Hour),
        ("día", Unit::Day),
        ("días", Unit::Day),
        ("semana", Unit::Week),
        ("semanas", Unit::Week),
        ("fin", Unit::Weekend),
        ("mes", Unit::Month),
        ("meses", Unit::Month),
        ("trimestre", Unit::Quarter),
        ("semestre", Unit::Half),
        ("año", Unit::Year),
        ("años", Unit::Year),
        ("década", Unit::Decade),
        ("décadas", Unit::Decade),
    ],
    ordinals: &[
        ("primer", 1),
        ("primero", 1),
        ("segundo", 2),
        ("tercer", 3),
        ("tercero", 3),
        ("cuarto", 4),
    ],
    seasons: [&["primavera"], &["verano"], &["otoño"], &["invierno"]],
    ambiguous_seasons: &[],
    holidays: &[
        (&["nochebuena"], HolidayRule::Fixed(12, 24)),
        (&["navidad"], HolidayRule::Fixed(12, 25)),
        (&["nochevieja"], HolidayRule::Fixed(12, 31)),
        (&["año", "nuevo"], HolidayRule::Fixed(1, 1)),
        (&["día", "de", "reyes"], HolidayRule::Fixed(1, 6)),
        (&["primero", "de", "mayo"], HolidayRule::Fixed(5, 1)),
        (&["viernes", "santo"], HolidayRule::Easter(-2)),
        (&["domingo", "de", "resurrección"], HolidayRule::Easter(0)),
    ],
    numbers: &[
        ("un", 1),
        ("una", 1),
        ("uno", 1),
        ("dos", 2),
        ("tres", 3),
        ("cuatro", 4),
        ("cinco", 5),
        ("seis", 6),
        ("siete", 7),
        ("ocho", 8),
        ("nueve", 9),
        ("diez", 10),
        ("once", 11),
        ("doce", 12),
        ("quince", 15),
        ("veinte", 20),
        ("treinta", 30),
    ],
    future: &[
        "será", "serán", "próximo", "próxima", "prevé", "previsto", "prevista",
    ],
    modal_future: &["podría", "debería", "tendrá"],
    clause_starts: &[
        "después", "antes", "desde", "cuando", "porque", "dijo", "afirmó", "según",
    ],
    counted: &[
        "personas",
        "presos",
        "soldados",
        "votos",
        "veces",
        "horas",
        "días",
        "millones",
        "dólares",
        "euros",
        "kilómetros",
        "toneladas",
        "barriles",
        "muertos",
        "casos",
    ],
    since: &["desde"],
    earlier: &["antes"],
    year_ago: &[],
    numeric: NumericOrder::DayFirst,
    past_ending: None,
    passive: &[],
    possessives: &[],
    genitive: &[],
    latest: &[&["mismo"]],
    fiscal: &[],
    periods: &["período", "periodo"],
    of_the_year: &["del", "año"],
    this_past: &[],
    season_cues: &["en", "durante"],
    after: &["después", "siguiente"],
    before: &["antes"],
    open_ended: &[&["al", "menos"], &["más", "de"]],
    vague: &[
        &["varios"],
        &["varias"],
        &["unos"],
        &["unas"],
        &["algunos"],
        &["algunas"],
    ],
    references: &[
        (&["recientemente"], Reference::Past),
        (&["actual"], Reference::Present),
        (&["actuales"], Reference::Present),
        (&["estos", "días"], Reference::Present),
        (&["próximamente"], Reference::Future),
        (&["largo", "plazo"], Reference::Future),
        (&["corto", "plazo"], Reference::Future),
        (&["medio", "plazo"], Reference::Future),
    ],
    named_before: &[
        (&["ese", "año"], Unit::Year, 0),
        (&["aquel", "año"], Unit::Year, 0),
        (&["el", "año", "siguiente"], Unit::Year, 1),
        (&["ese", "mes"], Unit::Month, 0),
        (&["el", "mes", "siguiente"], Unit::Month, 1),
        (&["esa", "semana"], Unit::Week, 0),
        (&["ese", "día"], Unit::Day, 0),
        (&["el", "mismo", "día"], Unit::Day, 0),
        (&["el", "día", "siguiente"], Unit::Day, 1),
    ],
    not_named_before: &["anterior", "pasado", "próximo", "que", "de"],
    thousand: &["mil"],
    hundred: &[],
    year_pairs: false,
    clock: &[&["horas"], &["h"]],
    zones: &["gmt", "utc"],
    about: &[&["casi"]],
    century: &[],
    day_of_month: &["día"],
    ended: &["terminado", "finalizado"],
    future_endings: &["rá", "rán"],
    leading: &["el", "del"],
    not_deictic_after: &["por", "una", "cada", "esta", "media", "toda"],
    date_labels: &[
        ("publicado originalmente el", false),
        ("publicado el", false),
        ("publicado", false),
        ("publicada el", false),
        ("publicada", false),
        ("fecha de publicación", false),
        ("última actualización", true),
        ("actualizado el", true),
        ("actualizado", true),
        ("actualizada el", true),
        ("actualizada", true),
        ("modificado el", true),
        ("modificado", true),
    ],
    date_time_joiners: &[&["a", "las"], &["a", "la"]],
    quotes: QuoteWords {
        speech_verbs: &[
            "aclaró",
            "admitió",
            "advirtió",
            "afirma",
            "afirmaba",
            "afirmó",
            "agregó",
            "anunció",
            "apuntó",
            "asegura",
            "aseguraba",
            "aseguró",
            "añade",
            "añadió",
            "comentó",
            "concluyó",
            "confirmó",
            "contestó",
            "criticó",
            "declara",
            "declaró",
            "defendió",
            "denunció",
            "destacó",
            "dice",
            "dicen",
            "dijeron",
            "dijo",
            "escribió",
            "explica",
            "explicó",
            "expresó",
            "indica",
            "indicó",
            "insistió",
            "lamentó",
            "manifestó",
            "mencionó",
            "precisó",
            "preguntó",
            "prometió",
            "publicó",
            "recalcó",
            "reconoció",
            "recordó",
            "reiteró",
            "replicó",
            "respondió",
            "reveló",
            "señala",
            "señaló",
            "sostiene",
            "sostuvo",
            "subrayó",
            "tuiteó",
        ],
        speech_phrases: &[],
        person_verbs: &[],
        pronouns: &["él", "ella"],
        determiners: &[
            "un", "una", "unos", "unas", "el", "la", "los", "las", "otro", "otra", "dos", "tres",
            "varios", "varias", "algunos", "algunas", "su", "sus", "fuentes",
        ],
        articles: &["el", "la", "los", "las", "un", "una"],
        np_end: &[
            "en", "durante", "tras", "ante", "desde", "con", "mientras", "cuando", "porque",
            "para", "y", "pero", "que", "quien", "este", "esta", "ayer", "hoy", "a", "al", "sobre",
        ],
        object_pronouns: &["lo", "la", "le", "les", "los", "las", "eso", "esto", "que"],
        prepositions: &[
            "en", "tras", "antes", "después", "durante", "desde", "para", "con", "por", "bajo",
            "según", "sobre", "luego", "entonces",
        ],
        title_of: &["de", "del"],
        role_nouns: &[
            "abogada",
            "abogado",
            "asesor",
            "asesora",
            "campaña",
            "consultor",
            "consultora",
            "encuestador",
            "encuestadora",
            "equipo",
            "estratega",
            "familia",
            "gobierno",
            "partido",
            "portavoz",
        ],
        clause_words: &[
            "era", "es", "fue", "ha", "había", "han", "será", "sería", "son",
        ],
        title_words: &[
            "alcalde",
            "alcaldesa",
            "canciller",
            "coronel",
            "diputada",
            "diputado",
            "don",
            "doña",
            "dr",
            "dra",
            "fiscal",
            "general",
            "gobernador",
            "gobernadora",
            "ministra",
            "ministro",
            "presidenta",
            "presidente",
            "senador",
            "senadora",
            "señor",
            "señora",
            "sr",
            "sra",
            "vicepresidenta",
            "vicepresidente",
        ],
        head_cuts: &[
            "de", "del", "que", "quien", "desde", "en", "para", "con", "a",
        ],
        conjunctions: &[
            "aunque", "cuando", "mientras", "pero", "porque", "pues", "si", "y",
        ],
        relatives: &["que", "quien", "quienes", "cual", "cuales"],
        appositive_starts: &[
            "un",
            "una",
            "el",
            "la",
            "que",
            "quien",
            "exministro",
            "expresidente",
        ],
        according: &["según"],
        passive: &["es", "fue", "fueron", "sido", "son"],
        agent: &["por"],
        participle_endings: &["ando", "iendo"],
        adverbs: &["luego", "también", "ya"],
        adverb_endings: &["mente"],
        definite_articles: &["el", "la"],
        person_nouns: &[
            "alcalde",
            "alcaldesa",
            "canciller",
            "candidata",
            "candidato",
            "diputada",
            "diputado",
            "gobernador",
            "gobernadora",
            "mandatario",
            "ministra",
            "ministro",
            "presidenta",
            "presidente",
            "senador",
            "senadora",
        ],
        short_titles: &[("gob", "gobernador"), ("pdte", "presidente")],
        noun_prefixes: &["vice"],
        former: &["antigua", "antiguo", "ex"],
        dialogue_dashes: true,
        two_char_marks: &[],
        masculine: GenderWords {
            pronouns: &["él"],
            titles: &["don", "señor", "sr"],
        },
        feminine: GenderWords {
            pronouns: &["ella"],
            titles: &["doña", "señora", "señorita", "sra", "srta"],
        },
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_is_found_by_its_code_and_english_otherwise() {
        assert_eq!(Language::of("es").code, "es");
        assert_eq!(Language::of("es-VE").code, "es");
        assert_eq!(Language::of("EN").code, "en");
        assert_eq!(Language::of("").code, "en");
        assert_eq!(Language::of("xx").code, "en");
    }

    #[test]
    fn names_are_read_without_case() {
        assert_eq!(ENGLISH.month("Sept."), Some((9, true)));
        assert_eq!(ENGLISH.month("DECEMBER"), Some((12, false)));
        assert_eq!(SPANISH.month("Enero"), Some((1, false)));
        assert_eq!(SPANISH.weekday("Sábado"), Some(Weekday::Sat));
        assert_eq!(SPANISH.weekday("miércoles"), Some(Weekday::Wed));
        assert_eq!(
            SPANISH.lexicon().word("Dos").and_then(|w| w.number),
            Some(2)
        );
        assert_eq!(
            SPANISH.lexicon().word("MIÉRCOLES").and_then(|w| w.weekday),
            Some(Weekday::Wed)
        );
        assert!(ENGLISH.lexicon().word("Mayor").is_none());
        assert_eq!(ENGLISH.month("Mayor"), None);
    }

    #[test]
    fn every_table_word_is_lower_case() {
        for l in LANGUAGES.iter() {
            let mut words: Vec<&str> = l.months.to_vec();
            words.extend(l.weekdays);
            words.extend(l.short_months.iter().map(|(w, _)| *w));
            words.extend(l.units.iter().map(|(w, _)| *w));
            words.extend(l.seasons.iter().flat_map(|s| s.iter().copied()));
            words.extend(l.holidays.iter().flat_map(|(h, _)| h.iter().copied()));
            for w in words {
                assert_eq!(w, w.to_lowercase(), "{}: {w}", l.code);
            }
        }
    }
}
