//! Arbitrary bytes (decoded lossily) as a log, through the log worker's report transfer.
//!
//! Properties: the report of any log comes back equal from its bytes (the visible text rebuilt from
//! pieces of the log); the same bytes against another log, and the bytes damaged, give a report or an
//! error, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pipelens_core::log::{decode_report, encode_report, parse_log};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = parse_log(&text);
    let bytes = encode_report(&report, &text);
    assert_eq!(
        decode_report(&bytes, &text).as_ref(),
        Ok(&report),
        "the report did not come back equal"
    );
    // The same length, other characters: pieces may point inside a character now.
    let other: String = text
        .chars()
        .map(|character| if character.is_ascii() { 'é' } else { 'a' })
        .collect();
    let _outcome = decode_report(&bytes, &other);
    if let Some(first) = data.first() {
        let mut damaged = bytes.clone();
        let position = usize::from(*first) * 7919 % damaged.len().max(1);
        if let Some(byte) = damaged.get_mut(position) {
            *byte ^= first | 1;
        }
        let _outcome = decode_report(&damaged, &text);
    }
});
