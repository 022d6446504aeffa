//! *Normalised text* is text with the typographic variation that does not change what
//! was said taken out: curly quotes and apostrophes become straight, every dash becomes
//! a hyphen, an ellipsis character becomes three dots and every run of whitespace one
//! space. A curated quote is checked against an article in this form, and the result
//! maps back to the article's own bytes so the page can link to the exact paragraph.

/// Text in normalised form, with the byte offset in the original of each byte.
#[derive(Debug, Clone)]
pub struct Normalised {
    pub text: String,
    /// `origin[i]` is the range in the original (a paragraph, far below 4 GB) of the
    /// character that normalised byte
    /// `i` comes from.
    origin: Vec<(u32, u32)>,
}

impl Normalised {
    /// The original byte range of a normalised byte range.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.origin.get(start).map_or(0, |o| o.0 as usize);
        let e = match end.checked_sub(1) {
            Some(last) => self.origin[last].1 as usize,
            None => s,
        };
        (s, e.max(s))
    }
}

/// What a character becomes in normalised text.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => "\"",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{0060}'
        | '\u{00B4}' => "'",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => "-",
        '\u{2026}' => "...",
        _ => return None,
    })
}

pub fn normalise(input: &str) -> Normalised {
    let mut text = String::with_capacity(input.len());
    let mut origin = Vec::with_capacity(input.len() + 1);
    let mut pending_space: Option<usize> = None;
    let mut last_dash = false;
    for (i, c) in input.char_indices() {
        if c.is_whitespace() {
            pending_space.get_or_insert(i);
            continue;
        }
        if let Some(at) = pending_space.take()
            && !text.is_empty()
        {
            text.push(' ');
            origin.push((at as u32, at as u32 + 1));
            last_dash = false;
        }
        let folded = fold(c);
        let piece = folded.unwrap_or("");
        // A run of dashes ("--", "—") is one dash.
        let is_dash = piece == "-" || c == '-';
        if is_dash && last_dash {
            continue;
        }
        last_dash = is_dash;
        match folded {
            Some(s) => {
                origin.extend(std::iter::repeat_n(
                    (i as u32, (i + c.len_utf8()) as u32),
                    s.len(),
                ));
                text.push_str(s);
            }
            None => {
                origin.extend(std::iter::repeat_n(
                    (i as u32, (i + c.len_utf8()) as u32),
                    c.len_utf8(),
                ));
                text.push(c);
            }
        }
    }
    Normalised { text, origin }
}

/// Where a quote occurs in a text: the original byte range.
pub fn find(haystack: &Normalised, quote: &str) -> Option<(usize, usize)> {
    let needle = normalise(quote).text;
    if needle.is_empty() {
        return None;
    }
    haystack
        .text
        .find(&needle)
        .map(|at| haystack.original_range(at, at + needle.len()))
}

/// The passage of `text` most like `quote`: the window of as many words with the most
/// words in common, for the hint of a quote that was not found.
pub fn closest_passage<'a>(text: &'a str, quote: &str) -> Option<&'a str> {
    let words: Vec<(usize, usize)> = word_ranges(text);
    let wanted: Vec<String> = word_ranges(quote)
        .into_iter()
        .map(|(s, e)| fold_word(&quote[s..e]))
        .collect();
    if words.is_empty() || wanted.is_empty() {
        return None;
    }
    let n = wanted.len().min(words.len());
    let keys: Vec<String> = words.iter().map(|&(s, e)| fold_word(&text[s..e])).collect();
    let mut best = (0usize, 0usize);
    for start in 0..=(words.len() - n) {
        let window = &keys[start..start + n];
        // Words in common, counting position bonuses so that order matters a little.
        let score = window
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if wanted.get(i) == Some(w) {
                    3
                } else if wanted.contains(w) {
                    2
                } else {
                    0
                }
            })
            .sum::<usize>();
        if score > best.0 {
            best = (score, start);
        }
    }
    if best.0 == 0 {
        return None;
    }
    let (s, _) = words[best.1];
    let (_, e) = words[best.1 + n - 1];
    Some(&text[s..e])
}

fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

fn fold_word(w: &str) -> String {
    w.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typography_and_whitespace_do_not_matter() {
        let cases = [
            ("“united”", "\"united\""),
            ("Cuba’s", "Cuba's"),
            ("dictators — BUT", "dictators - BUT"),
            ("dictators -- BUT", "dictators - BUT"),
            ("wait…", "wait..."),
            ("a \n\t b", "a b"),
            ("  lead and trail  ", "lead and trail"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalise(input).text, expected, "{input:?}");
        }
    }

    #[test]
    fn a_found_quote_maps_back_to_the_original_bytes() {
        let text = "Trump wrote: “Cuba lived, for many years — on OIL.” Then";
        let n = normalise(text);
        let (s, e) = find(&n, "\"Cuba lived, for many years - on OIL.\"").unwrap();
        assert_eq!(&text[s..e], "“Cuba lived, for many years — on OIL.”");
    }

    #[test]
    fn case_and_words_still_matter() {
        let n = normalise("The Cuban influence was absolutely essential");
        assert!(find(&n, "the cuban influence").is_none());
        assert!(find(&n, "influence was essential").is_none());
        assert!(find(&n, "").is_none());
    }

    #[test]
    fn closest_passage_finds_the_reworded_sentence() {
        let text = "Intro words here. Cuba lived, for many years, on large amounts of OIL and MONEY from Venezuela. Other text follows.";
        let got = closest_passage(text, "Cuba lived for many years on OIL and money").unwrap();
        assert!(got.starts_with("Cuba lived,"), "{got}");
    }
}
