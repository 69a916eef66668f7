//! The log explainer: paste a CircleCI build log, see its phases, each highlighted and explained.
//!
//! 1. The text lives in the editor ([`LogInput`]) and in this browser's storage as a draft; it is never
//!    cleared by an error.
//! 2. A short pause after the last change, the core parses it ([`pipelens_core::log::parse_log`]).
//! 3. The report is drawn three ways: the timeline of phases, the log in one band per phase, and the
//!    explanation of the selected phase. The selected phase is in the URL (`#phase-3`).

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use pipelens_core::log::{LogReport, PhaseStatus};

use crate::components::common::draft_notice::DraftNotice;
use crate::components::common::secrets_notice::SecretsNotice;
use crate::components::log::failure_summary::FailureSummary;
use crate::components::log::input::{LogInput, EDITABLE_BYTES};
use crate::components::log::notes::LogNotes;
use crate::components::log::phase_explanation::PhaseExplanation;
use crate::components::log::search::LogSearch;
use crate::components::log::timeline::PhaseTimeline;
use crate::components::log::view::LogView;
use crate::i18n::{t, Msg};
use crate::routes::base_path;
use crate::samples::SEED_LOG;
use crate::services::drafts::{small_draft, DraftKeeper};
use crate::services::page_meta::name_page;
use crate::services::preferences::Draft;
use crate::services::prerendered::page_ready_after_render;
use crate::state::handoff::Handoff;
use crate::state::log::LogState;

/// How long the page waits after the last keystroke before parsing.
const PARSE_DELAY: Duration = Duration::from_millis(120);

/// The log explainer page (the home page of each language).
#[component]
pub(crate) fn LogPage() -> impl IntoView {
    name_page(Msg::LogTitle, Msg::LogIntro);
    page_ready_after_render();
    let query = use_query_map();
    let wants_example = query
        .read_untracked()
        .get("example")
        .is_some_and(|name| name == "seed");
    let handed = use_context::<Handoff>().and_then(|handoff| handoff.take(Draft::Log));
    let keeper = DraftKeeper::new(Draft::Log);
    let from_elsewhere = wants_example || handed.is_some();
    let initial = if wants_example {
        SEED_LOG.to_owned()
    } else {
        handed
            .or_else(|| small_draft(Draft::Log))
            .unwrap_or_default()
    };
    let state = LogState {
        text: RwSignal::new(initial),
        report: RwSignal::new(None),
        selected: RwSignal::new(None),
        scroll_request: RwSignal::new(None),
        current_match: RwSignal::new(None),
        worker_secrets: RwSignal::new(None),
    };
    provide_context(state);
    if !from_elsewhere && state.text.with_untracked(String::is_empty) {
        // A draft too large for `localStorage` comes from IndexedDB, unless the reader typed first.
        keeper.restore_large(move |text| {
            if state.text.try_with_untracked(String::is_empty) == Some(true) {
                state.text.set(text);
            }
        });
    }
    crate::components::share::restore::restore_log_link(state.text);
    let parser = crate::services::log_worker::LogParser::provide(state.text, state.worker_secrets);

    // The phase named in the URL when the page opened, selected once the log is parsed.
    let pending_selection = StoredValue::new(phase_in_hash());
    let pending_timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        // The text is read, not copied: a pasted log can be 100 MB.
        let large = state.text.with(|text| text.len() > EDITABLE_BYTES);
        if let Some(timer) = pending_timer.get_value() {
            timer.clear();
        }
        // A newer text makes the parse still running useless, and the secrets found in the old one;
        // a large text is never typed, so the report of the old one goes at once (it would describe
        // another text for the second the worker takes).
        parser.stop();
        state.worker_secrets.set(None);
        if large {
            state.report.set(None);
        }
        let parse = move || {
            // The reader may have left the page before the pause ended.
            if state.report.is_disposed() {
                return;
            }
            state.text.with_untracked(|text| keeper.save(text));
            // Shows the report: now for a small log, when the worker delivers it for a large one.
            let show = move |report: Option<LogReport>| {
                if state.report.is_disposed() {
                    return;
                }
                let report = report.map(Arc::new);
                let phases = report.as_ref().map_or(0, |report| report.phases.len());
                let first_failed = report.as_ref().and_then(|report| {
                    report
                        .phases
                        .iter()
                        .position(|phase| phase.status == PhaseStatus::Failed)
                });
                state.report.set(report);
                match pending_selection.try_update_value(Option::take).flatten() {
                    Some(index) if index < phases => state.select(index),
                    _ => {
                        let current = state
                            .selected
                            .get_untracked()
                            .filter(|&index| index < phases);
                        match (current, first_failed) {
                            // A new log opens on its first failure: that is what the reader came for.
                            (None, Some(index)) => state.select(index),
                            (current, _) => state.selected.set(current),
                        }
                    }
                }
            };
            if state.text.with_untracked(String::is_empty) {
                show(None);
            } else {
                parser.parse(move |report| show(Some(report)));
            }
        };
        pending_timer.set_value(set_timeout_with_handle(parse, PARSE_DELAY).ok());
    });

    name_selection_in_address(state);

    view! {
        <section class="tool-page log-page" data-testid="log-page">
            <h1>{t(Msg::LogTitle)}</h1>
            <crate::components::log::keys::LogKeys/>
            <p class="intro">{t(Msg::LogIntro)}</p>
            <LogInput/>
            <DraftNotice keeper=keeper text=state.text/>
            <SecretsNotice text=state.text found_elsewhere=state.worker_secrets/>
            <crate::components::share::panel::ShareLogLink/>
            <LogNotes/>
            <LogSearch/>
            <crate::components::log::parse_progress::ParseProgress/>
            {move || match state.report.get() {
                Some(report) if !report.phases.is_empty() => view! {
                    <FailureSummary report=report.clone()/>
                    <PhaseTimeline report=report.clone()/>
                    <div class="log-result">
                        <LogView report=report.clone()/>
                        <PhaseExplanation report=report/>
                    </div>
                }
                .into_any(),
                _ => view! { <p class="log-empty" data-testid="log-empty">{t(Msg::LogEmpty)}</p> }.into_any(),
            }}
        </section>
    }
}

/// Keeps the selected phase in the address (`#phase-3`), replacing the history entry, so that a link or a
/// reload opens it again.
fn name_selection_in_address(state: LogState) {
    let navigate = use_navigate();
    let location = use_location();
    Effect::new(move |_| {
        let Some(index) = state.selected.get() else {
            return;
        };
        let hash = format!("#phase-{}", index + 1);
        if location.hash.get_untracked() == hash {
            return;
        }
        let path = location.pathname.get_untracked();
        let in_app = path
            .strip_prefix(base_path().as_str())
            .unwrap_or(&path)
            .to_owned();
        let search = location.search.get_untracked();
        let search = if search.is_empty() || search.starts_with('?') {
            search
        } else {
            format!("?{search}")
        };
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&format!("{in_app}{search}{hash}"), options);
    });
}

/// The phase named by `#phase-N` in the address, as an index.
fn phase_in_hash() -> Option<usize> {
    let hash = window().location().hash().ok()?;
    let number: usize = hash.strip_prefix("#phase-")?.parse().ok()?;
    number.checked_sub(1)
}
