//! What the site remembers in this browser's storage (and nowhere else): the chosen language, and
//! whether to keep the drafts of the log and config explainers (kept by [`super::drafts`]).

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

/// Which editor a draft belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Draft {
    /// The log explainer's text.
    Log,
    /// The config explainer's text.
    Config,
}

impl Draft {
    /// Both drafts.
    pub(crate) const ALL: [Draft; 2] = [Draft::Log, Draft::Config];

    /// The storage key of this draft.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Draft::Log => "pipelens.log-draft",
            Draft::Config => "pipelens.config-draft",
        }
    }
}

/// The storage key that says the visitor asked the site not to keep drafts.
pub(crate) const NO_DRAFTS_KEY: &str = "pipelens.no-drafts";

/// Whether this browser keeps drafts (the default) or the visitor asked to forget them.
pub(crate) fn keeps_drafts() -> bool {
    LocalStorage::raw()
        .get_item(NO_DRAFTS_KEY)
        .ok()
        .flatten()
        .is_none()
}
