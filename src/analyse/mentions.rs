//! A *mention* is a place where an article names a person of the briefing: by full name
//! or alias, by surname, by a first name that only one person has, or by one of the
//! person's titles ("Interior Minister", "the assembly's president"). Names are matched
//! by one Aho–Corasick automaton over folded text (accents and case do not matter, but a
//! name must start with a capital letter, so "mora" the word is not Frank Mora), at word
//! boundaries, the longest match winning.
//!
//! A full name says who is meant. A bare surname, first name or title may fit several
//! people; it is *resolved* by context within the article, in this order, and is left
//! *ambiguous* (reported by `check`) when no rule decides:
//!
//! 1. a title written right before the name ("Cuban Foreign Minister Rodriguez") or as
//!    an apposition right after it ("Rodriguez, the interim president,") narrows the
//!    candidates to the people who hold it;
//! 2. only people introduced earlier in the article are candidates (introduced: named
//!    by full name, or by surname with a title only they hold; when none is, those
//!    introduced later; when none is at all, everyone with the name);
//! 3. someone whose full name comes later in the same sentence is someone else: a
//!    writer does not say "Rodriguez … alongside Bruno Rodriguez" of one person;
//! 4. one candidate left decides;
//! 5. the one candidate named in the previous sentence (by full name, or by a mention
//!    these rules resolved), when no candidate has been named yet in this one, is the
//!    one just named ("Jorge Rodríguez spoke. Rodríguez said …"); two candidates named
//!    there decide nothing;
//! 6. the *subject* of the article decides: the candidate introduced first, when no other
//!    candidate is named more often in that way, or when the first paragraph that names
//!    anyone (the lede) introduces that candidate alone, as news writing introduces its
//!    subject.
//!
//! Recency alone never decides: a full name earlier in the same sentence gives no
//! credit, so "… Bruno Rodriguez, and Rodriguez said" falls to the subject rule. A title
//! or first name only counts when a person who holds it is named in the article; "the
//! president" in an article that names no president of the briefing is someone else.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::quote_words::Gender;
use super::text::{Paragraph, at_word_boundaries, fold};
use super::{Mention, MentionKind, Place, Reason};
use crate::content::{Article, Person};
use crate::diagnostic::Diagnostic;
use crate::source::Span;

/// What one folded pattern can mean: a person and how the pattern names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    person: usize,
    kind: MentionKind,
}

/// How specific a kind of name is: the lower, the more it says who is meant.
fn rank(kind: MentionKind) -> u8 {
    match kind {
        MentionKind::FullName => 0,
        MentionKind::Alias => 1,
        MentionKind::Surname => 2,
        MentionKind::FirstName => 3,
        MentionKind::Title => 4,
    }
}

/// Every name, surname, first name and title of every person, in one automaton. Built
/// once per briefing and shared by every article.
#[derive(Debug)]
pub(crate) struct Names {
    automaton: AhoCorasick,
    /// The meanings of pattern `i`.
    meanings: Vec<Vec<Entry>>,
    /// Person ids and names, by person index (the briefing's order).
    /// Shared by every finding that names the person.
    ids: Vec<std::sync::Arc<str>>,
    display: Vec<String>,
    /// Each person's folded name forms, to tell whether a text names them.
    pub(crate) folded_names: Vec<Vec<String>>,
    /// The gender the curation gives a person through their pronouns, by id: only
    /// the people who have them.
    genders: std::collections::HashMap<std::sync::Arc<str>, Gender>,
}

/// The first word of a folded name, when the name has more than one.
fn first_word(folded: &str) -> Option<&str> {
    let mut words = folded.split(' ');
    let first = words.next()?;
    words.next().map(|_| first)
}

fn last_word(folded: &str) -> Option<&str> {
    let (rest, last) = folded.rsplit_once(' ')?;
    (!rest.is_empty()).then_some(last)
}

impl Names {
    pub(crate) fn new(people: &[Person]) -> Names {
        let mut by_key: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
        let mut add = |key: String, person: usize, kind: MentionKind| {
            if key.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                return;
            }
            let entries = by_key.entry(key).or_default();
            match entries.iter_mut().find(|e| e.person == person) {
                Some(e) if rank(kind) < rank(e.kind) => e.kind = kind,
                Some(_) => {}
                None => entries.push(Entry { person, kind }),
            }
        };
        let mut folded_names = Vec::with_capacity(people.len());
        for (i, p) in people.iter().enumerate() {
            let name = fold(&p.name);
            add(name.clone(), i, MentionKind::FullName);
            let mut forms = vec![name.clone()];
            for alias in &p.aliases {
                add(fold(alias), i, MentionKind::Alias);
                forms.push(fold(alias));
            }
            // Without a surname in the curation, the last word of the name is one.
            let surname = match &p.surname {
                Some(s) => Some(fold(s)),
                None => last_word(&name).map(str::to_string),
            };
            if let Some(s) = surname.filter(|s| *s != name) {
                add(s.clone(), i, MentionKind::Surname);
                forms.push(s);
            }
            for title in &p.titles {
                let t = fold(title);
                let t = t.strip_prefix("the ").unwrap_or(&t).to_string();
                add(t, i, MentionKind::Title);
            }
            folded_names.push(forms);
        }
        // A first name counts only when no one else has it, as a first name or otherwise.
        let firsts: Vec<Option<String>> = people
            .iter()
            .map(|p| first_word(&fold(&p.name)).map(str::to_string))
            .collect();
        for (i, first) in firsts.iter().enumerate() {
            let Some(first) = first else { continue };
            let shared = firsts
                .iter()
                .enumerate()
                .any(|(j, f)| j != i && f.as_deref() == Some(first.as_str()));
            let taken = by_key
                .get(first)
                .is_some_and(|entries| entries.iter().any(|e| e.person != i));
            if !shared && !taken && first.chars().count() >= 3 {
                by_key.entry(first.clone()).or_default().push(Entry {
                    person: i,
                    kind: MentionKind::FirstName,
                });
                folded_names[i].push(first.clone());
            }
        }
        let (keys, meanings): (Vec<String>, Vec<Vec<Entry>>) = by_key.into_iter().unzip();
        // A DFA: the fastest search, and a briefing's names are few enough that its
        // table stays small.
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .expect("name patterns build an automaton");
        Names {
            automaton,
            meanings,
            ids: people.iter().map(|p| p.id.as_str().into()).collect(),
            display: people.iter().map(|p| p.name.clone()).collect(),
            folded_names,
            genders: people
                .iter()
                .filter_map(|p| Some((p.id.as_str().into(), Gender::of(p.pronouns?))))
                .collect(),
        }
    }

    pub(crate) fn id(&self, person: usize) -> &str {
        &self.ids[person]
    }

    /// The person's id, shared.
    pub(crate) fn shared_id(&self, person: usize) -> std::sync::Arc<str> {
        self.ids[person].clone()
    }

    pub(crate) fn index_of(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|i| **i == *id)
    }

    pub(crate) fn display_name(&self, person: usize) -> &str {
        &self.display[person]
    }

    /// The gender a person's pronouns give them, by id, when their curation has them.
    pub(crate) fn gender_of(&self, id: &str) -> Option<Gender> {
        self.genders.get(id).copied()
    }

    /// The names found in one paragraph: at word boundaries, names (not titles) starting
    /// with a capital, longest first, not overlapping.
    fn find(&self, para: &Paragraph) -> Vec<Token> {
        let folded = &para.folded.text;
        let mut found: Vec<Token> = Vec::new();
        for m in self.automaton.find_overlapping_iter(folded.as_str()) {
            let (fs, fe) = (m.start(), m.end());
            if !at_word_boundaries(folded, fs, fe) {
                continue;
            }
            let (start, end) = para.folded.original_range(fs, fe);
            let written = &para.text[start..end];
            let capital = starts_capitalised(written);
            let entries: Vec<Entry> = self.meanings[m.pattern().as_usize()]
                .iter()
                .copied()
                .filter(|e| e.kind == MentionKind::Title || capital)
                .collect();
            if entries.is_empty() {
                continue;
            }
            found.push(Token {
                para: para.n,
                start,
                end,
                fstart: fs,
                fend: fe,
                sentence: 0,
                entries,
                title_before: None,
                title_after: None,
                courtesy: None,
            });
        }
        super::text::outermost(found, |t| (t.fstart, t.fend))
    }
}

/// Whether a name as written starts with a capital letter, in its first or its last
/// word ("de la Cruz").
fn starts_capitalised(written: &str) -> bool {
    let first = written.chars().find(|c| c.is_alphabetic());
    let last = written
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .and_then(|w| w.chars().find(|c| c.is_alphabetic()));
    first.is_some_and(char::is_uppercase) || last.is_some_and(char::is_uppercase)
}

/// A name found in the text, before it is resolved.
#[derive(Debug, Clone)]
struct Token {
    para: usize,
    start: usize,
    end: usize,
    fstart: usize,
    fend: usize,
    /// Sentence number within the article, counted across paragraphs.
    sentence: usize,
    entries: Vec<Entry>,
    /// The holders of a title written right before the name.
    title_before: Option<Vec<usize>>,
    /// The holders of a title in apposition right after the name.
    title_after: Option<Vec<usize>>,
    /// The gender of a courtesy title right before the name ("Mr. Obama").
    courtesy: Option<Gender>,
}

impl Token {
    fn is_title(&self) -> bool {
        self.entries.iter().all(|e| e.kind == MentionKind::Title)
    }

    fn people(&self) -> Vec<usize> {
        let mut p: Vec<usize> = self.entries.iter().map(|e| e.person).collect();
        p.sort_unstable();
        p.dedup();
        p
    }

    /// The one person this token names by full name or alias, if it does.
    fn explicit(&self) -> Option<usize> {
        let people = self.people();
        match (
            people.as_slice(),
            self.entries.iter().any(|e| rank(e.kind) <= 1),
        ) {
            ([one], true) => Some(*one),
            _ => None,
        }
    }

    /// The one person this token names beyond doubt: by full name or alias, or by a
    /// surname that a title next to it narrows to one person ("Foreign Minister
    /// González").
    fn identifies(&self) -> Option<usize> {
        if let Some(p) = self.explicit() {
            return Some(p);
        }
        if self.is_title() {
            return None;
        }
        let people = self.people();
        let mut narrowed = people.clone();
        for holders in [&self.title_before, &self.title_after]
            .into_iter()
            .flatten()
        {
            let kept: Vec<usize> = narrowed
                .iter()
                .copied()
                .filter(|p| holders.contains(p))
                .collect();
            if !kept.is_empty() {
                narrowed = kept;
            }
        }
        match narrowed.as_slice() {
            [one] if people.len() > 1 => Some(*one),
            _ => None,
        }
    }

    fn kind_for(&self, person: Option<usize>) -> MentionKind {
        let kinds = self
            .entries
            .iter()
            .filter(|e| person.is_none_or(|p| e.person == p))
            .map(|e| e.kind);
        let kind = kinds
            .min_by_key(|k| rank(*k))
            .unwrap_or(MentionKind::Surname);
        // "President Trump": the surname is what names him.
        if kind == MentionKind::Title && !self.is_title() {
            MentionKind::Surname
        } else {
            kind
        }
    }
}

/// Words that may stand between a name and a title in apposition: "Gonzalo Himiob,
/// vice president of …", "Frank Mora, who served as …", "Alejandro Velasco, an …".
const APPOSITION: &[&str] = &[
    "a",
    "an",
    "the",
    "who",
    "is",
    "was",
    "served",
    "serves",
    "as",
    "then",
    "now",
    "also",
    "currently",
    "formerly",
    "still",
];

fn is_apposition_gap(gap: &str) -> bool {
    let Some(rest) = gap.strip_prefix(',') else {
        return false;
    };
    rest.split(' ')
        .filter(|w| !w.is_empty())
        .all(|w| APPOSITION.contains(&w))
}

/// Joins titles to the names they belong to and drops titles of people who are not in
/// the briefing ("President Lula"): what is left is names and free-standing titles.
fn attach_titles(tokens: Vec<Token>, paras: &[Paragraph]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if !t.is_title() {
            out.push(t.clone());
            i += 1;
            continue;
        }
        let para = &paras[t.para - 1];
        let folded = &para.folded.text;
        // A title right before a name belongs to it.
        if let Some(next) = tokens.get(i + 1)
            && next.para == t.para
            && !next.is_title()
            && folded[t.fend..next.fstart].trim().is_empty()
        {
            let mut merged = next.clone();
            merged.title_before = Some(t.people());
            out.push(merged);
            i += 2;
            continue;
        }
        // A title right before a capitalised word that is no one we know.
        let after = para.text[t.end..].trim_start();
        let gap_is_space = para.text[t.end..].starts_with(' ');
        if gap_is_space && after.chars().next().is_some_and(char::is_uppercase) {
            i += 1;
            continue;
        }
        // A title in apposition after a name belongs to that name.
        if let Some(prev) = out.last_mut()
            && prev.para == t.para
            && !prev.is_title()
            && is_apposition_gap(&folded[prev.fend..t.fstart])
        {
            prev.title_after = Some(t.people());
            i += 1;
            continue;
        }
        out.push(t.clone());
        i += 1;
    }
    out
}

/// What the article says about each person before any context rule runs.
struct Facts {
    /// Token index of the first mention that names the person beyond doubt (a full
    /// name, or a surname with a title only they hold), by person.
    introduced: BTreeMap<usize, usize>,
    /// How many such mentions, by person.
    full_names: BTreeMap<usize, usize>,
    /// People named in the article in a way only they are (full name, unique surname).
    named: Vec<usize>,
    /// The gender of the courtesy title before the first mention that names the
    /// person beyond doubt with one ("Mrs. Michelle Obama"), by person.
    genders: BTreeMap<usize, Gender>,
}

fn facts(tokens: &[Token]) -> Facts {
    let mut introduced = BTreeMap::new();
    let mut full_names: BTreeMap<usize, usize> = BTreeMap::new();
    let mut named = Vec::new();
    let mut genders = BTreeMap::new();
    for (i, t) in tokens.iter().enumerate() {
        if let Some(p) = t.identifies() {
            introduced.entry(p).or_insert(i);
            if let Some(g) = t.courtesy {
                genders.entry(p).or_insert(g);
            }
            *full_names.entry(p).or_default() += 1;
        }
        if let [p] = t.people().as_slice()
            && t.entries
                .iter()
                .any(|e| e.kind != MentionKind::FirstName && e.kind != MentionKind::Title)
        {
            named.push(*p);
        }
    }
    named.sort_unstable();
    named.dedup();
    Facts {
        introduced,
        full_names,
        named,
        genders,
    }
}

enum Resolution {
    Person(usize, Reason),
    Ambiguous(Vec<usize>),
    /// Not a mention of anyone in the briefing.
    Drop,
}

struct Resolver<'a> {
    names: &'a Names,
    tokens: &'a [Token],
    facts: Facts,
    /// Resolved people so far, by token index.
    resolved: Vec<Option<usize>>,
}

impl Resolver<'_> {
    fn resolve(&self, i: usize) -> Resolution {
        let t = &self.tokens[i];
        let mut candidates = t.people();
        let mut decided_by = None;
        for (title, why) in [
            (&t.title_before, Reason::TitleBefore),
            (&t.title_after, Reason::TitleAfter),
        ] {
            if let Some(holders) = title {
                let narrowed: Vec<usize> = candidates
                    .iter()
                    .copied()
                    .filter(|c| holders.contains(c))
                    .collect();
                if !narrowed.is_empty() && narrowed.len() < candidates.len() {
                    candidates = narrowed;
                    decided_by = Some(why);
                }
            }
        }
        // "Mr. Obama" beside a Michelle Obama: a courtesy title leaves out the people
        // known to be referred to otherwise.
        if let Some(g) = t.courtesy {
            let kept: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&c| self.gender(c).is_none_or(|known| known == g))
                .collect();
            if !kept.is_empty() && kept.len() < candidates.len() {
                candidates = kept;
                decided_by = Some(Reason::CourtesyTitle);
            }
            // And the one person known to be referred to so is preferred to those
            // nothing is known of: the curation or the article has told who "Mr." is.
            let known: Vec<usize> = (candidates.iter().copied())
                .filter(|&c| self.gender(c) == Some(g))
                .collect();
            if known.len() == 1 && candidates.len() > 1 {
                candidates = known;
                decided_by = Some(Reason::CourtesyTitle);
            }
        }
        let named = |p: &usize| self.facts.named.contains(p);
        if t.is_title() {
            candidates.retain(named);
            return match candidates.as_slice() {
                [] => Resolution::Drop,
                [one] => Resolution::Person(*one, Reason::OnlyHolderOfTitleNamed),
                _ => self.by_sentence_or_subject(i, candidates),
            };
        }
        if let [one] = candidates.as_slice() {
            let kind = t.kind_for(Some(*one));
            if kind == MentionKind::FirstName && !named(one) {
                return Resolution::Drop;
            }
            let reason = decided_by.unwrap_or(match kind {
                MentionKind::FullName => Reason::FullName,
                MentionKind::Alias => Reason::Alias,
                MentionKind::Surname => Reason::OnlyWithSurname,
                MentionKind::FirstName => Reason::OnlyWithFirstName,
                MentionKind::Title => Reason::OnlyHolderOfTitle,
            });
            return Resolution::Person(*one, reason);
        }
        // Rule 2: people introduced before, else later, else anyone.
        let intro = |p: &usize| self.facts.introduced.get(p).copied();
        let before: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|p| intro(p).is_some_and(|at| at < i))
            .collect();
        let mut eligible = if !before.is_empty() {
            before
        } else {
            let anywhere: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|p| intro(p).is_some())
                .collect();
            if anywhere.is_empty() {
                candidates.clone()
            } else {
                anywhere
            }
        };
        // Rule 3: a full name later in the same sentence is someone else.
        let later: Vec<usize> = self.tokens[i + 1..]
            .iter()
            .take_while(|u| u.sentence == t.sentence)
            .filter_map(Token::identifies)
            .collect();
        let kept: Vec<usize> = eligible
            .iter()
            .copied()
            .filter(|p| !later.contains(p))
            .collect();
        if !kept.is_empty() {
            eligible = kept;
        }
        if let [one] = eligible.as_slice() {
            return Resolution::Person(*one, Reason::OnlyOneIntroduced);
        }
        // Rule 5: just named in the previous sentence, by full name or by a mention
        // already resolved, when this sentence has named none of them yet.
        let named_at = |j: usize| self.tokens[j].identifies().or(self.resolved[j]);
        let earlier_here = (0..i)
            .rev()
            .take_while(|&j| self.tokens[j].sentence == t.sentence)
            .filter_map(named_at)
            .any(|p| candidates.contains(&p));
        if !earlier_here && t.sentence > 0 {
            let mut previous: Vec<usize> = (0..i)
                .filter(|&j| self.tokens[j].sentence + 1 == t.sentence)
                .filter_map(named_at)
                .filter(|p| candidates.contains(p))
                .collect();
            previous.sort_unstable();
            previous.dedup();
            if let [one] = previous.as_slice()
                && eligible.contains(one)
            {
                return Resolution::Person(*one, Reason::NamedInPreviousSentence);
            }
        }
        self.subject(eligible)
    }

    /// A person's gender: their pronouns in the curation, else the courtesy title the
    /// article names them in full with.
    fn gender(&self, person: usize) -> Option<Gender> {
        self.names
            .gender_of(self.names.id(person))
            .or_else(|| self.facts.genders.get(&person).copied())
    }

    /// For a title: a holder named earlier in the same sentence, else the subject.
    fn by_sentence_or_subject(&self, i: usize, candidates: Vec<usize>) -> Resolution {
        let t = &self.tokens[i];
        let mut here: Vec<usize> = (0..i)
            .rev()
            .take_while(|&j| self.tokens[j].sentence == t.sentence)
            .filter_map(|j| self.resolved[j])
            .filter(|p| candidates.contains(p))
            .collect();
        here.sort_unstable();
        here.dedup();
        if let [one] = here.as_slice() {
            return Resolution::Person(*one, Reason::TitleOfNamedInSentence);
        }
        self.subject(candidates)
    }

    /// Rule 6: the candidate introduced first, unless another is named more often and
    /// the lede does not introduce the first one alone.
    fn subject(&self, eligible: Vec<usize>) -> Resolution {
        let first = eligible
            .iter()
            .filter_map(|p| self.facts.introduced.get(p).map(|at| (*at, *p)))
            .min();
        let count = |p: &usize| self.facts.full_names.get(p).copied().unwrap_or(0);
        let Some((_, subject)) = first else {
            return Resolution::Ambiguous(eligible);
        };
        if eligible.iter().all(|p| count(p) <= count(&subject)) {
            return Resolution::Person(subject, Reason::SubjectNamedMost);
        }
        let lede = self.tokens.first().map_or(0, |t| t.para);
        let in_lede = |p: &usize| {
            self.facts
                .introduced
                .get(p)
                .is_some_and(|&at| self.tokens[at].para == lede)
        };
        if in_lede(&subject) && eligible.iter().filter(|p| in_lede(p)).count() == 1 {
            return Resolution::Person(subject, Reason::SubjectInFirstParagraph);
        }
        Resolution::Ambiguous(eligible)
    }
}

/// Finds and resolves every mention in one article. Returns the mentions in paragraph
/// and offset order, and a warning for each ambiguous one.
pub(crate) fn article(
    names: &Names,
    article: &Article,
    paras: &[Paragraph],
) -> (Vec<Mention>, Vec<Diagnostic>) {
    // One id shared by every mention found.
    let id: std::sync::Arc<str> = article.id.as_str().into();
    let lang = &crate::lang::Language::of(&article.language).quotes;
    let mut tokens = Vec::new();
    let mut sentence_base = 0;
    for para in paras {
        for mut t in names.find(para) {
            t.sentence = sentence_base + super::text::sentence_at(&para.sentences, t.start);
            t.courtesy = para.text[..t.start]
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .and_then(|w| lang.title_gender(w));
            tokens.push(t);
        }
        sentence_base += para.sentences.len().max(1);
    }
    let tokens = attach_titles(tokens, paras);
    let mut resolver = Resolver {
        names,
        facts: facts(&tokens),
        tokens: &tokens,
        resolved: vec![None; tokens.len()],
    };
    let mut mentions = Vec::new();
    // Ambiguous names, one warning per name and candidates: (first token, how many).
    let mut unresolved: BTreeMap<(String, Vec<usize>), (usize, usize)> = BTreeMap::new();
    for (i, t) in tokens.iter().enumerate() {
        let para = &paras[t.para - 1];
        let (person, candidates, reason) = match resolver.resolve(i) {
            Resolution::Drop => continue,
            Resolution::Person(p, reason) => {
                resolver.resolved[i] = Some(p);
                (Some(p), Vec::new(), reason)
            }
            Resolution::Ambiguous(c) => (None, c, Reason::Ambiguous),
        };
        let (ss, se) = para.sentence(t.start);
        if person.is_none() {
            let key = (
                para.folded.text[t.fstart..t.fend].to_string(),
                candidates.clone(),
            );
            unresolved.entry(key).or_insert((i, 0)).1 += 1;
        }
        mentions.push(Mention {
            place: Place {
                article: id.clone(),
                paragraph: t.para,
                start: t.start,
                end: t.end,
            },
            person: person.map(|p| names.shared_id(p)),
            candidates: candidates
                .iter()
                .map(|&c| names.id(c).to_string())
                .collect(),
            kind: t.kind_for(person),
            sentence: super::Around::new(ss, se),
            reason,
        });
    }
    let mut warnings: Vec<Diagnostic> = unresolved
        .into_iter()
        .map(|((_, candidates), (i, count))| {
            let t = &tokens[i];
            let para = &paras[t.para - 1];
            ambiguous(names, article, para, t, &candidates, count)
        })
        .collect();
    warnings.sort_by_key(|d| d.span.map(|s| s.start));
    (mentions, warnings)
}

/// The `ambiguous-mention` warning, pointing at the first such name in the article
/// file; the other times the same name is ambiguous in the article are counted, not
/// repeated.
fn ambiguous(
    names: &Names,
    article: &Article,
    para: &Paragraph,
    t: &Token,
    candidates: &[usize],
    count: usize,
) -> Diagnostic {
    let text = &para.text[t.start..t.end];
    let who: Vec<String> = candidates
        .iter()
        .map(|&c| format!("{} ({})", names.display[c], names.ids[c]))
        .collect();
    let first = candidates.first().map_or("<id>", |&c| &*names.ids[c]);
    let again = match count {
        1 => String::new(),
        2 => " (and once more in the article)".to_string(),
        n => format!(" (and {} more times in the article)", n - 1),
    };
    Diagnostic::warning(
        "ambiguous-mention",
        format!(
            "“{text}” in paragraph {} of `{}` could be {}{again}",
            para.n,
            article.id,
            who.join(" or ")
        ),
    )
    .at(source_span(article, para, t.start, text), "which person is this?")
    .hint(format!(
        "add an alias or a title to content/people/{first}.yaml (or to the other candidates' files), or write the full name"
    ))
}

/// Where a piece of a paragraph's plain text is in the article file: the same
/// occurrence of the text in the paragraph's Markdown, else the paragraph's first line.
pub(crate) fn source_span(article: &Article, para: &Paragraph, start: usize, text: &str) -> Span {
    let block = para.block;
    let base = article.body_offset + block.range.start;
    let markdown = article.body.get(block.range.clone()).unwrap_or("");
    let nth = para.text[..start].matches(text).count();
    if !text.is_empty()
        && let Some((at, _)) = markdown.match_indices(text).nth(nth)
    {
        return Span::new(article.file, base + at, base + at + text.len());
    }
    let line = markdown.find('\n').unwrap_or(markdown.len());
    Span::new(article.file, base, base + line)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analyse::tests::pairs;
    use crate::content::Published;
    use crate::markdown;

    pub(crate) fn person(
        id: &str,
        name: &str,
        surname: Option<&str>,
        aliases: &[&str],
        titles: &[&str],
    ) -> Person {
        Person {
            id: id.into(),
            file: 0,
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            surname: surname.map(str::to_string),
            titles: titles.iter().map(|s| s.to_string()).collect(),
            pronouns: None,
            roles: vec![],
            summary: String::new(),
            relations: vec![],
            image: None,
            draft: false,
        }
    }

    pub(crate) fn article_of(body: &str) -> Article {
        let blocks = markdown::blocks(body);
        Article {
            id: "a".into(),
            file: 0,
            title: "T".into(),
            outlet: None,
            published: Published {
                date: chrono::NaiveDate::from_ymd_opt(2026, 2, 21).unwrap(),
                time: None,
                assumed: false,
            },
            author: None,
            url: None,
            derived_from: None,
            language: "en".into(),
            body: body.into(),
            body_offset: 0,
            paragraph_at: Article::index_paragraphs(&blocks),
            blocks,
            digest: Article::digest_of(body),
            draft: false,
        }
    }

    fn people() -> Vec<Person> {
        vec![
            person(
                "bruno",
                "Bruno Rodriguez",
                Some("Rodriguez"),
                &[],
                &["Cuban Foreign Minister"],
            ),
            person(
                "delcy",
                "Delcy Rodríguez",
                Some("Rodríguez"),
                &["Delcy Rodriguez"],
                &["Interim President"],
            ),
            person(
                "jorge",
                "Jorge Rodríguez",
                Some("Rodríguez"),
                &[],
                &["assembly’s president"],
            ),
            person("jraissati", "Jorge Jraissati", None, &[], &[]),
            person("mora", "Frank Mora", None, &[], &[]),
            person("trump", "Donald Trump", None, &[], &["President"]),
        ]
    }

    /// (text, person or "?" for ambiguous) of every mention in `body`.
    fn resolve(body: &str) -> Vec<(String, String)> {
        let people = people();
        let names = Names::new(&people);
        let a = article_of(body);
        let paras = Paragraph::all(&a);
        let (mentions, _) = article(&names, &a, &paras);
        mentions
            .into_iter()
            .map(|m| {
                let text = m.place.text(&a).to_string();
                (text, m.person.map_or_else(|| "?".into(), |p| p.to_string()))
            })
            .collect()
    }

    #[test]
    fn table_of_resolutions() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            // Accents and case do not matter; possessives and line breaks do not hide names.
            (
                "DELCY RODRIGUEZ’s office. Delcy  Rodríguez's aide.",
                &[("DELCY RODRIGUEZ", "delcy"), ("Delcy  Rodríguez", "delcy")],
            ),
            // The person the first paragraph introduces alone is the subject, even when
            // another with the surname is named more often later.
            (
                "Bruno Rodriguez arrived in Caracas.\n\nJorge Rodríguez met him. Later Jorge Rodríguez left. The talks lasted hours.\n\nRodriguez said they went well.",
                &[
                    ("Bruno Rodriguez", "bruno"),
                    ("Jorge Rodríguez", "jorge"),
                    ("Jorge Rodríguez", "jorge"),
                    ("Rodriguez", "bruno"),
                ],
            ),
            // The subject of the article wins over the name just written in the sentence.
            (
                "Delcy Rodríguez spoke.\n\nOn January 8, Rodriguez attended alongside Cuban Foreign Minister Bruno Rodriguez.",
                &[
                    ("Delcy Rodríguez", "delcy"),
                    ("Rodriguez", "delcy"),
                    ("Bruno Rodriguez", "bruno"),
                ],
            ),
            // A title before a surname narrows it.
            (
                "Delcy Rodríguez and Bruno Rodriguez met. Later, Cuban Foreign Minister Rodriguez left.",
                &[
                    ("Delcy Rodríguez", "delcy"),
                    ("Bruno Rodriguez", "bruno"),
                    ("Rodriguez", "bruno"),
                ],
            ),
            // Just named in the previous sentence.
            (
                "Delcy Rodríguez spoke. Delcy Rodríguez left. Jorge Rodríguez arrived on Monday. Rodríguez said more.",
                &[
                    ("Delcy Rodríguez", "delcy"),
                    ("Delcy Rodríguez", "delcy"),
                    ("Jorge Rodríguez", "jorge"),
                    ("Rodríguez", "jorge"),
                ],
            ),
            // Nothing decides: two introduced, the later one named more often.
            (
                "Delcy Rodríguez spoke. Jorge Rodríguez left. Jorge Rodríguez came back. Nobody knew.\n\nThen Rodríguez spoke.",
                &[
                    ("Delcy Rodríguez", "delcy"),
                    ("Jorge Rodríguez", "jorge"),
                    ("Jorge Rodríguez", "jorge"),
                    ("Rodríguez", "?"),
                ],
            ),
            // A shared first name is not a pattern; a title of someone unknown is dropped.
            (
                "Jorge said so. President Lula came. Trump left.",
                &[("Trump", "trump")],
            ),
            // A lower-case word is not a surname; a title is found in any case.
            (
                "a frank mora. Frank Mora spoke to the president. Trump nodded.",
                &[
                    ("Frank Mora", "mora"),
                    ("president", "trump"),
                    ("Trump", "trump"),
                ],
            ),
            // A title counts only when one of its holders is named in the article.
            (
                "Frank Mora spoke to the president.",
                &[("Frank Mora", "mora")],
            ),
            // The title right before the full name is part of it, not a second mention.
            (
                "Interim President Delcy Rodriguez’s government.",
                &[("Delcy Rodriguez", "delcy")],
            ),
            // A title in apposition is absorbed; the assembly's president resolves alone.
            (
                "Jorge Rodríguez, the assembly’s president, spoke. The assembly’s president confirmed.",
                &[
                    ("Jorge Rodríguez", "jorge"),
                    ("assembly’s president", "jorge"),
                ],
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(resolve(body), pairs(expected), "{body}");
        }
    }

    #[test]
    fn a_courtesy_title_leaves_out_those_known_to_be_referred_to_otherwise() {
        let body = "Delcy Rodríguez and Jorge Rodríguez met on Monday. Mr. Rodríguez spoke first.";
        let mut people = people();
        let names = |people: &[Person]| {
            let names = Names::new(people);
            let a = article_of(body);
            let paras = Paragraph::all(&a);
            let (mentions, _) = article(&names, &a, &paras);
            mentions
                .iter()
                .map(|m| m.person.as_deref().unwrap_or("?").to_string())
                .collect::<Vec<_>>()
        };
        // Nothing tells who is a man: the subject of the article, Delcy, is meant.
        assert_eq!(names(&people), ["delcy", "jorge", "delcy"]);
        people
            .iter_mut()
            .find(|p| p.id == "delcy")
            .unwrap()
            .pronouns = Some(crate::content::Pronouns::SheHer);
        assert_eq!(names(&people), ["delcy", "jorge", "jorge"]);
        // Known to be "Mr." himself, the one man is preferred to a woman nothing is
        // known of.
        for p in &mut people {
            p.pronouns = (p.id == "jorge").then_some(crate::content::Pronouns::HeHim);
        }
        assert_eq!(names(&people), ["delcy", "jorge", "jorge"]);
        // The article's own courtesy title before a full name tells it as well.
        assert_eq!(
            resolve("Mrs. Delcy Rodríguez and Jorge Rodríguez met. Mr. Rodríguez spoke first."),
            pairs(&[
                ("Delcy Rodríguez", "delcy"),
                ("Jorge Rodríguez", "jorge"),
                ("Rodríguez", "jorge")
            ])
        );
    }

    #[test]
    fn an_ambiguous_mention_warns_with_a_hint() {
        let people = people();
        let names = Names::new(&people);
        let a = article_of("Rodríguez spoke.");
        let paras = Paragraph::all(&a);
        let (mentions, warnings) = article(&names, &a, &paras);
        assert_eq!(mentions[0].person, None);
        assert_eq!(mentions[0].candidates, ["bruno", "delcy", "jorge"]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, "ambiguous-mention");
        assert_eq!(warnings[0].span.unwrap().start, 0);
        assert!(
            warnings[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("content/people/bruno.yaml")
        );
    }

    #[test]
    fn mention_places_are_exact_bytes() {
        let people = people();
        let names = Names::new(&people);
        let a = article_of("Met Delcy Rodríguez’s aide.");
        let paras = Paragraph::all(&a);
        let (mentions, _) = article(&names, &a, &paras);
        let m = &mentions[0];
        assert_eq!(
            &paras[0].text[m.place.start..m.place.end],
            "Delcy Rodríguez"
        );
        assert_eq!(m.kind, MentionKind::FullName);
    }
}
