//! The rows both log renderers draw: a phase's header, and one line of the log with its marks.

use std::sync::Arc;

use leptos::prelude::*;
use pipelens_core::log::{LogReport, Phase, PhaseStatus};

use crate::components::common::ansi_text::AnsiText;
use crate::components::common::status_icon::StatusIcon;
use crate::format::{fill, format_duration};
use crate::i18n::{use_lang, Msg};
use crate::state::log::LogState;
use crate::wording::phases::display_title;
use crate::wording::status::kind_label;

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
            <span class="phase-title">{let title = phase.title.clone(); move || display_title(&title, index, lang.get())}</span>
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
