//! On the log page, under a phase's explanation: the step of the configuration kept in this browser
//! that printed the phase, as a link to that step on the config page. Nothing shows when there is no
//! configuration, or when no job of it produced this log ([`pipelens_core::crosslink`]).

use std::cell::RefCell;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use pipelens_core::config::analyse_config;
use pipelens_core::crosslink::{link_log_to_config, JobLink, Origin};
use pipelens_core::log::LogReport;

use crate::app::site_href;
use crate::components::config_explanation::sentence_view;
use crate::format::fill;
use crate::i18n::{use_lang, Msg};
use crate::preferences;

/// What a link is computed from: the log report's address and a hash of the configuration text.
type PairKey = (usize, u64);

thread_local! {
    /// The last link computed, with the pair it was computed from.
    static LAST: RefCell<Option<(PairKey, Option<Arc<JobLink>>)>> = const { RefCell::new(None) };
}

/// The link between `report` and the configuration draft, computed once per pair.
fn link_with_draft(report: &Arc<LogReport>) -> Option<Arc<JobLink>> {
    let text = preferences::config_draft()?;
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    report.phases.len().hash(&mut hasher);
    let key = (Arc::as_ptr(report) as usize, hasher.finish());
    if let Some(link) = LAST.with_borrow(|last| {
        last.as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, l)| l.clone())
    }) {
        return link;
    }
    let link = link_log_to_config(report, &analyse_config(&text)).map(Arc::new);
    LAST.with_borrow_mut(|last| *last = Some((key, link.clone())));
    link
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
    let href = move || {
        site_href(&format!(
            "/{}/config?line={}&column={}",
            lang.get().code(),
            span.line,
            span.column
        ))
    };
    Some(view! {
        <p class="crosslink">
            <A href=href attr:data-testid="config-link">{sentence}</A>
        </p>
    })
}
