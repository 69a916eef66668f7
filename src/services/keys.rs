//! Keyboard shortcuts: what each page offers, and the listener that performs them.
//!
//! 1. [`shortcuts`] lists the keys of a page, for the help dialog
//!    (`components/common/keyboard_help.rs`); the page whose keys are live is [`use_shortcut_page`], which
//!    the page's own key component sets while it is mounted.
//! 2. [`on_shortcut`] listens to the keys pressed anywhere in the page, except while the focus is in a
//!    text field (where keys type), with a modifier held (the browser's own shortcuts) or while a dialog
//!    is open.
//! 3. The log and config pages bind their keys to the very actions a click performs
//!    (`components/log/keys.rs`, `components/config/keys.rs`).

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

use crate::i18n::Msg;

/// The key that opens the help dialog, on every page.
pub(crate) const HELP_KEY: &str = "?";

/// A page, as far as shortcuts go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ShortcutPage {
    /// The log explainer.
    Log,
    /// The config explainer.
    Config,
    /// Any other page (documentation, not found): only the help key.
    Other,
}

/// The page whose keys are live, shared by the shell: the help dialog lists its keys.
pub(crate) fn use_shortcut_page() -> RwSignal<ShortcutPage> {
    match use_context::<RwSignal<ShortcutPage>>() {
        Some(page) => page,
        None => {
            let page = RwSignal::new(ShortcutPage::Other);
            provide_context(page);
            page
        }
    }
}

/// Marks `page` as the page whose keys are live while the calling component is mounted.
pub(crate) fn claim_shortcut_page(page: ShortcutPage) {
    let live = use_shortcut_page();
    live.set(page);
    on_cleanup(move || {
        if live.try_get_untracked() == Some(page) {
            live.set(ShortcutPage::Other);
        }
    });
}

/// One line of the help dialog: a key and what it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Shortcut {
    /// The key as typed (`j`, `?`), or as named on keyboards (`Esc`).
    pub(crate) key: &'static str,
    /// What it does.
    pub(crate) action: Msg,
}

impl Shortcut {
    /// `key` does `action`.
    const fn new(key: &'static str, action: Msg) -> Self {
        Self { key, action }
    }
}

/// The log page's keys.
const LOG_SHORTCUTS: &[Shortcut] = &[
    Shortcut::new("j", Msg::ComfortKeysNextPhase),
    Shortcut::new("k", Msg::ComfortKeysPreviousPhase),
    Shortcut::new("n", Msg::ComfortKeysNextFailed),
    Shortcut::new("p", Msg::ComfortKeysPreviousFailed),
];

/// The config page's keys.
const CONFIG_SHORTCUTS: &[Shortcut] = &[
    Shortcut::new("n", Msg::ComfortKeysNextDiagnostic),
    Shortcut::new("p", Msg::ComfortKeysPreviousDiagnostic),
    Shortcut::new("j", Msg::ComfortKeysNextJob),
    Shortcut::new("k", Msg::ComfortKeysPreviousJob),
];

/// The keys of every page.
const COMMON_SHORTCUTS: &[Shortcut] = &[
    Shortcut::new(HELP_KEY, Msg::ComfortKeysHelp),
    Shortcut::new("Esc", Msg::ComfortKeysClose),
];

/// Every key of `page`, its own first, then those of every page.
pub(crate) fn shortcuts(page: ShortcutPage) -> Vec<Shortcut> {
    let own = match page {
        ShortcutPage::Log => LOG_SHORTCUTS,
        ShortcutPage::Config => CONFIG_SHORTCUTS,
        ShortcutPage::Other => &[],
    };
    own.iter().chain(COMMON_SHORTCUTS).copied().collect()
}

/// The index one step from `current` among `len` items, forward or backward: the first (or last) when
/// there is no current one, `None` past either end.
pub(crate) fn step(current: Option<usize>, len: usize, forward: bool) -> Option<usize> {
    step_matching(current, len, forward, |_| true)
}

/// The nearest index after (or before) `current` among `len` items for which `matches` holds; from the
/// start (or the end) when there is no current one.
pub(crate) fn step_matching(
    current: Option<usize>,
    len: usize,
    forward: bool,
    matches: impl Fn(usize) -> bool,
) -> Option<usize> {
    if forward {
        let from = current.map_or(0, |index| index + 1);
        (from..len).find(|&index| matches(index))
    } else {
        let until = current.map_or(len, |index| index.min(len));
        (0..until).rev().find(|&index| matches(index))
    }
}

/// Whether the key went to a place where keys type text: a text field, a text area, a list box or an
/// editable element.
fn typing_into(event: &KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let tag = element.tag_name().to_ascii_lowercase();
    let text_input = tag == "input"
        && !matches!(
            element.get_attribute("type").as_deref(),
            Some("button" | "checkbox" | "radio" | "submit" | "reset" | "file")
        );
    text_input
        || tag == "textarea"
        || tag == "select"
        || element
            .dyn_ref::<web_sys::HtmlElement>()
            .is_some_and(|element| element.is_content_editable())
}

/// Whether a dialog is open over the page (its own keys apply, not the page's).
fn dialog_open() -> bool {
    document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_some()
}

/// Calls `handler` with each key pressed in the page while it is mounted, unless the reader is typing,
/// holds Ctrl, Alt or Meta, or a dialog is open. When `handler` returns `true` the key was used and the
/// browser does nothing more with it.
pub(crate) fn on_shortcut(handler: impl Fn(&str) -> bool + 'static) {
    let handle = window_event_listener(ev::keydown, move |event: KeyboardEvent| {
        if event.default_prevented()
            || event.ctrl_key()
            || event.alt_key()
            || event.meta_key()
            || event.is_composing()
            || typing_into(&event)
        {
            return;
        }
        let key = event.key();
        if key != HELP_KEY && dialog_open() {
            return;
        }
        if handler(&key) {
            event.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_moves_by_one_and_stops_at_either_end() {
        assert_eq!(step(None, 3, true), Some(0));
        assert_eq!(step(None, 3, false), Some(2));
        assert_eq!(step(Some(0), 3, true), Some(1));
        assert_eq!(step(Some(2), 3, true), None);
        assert_eq!(step(Some(1), 3, false), Some(0));
        assert_eq!(step(Some(0), 3, false), None);
        assert_eq!(step(None, 0, true), None);
        assert_eq!(step(None, 0, false), None);
    }

    #[test]
    fn a_matching_step_skips_what_does_not_match() {
        let failed = [false, true, false, false, true];
        let is_failed = |index: usize| failed[index];
        assert_eq!(step_matching(None, 5, true, is_failed), Some(1));
        assert_eq!(step_matching(Some(1), 5, true, is_failed), Some(4));
        assert_eq!(step_matching(Some(4), 5, true, is_failed), None);
        assert_eq!(step_matching(Some(3), 5, false, is_failed), Some(1));
        assert_eq!(step_matching(None, 5, false, is_failed), Some(4));
        assert_eq!(step_matching(Some(1), 5, false, is_failed), None);
        // A current index past the end (a shorter log since) counts from the end.
        assert_eq!(step_matching(Some(9), 5, false, is_failed), Some(4));
    }

    #[test]
    fn every_page_lists_the_help_key_once_and_no_key_twice() {
        for page in [ShortcutPage::Log, ShortcutPage::Config, ShortcutPage::Other] {
            let keys: Vec<&str> = shortcuts(page)
                .iter()
                .map(|shortcut| shortcut.key)
                .collect();
            assert_eq!(keys.iter().filter(|&&key| key == HELP_KEY).count(), 1);
            let mut unique = keys.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), keys.len(), "{page:?}: {keys:?}");
        }
    }
}
