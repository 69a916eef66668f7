//! Arbitrary bytes (decoded lossily) into the documentation pipeline: front matter, then Markdown.
//!
//! Properties: it never panics; raw HTML never passes through, so no `<script` or `<iframe` element
//! reaches the output.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pipelens_core::docs::front_matter::split_front_matter;
use pipelens_core::docs::labels::render_labels;
use pipelens_core::docs::render::{render_page, PageContext};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let body = match split_front_matter(&text) {
        Ok(page) => page.body,
        Err(_) => &*text,
    };
    let Some(labels) = render_labels("en") else {
        return;
    };
    let page = PageContext {
        lang: "en",
        id: "fuzz/page",
        title: "Fuzz",
        screenshot: None,
        labels,
    };
    let rendered = render_page(body, &page);
    let lower = rendered.html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a script element in the output");
    assert!(
        !lower.contains("<iframe"),
        "an iframe element in the output"
    );
});
