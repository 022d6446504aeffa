//! A *quote* is text an article puts between quotation marks as someone's words, with its
//! *speaker*: the person or body the attribution names. Marks are typographic (“ ”, « »
//! and ‘ ’, where ’ between letters is an apostrophe), straight, or the two-character
//! marks of a language's plain-text news (the NYT's ''…''); the double marks of one quote
//! may mix kinds (“…"), and a straight " after a single quote's close and a space still
//! closes one ("…'Clinton,' " said"); an editor's bracket may open a quote ("[The]
//! president …"); a quote may run across sentences, and may run on into the next paragraph when a paragraph ends inside it.
//! Only the outermost quote counts: ‘Security Services’ inside Trump's words is part of
//! his quote. A closing mark with no opening one (a copy-editing slip) closes a quote
//! that starts after the last sentence of the paragraph that reports speech. In a
//! language written with dialogue dashes, a paragraph that opens with a dash is speech
//! up to the dash that opens the narrator's words ("—No vamos a ceder —afirmó Pérez—.").
//!
//! The speaker comes from the attribution next to the quote, tried in this order:
//! after it ("…,” said X", "…,” X said", "…,” X told …", "…” ― X", "“…?” X, an
//! apposition, said"), before it in the same
//! sentence ("X said that “…", "X stated, “…", "according to X, …", "Said X: “…", a
//! name before a colon or a dash: "pollster X: “…"", "X -- “…""), else
//! the quote continues the previous one in the same or the next sentence, or after a
//! short attribution ("“…,” he said. “…”"), or it opens the paragraph right after one
//! that ended with the previous quote, and is longer than three words ("…,” Barkley
//! said.¶“And it's become sad …”"), else its sentence ends in a short
//! attribution ("…, Warren said."), else it is the words of the person its sentence
//! starts with ("Trump called the winner “Miss Piggy”"), or of whom the pronoun it
//! starts with means, else it follows reported speech
//! in the sentence before ("…, Schiff said. “…”"), else it opens a paragraph after one
//! that ends with a colon and is spoken by that paragraph's attribution ("He
//! declared:¶“…”"), else it stands alone after a sentence about a person.
//! A speaker phrase is read for the person it is headed by ("Trump lawyer Marc
//! Kasowitz", "Rep. Jim Clyburn (D-S.C.)"), not a name that only qualifies it ("the
//! Clinton campaign"). A pronoun ("he said") is the person the quote's sentence starts
//! with (past a conjunction: "When Flynn was asked …, he said"), else, in the newest
//! paragraph since the last quote that has one, the speaker of reported speech ("X
//! said", "…, noted X") or the person its newest sentence starts with, else the last
//! quote's speaker, else the newest person named since: the first of these whose
//! gender, as the article gives it (a courtesy title, the pronouns after their own
//! sentences, outside quotations), does not contradict the pronoun's. A speaker who is a mentioned person is linked to
//! them; any other speaker is kept as written ("a senior Venezuelan military official"),
//! unless the words are a clause, not a speaker ("Clinton is"), or a definite description
//! that refers back to someone the article named with its noun ("Gov. Chris Christie …
//! the governor said", "Donald Trump, the Republican nominee, … the nominee said"), or
//! a first name alone that one person named in full before it has ("Hillary shot back").
//!
//! Only a registered person's own name gives them the words: a first name or surname
//! they share with someone else ("Luis Mora" beside a registered Frank Mora, "Donald
//! Trump" beside a registered Donald Trump Jr., "David Albright" beside a registered
//! Larry David) is that someone else, kept as written,
//! and a bare surname is nobody's when an unregistered namesake is named in its
//! paragraph (or anywhere in the article, when the registered person is not named there
//! in full).
//!
//! Some verbs of saying attribute words only when a person is their subject ("she went
//! on", not "the talks went on").
//!
//! A verb of saying in the passive ("Blumenthal was asked, “…?”") gives the words to its
//! agent ("was asked by host Bill Maher") or to no one, never to its subject, who is
//! the one spoken to and whose answer a pronoun after them still means.
//!
//! The words this reads (verbs of saying, in one word or two, pronouns, titles…) are a
//! table per language, [`super::quote_words`], part of the article's
//! [`crate::lang::Language`].
//!
//! Scare quotes and names are not quotes: a quotation of one to three words with no
//! attribution of its own, from the quote before it or from its sentence's subject
//! (‘captured’, “substantial number”) is skipped, unless a verb of saying stands right
//! before it ("calling the candidate “extremely physically fit”"); so is a nickname
//! between two capitalised words (Ernesto “Che” Guevara). The evaluation set follows the
//! same rule.

use super::mentions::Names;
use std::collections::HashMap;

use super::quote_words::{Gender, QuoteWords};
use super::text::{Paragraph, sentence_at};
use super::{Mention, MentionKind, Place, Quote, Reason};

/// The quotation marks of a paragraph, outermost quotes only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marks {
    /// Where the opening mark is (or where an unopened quote starts).
    pub(crate) open: usize,
    /// The quoted words.
    pub(crate) inner: (usize, usize),
    /// Just after the closing mark (the paragraph's end when the quote runs on).
    pub(crate) close: usize,
    pub(crate) runs_on: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Double { straight: bool },
    Single { straight: bool },
}

/// Finds the outermost quotations of a paragraph.
pub(crate) fn marks(lang: &QuoteWords, text: &str, sentences: &[(usize, usize)]) -> Vec<Marks> {
    if lang.dialogue_dashes
        && let Some(speech) = dialogue(text)
    {
        return speech;
    }
    let mut out = Vec::new();
    let mut stack: Vec<(Mark, usize, usize)> = Vec::new();
    let letter = |k: Option<char>| k.is_some_and(char::is_alphanumeric);
    let space = |k: Option<char>| {
        k.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-'))
    };
    // What may follow an opening mark: a word, or an editor's bracket inside the
    // quotation ("“[The] president …”").
    let opens = |k: Option<char>| !space(k) || k == Some('[');
    let close = |stack: &mut Vec<(Mark, usize, usize)>,
                 want: fn(Mark) -> bool,
                 at: usize,
                 len: usize,
                 out: &mut Vec<Marks>|
     -> bool {
        let Some(pos) = stack.iter().rposition(|(m, _, _)| want(*m)) else {
            return false;
        };
        let (_, open, open_len) = stack[pos];
        stack.truncate(pos);
        if stack.is_empty() {
            out.push(Marks {
                open,
                inner: (open + open_len, at),
                close: at + len,
                runs_on: false,
            });
        }
        true
    };
    let mut prev: Option<char> = None;
    // The end of a two-character mark already read.
    let mut skip_to = 0;
    for (i, c) in text.char_indices() {
        let before = prev;
        prev = Some(c);
        if i < skip_to || c.is_alphanumeric() || c == ' ' {
            continue;
        }
        let prev = before;
        let len = c.len_utf8();
        let next = text[i + len..].chars().next();
        let double_open = stack
            .iter()
            .any(|(m, _, _)| matches!(m, Mark::Double { .. }));
        let rest = &text[i..];
        // Three apostrophes after a single quote's words ('it,'''): the single closes
        // first, then the double.
        let single_first =
            rest.starts_with("'''") && matches!(stack.last(), Some((Mark::Single { .. }, _, _)));
        if !single_first {
            let shut = lang
                .two_char_marks
                .iter()
                .find(|(_, shut)| rest.starts_with(shut));
            if let Some(&(_, shut)) = shut
                && double_open
                && !space(prev)
            {
                let any_double = |m| matches!(m, Mark::Double { .. });
                close(&mut stack, any_double, i, shut.len(), &mut out);
                skip_to = i + shut.len();
                continue;
            }
            let opening = lang
                .two_char_marks
                .iter()
                .find(|(open, _)| rest.starts_with(open));
            if let Some(&(open, _)) = opening {
                let after = text[i + open.len()..].chars().next();
                if (space(prev) || matches!(prev, Some('\u{201C}' | '"'))) && opens(after) {
                    stack.push((Mark::Double { straight: true }, i, open.len()));
                }
                // Two apostrophes that neither open nor close are not two single marks.
                skip_to = i + open.len();
                continue;
            }
        }
        match c {
            '\u{201C}' | '\u{201E}' | '\u{00AB}' => {
                stack.push((Mark::Double { straight: false }, i, len))
            }
            '\u{201D}' | '\u{00BB}' => {
                let closed = close(
                    &mut stack,
                    |m| matches!(m, Mark::Double { .. }),
                    i,
                    len,
                    &mut out,
                );
                // A closing mark with nothing open: the opening one was left out.
                let unopened_quote = !closed && stack.is_empty();
                if unopened_quote {
                    out.push(unopened(lang, text, sentences, i, len));
                }
            }
            '"' => {
                // After a word, a straight mark closes a double quote of any kind: the
                // marks of one quote may mix (“…"). So does one after a single quote's
                // close and a space, as some papers set them apart ("…'Clinton,' " said").
                let after_single = prev == Some(' ')
                    && text[..i - 1].ends_with(['\'', '\u{2019}'])
                    && matches!(stack.last(), Some((Mark::Double { .. }, _, _)));
                if double_open && (!space(prev) || after_single) {
                    close(
                        &mut stack,
                        |m| matches!(m, Mark::Double { .. }),
                        i,
                        len,
                        &mut out,
                    );
                } else if space(prev) && opens(next) {
                    stack.push((Mark::Double { straight: true }, i, len));
                }
            }
            '\u{2018}' if opens(next) => stack.push((Mark::Single { straight: false }, i, len)),
            '\u{2019}' | '\'' => {
                let straight = c == '\'';
                if letter(prev) && letter(next) {
                    continue; // an apostrophe: It’s, don't
                }
                if straight && space(prev) && (letter(next) || next == Some('[')) {
                    stack.push((Mark::Single { straight: true }, i, len));
                    continue;
                }
                if !space(prev) {
                    close(
                        &mut stack,
                        |m| matches!(m, Mark::Single { .. }),
                        i,
                        len,
                        &mut out,
                    );
                }
            }
            _ => {}
        }
    }
    // A double quote still open at the end runs on into the next paragraph.
    if let Some(&(Mark::Double { .. }, open, open_len)) = stack.first() {
        out.push(Marks {
            open,
            inner: (open + open_len, text.len()),
            close: text.len(),
            runs_on: true,
        });
    }
    // A quote inside an unopened one (its opening was not known when it closed) is
    // part of it.
    super::text::outermost(out, |m| (m.open, m.close))
}

const DASHES: [char; 3] = ['\u{2014}', '\u{2013}', '\u{2015}'];

/// The speech of a paragraph written as dialogue: it opens with a dash, and a dash after
/// a space opens the narrator's words, which a dash closes before the speech goes on
/// ("—No vamos a ceder —afirmó Pérez—. Lo haremos.").
fn dialogue(text: &str) -> Option<Vec<Marks>> {
    let body = text.trim_start();
    let first = body.chars().next().filter(|c| DASHES.contains(c))?;
    let mut out = Vec::new();
    let mut open = text.len() - body.len();
    let mut start = open + first.len_utf8();
    loop {
        // The narrator's words start at a dash after a space.
        let aside = text[start..]
            .char_indices()
            .find(|&(i, c)| DASHES.contains(&c) && text[..start + i].ends_with(' '))
            .map(|(i, c)| (start + i, c.len_utf8()));
        let Some((dash, len)) = aside else {
            out.push(Marks {
                open,
                inner: (start, text.len()),
                close: text.len(),
                runs_on: false,
            });
            return Some(out);
        };
        out.push(Marks {
            open,
            inner: (start, dash),
            close: dash + len,
            runs_on: false,
        });
        // The speech goes on after the dash that closes the narrator's words.
        let Some((end, c)) = text[dash + len..]
            .char_indices()
            .find(|(_, c)| DASHES.contains(c))
            .map(|(i, c)| (dash + len + i, c))
        else {
            return Some(out);
        };
        let rest = text[end + c.len_utf8()..].trim_start_matches(['.', ',', ' ']);
        if rest.is_empty() {
            return Some(out);
        }
        open = end;
        start = text.len() - rest.len();
    }
}

/// A closing mark with no opening one: the quote starts at the first sentence after the
/// last one (in this paragraph) that reports speech.
fn unopened(
    lang: &QuoteWords,
    text: &str,
    sentences: &[(usize, usize)],
    at: usize,
    len: usize,
) -> Marks {
    let k = sentence_at(sentences, at);
    let mut start = sentences.get(k).map_or(0, |s| s.0);
    for j in (0..k).rev() {
        let (s, e) = sentences[j];
        if words(&text[s..e]).any(|(_, w)| lang.is_speech_verb(w)) {
            break;
        }
        start = s;
    }
    Marks {
        open: start,
        inner: (start, at),
        close: at + len,
        runs_on: false,
    }
}

/// The words of a text with their offsets.
fn words(text: &str) -> super::text::Words<'_> {
    super::text::words(text)
}

fn word_count(text: &str) -> usize {
    words(text).count()
}

/// A speaker as found: a mentioned person, or words as written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Speaker {
    pub(crate) person: Option<std::sync::Arc<str>>,
    pub(crate) text: String,
}

impl Speaker {
    /// An attribution found that gives the words to no one the article names: the
    /// quotation is not taken for the words of another person nearby.
    fn nobody() -> Speaker {
        Speaker {
            person: None,
            text: String::new(),
        }
    }
}

/// The article-wide state of attribution: who spoke last.
struct Attribution<'a> {
    names: &'a Names,
    /// The words of the article's language.
    lang: &'static QuoteWords,
    /// Its calendar's words, which may follow a name ("said Mora Monday").
    language: &'static crate::lang::Language,
    mentions: &'a [Mention],
    paras: &'a [Paragraph<'a>],
    /// The speaker of the last attributed quote.
    last: Option<Speaker>,
    /// The person the sentence of the quote at hand starts with, before the quote:
    /// whom a pronoun in that sentence means ("Sen. Claire McCaskill scolded him: “…,”
    /// she said").
    subject: Option<Speaker>,
    /// Whether a surname is also someone else's in this article, by surname as written.
    namesakes: std::cell::RefCell<std::collections::HashMap<String, bool>>,
    /// Text read since then (paragraph index, byte range), where reported speech may
    /// name a newer speaker; read only when a pronoun needs it, which is rare.
    since: Vec<(usize, usize, usize)>,
    /// The gender the article gives each person it names, where it gives one.
    genders: HashMap<std::sync::Arc<str>, Gender>,
    /// Whether the quote at hand was attributed by a passive verb ("Rubio was asked by
    /// moderator Gerard Baker, “…”"): its words were put to the sentence's subject,
    /// whose answer comes next, so a pronoun after them ("…,” he said) still looks
    /// back past them to the subject.
    spoken_to: std::cell::Cell<bool>,
}

impl Attribution<'_> {
    /// The mentions of paragraph `n` that start inside `[from, to)`.
    fn mentions_in(&self, n: usize, from: usize, to: usize) -> impl Iterator<Item = &Mention> {
        // Mentions are in paragraph and offset order.
        let key = |m: &Mention| (m.place.paragraph, m.place.start);
        let lo = self.mentions.partition_point(|m| key(m) < (n, from));
        let hi = self.mentions.partition_point(|m| key(m) < (n, to));
        self.mentions[lo..hi.max(lo)].iter()
    }

    fn speaker_of(&self, m: &Mention) -> Speaker {
        let para = self.paras.get(m.place.paragraph.wrapping_sub(1));
        let written = para
            .and_then(|p| p.text.get(m.place.start..m.place.end))
            .unwrap_or("");
        // Only a registered person's own name makes them the speaker: Luis Mora is not
        // Frank Mora, and a bare "Mora" beside a Luis Mora may be either.
        if let Some(para) = para {
            if let Some(other) = someone_else(self.language, para.text, m) {
                return Speaker {
                    person: None,
                    text: other.to_string(),
                };
            }
            if m.kind == MentionKind::Surname && self.namesake_in(para, m) {
                return Speaker {
                    person: None,
                    text: written.to_string(),
                };
            }
        }
        let text = match &m.person {
            Some(id) => self.names.display_of(id).unwrap_or(written),
            None => written,
        }
        .to_string();
        Speaker {
            person: m.person.clone(),
            text,
        }
    }

    /// Whether the article also names someone else with a bare surname, who is not a
    /// person of the briefing ("Frank Mora … his cousin Luis Mora … Mora said"; "Donald
    /// Trump" unregistered beside a registered Ivana Trump): then the bare surname may be
    /// either. Asked once per surname and article.
    ///
    /// Where the article names the registered person in full, a namesake elsewhere in
    /// it does not make the surname doubtful, one in the same paragraph does.
    fn namesake_in(&self, para: &Paragraph, m: &Mention) -> bool {
        let surname = &para.text[m.place.start..m.place.end];
        let introduced = self.mentions.iter().any(|o| {
            o.person.is_some()
                && o.person == m.person
                && matches!(o.kind, MentionKind::FullName | MentionKind::Alias)
        });
        let own = m
            .person
            .as_deref()
            .and_then(|id| self.names.display_of(id))
            .unwrap_or("");
        let own_first = own.split(' ').next().unwrap_or("");
        // "Donald Trump Jr.": "Donald Trump" without the suffix is his father.
        let own_suffix = own
            .rsplit(' ')
            .next()
            .filter(|w| matches!(w.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III"))
            .map(|w| w.trim_end_matches('.'));
        let namesake = |p: &Paragraph| {
            p.text.match_indices(surname).any(|(at, _)| {
                let end = at + surname.len();
                let registered = self.mentions_in(p.n, at.saturating_sub(64), end).any(|o| {
                    o.place.start <= at && end <= o.place.end && o.kind != MentionKind::Surname
                });
                let suffixed = own_suffix.is_none_or(|suffix| {
                    p.text[end..]
                        .trim_start_matches([',', ' '])
                        .starts_with(suffix)
                });
                !registered
                    && first_name_before(self.lang, p.text, at)
                        .is_some_and(|s| p.text[s..at].trim_end() != own_first || !suffixed)
            })
        };
        if introduced {
            return namesake(para);
        }
        if let Some(&known) = self.namesakes.borrow().get(surname) {
            return known;
        }
        let found = self.paras.iter().any(namesake);
        self.namesakes
            .borrow_mut()
            .insert(surname.to_string(), found);
        found
    }

    /// A speaker written in `[from, to)` of the paragraph: the person the phrase is
    /// headed by, a pronoun, or the words themselves up to the first comma.
    fn noun_phrase(&self, para: &Paragraph, from: usize, to: usize) -> Option<Speaker> {
        let phrase = para.text[from..to].trim_matches(|c: char| c.is_whitespace() || c == ',');
        if phrase.is_empty() {
            return None;
        }
        let from = from + para.text[from..to].find(phrase).unwrap_or(0);
        let lead: Vec<(usize, &str)> = words(phrase).take(3).collect();
        if let Some(m) = self.head(para, from, from + phrase.len()) {
            return Some(self.speaker_of(m));
        }
        let first = lead.first().map(|(_, w)| w.to_lowercase())?;
        // "he said", and "he then defended the remark, saying": the clause's subject,
        // after a conjunction that opens its clause ("though she called").
        if let Some(subject) = self.clause_pronoun(phrase) {
            return Some(self.pronoun_speaker(subject));
        }
        if self.lang.object_pronouns.contains(&first.as_str())
            || self.lang.prepositions.contains(&first.as_str())
        {
            return None;
        }
        let cut = phrase.find(',').unwrap_or(phrase.len());
        let text = phrase[..cut].trim();
        let looks_named = self.lang.determiners.contains(&first.as_str())
            || text.chars().next().is_some_and(char::is_uppercase)
            || words(text)
                .last()
                .is_some_and(|(_, w)| w.chars().next().is_some_and(char::is_uppercase));
        let clause =
            words(text).any(|(_, w)| QuoteWords::has(self.lang.clause_words, &w.to_lowercase()));
        if !looks_named || clause || word_count(text) > 10 {
            return None;
        }
        let person = self
            .described(para.n, from, text)
            .or_else(|| self.first_named(para.n, from, text));
        Some(match person {
            Some(id) => Speaker {
                text: self.names.display_of(&id).unwrap_or(text).to_string(),
                person: Some(id),
            },
            None => Speaker {
                person: None,
                text: text.to_string(),
            },
        })
    }

    /// The person a definite description written as a speaker refers back to ("the
    /// governor said", "the Republican nominee"): the one the article named before it
    /// with a title or an apposition holding its noun ("Gov. Chris Christie", "Donald
    /// Trump, the Republican nominee,"), the one whose title holds most of its other
    /// words where several do, the newest of those; each capitalised word of it
    /// ("Republican", "Florida") must be there too. Where the newest such holder is
    /// someone the briefing does not know ("Gov. John Kasich", unregistered), the
    /// description is theirs: no registered person is given their words.
    fn described(&self, n: usize, at: usize, text: &str) -> Option<std::sync::Arc<str>> {
        let written: Vec<&str> = words(text).map(|(_, w)| w).collect();
        let (first, rest) = written.split_first()?;
        if !self
            .lang
            .definite_articles
            .contains(&first.to_lowercase().as_str())
        {
            return None;
        }
        let lower: Vec<String> = rest.iter().map(|w| w.to_lowercase()).collect();
        let noun = lower
            .iter()
            .position(|w| QuoteWords::has(self.lang.person_nouns, w))?;
        let proper: Vec<&str> = rest
            .iter()
            .zip(&lower)
            .filter(|(w, _)| w.chars().next().is_some_and(char::is_uppercase))
            .map(|(_, l)| l.as_str())
            .collect();
        // The words of a title right before `to` in its sentence, as nouns ("Gov." is
        // "governor"), nearest first: capitalised words, "of" and the nouns of
        // persons, then, once a noun is met, its modifiers ("presumptive
        // Republican presidential nominee"); not "The governor met with Chris".
        let title_before = |para: &Paragraph, to: usize| -> Vec<String> {
            let (from, _) = para.sentence(to.saturating_sub(1));
            let mut out = Vec::new();
            let mut noun_seen = false;
            let from = para.text[from..to]
                .char_indices()
                .rev()
                .find(|&(_, c)| !c.is_alphanumeric() && !matches!(c, ' ' | '.' | '-'))
                .map_or(from, |(g, c)| from + g + c.len_utf8());
            let all: Vec<(usize, &str)> = words(&para.text[from..to]).collect();
            for &(_, w) in all.iter().rev().take(6) {
                let lower = w.to_lowercase();
                let lower = self.lang.title_noun(&lower).to_string();
                let person_noun = QuoteWords::has(self.lang.person_nouns, &lower);
                let capital = w.chars().next().is_some_and(char::is_uppercase);
                let fits = person_noun
                    || capital
                    || self.lang.title_of.contains(&lower.as_str())
                    || (noun_seen
                        && !super::text::is_stopword(&lower)
                        && !self.lang.is_speech_verb(&lower));
                if !fits {
                    break;
                }
                noun_seen |= person_noun;
                out.push(lower);
            }
            out.reverse();
            out
        };
        // "vice" of "the vice president" is part of the noun: Vice President Biden is
        // not "the former president".
        let prefix = |title: &[String], at: usize| {
            at.checked_sub(1)
                .map(|p| title[p].clone())
                .filter(|w| self.lang.noun_prefixes.contains(&w.as_str()))
        };
        let own_prefix = prefix(&lower, noun);
        // A former governor is not "the governor", nor the governor "the former" one.
        let own_former = lower.iter().any(|w| self.lang.former.contains(&w.as_str()));
        // (rank, holder): rank is how many of the description's words the title
        // holds, then the place; the holder is `None` for someone unregistered.
        type Ranked = ((usize, usize, usize), Option<std::sync::Arc<str>>);
        let mut best: Option<Ranked> = None;
        let mut consider = |title: Vec<String>, place: (usize, usize), holder| {
            let Some(at) = title.iter().position(|w| *w == lower[noun]) else {
                return;
            };
            let former = title.iter().any(|w| self.lang.former.contains(&w.as_str()));
            if prefix(&title, at) != own_prefix
                || former != own_former
                || !proper.iter().all(|p| title.iter().any(|t| t == p))
            {
                return;
            }
            let held = lower.iter().filter(|w| title.contains(w)).count();
            let rank = (held, place.0, place.1);
            if best.as_ref().is_none_or(|(r, _)| rank > *r) {
                best = Some((rank, holder));
            }
        };
        for para in self.paras.iter().take(n) {
            let end = if para.n == n { at } else { para.text.len() };
            let text = para.text;
            // A title before a name: "Gov. Chris Christie", "Republican nominee Donald
            // Trump"; or an apposition after one: "Chris Christie, the governor of".
            for m in self.mentions_in(para.n, 0, end) {
                if m.person.is_none() {
                    continue;
                }
                // A name that decides who it is, not a surname guessed from the
                // article's subject ("President Bush" read as Jeb Bush).
                let named = matches!(
                    m.reason,
                    Reason::FullName
                        | Reason::Alias
                        | Reason::OnlyWithSurname
                        | Reason::TitleBefore
                        | Reason::TitleAfter
                        | Reason::CourtesyTitle
                );
                if !named {
                    continue;
                }
                // As a speaker: "Donald Trump" is not a registered Ivana Trump.
                let id = &self.speaker_of(m).person;
                consider(
                    title_before(para, m.place.start),
                    (para.n, m.place.start),
                    id.clone(),
                );
                // Not a quotation's close ("…,” the governor said") nor past `at`.
                if let Some(rest) = without_parenthesis(&text[m.place.end..end])
                    .strip_prefix(", ")
                    .filter(|r| r.starts_with(char::is_alphabetic))
                {
                    let stop = rest
                        .find(|c: char| {
                            matches!(
                                c,
                                ',' | ';' | '.' | '(' | '"' | '\u{201c}' | '\u{201d}' | '\u{2018}'
                            )
                        })
                        .unwrap_or(rest.len());
                    // The apposition's own noun, not one it qualifies: "the brother of
                    // former president George W. Bush" is no president.
                    let apposition: Vec<String> = words(&rest[..stop])
                        .map(|(_, w)| self.lang.title_noun(&w.to_lowercase()).to_string())
                        .take_while(|w| !self.lang.title_of.contains(&w.as_str()))
                        .collect();
                    let opens = apposition.first().is_some_and(|w| {
                        self.lang.articles.contains(&w.as_str())
                            || QuoteWords::has(self.lang.person_nouns, w)
                    });
                    if opens {
                        consider(apposition, (para.n, m.place.start), id.clone());
                    }
                }
            }
            // Someone else named with the noun, whom the briefing does not know: the
            // noun (or its short title) right before a capitalised word no mention
            // starts at.
            for (i, w) in words(&text[..end]) {
                let lw = w.to_lowercase();
                if self.lang.title_noun(&lw) != lower[noun] {
                    continue;
                }
                let after = text[i + w.len()..end].trim_start_matches('.');
                let Some((j, name)) = words(after).next() else {
                    continue;
                };
                let name_at = end - after.len() + j;
                let unknown = j <= 1
                    && name.chars().next().is_some_and(char::is_uppercase)
                    && self
                        .mentions_in(para.n, i, name_at + name.len())
                        .next()
                        .is_none();
                // Or in an apposition after such a name: "Lee Park, the governor".
                let apposed = text[..i].rfind(", ").is_some_and(|c| {
                    let between: Vec<&str> = words(&text[c + 2..i]).map(|(_, w)| w).collect();
                    let named = text[..c]
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.starts_with(char::is_uppercase));
                    between.len() <= 5
                        && between.first().is_some_and(|w| {
                            self.lang.articles.contains(&w.to_lowercase().as_str())
                        })
                        && named
                        && self
                            .mentions_in(para.n, c.saturating_sub(64), c)
                            .all(|m| m.place.end != c)
                });
                if unknown || apposed {
                    consider(title_before(para, i + w.len()), (para.n, i), None);
                }
            }
        }
        best.and_then(|(_, holder)| holder)
    }

    /// The person a first name alone written as a speaker means ("Hillary shot back"):
    /// the one registered person the article named in full before it with that first
    /// name, when no one else it names has it.
    fn first_named(&self, n: usize, at: usize, text: &str) -> Option<std::sync::Arc<str>> {
        if words(text).count() != 1 || !text.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let mut holders: Vec<&std::sync::Arc<str>> = Vec::new();
        for para in self.paras.iter().take(n) {
            let end = if para.n == n { at } else { para.text.len() };
            for m in self.mentions_in(para.n, 0, end) {
                let Some(id) = &m.person else { continue };
                let full = matches!(m.kind, MentionKind::FullName | MentionKind::Alias);
                let first = para.text[m.place.start..m.place.end].split(' ').next();
                if full && first == Some(text) && !holders.contains(&id) {
                    holders.push(id);
                }
            }
            // "Hillary Rodham" unregistered beside a registered "Hillary Clinton".
            let other = para.text[..end].match_indices(text).any(|(i, _)| {
                let after = &para.text[i + text.len()..end];
                after.starts_with(' ')
                    && after[1..].chars().next().is_some_and(char::is_uppercase)
                    && self.mentions_in(para.n, i, i + 1).next().is_none()
            });
            if other {
                return None;
            }
        }
        match holders.as_slice() {
            [one] => Some((*one).clone()),
            _ => None,
        }
    }

    /// The mentioned person a noun phrase is about: the name its head ends with,
    /// before any apposition or qualifier ("Trump lawyer Marc Kasowitz", "Rep. Elijah
    /// Cummings of Maryland, the panel's ranking Democrat"), else a name at its start
    /// that is not a modifier ("Mora and Suju", but not "Trump's lawyer" or "the
    /// Clinton campaign").
    fn head(&self, para: &Paragraph, from: usize, to: usize) -> Option<&Mention> {
        let phrase = &para.text[from..to];
        let head_end = from + head_len(self.lang, phrase);
        let mentions: Vec<&Mention> = self.mentions_in(para.n, from, to).collect();
        let ends_head = |m: &&&Mention| {
            m.place.end <= head_end
                && para.text[m.place.end..head_end]
                    .split_whitespace()
                    .all(|w| matches!(w, "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III"))
        };
        if let Some(m) = mentions.iter().rev().find(ends_head) {
            return Some(m);
        }
        let m = mentions.first()?;
        let before: Vec<(usize, &str)> = words(&para.text[from..m.place.start]).collect();
        // A name may run past the phrase's end ("said Al From" cut at "From").
        let after = para.text.get(m.place.end..to).unwrap_or("");
        let modifier = after.starts_with(['\u{2019}', '\''])
            || before
                .last()
                .is_some_and(|(_, w)| self.lang.articles.contains(&w.to_lowercase().as_str()))
            || words(after).next().is_some_and(|(at, w)| {
                at <= 1 && QuoteWords::has(self.lang.role_nouns, &w.to_lowercase())
            });
        let before: Vec<&str> = before.iter().map(|&(_, w)| w).collect();
        ((before.len() <= 2 || title_phrase(self.lang, &before)) && !modifier).then_some(*m)
    }

    /// The person a clause in `[from, to)` starts with, its subject: a name after at
    /// most a few words of title ("Democratic Sen. Claire McCaskill scolded him"),
    /// past names that only qualify it ("Hillary Clinton’s campaign manager Robby
    /// Mook said", "Trump lawyer Marc Kasowitz said").
    fn subject(&self, para: &Paragraph, from: usize, to: usize) -> Option<&Mention> {
        let mut cursor = from;
        for m in self.mentions_in(para.n, from, to) {
            let gap: Vec<&str> = words(&para.text[cursor..m.place.start])
                .map(|(_, w)| w)
                .collect();
            // Words of a title, not a subject and its verb ("She said Mora has").
            let title = (gap.len() <= 4
                && gap.iter().all(|w| {
                    let lower = w.to_lowercase();
                    !super::text::is_stopword(&lower)
                        && !self.lang.pronouns.contains(&lower.as_str())
                        && !self.lang.is_speech_verb(w)
                }))
                || title_phrase(self.lang, &gap);
            if !title {
                return None;
            }
            let after = para.text.get(m.place.end..to).unwrap_or("");
            if let Some(rest) = after
                .strip_prefix("\u{2019}s")
                .or_else(|| after.strip_prefix("'s"))
            {
                cursor = to - rest.len();
                continue;
            }
            if let Some((at, w)) = words(after).next()
                && at <= 1
                && QuoteWords::has(self.lang.role_nouns, &w.to_lowercase())
            {
                cursor = m.place.end + at + w.len();
                continue;
            }
            // "Clinton press secretary Brian Fallon issues …": a title between two
            // names makes the first one a qualifier of the second.
            if let Some(next) = self.mentions_in(para.n, m.place.end, to).next() {
                let between: Vec<&str> = words(&para.text[m.place.end..next.place.start])
                    .map(|(_, w)| w)
                    .collect();
                let titled = (1..=3).contains(&between.len())
                    && para.text[m.place.end..next.place.start]
                        .chars()
                        .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
                    && between.last().is_some_and(|w| {
                        let lower = w.to_lowercase();
                        QuoteWords::has(self.lang.title_words, &lower)
                            || QuoteWords::has(self.lang.role_nouns, &lower)
                    });
                if titled {
                    cursor = m.place.end;
                    continue;
                }
            }
            return Some(m);
        }
        None
    }

    /// Whether `[from, to)` is a person, as the subject of a verb that needs one
    /// ([`QuoteWords::person_verbs`]): a pronoun, or a phrase headed by a mentioned
    /// person ("Trump", "the Texas senator Ted Cruz"), not "the talks".
    fn names_person(&self, para: &Paragraph, from: usize, to: usize) -> bool {
        let phrase = para.text[from..to].trim_matches(|c: char| c.is_whitespace() || c == ',');
        if self.lang.pronouns.contains(&phrase.to_lowercase().as_str()) {
            return true;
        }
        !phrase.is_empty() && self.head(para, from, to).is_some()
    }

    /// The words after a speech verb, up to a comma or a preposition: "said X at …".
    fn after_verb(&self, para: &Paragraph, from: usize, to: usize) -> Option<Speaker> {
        let rest = &para.text[from..to];
        // A full stop ends the speaker unless it ends an abbreviation: "said Rep. Jim
        // Clyburn", "said G.K. Butterfield".
        let mut end = rest
            .char_indices()
            .find(|&(i, c)| {
                matches!(c, ',' | ';' | ':' | '“' | '"')
                    || DASHES.contains(&c)
                    || (c == '.'
                        && !super::text::is_abbreviation(&rest[..i])
                        && !title_before(self.lang, &rest[..i]))
            })
            .map_or(rest.len(), |(i, _)| i);
        for (at, w) in words(rest) {
            if at >= end {
                break;
            }
            // A word of a name is no end of it: "said Al From".
            let named = self
                .mentions_in(para.n, from, from + at)
                .any(|m| m.place.end > from + at);
            if self.lang.np_end.contains(&w.to_lowercase().as_str()) && at > 0 && !named {
                // Keep "the" + name ("said the Cuban minister"): only cut after a word.
                if words(&rest[..at]).count() > 0 {
                    end = at;
                    break;
                }
            }
        }
        self.noun_phrase(para, from, from + end)
    }

    /// The attribution right after a quote: "…,” said X", "…,” X said", "…,” X told".
    fn after(&self, para: &Paragraph, q: &Marks, next_open: usize) -> Option<Speaker> {
        let sentence_end = para
            .sentences
            .iter()
            .find(|&&(_, e)| e > q.close)
            .map_or(para.text.len(), |s| s.1);
        let end = sentence_end.min(next_open);
        if q.close >= end {
            return None;
        }
        let window = &para.text[q.close..end];
        let ended = para.text[q.inner.0..q.inner.1]
            .trim_end()
            .ends_with(['.', '!', '?']);
        // "…” ― Jorge Falcon": a reader's name under their words.
        if let Some(rest) = window
            .trim_start()
            .strip_prefix(['\u{2015}', '\u{2014}', '\u{2013}'])
        {
            let from = end - rest.len();
            return self
                .noun_phrase(para, from, end)
                .filter(|s| s.person.is_some());
        }
        // "… but said “the question is the timing.” Gov. Pat McCrory said it …": a
        // quotation that a verb of saying introduces and that ends its sentence is
        // attributed before it; what follows is the next sentence.
        if ended && self.called(para, q.open) {
            return None;
        }
        let list: Vec<(usize, &str)> = words(window).collect();
        let (_, first) = *list.first()?;
        let first_lower = first.to_lowercase();
        let lead = window.trim_start();
        for phrase in self.lang.according {
            if lead.len() > phrase.len()
                && lead.is_char_boundary(phrase.len())
                && lead[..phrase.len()].to_lowercase() == *phrase
            {
                let from = end - lead.len() + phrase.len();
                return self.after_verb(para, from, end);
            }
        }
        if self.lang.is_speech_verb(first) {
            let from = q.close + list[0].0 + first.len();
            return self.after_verb(para, from, end);
        }
        // "…,” continued Trump": a verb that needs a person, when one follows.
        if self.lang.is_speech_verb_of_person(first) {
            let from = q.close + list[0].0 + first.len();
            if let Some(s) = self
                .after_verb(para, from, end)
                .filter(|s| s.person.is_some())
            {
                return Some(s);
            }
        }
        let stops = para.text[q.inner.0..q.inner.1].trim_end().ends_with('.');
        if !stops && let Some(m) = self.apposed_after(para, q, window, &list) {
            return Some(self.speaker_of(m));
        }
        let verb = (0..list.len().min(31)).find(|&v| {
            self.lang.speech_verb_at(&list, v)
                || (self.lang.person_verb_at(&list, v)
                    && self.names_person(para, q.close, q.close + list[v].0))
        });
        // "…,” retired Air Force general Lloyd Newton said": a name right before the verb.
        let named = verb.is_some_and(|v| {
            let verb_at = q.close + list[v].0;
            self.mentions_in(para.n, q.close, verb_at)
                .last()
                .is_some_and(|m| {
                    // A name the verb is part of ("Glenn Beck Says Trump") is not before it.
                    m.place.end <= verb_at
                        && without_parenthesis(&para.text[m.place.end..verb_at])
                            .trim()
                            .is_empty()
                })
        });
        // After a quote that ends its own sentence, only a short "X said" belongs to it,
        // or a name right before the verb after a few words of description ("…?” her
        // top aide Huma Abedin wrote").
        // A capital there starts the next sentence ("…” Trump campaign spokesman Jason
        // Miller added, “…"), whose speaker is not this quote's.
        let limit = if ended { 4 } else { 30 };
        let continues = first.chars().next().is_some_and(char::is_lowercase);
        let verb = verb.filter(|&v| {
            v <= limit
                || (v <= 8 && named && continues && !window[..list[v].0].contains([',', ';', '.']))
        });
        // "…,” retired general Lloyd Newton said", a name the briefing does not know.
        let capitalised = verb.is_some_and(|v| {
            let phrase = &window[..list[v].0];
            !phrase.contains([',', '.', ';'])
                && list[..v]
                    .iter()
                    .any(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
        });
        let starts_phrase = named
            || capitalised
            || self
                .mentions_in(para.n, q.close, q.close + list[0].0 + first.len() + 4)
                .next()
                .is_some()
            || self.lang.pronouns.contains(&first_lower.as_str())
            || self.lang.determiners.contains(&first_lower.as_str())
            || first.chars().next().is_some_and(char::is_uppercase);
        if starts_phrase && let Some(v) = verb {
            let phrase_end = q.close + list[v].0;
            if ended && window[..list[v].0].contains(',') {
                return None;
            }
            // "“…?” Frank Mora was asked": the words of the agent, if named, not Mora's.
            if self.passive_at(&list, v) {
                let verb_end = phrase_end + list[v].1.len();
                self.spoken_to.set(true);
                return Some(
                    self.agent(para, verb_end, end)
                        .unwrap_or_else(Speaker::nobody),
                );
            }
            return self.noun_phrase(para, q.close, phrase_end);
        }
        if ended {
            return None;
        }
        // "…” to the survival of the government, said X".
        let verb = list.iter().take(16).position(|(at, w)| {
            self.lang.is_speech_verb(w) && window[..*at].trim_end().ends_with(',')
        })?;
        let from = q.close + list[verb].0 + list[verb].1.len();
        self.after_verb(para, from, end)
    }

    /// A name right after a quote, set off by an apposition before its verb: "“Is it
    /// in our interest to act?” Lisa O. Monaco, Obama's adviser on counterterrorism,
    /// said at a summit". `list` is the words of `window`, the text from the quote's
    /// close to its sentence's end. Not after a quote that ends with a full stop: what
    /// follows it is a sentence of its own.
    fn apposed_after(
        &self,
        para: &Paragraph,
        q: &Marks,
        window: &str,
        list: &[(usize, &str)],
    ) -> Option<&Mention> {
        let m = self
            .mentions_in(para.n, q.close, q.close + list.get(2)?.0)
            .next()?;
        let name_end = m.place.end - q.close;
        if name_end > window.len() {
            return None;
        }
        // At most a title before the name: "Sen. Tim Kaine, …".
        let lead = words(&window[..m.place.start - q.close]);
        let titled = lead
            .enumerate()
            .all(|(i, (_, w))| i < 2 && w.chars().next().is_some_and(char::is_uppercase));
        if !titled || !window[name_end..].starts_with(',') {
            return None;
        }
        let v = list
            .iter()
            .take(24)
            .position(|&(at, w)| at > name_end && self.lang.is_speech_verb(w))?;
        let between = &window[name_end..list[v].0];
        (between.trim_end().ends_with(',') && (2..=3).contains(&between.matches(',').count()))
            .then_some(m)
    }

    /// Whether the verb of saying at `v` of a list of words is in the passive ("was
    /// asked", "were repeatedly told"), so that its subject is the one spoken to.
    /// "Is telling" is no passive.
    fn passive_at(&self, list: &[(usize, &str)], v: usize) -> bool {
        !self.lang.is_participle(list[v].1)
            && (1..=2).any(|back| {
                v.checked_sub(back).is_some_and(|a| {
                    QuoteWords::has(self.lang.passive, &list[a].1.to_lowercase())
                        && list[a + 1..v].iter().all(|&(_, w)| self.lang.is_adverb(w))
                })
            })
    }

    /// The agent of a passive verb of saying that ends at `from`, who speaks: "was
    /// asked by host Bill Maher".
    fn agent(&self, para: &Paragraph, from: usize, to: usize) -> Option<Speaker> {
        let (at, w) = words(&para.text[from..to]).next()?;
        QuoteWords::has(self.lang.agent, &w.to_lowercase())
            .then(|| self.after_verb(para, from + at + w.len(), to))
            .flatten()
    }

    /// The attribution before a quote, in its sentence and after the previous quote:
    /// "X said that “…", "X stated, “…", "According to X, … “…".
    fn before(&self, para: &Paragraph, q: &Marks, previous_close: usize) -> Option<Speaker> {
        let (sentence_start, _) = para.sentence(q.open);
        let from = sentence_start.max(previous_close).min(q.open);
        // "Rush Limbaugh: Hillary Asking Moderator To Fact Check Trump ‘Reeks of Fear’":
        // a name and a colon opening the sentence say who speaks, as headlines write it.
        if let Some(m) = self.mentions_in(para.n, sentence_start, q.open).next()
            && para.text[sentence_start..m.place.start].trim().is_empty()
            && para.text[m.place.end..].starts_with(':')
        {
            return Some(self.speaker_of(m));
        }
        let window = &para.text[from..q.open];
        // "… doesn't surprise Republican pollster Daron Shaw: “…”": a name right before a
        // colon before the quotation, with no verb of saying before it whose object it
        // could be ("Kelly asked Trump: “…”"); or before a dash, the quotation set off
        // as the name's words ("including Mitt Romney -- ''It is …'' --").
        if let Some(m) = self.mentions_in(para.n, from, q.open).last() {
            let gap = para.text.get(m.place.end..q.open).unwrap_or("").trim();
            let colon = gap == ":"
                && !words(&para.text[from..m.place.start])
                    .any(|(_, w)| self.lang.is_speech_verb(w));
            // Not a name a preposition governs ("supportive of Mr. Trump -- ''…''"): the
            // first word before it, past its title, is no preposition.
            let lead = words(&para.text[from..m.place.start])
                .map(|(_, w)| w)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .find(|w| !w.chars().next().is_some_and(char::is_uppercase))
                .map(str::to_lowercase);
            let governed = lead.as_deref().is_some_and(|w| {
                self.lang.prepositions.contains(&w)
                    || self.lang.title_of.contains(&w)
                    || self.lang.np_end.contains(&w)
            });
            let dash = gap == "--" || (gap.chars().count() == 1 && gap.starts_with(DASHES));
            if (colon || dash) && !governed {
                return Some(self.speaker_of(m));
            }
        }
        let lower = window.to_lowercase();
        for phrase in self.lang.according {
            // Lower case keeps the byte offsets of the languages with a table.
            let Some(at) = lower.find(&format!("{phrase} ")) else {
                continue;
            };
            let np_from = from + at + phrase.len() + 1;
            if let Some(s) = self.after_verb(para, np_from, q.open) {
                return Some(s);
            }
        }
        let list: Vec<(usize, &str)> = words(window).collect();
        // A verb that needs a person ("she went on: “…”") has them right before it.
        let person_before = |v: usize| {
            let verb_at = from + list[v].0;
            let start = v.checked_sub(1).map_or(from, |p| from + list[p].0);
            self.names_person(para, start, verb_at)
                || self
                    .mentions_in(para.n, from, verb_at)
                    .last()
                    .is_some_and(|m| {
                        m.place.end <= verb_at && para.text[m.place.end..verb_at].trim().is_empty()
                    })
        };
        let v = (0..list.len()).rev().find(|&v| {
            self.lang.speech_verb_at(&list, v)
                || (self.lang.person_verb_at(&list, v) && person_before(v))
        })?;
        let verb_at = from + list[v].0;
        let verb_end = verb_at + list[v].1.len();
        // "Blumenthal was asked, “…?”": a verb of saying in the passive has the one
        // spoken to for its subject; the words are its agent's ("was asked by host Bill
        // Maher, “…”"), else no one's that the sentence names. Only where the quotation
        // is what was said: its agent's, or a few words after the verb ("was asked
        // about the “…”"), not a later clause's ("has been called a charlatan … for
        // promoting “quack” cures"). "Is telling" is no passive.
        if self.passive_at(&list, v) {
            let agent = self.agent(para, verb_end, q.open);
            if agent.is_some() || word_count(&para.text[verb_end..q.open]) <= 3 {
                self.spoken_to.set(true);
                return Some(agent.unwrap_or_else(Speaker::nobody));
            }
        }
        // "… praised Hillary Clinton in a video where she said, “…”": a pronoun right
        // before the verb is its subject, whoever the clause named before it.
        if let Some(&(_, w)) = v.checked_sub(1).and_then(|p| list.get(p))
            && self.lang.pronouns.contains(&w.to_lowercase().as_str())
        {
            return Some(self.pronoun_speaker(w));
        }
        // "footage of Hillary Clinton asking", "campaign manager Robby Mook said": a name
        // right before the verb is its subject, past an adverb ("when … Hillary Clinton
        // boldly suggested that …").
        // Nothing else: "Trump went after Bush, calling him …" is Trump's.
        let adverb = |gap: &str| {
            let gap = gap.trim();
            gap.is_empty()
                || (self.lang.is_adverb(gap) && !QuoteWords::has(self.lang.role_nouns, gap))
        };
        if let Some(m) = self
            .mentions_in(para.n, from, verb_at)
            .last()
            .filter(|m| m.place.end <= verb_at && adverb(&para.text[m.place.end..verb_at]))
        {
            return Some(self.speaker_of(m));
        }
        // "Said Ellis: “…”": the speaker after the verb.
        if para.text[from..verb_at].trim().is_empty() {
            return self.after_verb(para, verb_end, q.open);
        }
        // "Dean, a former chairman, poked at Trump's sniffing, tweeting, “…”": a
        // participle's speaker is the subject of the sentence.
        if self.lang.is_participle(list[v].1) && para.text[from..verb_at].trim_end().ends_with(',')
        {
            let (sentence_start, _) = para.sentence(q.open);
            let clauses = comma_parts(&para.text[sentence_start..verb_at], sentence_start);
            for &(s, e) in clauses.iter().rev() {
                if let Some(m) = self.subject(para, s, e) {
                    return Some(self.speaker_of(m));
                }
                let first = words(&para.text[s..e])
                    .next()
                    .map(|(_, w)| w.to_lowercase());
                if let Some(w) = first.filter(|w| self.lang.pronouns.contains(&w.as_str())) {
                    return Some(self.pronoun_speaker(&w));
                }
            }
        }
        // The subject: the comma-separated parts before the verb, nearest first.
        let head = &para.text[from..verb_at];
        let mut parts: Vec<(usize, usize)> = Vec::new();
        let mut start = 0;
        for (i, c) in head.char_indices() {
            if c == ',' {
                parts.push((from + start, from + i));
                start = i + 1;
            }
        }
        parts.push((from + start, verb_at));
        let nearest = *parts.last()?;
        if let Some(m) = self.head(para, nearest.0, nearest.1) {
            return Some(self.speaker_of(m));
        }
        let nearest_text = para.text[nearest.0..nearest.1].trim();
        let nearest_first = words(nearest_text).next().map(|(_, w)| w.to_lowercase());
        // "Alejandro Velasco, an associate professor …, stated": the apposition names no
        // one; the name before it is the speaker.
        let appositive = nearest_first.as_deref().is_some_and(|w| {
            self.lang.appositive_starts.contains(&w) || self.lang.is_participle(w)
        });
        if parts.len() >= 2 && appositive {
            let (s, e) = parts[parts.len() - 2];
            if let Some(m) = self.mentions_in(para.n, s, e).last()
                && para
                    .text
                    .get(m.place.end..e)
                    .is_some_and(|t| t.trim().is_empty())
            {
                return Some(self.speaker_of(m));
            }
        }
        if let Some(s) = self.relative_stripped(para, nearest) {
            return Some(s);
        }
        for &(s, e) in parts.iter().rev().skip(1) {
            if let Some(m) = self.head(para, s, e) {
                return Some(self.speaker_of(m));
            }
        }
        parts
            .iter()
            .rev()
            .skip(1)
            .find_map(|&part| self.relative_stripped(para, part))
    }

    /// A noun phrase, after any leading "after which": "after which both sides".
    fn relative_stripped(&self, para: &Paragraph, (s, e): (usize, usize)) -> Option<Speaker> {
        let text = &para.text[s..e];
        let cut = words(text)
            .filter(|(_, w)| self.lang.relatives.contains(&w.to_lowercase().as_str()))
            .map(|(at, w)| at + w.len())
            .last()
            .unwrap_or(0);
        let first = words(&text[cut..]).next().map(|(_, w)| w.to_lowercase())?;
        if self.lang.is_participle(&first) && !self.lang.determiners.contains(&first.as_str()) {
            return None;
        }
        self.noun_phrase(para, s + cut, e)
    }

    /// Who a pronoun the attribution names ("she said") means, else the pronoun as
    /// written, with no person: the attribution is still this one, so no other rule
    /// may give the quotation to someone the pronoun cannot mean.
    fn pronoun_speaker(&self, pronoun: &str) -> Speaker {
        self.last_speaker(self.lang.pronoun_gender(pronoun))
            .unwrap_or_else(|| Speaker {
                person: None,
                text: pronoun.to_string(),
            })
    }

    /// Who a pronoun of `gender` means: the subject of its sentence, else, in the newest
    /// paragraph since the last quote that has one, a speaker of reported speech or the
    /// subject of a sentence, else the last quote's speaker, each only when their gender
    /// (as far as the article tells it) does not contradict the pronoun's; when none
    /// fits, the newest person named since whose gender does not. A
    /// pronoun reaches back a few paragraphs at most: further than that a reader would
    /// not follow it either, and looking further made long articles quadratic.
    fn last_speaker(&self, gender: Option<Gender>) -> Option<Speaker> {
        const REACH: usize = 3;
        let fits =
            |s: &Speaker| gender.is_none() || self.gender(s).is_none_or(|g| Some(g) == gender);
        if let Some(s) = self.subject.as_ref().filter(|s| fits(s)) {
            return Some(s.clone());
        }
        let newest = self.since.last().map_or(0, |s| s.0);
        let since = || {
            self.since
                .iter()
                .rev()
                .take_while(move |s| s.0 + REACH >= newest)
        };
        // The newest stretch of text first: a speaker of reported speech there, else
        // the subject of its newest sentence ("David Axelrod … gave Clinton a dose of
        // blame. He said …" after an older "…,” Podesta replied.").
        since()
            .find_map(|&(k, from, to)| {
                let para = &self.paras[k];
                self.reported(para, from, to, &fits)
                    .map(|(_, s)| s)
                    .or_else(|| self.newest_subject(para, from, to, &fits))
            })
            .or_else(|| self.last.clone().filter(|s| fits(s)))
            .or_else(|| {
                gender?;
                since().find_map(|&(k, from, to)| {
                    self.mentions_in(k + 1, from, to)
                        .filter(|m| m.person.is_some())
                        .map(|m| self.speaker_of(m))
                        .filter(|s| fits(s))
                        .last()
                })
            })
    }

    /// The gender of a speaker: a person's pronouns in their curation, else the one
    /// the article gives them, from [`genders`]; for a speaker kept as written, the
    /// courtesy title they start with ("Mr. Velasco").
    fn gender(&self, s: &Speaker) -> Option<Gender> {
        match &s.person {
            Some(id) => self
                .names
                .gender_of(id)
                .or_else(|| self.genders.get(id).copied()),
            None => words(&s.text)
                .next()
                .and_then(|(_, w)| self.lang.title_gender(w)),
        }
    }

    /// The person the newest sentence in `[from, to)` that starts with one is about:
    /// "Scott bristles at the suggestion. “…,” he said."
    fn newest_subject(
        &self,
        para: &Paragraph,
        from: usize,
        to: usize,
        fits: &dyn Fn(&Speaker) -> bool,
    ) -> Option<Speaker> {
        para.sentences
            .iter()
            .rev()
            .filter(|&&(s, e)| s < to && e > from)
            .find_map(|&(s, e)| {
                self.sentence_subject(para, s.max(from), e.min(to))
                    .filter(|s| fits(s))
            })
    }

    /// Who a clause in `[from, to)` is about: a mentioned person it starts with (after
    /// an opening phrase of time or place, if any), else a
    /// name the briefing does not know ("Pedro Velasco disagreed"), kept as written so
    /// that a pronoun after it is not given to someone registered.
    fn sentence_subject(&self, para: &Paragraph, from: usize, to: usize) -> Option<Speaker> {
        if let Some(m) = self.subject(para, from, to) {
            return Some(self.speaker_of(m));
        }
        // "On Tuesday, Clinton criticized …": past a phrase of time or place, which may
        // hold commas of its own ("At a rally in Portland, Maine, on Thursday, Trump
        // said …") and follow a conjunction ("And in 2008, Clinton slammed …").
        let mut lead = words(&para.text[from..to]).map(|(_, w)| w.to_lowercase());
        let opening = lead
            .next()
            .and_then(|w| match self.lang.conjunctions.contains(&w.as_str()) {
                true => lead.next(),
                false => Some(w),
            })
            .is_some_and(|w| self.lang.prepositions.contains(&w.as_str()));
        if opening {
            // Each further part of the phrase is short and a place or another phrase of
            // time ("Maine", "on Thursday"), not a clause of its own.
            let mut part = from;
            for (comma, _) in para.text[from..to].match_indices(',').take(3) {
                let further: Vec<&str> = words(&para.text[part..from + comma])
                    .map(|(_, w)| w)
                    .collect();
                let short = part == from
                    || (further.len() <= 4
                        && further.first().is_some_and(|w| {
                            w.starts_with(char::is_uppercase)
                                || self.lang.prepositions.contains(&w.to_lowercase().as_str())
                        }));
                if !short {
                    break;
                }
                if let Some(m) = self.subject(para, from + comma + 1, to) {
                    return Some(self.speaker_of(m));
                }
                part = from + comma + 1;
            }
        }
        // "When Flynn was asked …, he said", "But Trump deflected: “…”": past a
        // conjunction.
        if let Some((at, w)) = words(&para.text[from..to]).next()
            && self.lang.conjunctions.contains(&w.to_lowercase().as_str())
            && let Some(m) = self.subject(para, from + at + w.len(), to)
        {
            return Some(self.speaker_of(m));
        }
        let text = &para.text[from..to];
        let lead: Vec<(usize, &str)> = words(text).take(4).collect();
        let name = lead
            .iter()
            .take_while(|(_, w)| {
                capitalised_word(w) && !QuoteWords::has(self.lang.title_words, &w.to_lowercase())
            })
            .count();
        let starts = lead
            .first()
            .is_some_and(|(at, _)| text[..*at].trim().is_empty());
        let verb_follows = lead
            .get(name)
            .is_some_and(|(_, w)| w.chars().next().is_some_and(char::is_lowercase));
        (starts && name >= 2 && verb_follows && !headline(text)).then(|| {
            let (s, w) = lead[name - 1];
            Speaker {
                person: None,
                text: text[lead[0].0..s + w.len()].to_string(),
            }
        })
    }

    /// Whom the pronoun a clause in `[from, to)` starts with means, after a
    /// conjunction if any: "He sighed: “…”", "She tried to rally her supporters by
    /// wondering aloud “…”". None when the pronoun means no one.
    fn pronoun_subject(&self, para: &Paragraph, from: usize, to: usize) -> Option<Speaker> {
        let subject = self.clause_pronoun(para.text.get(from..to)?)?;
        Some(self.pronoun_speaker(subject)).filter(|s| s.person.is_some())
    }

    /// The pronoun a clause starts with, past a conjunction that opens it ("he said",
    /// "though she called"), if it starts with one.
    fn clause_pronoun<'t>(&self, clause: &'t str) -> Option<&'t str> {
        let is = |words: &[&str], w: &str| words.contains(&w.to_lowercase().as_str());
        let mut lead = words(clause).map(|(_, w)| w);
        let first = lead.next()?;
        let subject = match is(self.lang.conjunctions, first) {
            true => lead.next()?,
            false => first,
        };
        is(self.lang.pronouns, subject).then_some(subject)
    }

    /// The speaker of reported speech in the sentence right before a quotation that
    /// has no attribution of its own: "… Kerry negotiates with Russia, Schiff said.
    /// “The other factor …”".
    fn reported_before(&self, para: &Paragraph, open: usize) -> Option<Speaker> {
        let k = sentence_at(&para.sentences, open);
        let (s, e) = *para.sentences.get(k.checked_sub(1)?)?;
        if para
            .sentences
            .get(k)
            .is_some_and(|&(start, _)| start < open && !para.text[start..open].trim().is_empty())
        {
            return None;
        }
        let (_, speaker) = self.reported(para, s, e.min(open), &|_| true)?;
        // "…, Schiff said." as well as "Schiff said …".
        Some(speaker)
    }

    /// The speaker of a sentence that ends in a short attribution after a comma, past
    /// the quotation and more words of its own: "A cashier who “steals a handful of
    /// $20s” is held accountable, Warren said."
    fn reported_after(&self, para: &Paragraph, q: &Marks) -> Option<Speaker> {
        let (_, sentence_end) = para.sentence(q.open);
        let tail = para.text.get(q.close..sentence_end)?;
        let two_char = self.lang.two_char_marks.iter();
        if tail.contains(['“', '"', '«']) || two_char.clone().any(|(o, _)| tail.contains(o)) {
            return None;
        }
        let from = q.close + tail.rfind(',')? + 1;
        let list: Vec<(usize, &str)> = words(&para.text[from..sentence_end]).collect();
        let v = list
            .iter()
            .position(|(_, w)| self.lang.is_speech_verb_of_person(w))?;
        if v == 0 || v > 4 || list.len() > v + 3 {
            return None;
        }
        if !self.lang.is_speech_verb(list[v].1) && !self.names_person(para, from, from + list[v].0)
        {
            return None;
        }
        self.noun_phrase(para, from, from + list[v].0)
    }

    /// The person the sentence before a quotation that opens its own sentence is about,
    /// in its paragraph or at the end of the one before: "Sen. Bernie Sanders (Vt.), who
    /// …, identified young voters' exhaustion … “The younger people are …”".
    fn subject_before(&self, paras: &[Paragraph], index: usize, open: usize) -> Option<Speaker> {
        let para = &paras[index];
        let k = sentence_at(&para.sentences, open);
        let (start, _) = para.sentence(open);
        if !para.text[start..open].trim().is_empty() {
            return None;
        }
        let (p, (s, e)) = match k.checked_sub(1) {
            Some(j) => (para, *para.sentences.get(j)?),
            None => {
                let p = paras.get(index.checked_sub(1)?)?;
                (p, *p.sentences.last()?)
            }
        };
        if k == 0
            && let Some(s) = self.introduced(p)
        {
            return Some(s);
        }
        self.sentence_subject(p, s, e)
            .filter(|s| s.person.is_some())
    }

    /// The speaker of a paragraph that ends with a colon, which introduces the quotation
    /// that opens the next one ("He declared:¶“…”", "Cruz called them on it:¶“…”"): its
    /// attribution, read as if the quotation stood at the colon.
    fn introduced(&self, para: &Paragraph) -> Option<Speaker> {
        let colon = para.text.trim_end().strip_suffix(':')?.len();
        // A quotation of its own before the colon ends the window, as a previous quote
        // does in a paragraph.
        let previous_close = marks(self.lang, para.text, &para.sentences)
            .iter()
            .map(|m| m.close)
            .filter(|&c| c <= colon)
            .max()
            .unwrap_or(0);
        let at = Marks {
            open: colon,
            inner: (colon, colon),
            close: colon,
            runs_on: false,
        };
        self.before(para, &at, previous_close)
    }

    /// Whether a verb of saying stands right before a quotation, in its sentence: a
    /// short quotation after it is someone's words even when no speaker is named
    /// ("calls people “losers”").
    fn called(&self, para: &Paragraph, open: usize) -> bool {
        let (start, _) = para.sentence(open);
        let list: Vec<(usize, &str)> = words(&para.text[start..open]).collect();
        list.iter()
            .rev()
            .take(3)
            .any(|(_, w)| self.lang.is_speech_verb(w))
    }

    /// Reported speech without quotation marks also makes a speaker: "Suju said …",
    /// "Gonzalo Himiob, vice president of Foro Penal, said …".
    fn reported(
        &self,
        para: &Paragraph,
        from: usize,
        to: usize,
        fits: &dyn Fn(&Speaker) -> bool,
    ) -> Option<(usize, Speaker)> {
        let mut found = None;
        // The end of the last apposition taken: a name inside it qualifies the one
        // before it ("Tad Devine, a senior adviser to Mr. Sanders, said" is Devine's).
        let mut apposition_end = 0;
        for m in self.mentions_in(para.n, from, to) {
            if m.place.start < apposition_end {
                continue;
            }
            let (sentence_start, sentence_end) = para.sentence(m.place.start);
            let rest = &para.text[m.place.end..sentence_end.min(to).max(m.place.end)];
            if self.inverted(para, sentence_start.max(from), m, rest) {
                let speaker = self.speaker_of(m);
                if fits(&speaker) {
                    found = Some((m.place.start, speaker));
                }
                continue;
            }
            let list: Vec<(usize, &str)> = words(rest).take(25).collect();
            // The subject is a person, so "continued" is a verb of saying here.
            let Some(v) = list
                .iter()
                .position(|(_, w)| self.lang.is_speech_verb_of_person(w))
            else {
                continue;
            };
            let gap = &rest[..list[v].0];
            let direct = v == 0 && !gap.contains(',');
            let apposed = gap.trim_start().starts_with(',') && gap.trim_end().ends_with(',');
            let other_mention = self
                .mentions_in(para.n, m.place.end, m.place.end + list[v].0)
                .next()
                .is_some();
            // An apposition opened by an article may name others: "Tad Devine, a
            // senior adviser to Mr. Sanders, said".
            let described = apposed
                && words(gap)
                    .next()
                    .is_some_and(|(_, w)| self.lang.articles.contains(&w.to_lowercase().as_str()));
            // A participle after such an apposition is the sentence subject's, not the
            // apposed name's: "her distaste for Donald Trump, the front-runner, saying".
            if described && self.lang.is_participle(list[v].1) {
                continue;
            }
            if (direct || apposed) && (!other_mention || described) {
                if apposed {
                    apposition_end = m.place.end + list[v].0;
                }
                let speaker = self.speaker_of(m);
                if fits(&speaker) {
                    found = Some((m.place.start, speaker));
                }
            }
        }
        found
    }

    /// Whether a mention ends its clause as the subject of a speech verb written before
    /// it: "However debates … are not likely to alter the campaign, noted NBC’s Dante
    /// Chinni." `rest` is the text from the mention to its sentence's end.
    fn inverted(&self, para: &Paragraph, from: usize, m: &Mention, rest: &str) -> bool {
        let before = &para.text[from.min(m.place.start)..m.place.start];
        let Some(comma) = before.rfind(',') else {
            return false;
        };
        let gap: Vec<&str> = words(&before[comma + 1..]).map(|(_, w)| w).collect();
        let ends = rest.trim_start().is_empty() || rest.trim_start().starts_with([',', '.', ';']);
        ends && (1..=3).contains(&gap.len())
            && self.lang.is_speech_verb_of_person(gap[0])
            && self
                .mentions_in(para.n, from + comma, m.place.start)
                .next()
                .is_none()
    }
}

impl Attribution<'_> {
    /// The gender the article gives each person it names, where it gives one: the
    /// courtesy title before their name ("Mrs. Clinton"), else the pronouns that follow
    /// them in the sentences they are the only person named in and the subject of
    /// ("Clinton said she …"; "… Obama. He said"), by a clear majority. A title outweighs
    /// pronouns, which may be someone else's. Pronouns inside a quotation are the
    /// speaker's words about others ("Trump said: “She shouldn't run”"), so they do not
    /// count.
    fn genders(&self, marks: &[Vec<Marks>]) -> HashMap<std::sync::Arc<str>, Gender> {
        // (masculine, feminine) votes, by person: titles, then pronouns.
        let mut titles: HashMap<&std::sync::Arc<str>, (usize, usize)> = HashMap::new();
        let mut pronouns: HashMap<&std::sync::Arc<str>, (usize, usize)> = HashMap::new();
        let vote = |votes: &mut (usize, usize), g: Gender| match g {
            Gender::Masculine => votes.0 += 1,
            Gender::Feminine => votes.1 += 1,
            Gender::Neither => {}
        };
        for m in self.mentions {
            let Some(id) = &m.person else { continue };
            let Some(para) = self.paras.get(m.place.paragraph.wrapping_sub(1)) else {
                continue;
            };
            let before = para.text[..m.place.start].trim_end();
            if let Some(g) = before
                .rsplit(char::is_whitespace)
                .next()
                .and_then(|w| self.lang.title_gender(w))
            {
                vote(titles.entry(id).or_default(), g);
            }
        }
        for (index, para) in self.paras.iter().enumerate() {
            let quoted = |at: usize| marks[index].iter().any(|q| q.open <= at && at < q.close);
            for (k, &(s, e)) in para.sentences.iter().enumerate() {
                let mut named = self.mentions_in(para.n, s, e);
                let Some(first) = named.next() else { continue };
                if named.any(|o| o.person != first.person) {
                    continue;
                }
                let (Some(id), Some(subject)) = (&first.person, self.subject(para, s, e)) else {
                    continue;
                };
                if subject.place != first.place {
                    continue;
                }
                let votes = pronouns.entry(id).or_default();
                for (at, w) in words(para.text.get(first.place.end..e).unwrap_or("")) {
                    if quoted(first.place.end + at) {
                        continue;
                    }
                    if let Some(g) = self.lang.pronoun_gender(w) {
                        vote(votes, g);
                    }
                }
                // "… Obama. He said": the next sentence, when it names no one.
                if let Some(&(ns, ne)) = para.sentences.get(k + 1)
                    && self.mentions_in(para.n, ns, ne).next().is_none()
                    && let Some(g) = words(&para.text[ns..ne])
                        .next()
                        .filter(|(at, _)| !quoted(ns + at))
                        .and_then(|(_, w)| self.lang.pronoun_gender(w))
                {
                    vote(votes, g);
                }
            }
        }
        let decide = |(m, f): (usize, usize)| {
            if m > 2 * f {
                Some(Gender::Masculine)
            } else if f > 2 * m {
                Some(Gender::Feminine)
            } else {
                None
            }
        };
        let mut out = HashMap::new();
        for (id, votes) in pronouns.iter().chain(titles.iter()) {
            match decide(*votes) {
                Some(g) => {
                    out.insert((*id).clone(), g);
                }
                None => {
                    out.remove(*id);
                }
            }
        }
        out
    }
}

impl Names {
    /// A person's display name by id.
    pub(crate) fn display_of(&self, id: &str) -> Option<&str> {
        self.index_of(id).map(|i| self.display_name(i))
    }
}

/// Finds the quotes of one article and their speakers.
pub(crate) fn article(
    names: &Names,
    article_id: &str,
    language: &str,
    paras: &[Paragraph],
    mentions: &[Mention],
) -> Vec<Quote> {
    // One id shared by every quote found.
    let id: std::sync::Arc<str> = article_id.into();
    let language = crate::lang::Language::of(language);
    let mut state = Attribution {
        names,
        lang: &language.quotes,
        language,
        mentions,
        paras,
        last: None,
        subject: None,
        namesakes: Default::default(),
        since: Vec::new(),
        genders: HashMap::new(),
        spoken_to: Default::default(),
    };
    // The quotations of each paragraph, by paragraph index: the genders leave out the
    // pronouns inside them.
    let all_marks: Vec<Vec<Marks>> = paras
        .iter()
        .map(|p| marks(state.lang, p.text, &p.sentences))
        .collect();
    state.genders = state.genders(&all_marks);
    let mut out = Vec::new();
    // The previous quote: its paragraph, sentence, speaker, whether it ran on, and
    // whether its sentence was its paragraph's last.
    let mut previous: Option<(usize, usize, Option<Speaker>, bool, bool)> = None;
    for (index, para) in paras.iter().enumerate() {
        let all = &all_marks[index];
        let mut cursor = 0;
        for (k, q) in all.iter().enumerate() {
            state.since.push((index, cursor, q.open));
            let previous_close = k.checked_sub(1).map_or(0, |p| all[p].close);
            let next_open = all.get(k + 1).map_or(para.text.len(), |n| n.open);
            let (is, ie) = trimmed(para.text, q.inner);
            cursor = q.close;
            if is >= ie || nickname(para, q) || title(state.lang, para.text, q) {
                continue;
            }
            let sentence = sentence_at(&para.sentences, q.open);
            let (sentence_start, _) = para.sentence(q.open);
            state.subject =
                state.sentence_subject(para, sentence_start, q.open.max(sentence_start));
            state.spoken_to.set(false);
            let own = state
                .after(para, q, next_open)
                .or_else(|| state.before(para, q, previous_close));
            let continued = || {
                let (pn, ps, speaker, ran_on, ended_paragraph) = previous.as_ref()?;
                // Only a short attribution between them: "“…?” Clinton said. “…”".
                let short_gap = k > 0 && word_count(&para.text[previous_close..q.open]) <= 6;
                let same_paragraph =
                    *pn == para.n && (*ps == sentence || *ps + 1 == sentence || short_gap);
                let run_on = *ran_on && *pn + 1 == para.n && sentence == 0;
                // "“…,” Barkley said.\n\n“And it's become sad …”": a paragraph that
                // opens with a quotation goes on with the words the paragraph before
                // ended with, as news writes a speaker's next paragraph.
                // Not a short one: that is a subhead or a chant ("‘Totally pro-Israel.’").
                let next_paragraph = *ended_paragraph
                    && speaker.is_some()
                    && *pn + 1 == para.n
                    && k == 0
                    && para.text[..q.open].trim().is_empty()
                    && word_count(&para.text[is..ie]) > 3;
                (same_paragraph || run_on || next_paragraph).then(|| speaker.clone())
            };
            let speaker = match own {
                Some(s) => Some(s),
                None => match continued() {
                    Some(s) => s,
                    // A short quotation in a sentence about a person is that person's
                    // word: "Trump called the pageant winner “Miss Piggy”".
                    None => match state
                        .reported_after(para, q)
                        .or_else(|| state.subject.clone())
                        .or_else(|| state.pronoun_subject(para, sentence_start, q.open))
                        .or_else(|| state.reported_before(para, q.open))
                        .or_else(|| state.subject_before(paras, index, q.open))
                    {
                        Some(s) => Some(s),
                        None if word_count(&para.text[is..ie]) <= 3
                            && !state.called(para, q.open) =>
                        {
                            continue;
                        }
                        None => None,
                    },
                },
            };
            // A pronoun that means no one is no speaker to export or to follow, nor is
            // an attribution to no one.
            let speaker = speaker.filter(|s| {
                s.person.is_some()
                    || (!s.text.is_empty()
                        && !state
                            .lang
                            .pronouns
                            .contains(&s.text.to_lowercase().as_str()))
            });
            if speaker.is_some() && !state.spoken_to.get() {
                state.last.clone_from(&speaker);
                state.since.clear();
            }
            let last_sentence = sentence_at(&para.sentences, ie.saturating_sub(1));
            let ends_paragraph =
                last_sentence + 1 >= para.sentences.len() && all.get(k + 1).is_none();
            previous = Some((
                para.n,
                last_sentence,
                speaker.clone(),
                q.runs_on,
                ends_paragraph,
            ));
            let (ss, _) = para.sentences.get(sentence).copied().unwrap_or((0, 0));
            let (_, se) = para
                .sentences
                .get(last_sentence)
                .copied()
                .unwrap_or((0, para.text.len()));
            out.push(Quote {
                place: Place {
                    article: id.clone(),
                    paragraph: para.n,
                    start: is,
                    end: ie,
                },
                person: speaker.as_ref().and_then(|s| s.person.clone()),
                speaker: speaker.map(|s| s.text),
                sentence: super::Around::new(ss.min(is), se.max(ie)),
            });
        }
        state.since.push((index, cursor, para.text.len()));
    }
    out
}

/// A text without a parenthesis at its start: " (R-Utah) " is " ".
fn without_parenthesis(text: &str) -> &str {
    match text.trim_start().strip_prefix('(') {
        Some(rest) => rest.find(')').map_or(text, |i| &rest[i + 1..]),
        None => text,
    }
}

/// Whether a text ends with a title word, whose full stop is an abbreviation's: "Del.".
fn title_before(lang: &QuoteWords, text: &str) -> bool {
    words(text).last().is_some_and(|(at, w)| {
        at + w.len() == text.len() && QuoteWords::has(lang.title_words, &w.to_lowercase())
    })
}

/// Whether words before a name are its title, one that holds "of" ("former secretary
/// of state", "Director of National Intelligence"): after an article or "former",
/// words that are capitalised or titles, with at least one title, where "of" stands
/// after a title and is followed by one or two words of its own.
fn title_phrase(lang: &QuoteWords, words: &[&str]) -> bool {
    let start = usize::from(
        words
            .first()
            .is_some_and(|w| lang.appositive_starts.contains(&w.to_lowercase().as_str())),
    );
    let words = &words[start..];
    let title =
        |w: &str| QuoteWords::has(lang.title_words, &w.trim_end_matches('.').to_lowercase());
    let Some(of) = words.iter().position(|w| lang.title_of.contains(w)) else {
        return false;
    };
    let after = words.len() - of - 1;
    of > 0
        && (1..=2).contains(&after)
        && words.len() <= 6
        && title(words[of - 1])
        && words[..of]
            .iter()
            .all(|w| title(w) || w.chars().next().is_some_and(char::is_uppercase))
        && words[of + 1..]
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// The first name written right before a surname at `at`, when it is one: a capitalised
/// word that is no title ("Luis" in "Luis Mora", not "Minister" or "Sen.").
fn first_name_before(lang: &QuoteWords, text: &str, at: usize) -> Option<usize> {
    let before = text[..at].strip_suffix(' ')?;
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || matches!(c, '-' | '.'))
        .last()
        .map(|(i, _)| i)?;
    let word = &before[start..];
    let bare = word.trim_end_matches('.');
    let is_name = capitalised_word(word)
        && !word.ends_with('.')
        && !QuoteWords::has(lang.title_words, &bare.to_lowercase());
    // After another capitalised word it is part of a longer name: "the Washington Post
    // Trump said", unless that word is a title ("Sen. Luis Mora").
    let word_before = before[..start].trim_end().rsplit(' ').next().unwrap_or("");
    let in_longer_name = capitalised_word(word_before)
        && !word_before.ends_with('.')
        && !QuoteWords::has(lang.title_words, &word_before.to_lowercase());
    (is_name && !in_longer_name && !headline(text)).then_some(start)
}

/// A capitalised word that is not a common one ("The", "In").
fn capitalised_word(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    word.chars().next().is_some_and(char::is_uppercase)
        && bare.chars().count() >= 2
        && bare.chars().all(|c| c.is_alphabetic() || c == '-')
        && !super::text::is_stopword(&bare.to_lowercase())
}

/// Whether a text is written in title case, as headlines are, where a capital letter
/// says nothing about names.
fn headline(text: &str) -> bool {
    let (capitalised, all) = long_words_capitalised(text);
    all >= 3 && capitalised * 4 >= all * 3
}

/// Of the words of four letters or more in `text`: how many start with a capital, and
/// how many there are. Short words ("of", "the", "to") are lower case in titles too.
fn long_words_capitalised(text: &str) -> (usize, usize) {
    words(text)
        .filter(|(_, w)| w.chars().count() > 3)
        .fold((0, 0), |(capitalised, all), (_, w)| {
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            (capitalised + usize::from(capital), all + 1)
        })
}

/// The name of someone else that a mention is part of: a surname after another first
/// name ("Luis Mora" when Frank Mora is registered), or a first name before another
/// surname ("Frank Castillo"), or a surname that is someone else's first name ("David
/// Albright" beside a registered Larry David).
fn someone_else<'t>(
    language: &crate::lang::Language,
    text: &'t str,
    m: &Mention,
) -> Option<&'t str> {
    let name_after = || {
        let after = text[m.place.end..].strip_prefix(' ')?;
        let len = after
            .char_indices()
            .find(|(_, c)| !(c.is_alphabetic() || *c == '-'))
            .map_or(after.len(), |(i, _)| i);
        let is_name = capitalised_word(&after[..len]) && !headline(text);
        is_name.then(|| &text[m.place.start..m.place.end + 1 + len])
    };
    match m.kind {
        MentionKind::Surname => first_name_before(&language.quotes, text, m.place.start)
            .map(|s| &text[s..m.place.end])
            .or_else(|| {
                // Not a title or a day after it: "Sen. Mora Monday" is still Mora.
                let other = name_after()?;
                let word = other[m.place.end - m.place.start..].trim_start();
                let lower = word.to_lowercase();
                let said_when = language.weekday(word).is_some() || language.month(word).is_some();
                let title = QuoteWords::has(language.quotes.title_words, &lower);
                (!said_when && !title).then_some(other)
            }),
        MentionKind::FirstName => name_after(),
        _ => None,
    }
}

/// The comma-separated parts of `text`, as byte ranges from `offset`.
fn comma_parts(text: &str, offset: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == ',' {
            out.push((offset + start, offset + i));
            start = i + 1;
        }
    }
    out.push((offset + start, offset + text.len()));
    out
}

/// How much of a noun phrase is its head: up to an apposition, a parenthesis or a
/// qualifier ("Rep. Elijah Cummings of Maryland", "Rep. Jim Clyburn (D-S.C.)").
fn head_len(lang: &QuoteWords, phrase: &str) -> usize {
    let mut end = phrase
        .find([',', '(', ';', ':', '\u{2014}', '\u{2013}'])
        .unwrap_or(phrase.len());
    for (at, w) in words(phrase) {
        if at >= end {
            break;
        }
        if at > 0 && lang.head_cuts.contains(&w) {
            end = at;
            break;
        }
    }
    end
}

/// The quoted words without surrounding spaces and a trailing comma.
fn trimmed(text: &str, (s, e): (usize, usize)) -> (usize, usize) {
    let inner = &text[s..e];
    let lead = inner.len() - inner.trim_start().len();
    let body = inner.trim_end().trim_end_matches(',').trim_end();
    (s + lead, (s + body.len()).max(s + lead))
}

/// Whether a quotation is the title of a show, a book or an event: two words or more in
/// title case right after a preposition or a possessive ("on “Fox News Sunday”",
/// "CNN’s “State of the Union.”", "a broadcast of “Fox News Sunday”"). It names
/// something; no one says it. After "of", not a chant ("chants of “Feel the Bern!”"):
/// a crowd's words are words said.
fn title(lang: &QuoteWords, text: &str, q: &Marks) -> bool {
    let inner = &text[q.inner.0..q.inner.1];
    let before = text[..q.open].trim_end();
    let word_before = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    let introduced = lang.prepositions.contains(&word_before.as_str())
        || word_before.ends_with("’s")
        || word_before.ends_with("'s")
        || (lang.title_of.contains(&word_before.as_str()) && !inner.contains('!'));
    introduced
        && word_count(inner) >= 2
        && words(inner)
            .next()
            .is_some_and(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
        && {
            // Every long word with a capital, as a title writes it.
            let (capitalised, all) = long_words_capitalised(inner);
            capitalised == all
        }
}

/// Whether a short quotation stands between capitalised words, as a nickname inside a
/// name does: Marcia “Cia” Price.
fn nickname(para: &Paragraph, q: &Marks) -> bool {
    let text = para.text;
    // In a headline every word has a capital: "Christie Calls Clinton ‘A Disgrace’ Over
    // …" is no nickname.
    let (start, end) = para.sentence(q.open);
    if headline(&text[start..end.max(start)]) {
        return false;
    }
    let before = text[..q.open].trim_end_matches(' ');
    let after = text[q.close..].strip_prefix(' ').unwrap_or("");
    let word_before = before.rsplit(' ').next().unwrap_or("");
    word_count(&text[q.inner.0..q.inner.1]) <= 3
        && before.len() < text[..q.open].len()
        && word_before.chars().next().is_some_and(char::is_uppercase)
        && after.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::mentions;
    use crate::analyse::mentions::tests::{article_of, person};
    use crate::analyse::tests::pairs;

    /// (quoted text, speaker id or text, or "-") of every quote in `body`.
    fn quotes(body: &str) -> Vec<(String, String)> {
        quotes_in("en", body)
    }

    fn quotes_in(language: &str, body: &str) -> Vec<(String, String)> {
        quotes_of(language, &people(), body)
    }

    fn people() -> Vec<crate::content::Person> {
        vec![
            person(
                "bruno",
                "Bruno Rodriguez",
                Some("Rodriguez"),
                &[],
                &["Cuban Foreign Minister"],
            ),
            person("mora", "Frank Mora", None, &[], &[]),
            person("lara", "Pedro Lara Jr.", Some("Lara"), &[], &[]),
            person(
                "suju",
                "Tamara Suju",
                None,
                &[],
                &["Human rights lawyer and activist"],
            ),
            person("trump", "Donald Trump", None, &[], &["President"]),
            person(
                "velasco",
                "Alejandro Velasco",
                None,
                &[],
                &["associate professor of history"],
            ),
        ]
    }

    fn quotes_of(
        language: &str,
        people: &[crate::content::Person],
        body: &str,
    ) -> Vec<(String, String)> {
        let names = Names::new(people);
        let mut a = article_of(body);
        a.language = language.into();
        let paras = Paragraph::all(&a);
        let (ms, _) = mentions::article(&names, &a, &paras);
        article(&names, "a", &a.language, &paras, &ms)
            .into_iter()
            .map(|q| {
                let who = q
                    .person
                    .map(|p| p.to_string())
                    .or(q.speaker)
                    .unwrap_or_else(|| "-".into());
                (q.place.text(&a).to_string(), who)
            })
            .collect()
    }

    /// Each body's quotes and speakers, as (quoted text, speaker) pairs.
    fn assert_table(cases: &[(&str, &[(&str, &str)])]) {
        for (body, expected) in cases {
            assert_eq!(quotes(body), pairs(expected), "{body}");
        }
    }

    /// A description as a speaker is the person the article named with its noun,
    /// a first name alone the one person named in full with it; neither is given to
    /// a registered person when someone else holds them.
    #[test]
    fn descriptions_and_first_names_refer_back() {
        let people = [
            person("baker", "Tom Baker", None, &[], &[]),
            person("reyes", "Ana Reyes", None, &[], &[]),
            person("ortiz", "Ana Ortiz", None, &[], &[]),
            person("biden", "Joe Biden", None, &[], &[]),
            person("soto", "Rosa Soto", None, &[], &[]),
        ];
        let en = |body: &str| quotes_of("en", &people, body);
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Gov. Tom Baker spoke.\n\n“We will vote,” the governor said.",
                &[("We will vote", "baker")],
            ),
            (
                "Tom Baker, the governor of the state, spoke. “We will vote,” the governor said.",
                &[("We will vote", "baker")],
            ),
            // Someone the briefing does not know holds the title last.
            (
                "Gov. Tom Baker spoke. Gov. Lee Park wrote.\n\n“We will vote,” the governor said.",
                &[("We will vote", "the governor")],
            ),
            (
                "Gov. Tom Baker spoke. Lee Park, the governor of the state, wrote. “We will vote,” the governor said.",
                &[("We will vote", "the governor")],
            ),
            // Another office: a former governor, a vice president.
            (
                "Tom Baker, the former governor, spoke. “We will vote,” the governor said.",
                &[("We will vote", "the governor")],
            ),
            (
                "Vice President Joe Biden spoke. “We will vote,” the president said.",
                &[("We will vote", "the president")],
            ),
            // Not a title: "The governor met with Tom Baker".
            (
                "The governor met with Tom Baker. “We will vote,” the governor said.",
                &[("We will vote", "the governor")],
            ),
            // A capitalised word of the description must be in the title.
            (
                "Republican nominee Tom Baker spoke. “We will vote,” the Democratic nominee said.",
                &[("We will vote", "the Democratic nominee")],
            ),
            (
                "Ana Reyes spoke. “We will vote,” Ana shot back.",
                &[("We will vote", "reyes")],
            ),
            (
                "Ana Reyes and Ana Ortiz spoke. “We will vote,” Ana shot back.",
                &[("We will vote", "Ana")],
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(en(body), pairs(expected), "{body}");
        }
        assert_eq!(
            quotes_of(
                "es",
                &people,
                "La gobernadora Rosa Soto habló.\n\n«Votaremos», dijo la gobernadora."
            ),
            pairs(&[("Votaremos", "soto")])
        );
    }

    #[test]
    fn two_apostrophes_are_double_marks_in_english() {
        assert_table(&[
            // The NYT's plain text: '' opens and closes.
            (
                "''We are united,'' said Frank Mora at the ceremony.",
                &[("We are united", "mora")],
            ),
            (
                "Mora said, ''it is over for the 'old guard.'.''",
                &[("it is over for the 'old guard.'.", "mora")],
            ),
            // A single quote closing with the double one: three apostrophes.
            (
                "''They call it 'over,''' Mora said.",
                &[("They call it 'over,'", "mora")],
            ),
            // The Penn Treebank's `` opens.
            (
                "``We are united,'' Mora said.",
                &[("We are united", "mora")],
            ),
        ]);
        // Spanish news has no such marks: two apostrophes are no quotation.
        assert_eq!(
            quotes_in("es", "''Estamos unidos'', dijo Frank Mora."),
            Vec::<(String, String)>::new()
        );
    }

    #[test]
    fn double_marks_of_two_kinds_close_one_quote() {
        assert_table(&[
            (
                "“We are united,\" Mora said. “It is over.”",
                &[("We are united", "mora"), ("It is over.", "mora")],
            ),
            ("\"We are united,” Mora said.", &[("We are united", "mora")]),
            // A straight quote inside a curly one is still nested.
            (
                "“They call it \"the deal\" today,” Mora said.",
                &[("They call it \"the deal\" today", "mora")],
            ),
        ]);
    }

    #[test]
    fn an_editors_bracket_may_open_a_quotation() {
        assert_table(&[
            (
                "“[The] president is wrong,” Mora said.",
                &[("[The] president is wrong", "mora")],
            ),
            (
                "\"[We] are united,\" Mora said.",
                &[("[We] are united", "mora")],
            ),
            (
                "''[We] are united,'' Mora said.",
                &[("[We] are united", "mora")],
            ),
            (
                "Mora said the plan was ‘[a] disgrace to the party.’",
                &[("[a] disgrace to the party.", "mora")],
            ),
            // A bracket after a closing mark is no quotation.
            (
                "“We are united,” Mora said [in Spanish].",
                &[("We are united", "mora")],
            ),
        ]);
    }

    #[test]
    fn a_straight_double_mark_after_a_single_one_and_a_space_closes() {
        assert_table(&[(
            "\"They call it 'over,' \" said Frank Mora. \"We are not done.\"",
            &[
                ("They call it 'over,'", "mora"),
                ("We are not done.", "mora"),
            ],
        )]);
    }

    /// A verb of saying in the passive has the one spoken to for its subject: the
    /// words are its agent's, or no one's the sentence names.
    #[test]
    fn the_subject_of_a_passive_verb_of_saying_is_spoken_to() {
        assert_table(&[
            (
                "Frank Mora was asked, “Is the election over?”",
                &[("Is the election over?", "-")],
            ),
            (
                "Frank Mora was repeatedly asked by Tamara Suju, “Is the election over?”",
                &[("Is the election over?", "suju")],
            ),
            (
                "Frank Mora was asked by host Lee Park, who has backed him, “Is it over?”",
                &[("Is it over?", "host Lee Park")],
            ),
            // Asked, then speaking: the verb nearest the quotation is active.
            (
                "Frank Mora was asked about the vote and said, “It is over.”",
                &[("It is over.", "mora")],
            ),
            (
                "Frank Mora, when asked about the vote, said, “It is over.”",
                &[("It is over.", "mora")],
            ),
            (
                "Frank Mora was quoted as saying, “It is over.”",
                &[("It is over.", "mora")],
            ),
            (
                "“Is the election over?” Frank Mora was asked on Monday.",
                &[("Is the election over?", "-")],
            ),
            (
                "“Is the election over?” Frank Mora was asked by Tamara Suju.",
                &[("Is the election over?", "suju")],
            ),
            // The answer's pronoun is the one asked, not the asker.
            (
                "Frank Mora was asked by Tamara Suju, “Is it over?”\n\n“It is not,” he said.",
                &[("Is it over?", "suju"), ("It is not", "mora")],
            ),
            // Not a later clause's quotation, nor a verb in the progressive.
            (
                "Frank Mora has been called a fraud by his rivals for promoting “magic” cures.",
                &[("magic", "mora")],
            ),
            (
                "Frank Mora is describing the vote as “unhinged.”",
                &[("unhinged.", "mora")],
            ),
        ]);
    }

    #[test]
    fn a_name_before_a_colon_or_a_dash_speaks_the_quotation() {
        assert_table(&[
            (
                "The vote did not surprise the analyst Frank Mora: “It was over in March.”",
                &[("It was over in March.", "mora")],
            ),
            (
                "Several lawyers agreed, among them Tamara Suju -- ''It was over in March'' -- and others.",
                &[("It was over in March", "suju")],
            ),
            // The object of a verb of saying or of a preposition is not who speaks.
            (
                "Tamara Suju asked Frank Mora: “Is it over?”",
                &[("Is it over?", "suju")],
            ),
            (
                "Tamara Suju said she was tired of Frank Mora -- ''a different man to me.''",
                &[("a different man to me.", "suju")],
            ),
        ]);
    }

    #[test]
    fn an_adverb_between_the_speaker_and_the_verb() {
        assert_table(&[
            (
                "The issue grew after the debate, when the lawyer Tamara Suju boldly suggested that Mora “does not want the voters to know.”",
                &[("does not want the voters to know.", "suju")],
            ),
            // A comma is no adverb: the object before it does not speak.
            (
                "Tamara Suju went after Frank Mora, calling him “a total stiff.”",
                &[("a total stiff.", "suju")],
            ),
        ]);
    }

    #[test]
    fn a_title_that_holds_of() {
        let en = &crate::lang::ENGLISH.quotes;
        assert!(title_phrase(en, &["former", "secretary", "of", "state"]));
        assert!(title_phrase(
            en,
            &["Director", "of", "National", "Intelligence"]
        ));
        assert!(!title_phrase(en, &["a", "friend", "of", "the"]));
        assert!(!title_phrase(en, &["secretary", "of"]));
        assert_table(&[
            (
                "“It is over,” said former secretary of state Frank Mora, who left in March.",
                &[("It is over", "mora")],
            ),
            (
                "Former Secretary of State Tamara Suju urged the voters to come, saying, “It is time.”",
                &[("It is time.", "suju")],
            ),
        ]);
    }

    #[test]
    fn table_of_quotes_and_speakers() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "“We are united,” said Frank Mora at the ceremony.",
                &[("We are united", "mora")],
            ),
            ("“We are united,” Mora said.", &[("We are united", "mora")]),
            // A pronoun after a conjunction is the clause's subject.
            (
                "Tamara Suju spoke on Monday. Though she called the plan “outrageous,” the talks went on.",
                &[("outrageous", "suju")],
            ),
            // A quotation a verb of saying introduces ends its sentence.
            (
                "Frank Mora said that “it is over.” Tamara Suju said it was not.",
                &[("it is over.", "mora")],
            ),
            // In a headline, capitals do not make a nickname.
            (
                "Mora Calls Trump ‘A Disgrace’ Over Cuba Talks",
                &[("A Disgrace", "mora")],
            ),
            // The title of a show is no one's words.
            (
                "Mora said on “Fox News Sunday” that “we will see.”",
                &[("we will see.", "mora")],
            ),
            (
                "On this weekend’s broadcast of “Fox News Sunday,” Mora said it was “only to mock” Suju.",
                &[("only to mock", "mora")],
            ),
            // A crowd's chant is words said, whoever the crowd is.
            (
                "Mora spoke to chants of “Feel the Bern!” from the floor.",
                &[("Feel the Bern!", "mora")],
            ),
            // A headline's speaker before a colon, and one who calls something a name.
            ("Mora: Rodriguez ‘Failed’ the Talks", &[("Failed", "mora")]),
            (
                "Frank Mora calls the plan ‘a disgrace’ in Havana.",
                &[("a disgrace", "mora")],
            ),
            (
                "Mora stated, “Rodriguez is proceeding with caution.”",
                &[("Rodriguez is proceeding with caution.", "mora")],
            ),
            (
                "Alejandro Velasco, an associate professor of history, stated that “the Cuban influence was essential” for them.",
                &[("the Cuban influence was essential", "velasco")],
            ),
            // A pronoun is not given to someone the article refers to with the other one.
            (
                "Tamara Suju said she would stay. Mr. Mora spoke after her.\n\n“We will not leave,” she said.",
                &[("We will not leave", "suju")],
            ),
            (
                "Tamara Suju said she would stay. Mr. Mora spoke after her.\n\n“We will not leave,” he said.",
                &[("We will not leave", "mora")],
            ),
            // Past an opening phrase of time or place.
            (
                "On Tuesday, Frank Mora criticized the plan.\n\n“It will fail,” he said.",
                &[("It will fail", "mora")],
            ),
            // Reported speech with its verb before the speaker.
            (
                "The talks will go on, noted Frank Mora.\n\n“It will fail,” he wrote.",
                &[("It will fail", "mora")],
            ),
            // A short attribution at the end of the sentence.
            (
                "A cashier who “steals a handful of dollars” is held accountable, Mora said.",
                &[("steals a handful of dollars", "mora")],
            ),
            // A quotation on its own after a sentence about a person.
            (
                "On Sunday, Frank Mora, who lost the vote, blamed the young. “The younger people are tired of it.”",
                &[("The younger people are tired of it.", "mora")],
            ),
            // A short quotation right after a verb of saying, no one named.
            ("It called them “losers” and worse.", &[("losers", "-")]),
            // Interrupted by the attribution, then a pronoun.
            (
                "Tamara Suju said so.\n\n“They are still under coercive measures. They still have trials,” she said. “This is not freedom.”",
                &[
                    (
                        "They are still under coercive measures. They still have trials",
                        "suju",
                    ),
                    ("This is not freedom.", "suju"),
                ],
            ),
            // Across sentences, speaker after; nested single quotes belong to the outer one.
            (
                "“Cuba lived on OIL. In return, Cuba provided ‘Security Services’ — BUT NOT ANYMORE!” Trump wrote on Truth Social.",
                &[(
                    "Cuba lived on OIL. In return, Cuba provided ‘Security Services’ — BUT NOT ANYMORE!",
                    "trump",
                )],
            ),
            // A speaker who is not a person of the briefing is kept as written.
            (
                "“The releases are the first battlefield,” a senior Venezuelan military official told the Miami Herald.",
                &[(
                    "The releases are the first battlefield",
                    "a senior Venezuelan military official",
                )],
            ),
            (
                "According to Foro Penal, detainees face “major complications” for release.",
                &[("major complications", "Foro Penal")],
            ),
            // Scare quotes and nicknames are skipped; straight quotes count.
            (
                "His name appeared as ‘captured,’ on the site. Ernesto “Che” Guevara spoke.",
                &[],
            ),
            (
                "Trump said: \"We will win this war.\"",
                &[("We will win this war.", "trump")],
            ),
            // A closing mark without an opening one.
            (
                "President Donald Trump pledged to end it. Cuba relied on oil. Cuba offered ‘Security Services’; this is over,” he stated on Truth Social.",
                &[(
                    "Cuba relied on oil. Cuba offered ‘Security Services’; this is over",
                    "trump",
                )],
            ),
            // A noun is not an attribution: "the government’s promise".
            (
                "Relatives clung to the government’s promise to release a “substantial number” of prisoners.",
                &[],
            ),
            // Apostrophes are not quotes.
            ("The nation’s leaders don’t agree.", &[]),
            (
                "Frank Mora says Donald Trump’s flurry of tweets was “unhinged, even for him.”",
                &[("unhinged, even for him.", "mora")],
            ),
            (
                "“Our assumption is that the veto will be overridden,” Cuban Foreign Minister Bruno Rodriguez, of Cuba, said Tuesday.",
                &[(
                    "Our assumption is that the veto will be overridden",
                    "bruno",
                )],
            ),
            (
                "“We are pleased,” Trump lawyer Frank Mora said.",
                &[("We are pleased", "mora")],
            ),
            (
                "“We are pleased,” Trump’s lawyer said.",
                &[("We are pleased", "Trump’s lawyer")],
            ),
            (
                "“This is a day,” said Rep. Frank Mora (D-N.C.), head of the caucus. “Trump is a fraud.”",
                &[("This is a day", "mora"), ("Trump is a fraud.", "mora")],
            ),
            (
                "Mora, a former chairman, poked at Trump’s sniffing, tweeting, “Notice Trump sniffing.”",
                &[("Notice Trump sniffing.", "mora")],
            ),
            (
                "“Maybe we can build a wall around Donald Trump.” ― Tamara Suju",
                &[("Maybe we can build a wall around Donald Trump.", "suju")],
            ),
            (
                "Mora \"is the only candidate to keep America safe,\" retired general Lloyd Newton said.",
                &[(
                    "is the only candidate to keep America safe",
                    "retired general Lloyd Newton",
                )],
            ),
            // Someone else with a registered person's surname or first name.
            (
                "“We are united,” said Luis Mora at the ceremony.",
                &[("We are united", "Luis Mora")],
            ),
            (
                "“We are united,” Frank Castillo said.",
                &[("We are united", "Frank Castillo")],
            ),
            (
                "“We are united,” Velasco’s brother Pedro Velasco said.",
                &[("We are united", "Pedro Velasco")],
            ),
            // A registered surname that is someone else's first name; a day after it is
            // not.
            (
                "“We are united,” said Mora Brooks, a nurse.",
                &[("We are united", "Mora Brooks")],
            ),
            (
                "“We are united,” said Mora Monday.",
                &[("We are united", "mora")],
            ),
            // A father and a son: "Mora" is not the registered son's alone.
            (
                "Pedro Lara Jr. spoke. His father Pedro Lara disagreed. “It is over,” Lara said.",
                &[("It is over", "Lara")],
            ),
            // A second Mora in the paragraph: a bare "Mora" is either.
            (
                "Frank Mora spoke first. His cousin Luis Mora disagreed. “It is over,” Mora said.",
                &[("It is over", "Mora")],
            ),
            (
                "Clinton has cut taxes. Said Mora: “I don’t get the sense she is interested.”",
                &[("I don’t get the sense she is interested.", "mora")],
            ),
        ];
        assert_table(cases);
    }

    #[test]
    fn speakers_after_the_quote() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            // Verbs of saying beyond "said".
            (
                "“We will win this time,” Mora gushed.",
                &[("We will win this time", "mora")],
            ),
            (
                "“Call your friends,” advises Tamara Suju.",
                &[("Call your friends", "suju")],
            ),
            (
                "“Go back to Havana,” Mora barked.",
                &[("Go back to Havana", "mora")],
            ),
            (
                "“The party must be united first,” Tamara Suju notes.",
                &[("The party must be united first", "suju")],
            ),
            (
                "“Cruz could win the general election,” Mora concludes.",
                &[("Cruz could win the general election", "mora")],
            ),
            (
                "“You have called women names,” Tamara Suju charged in the debate.",
                &[("You have called women names", "suju")],
            ),
            (
                "“Would it be negotiable?” Mora pressed.",
                &[("Would it be negotiable?", "mora")],
            ),
            // A name, an apposition, then the verb.
            (
                "“Is it in our interest to act?” Tamara Suju, a human rights lawyer, said on Thursday.",
                &[("Is it in our interest to act?", "suju")],
            ),
            // A description before the name, in the quote's own sentence.
            (
                "“Can we discuss the plans for March?” her top aide Tamara Suju wrote to the staff.",
                &[("Can we discuss the plans for March?", "suju")],
            ),
            // A capital starts the next sentence, with its own speaker.
            (
                "Mora spoke first. “The talks are over for now.” Human rights lawyer Tamara Suju said they went on.",
                &[("The talks are over for now.", "mora")],
            ),
            (
                "“What works is change.” Human rights lawyer Tamara Suju added, “We will see.”",
                &[("What works is change.", "-"), ("We will see.", "suju")],
            ),
        ];
        assert_table(cases);
    }

    /// Names that hold a verb of saying or a preposition: a name may run past where a
    /// phrase would end, and attribution reads it whole instead of slicing past it.
    #[test]
    fn names_holding_a_verb_or_a_preposition() {
        let people = [
            person("from", "Al From", None, &[], &[]),
            person("beck", "Glenn Beck Says Trump", Some("Trump"), &[], &[]),
        ];
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "\"We won in those three elections,\" said Al From, who founded the group.",
                &[("We won in those three elections", "from")],
            ),
            (
                "Glenn Beck Says Trump, ‘Alt Right’ Pose A Threat To Democracy.",
                &[("Alt Right", "beck")],
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(quotes_of("en", &people, body), pairs(expected), "{body}");
        }
    }

    #[test]
    fn a_paragraph_ending_with_a_colon_introduces_the_next_ones_quotation() {
        assert_table(&[
            (
                "Tamara Suju spoke after the vote. She declared:\n\n“We will not give up on our country.”",
                &[("We will not give up on our country.", "suju")],
            ),
            (
                "Frank Mora met Tamara Suju on Monday, and Suju said:\n\n“We will not give up on our country.”",
                &[("We will not give up on our country.", "suju")],
            ),
            // Without the colon, the paragraph before only sets the scene.
            (
                "Tamara Suju spoke after the vote. She left early.\n\n“We will not give up on our country.”",
                &[("We will not give up on our country.", "-")],
            ),
        ]);
    }

    #[test]
    fn verbs_of_saying_in_two_words() {
        assert_table(&[
            (
                "“We will not give up on our country,” Mora points out.",
                &[("We will not give up on our country", "mora")],
            ),
            (
                "“We will not give up on our country,” Tamara Suju shot back.",
                &[("We will not give up on our country", "suju")],
            ),
        ]);
    }

    #[test]
    fn verbs_that_need_a_person_for_their_subject() {
        assert_table(&[
            (
                "“We will not give up on our country,” Mora went on.",
                &[("We will not give up on our country", "mora")],
            ),
            (
                "Tamara Suju spoke first. “We will not give up on our country,” she went on.",
                &[("We will not give up on our country", "suju")],
            ),
            (
                "“We will not give up on our country,” continued Tamara Suju.",
                &[("We will not give up on our country", "suju")],
            ),
            (
                "Mora goes on: “We will not give up on our country.”",
                &[("We will not give up on our country.", "mora")],
            ),
            // Not the talks: they are no one to speak.
            (
                "“The talks are over for now.” The talks went on anyway.",
                &[("The talks are over for now.", "-")],
            ),
            (
                "“The talks are over for now,” the meeting continued.",
                &[("The talks are over for now", "-")],
            ),
        ]);
    }

    #[test]
    fn pronoun_speakers() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            // A pronoun right before the verb, not the object named before it.
            (
                "Tamara Suju praised Frank Mora in a video where she said, “It is time for change.”",
                &[("It is time for change.", "suju")],
            ),
            // The subject of a clause after a conjunction.
            (
                "“We will see,” Tamara Suju said.\n\nWhen Mora was asked about Cuba, he said, “Stop it with that kind of stuff.”",
                &[
                    ("We will see", "suju"),
                    ("Stop it with that kind of stuff.", "mora"),
                ],
            ),
            // The newest paragraph's subject, not the attribution of the last quote.
            (
                "“This fall will be interesting,” Mora replied.\n\nTamara Suju gave them a dose of blame.\n\nShe said Mora has “an unhealthy penchant for privacy.”",
                &[
                    ("This fall will be interesting", "mora"),
                    ("an unhealthy penchant for privacy.", "suju"),
                ],
            ),
            // A title between two names: the second is the subject.
            (
                "Suju press secretary Frank Mora slammed the plan as “faulty.”",
                &[("faulty.", "mora")],
            ),
            // A pronoun the quote's sentence starts with.
            (
                "Mora spoke in Havana.\n\nHe deflected with a non sequitur: “It is talk and nothing more.”",
                &[("It is talk and nothing more.", "mora")],
            ),
            // Narration that names a new speaker: the subject of an apposition that names
            // someone else, not that someone.
            (
                "“We will see,” Tamara Suju said.\n\nStill, Frank Mora, a senior adviser to Tamara Suju, said on Tuesday that the plan would pass. “It will pass,” he said.",
                &[("We will see", "suju"), ("It will pass", "mora")],
            ),
            // A participle after an apposed name is the subject's.
            (
                "“We will see,” Tamara Suju said.\n\nFrank Mora was blunt about Donald Trump, the front-runner, saying voters must stop him.\n\n“It will not pass,” he said.",
                &[("We will see", "suju"), ("It will not pass", "mora")],
            ),
            // The subject past an opening phrase that holds commas of its own.
            (
                "“We will see,” Tamara Suju said.\n\nAt a rally in Havana, Cuba, on Thursday, Frank Mora was blunt. “It will not pass,” he said.",
                &[("We will see", "suju"), ("It will not pass", "mora")],
            ),
            // A role noun between two names: "Obama pollster Cornell Belcher".
            (
                "“We will see,” Tamara Suju said.\n\nSuju pollster Frank Mora picked up the thread. “It will pass,” he said.",
                &[("We will see", "suju"), ("It will pass", "mora")],
            ),
        ];
        assert_table(cases);
    }

    #[test]
    fn pronouns_inside_quotes_do_not_tell_the_speakers_gender() {
        let body = "Trump said: “She should not run, and her plan fails.” Trump added: “She lies.”\n\n“We have to do it,” he said.";
        assert_eq!(
            quotes(body),
            pairs(&[
                ("She should not run, and her plan fails.", "trump"),
                ("She lies.", "trump"),
                ("We have to do it", "trump"),
            ])
        );
    }

    #[test]
    fn spanish_quotes_read_the_spanish_table() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "«Vamos a ganar», dijo Frank Mora en la ceremonia.",
                &[("Vamos a ganar", "mora")],
            ),
            (
                "Mora aseguró que «no habrá marcha atrás».",
                &[("no habrá marcha atrás", "mora")],
            ),
            (
                "Según Tamara Suju, los presos siguen «bajo medidas de coerción».",
                &[("bajo medidas de coerción", "suju")],
            ),
            (
                "“Es un día histórico”, declaró el ministro del Interior.",
                &[("Es un día histórico", "el ministro del Interior")],
            ),
            // Dialogue: a dash opens the speech, a dash after a space the narrator's words.
            (
                "—No vamos a ceder —afirmó Mora—. Lo haremos por ellos.",
                &[
                    ("No vamos a ceder", "mora"),
                    ("Lo haremos por ellos.", "mora"),
                ],
            ),
            // Someone else with a registered surname, in Spanish usage.
            (
                "«Es falso», dijo el diputado Luis Mora.",
                &[("Es falso", "Luis Mora")],
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(quotes_in("es", body), pairs(expected), "{body}");
        }
        // An English article does not read Spanish dialogue dashes.
        assert!(quotes_in("en", "—No vamos a ceder —afirmó Mora.").is_empty());
    }

    #[test]
    fn the_pronouns_of_the_curation_tell_whom_a_pronoun_means() {
        use crate::content::Pronouns;
        let body = "Tamara Suju met Frank Mora on Monday. Mora announced the plan.\n\n“We will not leave,” she said.";
        // The article gives neither a gender: "she" is the newest subject.
        assert_eq!(quotes(body), pairs(&[("We will not leave", "mora")]));
        let mut people = people();
        for (id, pronouns) in [("suju", Pronouns::SheHer), ("mora", Pronouns::HeHim)] {
            people.iter_mut().find(|p| p.id == id).unwrap().pronouns = Some(pronouns);
        }
        assert_eq!(
            quotes_of("en", &people, body),
            pairs(&[("We will not leave", "suju")])
        );
        // Someone referred to as "they" is neither "he" nor "she".
        people.iter_mut().find(|p| p.id == "suju").unwrap().pronouns = Some(Pronouns::TheyThem);
        assert_eq!(
            quotes_of("en", &people, body),
            pairs(&[("We will not leave", "-")])
        );
    }

    #[test]
    fn a_paragraph_that_opens_with_a_quote_goes_on_with_the_last_speaker() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "“We are united,” Mora said.\n\n“And we will stay united after the vote.”",
                &[
                    ("We are united", "mora"),
                    ("And we will stay united after the vote.", "mora"),
                ],
            ),
            // Not when the paragraph before went on after the quote: its last sentence
            // is about something else.
            (
                "“We are united,” Mora said. The vote was close.\n\n“And we will stay united after the vote.”",
                &[
                    ("We are united", "mora"),
                    ("And we will stay united after the vote.", "-"),
                ],
            ),
            // Nor a short quotation, a subhead more often than speech.
            (
                "“We are united,” Mora said.\n\n‘Totally united.’",
                &[("We are united", "mora")],
            ),
            // A quotation with an attribution of its own is that speaker's.
            (
                "“We are united,” Mora said.\n\n“We are not,” Tamara Suju said.",
                &[("We are united", "mora"), ("We are not", "suju")],
            ),
        ];
        assert_table(cases);
    }

    #[test]
    fn a_quote_may_run_on_into_the_next_paragraph() {
        let got = quotes("Mora said: “The first part runs on.\n\n“And the second part ends here.”");
        assert_eq!(
            got,
            pairs(&[
                ("The first part runs on.", "mora"),
                ("And the second part ends here.", "mora")
            ])
        );
    }
}
