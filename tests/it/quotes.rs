//! Quotes and their speakers in a Spanish article: « » and dialogue dashes, verbs of
//! saying before and after the quote, read from the Spanish table; and a namesake of a
//! registered person who is not given her words.

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
