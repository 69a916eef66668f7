//! Arbitrary bytes (decoded lossily) into the configuration analyser.
//!
//! Properties: it never panics; every span of a diagnostic or a part lies inside the text on character
//! boundaries, with 1-based lines and columns.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pipelens_core::config::{analyse_config, Span};

fn check(text: &str, span: &Span) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "a span outside the text: {span:?}"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "a span inside a character: {span:?}"
    );
    assert!(
        span.line >= 1 && span.column >= 1,
        "a span with a 0 line or column: {span:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = analyse_config(&text);
    for diagnostic in &report.diagnostics {
        check(&text, &diagnostic.span);
    }
    for part in &report.parts {
        check(&text, &part.span);
    }
});
