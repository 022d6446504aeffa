//! Quote normalisation: `briefing::normalise::normalise`, `find`, `closest_passage`. The
//! input is a haystack and a quote separated by the first 0xFF byte (or cut in half).
#![no_main]

use briefing::normalise::{closest_passage, find, normalise};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (a, b) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => data.split_at(data.len() / 2),
    };
    let (Ok(text), Ok(quote)) = (std::str::from_utf8(a), std::str::from_utf8(b)) else {
        return;
    };
    let n = normalise(text);
    // Normalising is idempotent.
    assert_eq!(normalise(&n.text).text, n.text, "{text:?}");
    if let Some((start, end)) = find(&n, quote) {
        assert!(
            start <= end && end <= text.len(),
            "{start}..{end} in {text:?}"
        );
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        // What was found holds the quote. (It may hold more: a quote `.` found inside
        // an ellipsis maps back to the whole `…` character.)
        let found = normalise(&text[start..end]).text;
        assert!(
            found.contains(&normalise(quote).text),
            "{text:?} / {quote:?} → {found:?}"
        );
    }
    // Every normalised range maps back inside the original.
    let len = n.text.len();
    for (s, e) in [(0, len), (len / 2, len), (0, len / 3)] {
        let (os, oe) = n.original_range(s, e);
        assert!(
            os <= oe && oe <= text.len(),
            "{s}..{e} → {os}..{oe} in {text:?}"
        );
    }
    if let Some(p) = closest_passage(text, quote) {
        let inside = text.as_ptr() as usize <= p.as_ptr() as usize
            && p.as_ptr() as usize + p.len() <= text.as_ptr() as usize + text.len();
        assert!(inside, "the passage is a slice of the text");
    }
});
