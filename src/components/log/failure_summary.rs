//! The failure summary at the top of a failed log: the step that failed first, why (each cause in one
//! sentence, linked to the page that says how to fix it), the line to read with a button that jumps
//! to it, the failing tests, and "Copy as Markdown" for an issue or a pull request, secrets masked.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use pipelens_core::log::LogReport;
use pipelens_core::text::excerpt;

use crate::format::fill;
use crate::i18n::{t, use_lang, Msg};
use crate::report::failure_report::failure_markdown;
use crate::report::log_report::{log_text, ReportContext};
use crate::report::redact::Redaction;
use crate::routes::{config_href, doc_href};
use crate::state::log::{LogState, ScrollTarget};
use crate::wording::phases::display_title;

/// The most failing tests listed; the log holds the rest.
const TESTS_SHOWN: usize = 10;

/// What the copy button last did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CopyStatus {
    Idle,
    Copied,
    Refused,
}

/// The summary, when a phase of `report` failed.
#[component]
pub(crate) fn FailureSummary(
    /// The parsed log.
    report: Arc<LogReport>,
) -> impl IntoView {
    let state = expect_context::<LogState>();
    let lang = use_lang();
    let Some(failure) = report.failure() else {
        return ().into_any();
    };
    let phase_index = failure.phase;
    let phase = &report.phases[phase_index];
    let title = phase.title.clone();
    let (no_job_ran, inferred, exit_code, line_is_a_guess) = (
        failure.no_job_ran,
        failure.inferred,
        failure.exit_code,
        failure.line_is_a_guess,
    );
    let causes: Vec<_> = failure
        .causes
        .iter()
        .map(|cause| (*cause).clone())
        .collect();
    let line = failure.line;
    let line_text = line.map(|at| excerpt(report.lines.text(at)).into_owned());
    let tests: Vec<String> = failure
        .tests
        .iter()
        .map(|test| (*test).to_owned())
        .collect();
    let copy_status = RwSignal::new(CopyStatus::Idle);
    let fallback = RwSignal::new(None::<String>);

    let jump = move |at: usize| {
        state.select(phase_index);
        state.current_match.set(Some(at));
        state.scroll_request.set(Some(ScrollTarget::Line(at)));
    };
    let where_it_failed = move || {
        let lang = lang.get();
        if no_job_ran {
            lang.text(Msg::FailureNoJobRan).to_owned()
        } else {
            fill(
                lang.text(Msg::FailureFailedAt),
                &[
                    ("number", (phase_index + 1).to_string()),
                    ("title", display_title(&title, phase_index, lang)),
                ],
            )
        }
    };
    let cause_items = causes
        .iter()
        .map(|cause| {
            let cause = cause.clone();
            let id = cause.id;
            view! {
                <li data-testid="failure-cause" data-cause=id.id()>
                    <span class="failure-sentence">{move || cause.summary(lang.get().core())}</span>
                    " "
                    <A href=move || doc_href(lang.get(), id.doc(), "")
                        attr:class="failure-fix" attr:data-testid="failure-fix">
                        {t(Msg::FailureHowToFix)}
                    </A>
                </li>
            }
        })
        .collect_view();
    let has_causes = !causes.is_empty();
    let evidence = line.zip(line_text).map(|(at, text)| {
        view! {
            <div class="failure-evidence">
                <h3>{t(Msg::FailureEvidence)}</h3>
                <pre data-testid="failure-line" data-line=at + 1><code>{text}</code></pre>
                <button type="button" class="link-button" data-testid="failure-jump" on:click=move |_| jump(at)>
                    {move || fill(lang.get().text(Msg::FailureGoToLine), &[("line", (at + 1).to_string())])}
                </button>
            </div>
        }
    });
    let hidden_tests = tests.len().saturating_sub(TESTS_SHOWN);
    let test_list = (!tests.is_empty()).then(|| {
        let items = tests
            .iter()
            .take(TESTS_SHOWN)
            .map(|test| view! { <li><code>{test.clone()}</code></li> })
            .collect_view();
        view! {
            <div class="failure-tests">
                <h3>{t(Msg::FailureTests)}</h3>
                <ul data-testid="failure-tests">{items}</ul>
                {(hidden_tests > 0).then(|| view! {
                    <p class="hint">{move || fill(lang.get().text(Msg::FailureTestsMore), &[("count", hidden_tests.to_string())])}</p>
                })}
            </div>
        }
    });
    let config_link = no_job_ran.then(|| {
        view! {
            <p><A href=move || config_href(lang.get()) attr:data-testid="failure-open-config">
                {t(Msg::FailureOpenConfig)}
            </A></p>
        }
    });
    let copy = {
        let report = report.clone();
        move |_| {
            let lang_now = lang.get_untracked();
            let redaction = Redaction::new(&log_text(&report), true);
            let site = document().base_uri().ok().flatten().unwrap_or_default();
            let context = ReportContext {
                lang: lang_now,
                docs: None,
                site_url: &site,
            };
            let Some(markdown) = failure_markdown(&report, context, &redaction) else {
                return;
            };
            spawn_local(async move {
                let copied = crate::services::clipboard::copy_text(&markdown).await;
                if copy_status.is_disposed() {
                    return;
                }
                if copied {
                    copy_status.set(CopyStatus::Copied);
                    fallback.set(None);
                } else {
                    copy_status.set(CopyStatus::Refused);
                    fallback.set(Some(markdown));
                }
            });
        }
    };
    view! {
        <section class="failure-summary status-failed" data-testid="failure-summary" aria-labelledby="failure-heading">
            <h2 id="failure-heading">{t(Msg::FailureHeading)}</h2>
            <p class="failure-where" data-testid="failure-where">
                <strong>{where_it_failed}</strong>
                {exit_code.map(|code| view! {
                    " · "
                    <span data-testid="failure-exit-code">{move || fill(lang.get().text(Msg::FailureExitCode), &[("code", code.to_string())])}</span>
                })}
            </p>
            {inferred.then(|| view! { <p class="hint" data-testid="failure-inferred">{t(Msg::FailureInferred)}</p> })}
            {if has_causes {
                view! {
                    <h3>{t(Msg::FailureWhy)}</h3>
                    <ul class="failure-causes">{cause_items}</ul>
                }.into_any()
            } else {
                // With no line that looks like an error, the line shown is only where the step ended.
                let no_cause = if line_is_a_guess { Msg::FailureNoCauseGuess } else { Msg::FailureNoCause };
                view! { <p data-testid="failure-no-cause">{t(no_cause)}</p> }.into_any()
            }}
            {evidence}
            {test_list}
            {config_link}
            <div class="failure-copy">
                <button type="button" class="secondary" data-testid="failure-copy" on:click=copy>
                    {t(Msg::FailureCopyMarkdown)}
                </button>
                <span class="hint">{t(Msg::FailureSecretsMasked)}</span>
                <span class="hint" role="status" data-testid="failure-copy-status">
                    {move || match copy_status.get() {
                        CopyStatus::Idle => "",
                        CopyStatus::Copied => lang.get().text(Msg::FailureCopied),
                        CopyStatus::Refused => lang.get().text(Msg::FailureCopyFailed),
                    }}
                </span>
                {move || fallback.get().map(|markdown| view! {
                    <textarea class="failure-markdown" readonly rows="8" data-testid="failure-markdown">{markdown}</textarea>
                })}
            </div>
        </section>
    }
    .into_any()
}
