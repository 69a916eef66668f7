//! The explanation of the selected phase, beside the log: what the log says about it (its facts) and
//! the documentation page that explains it, in the current language.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use pipelens_core::log::{LogReport, PhaseStatus};

use crate::components::common::status_icon::StatusIcon;
use crate::components::log::phase_causes::PhaseCauses;
use crate::format::fill;
use crate::i18n::{t, use_lang, Msg};
use crate::routes::doc_href;
use crate::services::content::{fetch_doc_html, ContentError};
use crate::state::log::{LogState, ScrollTarget};
use crate::wording::facts::fact_label;
use crate::wording::phases::display_title;
use crate::wording::status::{kind_label, status_label};

/// The panel beside the log.
#[component]
pub(crate) fn PhaseExplanation(
    /// The parsed log.
    report: Arc<LogReport>,
) -> impl IntoView {
    let state = expect_context::<LogState>();
    let lang = use_lang();
    let doc_of_selected = {
        let report = report.clone();
        move || {
            state
                .selected
                .get()
                .and_then(|index| report.phases.get(index))
                .and_then(|phase| phase.doc)
        }
    };
    let doc_html = LocalResource::new(move || {
        let doc = doc_of_selected();
        let lang = lang.get();
        async move {
            match doc {
                Some(doc) => Some(fetch_doc_html(lang, doc.to_owned()).await),
                None => None,
            }
        }
    });

    let body = move || {
        let Some(index) = state.selected.get() else {
            return view! { <p class="hint">{t(Msg::LogSelectPhase)}</p> }.into_any();
        };
        let Some(phase) = report.phases.get(index) else {
            return ().into_any();
        };
        let lang_now = lang.get();
        let status = phase.status;
        let facts = phase
            .facts
            .iter()
            .map(|fact| {
                let label = fact_label(fact.kind, lang_now);
                view! {
                    <tr data-testid="phase-fact" data-fact=fact.kind.id()>
                        <th scope="row">{label}</th>
                        <td><code>{fact.value.clone()}</code></td>
                    </tr>
                }
            })
            .collect_view();
        let has_facts = !phase.facts.is_empty();
        // With no line that looks like an error, the line shown is where the step ended, and says so.
        let (heading, jump) = if phase.error_line_is_a_guess() {
            (Msg::LogLastOutput, Msg::LogJumpToLastOutput)
        } else {
            (Msg::LogFirstError, Msg::LogJumpToError)
        };
        let error = phase.error_line.map(|line| {
            let text = report.lines.text(line).to_owned();
            view! {
                <div class="first-error" data-testid="first-error">
                    <h3>{t(heading)}</h3>
                    <pre><code>{text}</code></pre>
                    <button type="button" class="link-button" data-testid="jump-to-error" on:click=move |_| {
                        state.current_match.set(Some(line));
                        state.scroll_request.set(Some(ScrollTarget::Line(line)));
                    }>{t(jump)}</button>
                </div>
            }
        });
        let doc_link = phase.doc.map(|doc| {
            view! {
                <A href=move || doc_href(lang.get(), doc, "") attr:data-testid="phase-doc-link">
                    {t(Msg::LogReadMore)}
                </A>
            }
        });
        let exit_code = phase.exit_code.map(|code| {
            fill(
                lang_now.text(Msg::LogExitCode),
                &[("code", code.to_string())],
            )
        });
        let has_causes = !phase.causes.is_empty() || status == PhaseStatus::Failed;
        view! {
            <header class="explanation-header">
                <StatusIcon status=status/>
                <h2 data-testid="explanation-title">{display_title(&phase.title, index, lang_now)}</h2>
                <p class="explanation-meta">
                    {kind_label(phase.kind, lang_now)} " · " {status_label(status, lang_now)}
                    {exit_code.map(|code| view! { " · " {code} })}
                </p>
            </header>
            <PhaseCauses report=report.clone() index=index/>
            {error}
            <h3>{t(Msg::LogFacts)}</h3>
            {if has_facts {
                view! { <table class="facts"><tbody>{facts}</tbody></table> }.into_any()
            } else {
                view! { <p class="hint">{t(Msg::LogNoFacts)}</p> }.into_any()
            }}
            {has_causes.then(|| view! { <h3 class="step-doc-heading">{t(Msg::CausesWhatTheStepDoes)}</h3> })}
            <div class="doc-explanation" data-testid="phase-doc">
                {move || match doc_html.get() {
                    None => view! { <p class="hint">{t(Msg::LogDocLoading)}</p> }.into_any(),
                    Some(None) => view! { <p class="hint">{t(Msg::LogNoDoc)}</p> }.into_any(),
                    Some(Some(Ok(html))) => view! { <div class="doc-body" inner_html=html.to_string()></div> }.into_any(),
                    Some(Some(Err(ContentError::NotFound | ContentError::Failed(_)))) => {
                        view! { <p class="notice warning">{t(Msg::LogDocFailed)}</p> }.into_any()
                    }
                }}
            </div>
            {doc_link}
            <crate::components::log::export::LogExportMenu report=report.clone() phase=index/>
            <crate::components::log::config_link::ConfigLink report=report.clone() phase=index/>
        }
        .into_any()
    };
    view! {
        <aside class="phase-explanation" aria-label=t(Msg::LogExplanation) data-testid="phase-explanation">
            {body}
        </aside>
    }
}
