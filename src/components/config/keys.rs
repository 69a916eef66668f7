//! The config page's keys, bound to the actions a click performs: `n`/`p` select the next and previous
//! diagnostic as clicking its row does ([`ConfigState::select_position`]), `j`/`k` the next and previous
//! job or step as clicking its box in the workflow graph does ([`ConfigState::select_part`]).

use leptos::prelude::*;
use pipelens_core::config::PartKind;
use wasm_bindgen::JsCast;

use super::diagnostics::diagnostic_row_id;
use crate::services::keys::{claim_shortcut_page, on_shortcut, step, step_matching, ShortcutPage};
use crate::state::config::ConfigState;

/// The config page's keys: `n`/`p` next and previous diagnostic, `j`/`k` next and previous job or step.
#[component]
pub(crate) fn ConfigKeys() -> impl IntoView {
    let state = expect_context::<ConfigState>();
    claim_shortcut_page(ShortcutPage::Config);
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

/// The row of diagnostic `index` in the diagnostics panel, when it is drawn.
fn diagnostic_row(index: usize) -> Option<web_sys::HtmlElement> {
    document()
        .get_element_by_id(&diagnostic_row_id(index))?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
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
    let focused = document().active_element();
    let current = (0..positions.len())
        .find(|&index| {
            diagnostic_row(index).is_some_and(|row| focused.as_ref() == Some(row.as_ref()))
        })
        .or_else(|| last.get_value())
        .filter(|&index| index < positions.len());
    let Some(index) = step(current, positions.len(), forward) else {
        return;
    };
    last.set_value(Some(index));
    let (line, column) = positions[index];
    state.select_position(line, column);
    if let Some(row) = diagnostic_row(index) {
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
