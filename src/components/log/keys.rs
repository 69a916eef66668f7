//! The log page's keys, bound to the actions a click performs: `j`/`k` select the next and previous
//! phase, `n`/`p` the next and previous failed one ([`LogState::select`]).

use leptos::prelude::*;
use pipelens_core::log::PhaseStatus;

use crate::services::keys::{claim_shortcut_page, on_shortcut, step_matching, ShortcutPage};
use crate::state::log::LogState;

/// The log page's keys: `j`/`k` next and previous phase, `n`/`p` next and previous failed phase.
#[component]
pub(crate) fn LogKeys() -> impl IntoView {
    let state = expect_context::<LogState>();
    claim_shortcut_page(ShortcutPage::Log);
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
