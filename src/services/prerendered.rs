//! The page written at build time, and the app taking its place.
//!
//! Every address of the site is a file holding what the app shows there (`scripts/prerender.mjs`), in
//! `<div id="prerendered">`: readable before the WebAssembly module runs, and with JavaScript off. The app
//! mounts into its own element, hidden while the page completes (a documentation page fetches its article),
//! and then takes the place of the written copy in one step: the same markup in the same place, so nothing
//! moves and no text flashes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The id of the copy written at build time.
const PRERENDERED_ID: &str = "prerendered";
/// The class of the app's element while it is hidden behind the written copy (`style/main.css`).
const PENDING_CLASS: &str = "app-pending";
/// How long the written copy may stay at most, should a page never say it is complete.
const LONGEST_WAIT_MS: u64 = 4_000;

/// The element the app is mounted into: a new `<div id="app">` at the end of `<body>`, hidden while a
/// written copy of the page is shown.
pub(crate) fn app_root() -> HtmlElement {
    let document = document();
    let root: HtmlElement = document
        .create_element("div")
        .expect("a div can be created")
        .unchecked_into();
    root.set_id("app");
    if document.get_element_by_id(PRERENDERED_ID).is_some() {
        let _ = root.class_list().add_1(PENDING_CLASS);
        set_timeout(
            page_ready,
            std::time::Duration::from_millis(LONGEST_WAIT_MS),
        );
    }
    document
        .body()
        .expect("the page has a body")
        .append_child(&root)
        .expect("the app's element can be added");
    root
}

/// Says that the current page is complete: the written copy, if any, gives way to the app, and
/// `<html data-page-ready>` tells the prerenderer (and the tests) that the page can be read.
pub(crate) fn page_ready() {
    let document = document();
    if let Some(copy) = document.get_element_by_id(PRERENDERED_ID) {
        copy.remove();
    }
    if let Some(root) = document.get_element_by_id("app") {
        let _ = root.class_list().remove_1(PENDING_CLASS);
    }
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-page-ready", "true");
    }
}

/// Says the page is complete once the current render is on screen: two frames later, so that the written
/// copy has been painted at least once before the app takes its place (the app's identical elements are
/// then not a new "largest contentful paint" that would wait for the WebAssembly module).
pub(crate) fn page_ready_after_render() {
    request_animation_frame(|| request_animation_frame(page_ready));
}
