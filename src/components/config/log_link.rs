//! On the config page, under a step's explanation: the phases of the log kept in this browser that the
//! step printed, each a link to that phase on the log page. Nothing shows when there is no log, or when
//! no job of the configuration produced it ([`pipelens_core::crosslink`]).

use std::sync::Arc;

use leptos::prelude::*;
use pipelens_core::config::{Part, PartKind};
use pipelens_core::crosslink::{link_log_to_config, JobLink};
use pipelens_core::log::{parse_log, LogReport};

use crate::format::fill;
use crate::i18n::{use_lang, Msg};
use crate::routes::phase_href;
use crate::services::drafts::small_draft;
use crate::services::pair_cache::PairCache;
use crate::services::preferences::Draft;
use crate::state::config::{Analysis, ConfigState};
use crate::wording::phases::display_title;

/// A log draft with the job of the configuration that produced it.
type Linked = Option<(Arc<LogReport>, Arc<JobLink>)>;

thread_local! {
    /// The last link computed, with the pair it was computed from.
    static LAST: PairCache<Analysis, Linked> = const { PairCache::new() };
}

/// The log draft and its link with the analysed configuration, computed once per pair.
fn link_with_draft(analysis: &Arc<Analysis>) -> Linked {
    let text = small_draft(Draft::Log)?;
    LAST.with(|last| {
        last.get(analysis, &text, analysis.generation, |text| {
            let log = parse_log(text);
            link_log_to_config(&log, &analysis.report).map(|link| (Arc::new(log), Arc::new(link)))
        })
    })
}

/// "See it in your log: phase N · Title" for each phase the step printed.
#[component]
pub(crate) fn LogLink(
    /// The part explained; only a step gets links.
    part: Part,
) -> impl IntoView {
    let state = expect_context::<ConfigState>();
    let lang = use_lang();
    if part.kind != PartKind::Step {
        return None;
    }
    let analysis = state.analysis.get_untracked()?;
    let (log, link) = link_with_draft(&analysis)?;
    let phases = link.phases_at(part.span);
    if phases.is_empty() {
        return None;
    }
    let items = phases
        .into_iter()
        .map(|phase| {
            let title = log
                .phases
                .get(phase)
                .map(|p| display_title(&p.title, phase, lang.get_untracked()))
                .unwrap_or_default();
            let text = move || {
                fill(
                    lang.get().text(Msg::CrosslinkSeeInLog),
                    &[("phase", (phase + 1).to_string()), ("title", title.clone())],
                )
            };
            let href = move || phase_href(lang.get(), phase);
            // A full load: the log page reads the phase from the address when it opens.
            view! { <li><a href=href rel="external" data-testid="log-link">{text}</a></li> }
        })
        .collect_view();
    Some(view! { <ul class="crosslink">{items}</ul> })
}
