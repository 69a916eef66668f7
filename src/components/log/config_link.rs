//! On the log page, under a phase's explanation: the step of the configuration kept in this browser
//! that printed the phase, as a link to that step on the config page. Nothing shows when there is no
//! configuration, or when no job of it produced this log ([`pipelens_core::crosslink`]).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use pipelens_core::config::analyse_config;
use pipelens_core::crosslink::{link_log_to_config, JobLink, Origin};
use pipelens_core::log::LogReport;

use crate::components::common::sentence::sentence_view;
use crate::format::fill;
use crate::i18n::{use_lang, Msg};
use crate::routes::config_position_href;
use crate::services::drafts::small_draft;
use crate::services::pair_cache::PairCache;
use crate::services::preferences::Draft;

thread_local! {
    /// The last link computed, with the pair it was computed from.
    static LAST: PairCache<LogReport, Option<Arc<JobLink>>> = const { PairCache::new() };
}

/// The link between `report` and the configuration draft, computed once per pair.
fn link_with_draft(report: &Arc<LogReport>) -> Option<Arc<JobLink>> {
    let text = small_draft(Draft::Config)?;
    LAST.with(|last| {
        last.get(report, &text, report.phases.len(), |text| {
            link_log_to_config(report, &analyse_config(text)).map(Arc::new)
        })
    })
}

/// "Produced by step N of job `x` in your config (line L)", linking to that step.
#[component]
pub(crate) fn ConfigLink(
    /// The parsed log.
    report: Arc<LogReport>,
    /// The phase (index into the report's phases).
    phase: usize,
) -> impl IntoView {
    let lang = use_lang();
    let link = link_with_draft(&report)?;
    let origin = (*link.phases.get(phase)?)?;
    let span = origin.span();
    let job = link.job.clone();
    let sentence = move || {
        let lang = lang.get();
        let (msg, step) = match origin {
            Origin::Step { index, .. } => (Msg::CrosslinkProducedBy, index + 1),
            Origin::Job { .. } => (Msg::CrosslinkProducedByJob, 0),
        };
        let text = fill(
            lang.text(msg),
            &[
                ("step", step.to_string()),
                ("job", job.clone()),
                ("line", span.line.to_string()),
            ],
        );
        sentence_view(&text)
    };
    let href = move || config_position_href(lang.get(), span.line, span.column);
    Some(view! {
        <p class="crosslink">
            <A href=href attr:data-testid="config-link">{sentence}</A>
        </p>
    })
}
