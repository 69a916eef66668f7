//! The log excerpt of a tour stop: the phase's header and its lines, coloured as in the log explainer.

use std::sync::Arc;

use leptos::prelude::*;
use pipelens_core::log::LogReport;

use crate::components::common::ansi_text::AnsiText;
use crate::components::common::status_icon::StatusIcon;
use crate::format::fill;
use crate::i18n::{t, use_lang, Msg};
use crate::wording::phases::display_title;
use crate::wording::status::{kind_label, status_label};

/// One phase of the log, whole.
#[component]
pub(crate) fn TourLog(
    /// The parsed log.
    report: Arc<LogReport>,
    /// The phase shown (index into the report's phases).
    index: usize,
) -> impl IntoView {
    let lang = use_lang();
    let Some(phase) = report.phases.get(index).cloned() else {
        return ().into_any();
    };
    let (first, last, kind, status) = (
        phase.first_line(),
        phase.last_line(),
        phase.kind,
        phase.status,
    );
    let lines = phase
        .lines
        .clone()
        .map(|at| {
            view! {
                <div class="log-line" data-line=at + 1>
                    <span class="line-number" aria-hidden="true">{at + 1}</span>
                    <span class="line-text">
                        <AnsiText text=report.lines.text(at).to_owned() spans=report.lines.spans(at).to_vec()/>
                    </span>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="tour-panel tour-log" data-testid="tour-log" aria-labelledby="tour-log-title">
            <h2 id="tour-log-title">{t(Msg::TourLogHeading)}</h2>
            <p class="tour-phase-title">
                <StatusIcon status=status/>
                " "
                <strong data-testid="tour-phase-title">{let title = phase.title.clone(); move || display_title(&title, index, lang.get())}</strong>
                <span class="tour-muted">
                    " · " {move || kind_label(kind, lang.get())}
                    " · " {move || status_label(status, lang.get())}
                    " · " {move || fill(lang.get().text(Msg::TourLogLines), &[("first", first.to_string()), ("last", last.to_string())])}
                </span>
            </p>
            <div class="tour-log-lines" tabindex="0">{lines}</div>
        </section>
    }
    .into_any()
}
