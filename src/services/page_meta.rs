//! The document's title and description, kept to the page shown and its language: the tab, the history,
//! bookmarks and the pages written at build time (`scripts/prerender.mjs` reads them) all name the page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{use_lang, Msg};

/// The name of the site, after every page's own title.
const SITE_NAME: &str = "Pipeline Lens";

/// Sets the document's title to "`title` — Pipeline Lens" (the site's name alone when `title` is empty)
/// and its description meta element to `description`.
pub(crate) fn set_page_meta(title: &str, description: &str) {
    let document = leptos::prelude::document();
    if title.is_empty() || title == SITE_NAME {
        document.set_title(SITE_NAME);
    } else {
        document.set_title(&format!("{title} — {SITE_NAME}"));
    }
    let meta = document
        .query_selector("meta[name=description]")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlMetaElement>().ok());
    if let Some(meta) = meta {
        meta.set_content(description);
    }
}

/// Names the current page with the sentences `title` and `description`, in the page's language, and
/// again whenever the language changes.
pub(crate) fn name_page(title: Msg, description: Msg) {
    let lang = use_lang();
    Effect::new(move |_| {
        let lang = lang.get();
        set_page_meta(lang.text(title), lang.text(description));
    });
}
