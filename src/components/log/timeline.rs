//! The timeline of phases: one block per phase, coloured by status, wide by duration when known.
//!
//! A log of thousands of phases (a test suite's log repeated, a 100 MB log) shows its first
//! [`TIMELINE_LIMIT`] phases and says how many more the log view holds: a wall of thousands of
//! one-pixel blocks explains nothing, and drawing it cost the page seconds.

use std::sync::Arc;

use leptos::prelude::*;
use pipelens_core::log::LogReport;

use crate::components::common::status_icon::StatusIcon;
use crate::format::{fill, format_count, format_duration};
use crate::i18n::{t, use_lang, Msg};
use crate::state::log::LogState;
use crate::wording::phases::display_title;
use crate::wording::status::status_label;

/// The most phases the timeline draws.
pub(crate) const TIMELINE_LIMIT: usize = 500;

/// The phases in order; clicking one selects it and scrolls the log to it.
#[component]
pub(crate) fn PhaseTimeline(
    /// The parsed log.
    report: Arc<LogReport>,
) -> impl IntoView {
    let state = expect_context::<LogState>();
    let lang = use_lang();
    let total_ms: u64 = report
        .phases
        .iter()
        .filter_map(|phase| phase.duration_ms)
        .sum();
    let items = report
        .phases
        .iter()
        .take(TIMELINE_LIMIT)
        .enumerate()
        .map(|(index, phase)| {
            let raw_title = phase.title.clone();
            let title = move || display_title(&raw_title, index, lang.get());
            let label = title.clone();
            // Phases with a known duration grow with it; the others share a small equal width.
            let grow = match (phase.duration_ms, total_ms) {
                (Some(ms), total) if total > 0 => 1.0 + 20.0 * ms as f64 / total as f64,
                _ => 1.0,
            };
            let duration = phase.duration_ms;
            let status = phase.status;
            view! {
                <li style:flex-grow=grow.to_string()>
                    <button
                        type="button"
                        class=format!("timeline-phase status-{}", status.id())
                        class:is-selected=move || state.selected.get() == Some(index)
                        aria-current=move || (state.selected.get() == Some(index)).then_some("step")
                        data-testid="timeline-phase"
                        data-status=status.id()
                        title=move || format!("{} ({})", label(), status_label(status, lang.get()))
                        on:click=move |_| state.select(index)
                    >
                        <StatusIcon status=status/>
                        <span class="timeline-title">{title}</span>
                        {move || duration.map(|ms| view! { <span class="timeline-duration">{format_duration(ms, lang.get())}</span> })}
                    </button>
                </li>
            }
        })
        .collect_view();
    let hidden = report.phases.len().saturating_sub(TIMELINE_LIMIT);
    view! {
        <nav class="phase-timeline" aria-label=t(Msg::LogTimeline) data-testid="phase-timeline">
            <ol>{items}</ol>
            {(hidden > 0).then(|| view! {
                <p class="timeline-more hint" data-testid="timeline-more">
                    {move || fill(lang.get().text(Msg::LogTimelineMore), &[("count", format_count(hidden, lang.get()))])}
                </p>
            })}
        </nav>
    }
}
