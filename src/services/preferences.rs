//! What the site remembers in this browser's storage (and nowhere else): the chosen language and the
//! last drafts of the log and config explainers.

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
    const ALL: [Draft; 2] = [Draft::Log, Draft::Config];

    /// The storage key of this draft.
    fn key(self) -> &'static str {
        match self {
            Draft::Log => "pipelens.log-draft",
            Draft::Config => "pipelens.config-draft",
        }
    }
}

/// The storage key that says the visitor asked the site not to keep drafts.
const NO_DRAFTS_KEY: &str = "pipelens.no-drafts";

/// Drafts larger than this are not kept (browsers allow about 5 MB per site).
const MAX_DRAFT_BYTES: usize = 2 * 1024 * 1024;

/// The draft of `which` editor kept in this browser, if any.
pub(crate) fn draft(which: Draft) -> Option<String> {
    LocalStorage::get::<String>(which.key())
        .ok()
        .filter(|draft| !draft.is_empty())
}

/// Keeps the text of `which` editor in this browser only, so that a reload restores it; forgets it
/// when the editor is emptied, the text is too large to keep, or the visitor asked not to keep drafts.
pub(crate) fn save_draft(which: Draft, text: &str) {
    if text.is_empty() || text.len() > MAX_DRAFT_BYTES || !keeps_drafts() {
        LocalStorage::delete(which.key());
    } else {
        // Storage can be full or refused: the page works on without the draft.
        let _ = LocalStorage::set(which.key(), text);
    }
}

/// The log draft kept in this browser, if any.
pub(crate) fn log_draft() -> Option<String> {
    draft(Draft::Log)
}

/// The config draft kept in this browser, if any.
pub(crate) fn config_draft() -> Option<String> {
    draft(Draft::Config)
}

/// Whether this browser keeps drafts (the default) or the visitor asked to forget them.
pub(crate) fn keeps_drafts() -> bool {
    LocalStorage::raw()
        .get_item(NO_DRAFTS_KEY)
        .ok()
        .flatten()
        .is_none()
}

/// Starts or stops keeping drafts; stopping forgets both drafts at once.
pub(crate) fn set_keeps_drafts(keep: bool) {
    if keep {
        LocalStorage::delete(NO_DRAFTS_KEY);
    } else {
        for which in Draft::ALL {
            LocalStorage::delete(which.key());
        }
        let _ = LocalStorage::raw().set_item(NO_DRAFTS_KEY, "1");
    }
}
