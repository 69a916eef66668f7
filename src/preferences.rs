//! What the site remembers in this browser's storage: the chosen language.

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
