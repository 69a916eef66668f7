//! The log itself, one band per phase with its header and lines, ANSI colours drawn, the first error
//! and the current search match marked.
//!
//! A log of up to [`BAND_MODE_MAX_LINES`] lines is drawn whole, each phase in its own element (what the
//! screenshots show); a longer one is drawn by [`VirtualLog`], which keeps only the rows in view in the
//! page, so that a million-line log costs as many nodes as a short one.

use std::sync::Arc;

use leptos::prelude::*;
use pipelens_core::log::{LogReport, Phase};

use super::rows::{LineMark, LogLineRow, PhaseHeader};
use super::virtual_log::VirtualLog;
use crate::state::log::{LogState, ScrollTarget};

/// Logs longer than this are drawn by the virtual view.
pub(crate) const BAND_MODE_MAX_LINES: usize = 2_000;

/// The log, drawn whole or virtually depending on its length.
#[component]
pub(crate) fn LogView(
    /// The parsed log.
    report: Arc<LogReport>,
) -> impl IntoView {
    if report.lines.len() > BAND_MODE_MAX_LINES {
        return view! { <VirtualLog report=report/> }.into_any();
    }
    let state = expect_context::<LogState>();
    Effect::new(move |_| {
        if let Some(target) = state.scroll_request.get() {
            request_animation_frame(move || scroll_band_view(target));
        }
    });
    let bands = (0..report.phases.len())
        .map(|index| view! { <PhaseBand report=report.clone() index=index/> })
        .collect_view();
    view! { <div class="log-view" data-testid="log-view" data-mode="bands">{bands}</div> }
        .into_any()
}

/// Whether the log and the explanation are in one column (a phone, a narrow window): the explanation
/// comes first there (`style/log.css`), and choosing a phase shows its explanation rather than its lines.
pub(crate) fn one_column() -> bool {
    window()
        .match_media("(max-width: 900px)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// Brings a phase or a line of the drawn bands into view; in one column, a phase's explanation.
fn scroll_band_view(target: ScrollTarget) {
    let (selector, block) = match target {
        ScrollTarget::Phase(_) if one_column() => (
            "[data-testid=phase-explanation]".to_owned(),
            web_sys::ScrollLogicalPosition::Start,
        ),
        ScrollTarget::Phase(index) => (
            format!("#phase-{}", index + 1),
            web_sys::ScrollLogicalPosition::Start,
        ),
        ScrollTarget::Line(line) => (
            format!(".log-line[data-line=\"{}\"]", line + 1),
            web_sys::ScrollLogicalPosition::Center,
        ),
    };
    if let Ok(Some(element)) = document().query_selector(&selector) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(block);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// One phase: its header (status, title, kind, lines, duration, exit code) and its lines.
#[component]
fn PhaseBand(
    /// The parsed log.
    report: Arc<LogReport>,
    /// Which phase of it.
    index: usize,
) -> impl IntoView {
    let state = expect_context::<LogState>();
    let phase: &Phase = &report.phases[index];
    let status = phase.status;
    let lines = phase
        .lines
        .clone()
        .map(|at| {
            let mark = LineMark::of(phase, at);
            view! { <LogLineRow report=report.clone() at=at mark=mark/> }
        })
        .collect_view();
    view! {
        <section
            id=format!("phase-{}", index + 1)
            class=format!("phase-band status-{}", status.id())
            class:is-selected=move || state.selected.get() == Some(index)
            data-testid="phase-band"
            data-doc=phase.doc.unwrap_or_default()
            data-title=phase.title.clone()
            data-status=status.id()
            data-kind=phase.kind.id()
        >
            <PhaseHeader phase=phase.clone() index=index/>
            <div class="phase-lines-body" role="log" tabindex="0">{lines}</div>
        </section>
    }
}
