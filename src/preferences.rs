//! What the site remembers in this browser's storage (and nowhere else): the chosen language and the
//! last log draft.

use gloo_storage::{LocalStorage, Storage};

use crate::i18n::Lang;

/// The storage key of the chosen language.
const LANG_KEY: &str = "pipelens.lang";

/// The language to open with: the one chosen last in this browser, else the browser's own preference.
pub(crate) fn preferred_lang() -> Lang {
    if let Some(lang) = LocalStorage::get::<String>(LANG_KEY)
        .ok()
        .as_deref()
        .and_then(Lang::from_code)
    {
        return lang;
    }
    let browser = web_sys::window()
        .and_then(|window| window.navigator().language())
        .unwrap_or_default();
    Lang::from_browser(&browser)
}

/// Remembers the language the visitor is reading, for their next visit to `/`.
pub(crate) fn remember_lang(lang: Lang) {
    // Storage can be full or refused (private browsing): the site works on without remembering.
    let _ = LocalStorage::set(LANG_KEY, lang.code());
}

/// The storage key of the log being explained, restored after a reload.
const LOG_DRAFT_KEY: &str = "pipelens.log-draft";

/// Drafts larger than this are not kept (browsers allow about 5 MB per site).
const MAX_DRAFT_BYTES: usize = 2 * 1024 * 1024;

/// The log draft kept in this browser, if any.
pub(crate) fn log_draft() -> Option<String> {
    LocalStorage::get::<String>(LOG_DRAFT_KEY)
        .ok()
        .filter(|draft| !draft.is_empty())
}

/// Keeps the log being explained in this browser only, so that a reload restores it; forgets it when
/// the editor is emptied or the text is too large to keep.
pub(crate) fn save_log_draft(text: &str) {
    if text.is_empty() || text.len() > MAX_DRAFT_BYTES {
        LocalStorage::delete(LOG_DRAFT_KEY);
    } else {
        // Storage can be full or refused: the page works on without the draft.
        let _ = LocalStorage::set(LOG_DRAFT_KEY, text);
    }
}
