//! Quotes and their speakers in a Spanish article: « » and dialogue dashes, verbs of
//! saying before and after the quote, read from the Spanish table; and a namesake of a
//! registered person who is not given her words. In English, names that hold a
//! preposition or a verb of saying, read whole; a speaker's next paragraph, theirs; and
//! the speakers attribution reads in the text around a quote, each in one article.

use crate::support::built;

#[test]
fn a_spanish_articles_quotes_have_their_speakers() {
    let (_dir, site) = built(Some("quotes-es"));
    let quotes: serde_json::Value =
        serde_json::from_slice(&site["data/quotes.json"]).expect("quotes.json is JSON");
    let found: Vec<(String, Option<String>, Option<String>)> = quotes
        .as_array()
        .expect("an array")
        .iter()
        .filter(|q| q["article"] == "muelle-votacion")
        .map(|q| {
            let text = |k: &str| q[k].as_str().map(str::to_string);
            (
                text("text").unwrap_or_default(),
                text("person"),
                text("speaker"),
            )
        })
        .collect();
    let ortiz = || Some("ana-ortiz".to_string());
    assert_eq!(
        found,
        [
            ("antes del verano".into(), ortiz(), ortiz()),
            ("Lo vamos a reconstruir".into(), ortiz(), ortiz()),
            ("No vamos a ceder".into(), ortiz(), ortiz()),
            ("Lo haremos por los pescadores.".into(), ortiz(), ortiz()),
            ("Es un error".into(), None, Some("Pedro Ortiz".into())),
        ]
    );
}

/// The quotes the build of `fixture` exports for `article`: each one's words and the
/// person it gives them to.
fn quotes_of(fixture: &str, article: &str) -> Vec<(String, Option<String>)> {
    let (_dir, site) = built(Some(fixture));
    let quotes: serde_json::Value =
        serde_json::from_slice(&site["data/quotes.json"]).expect("quotes.json is JSON");
    quotes
        .as_array()
        .expect("an array")
        .iter()
        .filter(|q| q["article"] == article)
        .map(|q| {
            let text = q["text"].as_str().unwrap_or_default().to_string();
            (text, q["person"].as_str().map(str::to_string))
        })
        .collect()
}

/// Names that hold a preposition or a verb of saying ("said Al From", a person named
/// "Glenn Beck Says Trump" by an import): the build reads each name whole, where it
/// once sliced the text past the name's end and failed.
#[test]
fn names_holding_a_preposition_or_a_verb_build_and_speak() {
    let found = quotes_of("quotes-names", "council-founders");
    assert_eq!(
        found,
        [
            (
                "We won in those three elections a smaller share of the votes than any party"
                    .into(),
                Some("al-from".into())
            ),
            ("Alt Right".into(), Some("glenn-beck-says-trump".into())),
        ]
    );
}

/// A paragraph that opens with a quotation and names no one goes on with the words the
/// paragraph before ended with, as news writes a speaker's next paragraph; "notes" is
/// a verb of saying.
#[test]
fn a_speakers_next_paragraph_is_theirs() {
    let found = quotes_of("quotes-paragraphs", "harbour-vote");
    let reyes = || Some("ana-reyes".to_string());
    assert_eq!(
        found,
        [
            ("We will rebuild the pier before the summer".into(), reyes()),
            (
                "And the fishermen will have their moorings back by the autumn.".into(),
                reyes()
            ),
            ("The second round is a formality".into(), reyes()),
        ]
    );
}

/// The NYT's two apostrophes ''…'' are quotation marks in English, a quote whose marks
/// mix kinds (“…") is one quote, a paragraph that ends with a colon introduces the
/// quotation that opens the next one, and a verb of saying may be two words.
#[test]
fn marks_colons_and_two_word_verbs() {
    let found = quotes_of("quotes-marks", "pier-hearing");
    let reyes = || Some("ana-reyes".to_string());
    let baker = || Some("tom-baker".to_string());
    assert_eq!(
        found,
        [
            ("We will rebuild the pier before the summer".into(), reyes()),
            (
                "The fishermen will have their moorings back by the autumn".into(),
                baker()
            ),
            (
                "The money is there, and the council knows it.".into(),
                reyes()
            ),
            (
                "Nobody on this council has seen the figures yet".into(),
                baker()
            ),
        ]
    );
}

/// Speakers read around the quote: an editor's bracket opening it, "went on" after a
/// person, a name before a colon, an adverb between a name and its verb, a title that
/// holds "of"; a description ("the governor") as the person the article named with
/// it, not when someone unregistered holds it ("Sen. Lee Park … the senator"); a first
/// name alone as the one person named in full with it; a pronoun after narration
/// that names a new person is theirs: past an apposition naming someone else, a
/// participle after an apposed name, an opening phrase with commas, a role noun
/// between two names; a registered surname that is someone else's first name ("Baker
/// Smith") is not the registered person.
#[test]
fn speakers_read_around_the_quote() {
    let found = quotes_of("quotes-speakers", "harbour-hearing");
    let who = |id: &str| Some(id.to_string());
    assert_eq!(
        found,
        [
            (
                "[The] pier will be rebuilt before the summer".into(),
                who("ana-reyes")
            ),
            ("We have the money".into(), who("ana-reyes")),
            ("The moorings are not safe.".into(), who("rosa-lima")),
            ("The council will vote in May".into(), who("tom-baker")),
            ("start the work in April.".into(), who("ana-reyes")),
            ("The state will pay its share".into(), who("maria-soto")),
            ("We will help".into(), None),
            ("Not before the autumn".into(), who("ana-reyes")),
            ("The moorings will hold".into(), who("rosa-lima")),
            ("It will wait".into(), who("maria-soto")),
            ("It will not wait".into(), who("ana-reyes")),
            ("The vote can wait".into(), who("rosa-lima")),
            ("The polls agree".into(), who("maria-soto")),
            ("The harbour needs dredging".into(), None),
        ]
    );
}
