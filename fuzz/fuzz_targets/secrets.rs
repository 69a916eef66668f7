//! Arbitrary bytes (decoded lossily) into the secret finder and the masking.
//!
//! Properties: it never panics; secrets are sorted, disjoint, on character boundaries, on the line they
//! say; masking keeps the line count.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pipelens_core::secrets::{find_secrets, mask};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let secrets = find_secrets(&text);
    let mut end = 0;
    for secret in &secrets {
        let range = secret.range.clone();
        assert!(
            range.start >= end && range.start < range.end && range.end <= text.len(),
            "{range:?}"
        );
        assert!(
            text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
            "{range:?}"
        );
        assert_eq!(secret.line, text[..range.start].matches('\n').count() + 1);
        end = range.end;
    }
    let masked = mask(&text, &secrets);
    assert_eq!(masked.matches('\n').count(), text.matches('\n').count());
});
