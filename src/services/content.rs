//! The documentation as the site fetches it: `content/<lang>/index.json` and `content/<lang>/<id>.html`,
//! written at build time by `crates/docgen`. Each file is fetched once per visit and kept in memory.
//!
//! Relative URLs resolve against `<base href>`, so this works at the root of a host and under the
//! GitHub Pages sub-path alike.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;
use pipelens_core::docs::DocIndex;

use crate::i18n::{use_lang, Lang};

thread_local! {
    static TEXTS: RefCell<HashMap<String, Rc<str>>> = RefCell::new(HashMap::new());
}

/// Why a documentation file could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ContentError {
    /// The file is not there (the page id does not exist).
    NotFound,
    /// The network or the file failed otherwise; the text says how.
    Failed(String),
}

/// Fetches a file of the site as text, once per visit.
pub(crate) async fn fetch_text(path: String) -> Result<Rc<str>, ContentError> {
    if let Some(text) = TEXTS.with(|texts| texts.borrow().get(&path).cloned()) {
        return Ok(text);
    }
    let response = gloo_net::http::Request::get(&path)
        .send()
        .await
        .map_err(|err| ContentError::Failed(err.to_string()))?;
    match response.status() {
        200 => {}
        404 => return Err(ContentError::NotFound),
        status => return Err(ContentError::Failed(format!("HTTP {status} for {path}"))),
    }
    let text: Rc<str> = response
        .text()
        .await
        .map_err(|err| ContentError::Failed(err.to_string()))?
        .into();
    TEXTS.with(|texts| texts.borrow_mut().insert(path, text.clone()));
    Ok(text)
}

/// The index of the documentation in `lang`.
pub(crate) async fn fetch_doc_index(lang: Lang) -> Result<Rc<DocIndex>, ContentError> {
    let text = fetch_text(format!("content/{}/index.json", lang.code())).await?;
    serde_json::from_str::<DocIndex>(&text)
        .map(Rc::new)
        .map_err(|err| ContentError::Failed(err.to_string()))
}

/// The rendered HTML of page `id` in `lang`.
pub(crate) async fn fetch_doc_html(lang: Lang, id: String) -> Result<Rc<str>, ContentError> {
    if !is_page_id(&id) {
        return Err(ContentError::NotFound);
    }
    fetch_text(format!("content/{}/{id}.html", lang.code())).await
}

/// The documentation index of the current language, refetched when the language changes.
pub(crate) fn use_doc_index() -> LocalResource<Result<Rc<DocIndex>, ContentError>> {
    let lang = use_lang();
    LocalResource::new(move || fetch_doc_index(lang.get()))
}

/// Whether `id` can be a page id: lowercase ASCII words, dashes, underscores and `/`, never `..`.
fn is_page_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('/').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_ids_cannot_leave_the_content_folder() {
        assert!(is_page_id("phases/checkout-code"));
        assert!(is_page_id("keys/working_directory"));
        assert!(is_page_id("index"));
        assert!(!is_page_id("../secret"));
        assert!(!is_page_id("phases//x"));
        assert!(!is_page_id("phases/x.html"));
        assert!(!is_page_id(""));
        assert!(!is_page_id("Phases/X"));
    }
}
