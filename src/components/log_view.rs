//! The log itself, one band per phase with its header and lines, ANSI colours drawn, the first error
//! and the current search match marked.
//!
//! A log of up to [`BAND_MODE_MAX_LINES`] lines is drawn whole, each phase in its own element (what the
//! screenshots show); a longer one is drawn by [`VirtualLog`], which keeps only the rows in view in the
//! page, so that a million-line log costs as many nodes as a short one.

use std::sync::Arc;

use leptos::prelude::*;
use pipelens_core::log::{LogReport, Phase, PhaseStatus};

use crate::components::log_line::AnsiText;
use crate::components::phase_status::{kind_label, StatusIcon};
use crate::components::phase_timeline::display_title;
use crate::components::virtual_log::VirtualLog;
use crate::format::{fill, format_duration};
use crate::i18n::{use_lang, Msg};
use crate::pages::log::{LogState, ScrollTarget};

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

/// Brings a phase or a line of the drawn bands into view.
fn scroll_band_view(target: ScrollTarget) {
    let (selector, block) = match target {
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

/// The header of a phase: status, title, kind, lines, duration, exit code. Clicking it selects the phase.
#[component]
pub(crate) fn PhaseHeader(
    /// The phase.
    phase: Phase,
    /// Its index in the report.
    index: usize,
) -> impl IntoView {
    let state = expect_context::<LogState>();
    let lang = use_lang();
    let (first, last, kind, duration, exit_code) = (
        phase.first_line(),
        phase.last_line(),
        phase.kind,
        phase.duration_ms,
        phase.exit_code,
    );
    view! {
        <button type="button" class="phase-header" on:click=move |_| state.select(index)>
            <StatusIcon status=phase.status/>
            <span class="phase-title">{display_title(&phase.title, index)}</span>
            <span class="phase-meta">
                <span class="phase-kind">{move || kind_label(kind, lang.get())}</span>
                <span class="phase-lines">
                    {move || fill(lang.get().text(Msg::LogPhaseLines), &[("first", first.to_string()), ("last", last.to_string())])}
                </span>
                {move || duration.map(|ms| view! { <span class="phase-duration">{format_duration(ms, lang.get())}</span> })}
                {move || exit_code.map(|code| view! {
                    <span class="phase-exit-code">{fill(lang.get().text(Msg::LogExitCode), &[("code", code.to_string())])}</span>
                })}
            </span>
        </button>
    }
}

/// How a line of the log is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineMark {
    /// An ordinary line.
    Plain,
    /// A line that shows why its phase failed (the evidence of a cause), not the first error.
    Evidence,
    /// The phase's first error line.
    FirstError,
}

impl LineMark {
    /// The mark of line `at` of `phase`.
    pub(crate) fn of(phase: &Phase, at: usize) -> Self {
        if phase.error_line == Some(at) {
            LineMark::FirstError
        } else if phase.status == PhaseStatus::Failed
            && phase
                .causes
                .iter()
                .any(|cause| cause.evidence.contains(&at))
        {
            LineMark::Evidence
        } else {
            LineMark::Plain
        }
    }
}

/// One line of the log: its number and its styled text; marked when it is the phase's first error, a
/// line that shows the cause of its failure, or the current search match.
#[component]
pub(crate) fn LogLineRow(
    /// The parsed log.
    report: Arc<LogReport>,
    /// The line, 0-based.
    at: usize,
    /// How it is marked.
    mark: LineMark,
) -> impl IntoView {
    let state = expect_context::<LogState>();
    let is_error = mark == LineMark::FirstError;
    let testid = match mark {
        LineMark::FirstError => Some("error-line"),
        LineMark::Evidence => Some("evidence-line"),
        LineMark::Plain => None,
    };
    view! {
        <div
            class="log-line"
            class:is-error=is_error
            class:is-evidence=mark == LineMark::Evidence
            class:is-current-match=move || state.current_match.get() == Some(at)
            data-line=at + 1
            data-testid=testid
        >
            <span class="line-number" aria-hidden="true">{at + 1}</span>
            <span class="line-text">
                <AnsiText text=report.lines.text(at).to_owned() spans=report.lines.spans(at).to_vec()/>
            </span>
        </div>
    }
}
