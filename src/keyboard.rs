//! Keyboard shortcuts: what each page offers, and the listeners that perform them.
//!
//! 1. [`shortcuts`] lists the keys of a page, for the help dialog (`components/keyboard_help.rs`).
//! 2. [`on_shortcut`] listens to the keys pressed anywhere in the page, except while the focus is in a
//!    text field (where keys type), with a modifier held (the browser's own shortcuts) or while a dialog
//!    is open.
//! 3. [`LogKeys`] and [`ConfigKeys`] bind the keys of the log and config pages to the very actions a click
//!    performs: [`LogState::select`] for a phase, [`ConfigState::select_position`] for a diagnostic (as
//!    clicking its row does) and [`ConfigState::select_part`] for a job or step (as clicking its box in
//!    the workflow graph does).

use leptos::ev;
use leptos::prelude::*;
use pipelens_core::config::PartKind;
use pipelens_core::log::PhaseStatus;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

use crate::components::config_state::ConfigState;
use crate::i18n::{Lang, Msg};
use crate::pages::log::LogState;

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

impl ShortcutPage {
    /// The page of an in-app path such as `/en/`, `/fr/config` or `/en/docs/x`.
    pub(crate) fn of_path(path: &str) -> ShortcutPage {
        let mut segments = path.trim_matches('/').split('/');
        if segments.next().and_then(Lang::from_code).is_none() {
            return ShortcutPage::Other;
        }
        match (segments.next(), segments.next()) {
            (None, None) => ShortcutPage::Log,
            (Some("config"), None) => ShortcutPage::Config,
            _ => ShortcutPage::Other,
        }
    }
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

/// The log page's keys: `j`/`k` next and previous phase, `n`/`p` next and previous failed phase.
#[component]
pub(crate) fn LogKeys() -> impl IntoView {
    let state = expect_context::<LogState>();
    on_shortcut(move |key| {
        let (forward, failed_only) = match key {
            "j" => (true, false),
            "k" => (false, false),
            "n" => (true, true),
            "p" => (false, true),
            _ => return false,
        };
        let Some(report) = state.report.get_untracked() else {
            return false;
        };
        let current = state.selected.get_untracked();
        let phases = &report.phases;
        let target = step_matching(current, phases.len(), forward, |index| {
            !failed_only || phases[index].status == PhaseStatus::Failed
        });
        if let Some(index) = target {
            state.select(index);
        }
        true
    });
}

/// The config page's keys: `n`/`p` next and previous diagnostic, `j`/`k` next and previous job or step.
#[component]
pub(crate) fn ConfigKeys(
    /// The page's shared state.
    state: ConfigState,
) -> impl IntoView {
    // The diagnostic reached last by key, for when the focus has left the list since.
    let last_diagnostic = StoredValue::new(None::<usize>);
    on_shortcut(move |key| match key {
        "n" | "p" => {
            move_to_diagnostic(state, last_diagnostic, key == "n");
            true
        }
        "j" | "k" => {
            move_to_job_or_step(state, key == "j");
            true
        }
        _ => false,
    });
}

/// The rows of the diagnostics panel, in the order of the report's diagnostics.
fn diagnostic_rows() -> Vec<web_sys::HtmlElement> {
    let Ok(rows) = document().query_selector_all("[data-testid=diagnostic]") else {
        return Vec::new();
    };
    (0..rows.length())
        .filter_map(|index| rows.item(index)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Selects the next (or previous) diagnostic as clicking its row does, and gives its row the focus.
fn move_to_diagnostic(state: ConfigState, last: StoredValue<Option<usize>>, forward: bool) {
    let positions: Vec<(usize, usize)> = state.analysis.with_untracked(|analysis| {
        analysis.as_ref().map_or_else(Vec::new, |analysis| {
            analysis
                .report
                .diagnostics
                .iter()
                .map(|diagnostic| (diagnostic.span.line, diagnostic.span.column))
                .collect()
        })
    });
    let rows = diagnostic_rows();
    let focused = document().active_element();
    let current = rows
        .iter()
        .position(|row| focused.as_ref() == Some(row.as_ref()))
        .or_else(|| last.get_value())
        .filter(|&index| index < positions.len());
    let Some(index) = step(current, positions.len(), forward) else {
        return;
    };
    last.set_value(Some(index));
    let (line, column) = positions[index];
    state.select_position(line, column);
    if let Some(row) = rows.get(index) {
        let _ = row.focus();
    }
}

/// Selects the next (or previous) job or step of the text, as clicking it in the workflow graph does.
fn move_to_job_or_step(state: ConfigState, forward: bool) {
    let target = state.analysis.with_untracked(|analysis| {
        let parts = &analysis.as_ref()?.report.parts;
        let current = state.selected.get_untracked();
        step_matching(current, parts.len(), forward, |index| {
            matches!(parts[index].kind, PartKind::Job | PartKind::Step)
        })
    });
    if let Some(index) = target {
        state.select_part(index, true);
    }
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
    fn the_page_comes_from_the_path_after_the_language() {
        assert_eq!(ShortcutPage::of_path("/en/"), ShortcutPage::Log);
        assert_eq!(ShortcutPage::of_path("/fr"), ShortcutPage::Log);
        assert_eq!(ShortcutPage::of_path("/en/config"), ShortcutPage::Config);
        assert_eq!(ShortcutPage::of_path("/fr/config/"), ShortcutPage::Config);
        assert_eq!(ShortcutPage::of_path("/en/docs"), ShortcutPage::Other);
        assert_eq!(
            ShortcutPage::of_path("/en/docs/phases/checkout-code"),
            ShortcutPage::Other
        );
        assert_eq!(
            ShortcutPage::of_path("/nowhere/at/all"),
            ShortcutPage::Other
        );
        assert_eq!(ShortcutPage::of_path("/nowhere"), ShortcutPage::Other);
        assert_eq!(ShortcutPage::of_path("/"), ShortcutPage::Other);
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
