//! The *quote words* of a language: the words attribution reads to find who said a
//! quotation — verbs of saying, pronouns, determiners, the words that end a speaker's
//! phrase or cut it to its head, titles before a name — one table per language, chosen
//! by the article's `language`. They are part of the language's [`Language`] table, beside
//! the words dates are read with, so a third language is a third table, not new code.
//! Lists searched by [`QuoteWords::has`] are sorted (by bytes, as `sort` leaves them).

/// The words of one language that attribution reads.
#[derive(Debug)]
pub(crate) struct QuoteWords {
    /// Verbs that attribute words to a speaker, in the forms an attribution takes;
    /// forms more often nouns are left out. Sorted.
    pub(crate) speech_verbs: &'static [&'static str],
    /// Verbs of saying in two words ("points out", "shot back"), whose first word alone
    /// is no verb of saying. Sorted.
    pub(crate) speech_phrases: &'static [&'static str],
    /// Verbs of saying, of one word or two, that attribute words only when their
    /// subject is a person, a name or a pronoun ("she went on"): with another subject
    /// they say something else ("the talks went on"). Sorted.
    pub(crate) person_verbs: &'static [&'static str],
    /// Subject pronouns a speaker may be ("he said").
    pub(crate) pronouns: &'static [&'static str],
    /// Words that start a description of a speaker ("a senior official").
    pub(crate) determiners: &'static [&'static str],
    /// Articles before a name that only qualifies a noun ("the Clinton campaign").
    pub(crate) articles: &'static [&'static str],
    /// Words that end a speaker written after its verb ("said X at the ceremony").
    pub(crate) np_end: &'static [&'static str],
    /// Words after a verb that are its object, not a speaker ("said it").
    pub(crate) object_pronouns: &'static [&'static str],
    /// Words that start a prepositional phrase, not a speaker.
    pub(crate) prepositions: &'static [&'static str],
    /// Words besides the prepositions after which a quotation in title case names a
    /// show, a book or an event, not anyone's words ("a broadcast of “Fox News
    /// Sunday”").
    pub(crate) title_of: &'static [&'static str],
    /// Nouns a name modifies in a speaker phrase ("a Trump spokesman"). Sorted.
    pub(crate) role_nouns: &'static [&'static str],
    /// Words that make a phrase a clause, not a speaker ("Clinton is"). Sorted.
    pub(crate) clause_words: &'static [&'static str],
    /// Words before a surname that are a title, not a first name ("Minister"). Sorted.
    pub(crate) title_words: &'static [&'static str],
    /// Words that cut a speaker's phrase to its head ("Rep. Jim Clyburn of …").
    pub(crate) head_cuts: &'static [&'static str],
    /// Conjunctions that may open a clause before its subject ("though she called").
    pub(crate) conjunctions: &'static [&'static str],
    /// Relative pronouns that start a clause inside a phrase ("after which").
    pub(crate) relatives: &'static [&'static str],
    /// First words of an apposition that names no one ("an associate professor").
    pub(crate) appositive_starts: &'static [&'static str],
    /// Phrases that put a source before what it says ("according to X"), lower case.
    pub(crate) according: &'static [&'static str],
    /// Words that make a verb of saying right after them passive, its subject the one
    /// spoken to ("Blumenthal was asked, “…?”"), lower case and sorted.
    pub(crate) passive: &'static [&'static str],
    /// Words that bring a passive verb's agent, who speaks ("was asked by Bill Maher").
    pub(crate) agent: &'static [&'static str],
    /// Endings of a participle after a comma, whose speaker is the clause's subject
    /// ("…, saying").
    pub(crate) participle_endings: &'static [&'static str],
    /// Adverbs that may stand between a speaker and their verb ("Pacheco once said"),
    /// besides the words with an adverb's ending ("Clinton boldly suggested"). Sorted.
    pub(crate) adverbs: &'static [&'static str],
    pub(crate) adverb_endings: &'static [&'static str],
    /// Articles that make a description definite, one a reader looks back for ("the
    /// governor said": the governor the article named).
    pub(crate) definite_articles: &'static [&'static str],
    /// Nouns that describe a person by their office or role, which an article uses
    /// to refer back to someone it named with them ("Gov. Chris Christie … the
    /// governor said"). Sorted.
    pub(crate) person_nouns: &'static [&'static str],
    /// Titles written short before a name, with the noun they stand for ("Gov." is
    /// "governor"), lower case, without their full stop.
    pub(crate) short_titles: &'static [(&'static str, &'static str)],
    /// Words that make another office of the noun after them ("vice president").
    pub(crate) noun_prefixes: &'static [&'static str],
    /// Words that make an office a past one ("former governor").
    pub(crate) former: &'static [&'static str],
    /// Whether a paragraph that opens with a dash is speech up to the next dash, as
    /// dialogue is written in Spanish ("—No vamos a ceder —afirmó Pérez.").
    pub(crate) dialogue_dashes: bool,
    /// Double quotation marks written as two characters in the plain text of this
    /// language's news, (opening, closing): the NYT's ''…'' and the Penn Treebank's
    /// ``…''. Each opens a quote after a space and closes one after a word, as a
    /// straight " does.
    pub(crate) two_char_marks: &'static [(&'static str, &'static str)],
    /// The words that say a person is a man, and those that say a woman is meant.
    pub(crate) masculine: GenderWords,
    pub(crate) feminine: GenderWords,
}

/// The words of a language that say which gender a person is referred to with: the
/// pronouns that stand for them ("she said") and the courtesy titles before their
/// name ("Mrs. Clinton"). Sorted, lower case, titles without their full stop.
#[derive(Debug)]
pub(crate) struct GenderWords {
    pub(crate) pronouns: &'static [&'static str],
    pub(crate) titles: &'static [&'static str],
}

/// The gender a pronoun or a title refers to a person with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Masculine,
    Feminine,
    /// Someone referred to as "they" (`pronouns: they/them`): neither "he" nor "she"
    /// means them.
    Neither,
}

impl Gender {
    /// The gender the pronouns of a person's curation give them.
    pub(crate) fn of(pronouns: crate::content::Pronouns) -> Gender {
        match pronouns {
            crate::content::Pronouns::HeHim => Gender::Masculine,
            crate::content::Pronouns::SheHer => Gender::Feminine,
            crate::content::Pronouns::TheyThem => Gender::Neither,
        }
    }
}

impl QuoteWords {
    /// Whether a sorted list holds a word, whatever its case.
    pub(crate) fn has(list: &[&str], word: &str) -> bool {
        if word.is_ascii() {
            return super::text::in_sorted(list, word);
        }
        list.binary_search(&word.to_lowercase().as_str()).is_ok()
    }

    pub(crate) fn is_speech_verb(&self, word: &str) -> bool {
        Self::has(self.speech_verbs, word)
    }

    /// Whether the words of a list from `v` on start a verb of saying, of one word or of
    /// two ("Bennett shot back").
    pub(crate) fn speech_verb_at(&self, list: &[(usize, &str)], v: usize) -> bool {
        let Some(&(_, w)) = list.get(v) else {
            return false;
        };
        self.is_speech_verb(w)
            || list
                .get(v + 1)
                .is_some_and(|&(_, next)| Self::has(self.speech_phrases, &format!("{w} {next}")))
    }

    /// Whether a word is a verb of saying when a person is its subject: any verb of
    /// saying, or a verb of one word that needs a person ("continued").
    pub(crate) fn is_speech_verb_of_person(&self, word: &str) -> bool {
        self.is_speech_verb(word) || Self::has(self.person_verbs, word)
    }

    /// Whether the words of a list from `v` on start a verb of saying that needs a
    /// person for its subject ("went on").
    pub(crate) fn person_verb_at(&self, list: &[(usize, &str)], v: usize) -> bool {
        let Some(&(_, w)) = list.get(v) else {
            return false;
        };
        Self::has(self.person_verbs, w)
            || list
                .get(v + 1)
                .is_some_and(|&(_, next)| Self::has(self.person_verbs, &format!("{w} {next}")))
    }

    /// Whether a word is an adverb, by the table or by its ending: a lower-case word
    /// longer than its ending ("boldly", not "Billy" or "fly").
    pub(crate) fn is_adverb(&self, word: &str) -> bool {
        Self::has(self.adverbs, word)
            || (word.chars().all(char::is_lowercase)
                && self
                    .adverb_endings
                    .iter()
                    .any(|e| word.len() > e.len() + 2 && word.ends_with(e)))
    }

    /// A word of a title as its noun: "gov" is "governor"; any other word as it is.
    pub(crate) fn title_noun<'w>(&self, word: &'w str) -> &'w str {
        self.short_titles
            .iter()
            .find(|(short, _)| *short == word)
            .map_or(word, |(_, noun)| noun)
    }

    pub(crate) fn is_participle(&self, word: &str) -> bool {
        self.participle_endings.iter().any(|e| word.ends_with(e))
    }

    /// The gender a pronoun refers to ("she"), if it says one.
    pub(crate) fn pronoun_gender(&self, word: &str) -> Option<Gender> {
        self.gender_of(word, |g| g.pronouns)
    }

    /// The gender a courtesy title ("Mr.", "Sra.") gives the name after it.
    pub(crate) fn title_gender(&self, word: &str) -> Option<Gender> {
        self.gender_of(word.trim_end_matches('.'), |g| g.titles)
    }

    fn gender_of(
        &self,
        word: &str,
        list: fn(&GenderWords) -> &'static [&'static str],
    ) -> Option<Gender> {
        if Self::has(list(&self.masculine), word) {
            Some(Gender::Masculine)
        } else if Self::has(list(&self.feminine), word) {
            Some(Gender::Feminine)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::{ENGLISH, Language, SPANISH};

    #[test]
    fn sorted_lists_are_sorted_and_lower_case() {
        for table in [&ENGLISH.quotes, &SPANISH.quotes] {
            for list in [
                table.speech_verbs,
                table.speech_phrases,
                table.person_verbs,
                table.adverbs,
                table.role_nouns,
                table.person_nouns,
                table.clause_words,
                table.title_words,
                table.masculine.pronouns,
                table.masculine.titles,
                table.feminine.pronouns,
                table.feminine.titles,
            ] {
                assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
                assert!(list.iter().all(|w| w.to_lowercase() == *w), "{list:?}");
            }
        }
        assert!(ENGLISH.quotes.is_speech_verb("Said") && !ENGLISH.quotes.is_speech_verb("post"));
        assert!(SPANISH.quotes.is_speech_verb("Afirmó") && SPANISH.quotes.is_speech_verb("dijo"));
        let words = [(0, "Bennett"), (8, "shot"), (13, "back")];
        assert!(ENGLISH.quotes.speech_verb_at(&words, 1));
        assert!(
            !ENGLISH.quotes.speech_verb_at(&words, 0) && !ENGLISH.quotes.speech_verb_at(&words, 2)
        );
        assert!(
            !ENGLISH
                .quotes
                .speech_verb_at(&[(0, "shot"), (5, "down")], 0)
        );
        let went_on = [(0, "talks"), (6, "went"), (11, "on")];
        assert!(ENGLISH.quotes.person_verb_at(&went_on, 1));
        assert!(!ENGLISH.quotes.speech_verb_at(&went_on, 1));
        assert!(ENGLISH.quotes.person_verb_at(&[(0, "continued")], 0));
        assert!(
            !ENGLISH
                .quotes
                .person_verb_at(&[(0, "went"), (5, "home")], 0)
        );
        assert!(ENGLISH.quotes.is_adverb("boldly") && ENGLISH.quotes.is_adverb("once"));
        assert!(!ENGLISH.quotes.is_adverb("Billy") && !ENGLISH.quotes.is_adverb("fly"));
        assert!(SPANISH.quotes.is_adverb("duramente") && !SPANISH.quotes.is_adverb("mente"));
        use super::Gender::{Feminine, Masculine};
        assert_eq!(ENGLISH.quotes.pronoun_gender("She"), Some(Feminine));
        assert_eq!(ENGLISH.quotes.title_gender("Mr."), Some(Masculine));
        assert_eq!(ENGLISH.quotes.title_gender("Sen."), None);
        assert_eq!(SPANISH.quotes.title_gender("Sra."), Some(Feminine));
        assert_eq!(SPANISH.quotes.pronoun_gender("él"), Some(Masculine));
        assert!(std::ptr::eq(&Language::of("es-VE").quotes, &SPANISH.quotes));
        assert!(std::ptr::eq(&Language::of("en").quotes, &ENGLISH.quotes));
    }
}
