//! EDTF level 1 dates: `briefing::edtf::parse`, and the wording of what it accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(date) = briefing::edtf::parse(text) else {
        return;
    };
    assert!(date.start <= date.end, "{text:?} → {date:?}");
    assert!(date.contains(date.start) && date.contains(date.end));
    assert!(!date.wording().is_empty());
    // Parsing is a function of the text: the text it keeps parses to the same date.
    assert_eq!(
        briefing::edtf::parse(&date.text).as_ref(),
        Ok(&date),
        "{text:?}"
    );
});
