//! Why the selected phase failed and how to fix it: each cause in one sentence, the lines that show it
//! (a click jumps to each), what it read in them, then the page of the most specific cause, rendered.
//! A phase that did not fail shows the lines worth knowing about instead (a cache miss).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use pipelens_core::log::causes::{Cause, Level};
use pipelens_core::log::{LogReport, PhaseStatus};
use pipelens_core::text::excerpt;

use crate::i18n::{t, use_lang, Msg};
use crate::routes::doc_href;
use crate::services::content::{fetch_doc_html, ContentError};
use crate::state::log::{LogState, ScrollTarget};
use crate::wording::causes::{arg_label, cause_sentence};

/// The causes of phase `index`, with the page of the first one.
#[component]
pub(crate) fn PhaseCauses(
    /// The parsed log.
    report: Arc<LogReport>,
    /// The phase (index into the report's phases).
    index: usize,
) -> impl IntoView {
    let lang = use_lang();
    let phase = &report.phases[index];
    let failed = phase.status == PhaseStatus::Failed;
    let failures: Vec<Cause> = phase
        .causes
        .iter()
        .filter(|cause| cause.id.level() == Level::Failure)
        .cloned()
        .collect();
    let notices: Vec<Cause> = phase
        .causes
        .iter()
        .filter(|cause| cause.id.level() == Level::Notice)
        .cloned()
        .collect();
    let first_page = failures.first().map(|cause| cause.id.doc());
    let page = LocalResource::new(move || {
        let lang = lang.get();
        async move {
            match first_page {
                Some(doc) => Some(fetch_doc_html(lang, doc.to_owned()).await),
                None => None,
            }
        }
    });
    let why = if failed && failures.is_empty() {
        Some(
            view! { <p class="hint" data-testid="causes-none">{t(Msg::CausesNoCause)}</p> }
                .into_any(),
        )
    } else if failed {
        let items = failures
            .iter()
            .map(|cause| view! { <CauseItem report=report.clone() cause=cause.clone()/> })
            .collect_view();
        Some(
            view! {
                <section class="phase-causes" data-testid="phase-causes">
                    <h3>{t(Msg::CausesWhyItFailed)}</h3>
                    <ul class="cause-list">{items}</ul>
                    <h3>{t(Msg::CausesHowToFix)}</h3>
                    <div class="doc-explanation cause-page" data-testid="cause-page">
                        {move || match page.get() {
                            None => view! { <p class="hint">{t(Msg::CausesPageLoading)}</p> }.into_any(),
                            Some(None) => ().into_any(),
                            Some(Some(Ok(html))) => view! { <div class="doc-body" inner_html=html.to_string()></div> }.into_any(),
                            Some(Some(Err(ContentError::NotFound | ContentError::Failed(_)))) => {
                                view! { <p class="notice warning">{t(Msg::CausesPageFailed)}</p> }.into_any()
                            }
                        }}
                    </div>
                    {first_page.map(|doc| view! {
                        <A href=move || doc_href(lang.get(), doc, "") attr:data-testid="cause-doc-link">
                            {t(Msg::CausesReadPage)}
                        </A>
                    })}
                </section>
            }
            .into_any(),
        )
    } else {
        None
    };
    let worth_knowing = (!notices.is_empty()).then(|| {
        let items = notices
            .iter()
            .map(|cause| view! { <CauseItem report=report.clone() cause=cause.clone()/> })
            .collect_view();
        view! {
            <section class="phase-notices" data-testid="phase-notices">
                <h3>{t(Msg::CausesWorthKnowing)}</h3>
                <ul class="cause-list">{items}</ul>
            </section>
        }
    });
    view! { {why} {worth_knowing} }
}

/// One cause: its sentence, a link to its page, the lines that show it and what it read in them.
#[component]
fn CauseItem(
    /// The parsed log.
    report: Arc<LogReport>,
    /// The cause.
    cause: Cause,
) -> impl IntoView {
    let state = expect_context::<LogState>();
    let lang = use_lang();
    let id = cause.id;
    let evidence = cause
        .evidence
        .iter()
        .map(|&at| {
            let text = excerpt(report.lines.text(at)).into_owned();
            view! {
                <li>
                    <button type="button" class="evidence-line" data-testid="cause-evidence" data-line=at + 1
                        on:click=move |_| {
                            state.current_match.set(Some(at));
                            state.scroll_request.set(Some(ScrollTarget::Line(at)));
                        }>
                        <span class="line-number">{at + 1}</span>
                        <code>{text}</code>
                    </button>
                </li>
            }
        })
        .collect_view();
    let args = cause
        .args
        .iter()
        .map(|arg| {
            let (name, value) = (arg.name, arg.value.clone());
            view! {
                <tr data-arg=name.id()>
                    <th scope="row">{move || arg_label(name, lang.get())}</th>
                    <td><code>{value}</code></td>
                </tr>
            }
        })
        .collect_view();
    let has_args = !cause.args.is_empty();
    let sentence = cause.clone();
    view! {
        <li class="cause" data-testid="cause" data-cause=id.id()>
            <p class="cause-sentence">
                {move || cause_sentence(&sentence, lang.get())}
                " "
                <A href=move || doc_href(lang.get(), id.doc(), "")>{t(Msg::CausesReadPage)}</A>
            </p>
            <details class="cause-details" open=true>
                <summary>{t(Msg::CausesEvidence)}</summary>
                <ul class="evidence-lines">{evidence}</ul>
                {has_args.then(|| view! { <table class="facts cause-args"><tbody>{args}</tbody></table> })}
            </details>
        </li>
    }
}
