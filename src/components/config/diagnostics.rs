//! The findings of the checks, one row each: severity, place, message, how to fix it and the rule's
//! page. Clicking a row shows its line in the text.

use leptos::prelude::*;
use leptos_router::components::A;
use pipelens_core::config::Severity;

use crate::format::fill;
use crate::i18n::{t, use_lang, Msg};
use crate::routes::doc_href;
use crate::state::config::ConfigState;

/// The label, icon and CSS class of a severity.
fn severity_look(severity: Severity) -> (Msg, &'static str, &'static str) {
    match severity {
        Severity::Error => (Msg::ConfigSeverityError, "✖", "is-error"),
        Severity::Warning => (Msg::ConfigSeverityWarning, "▲", "is-warning"),
        Severity::Info => (Msg::ConfigSeverityInfo, "ℹ", "is-info"),
    }
}

/// The diagnostics panel.
#[component]
pub(crate) fn ConfigDiagnostics() -> impl IntoView {
    let state = expect_context::<ConfigState>();
    let lang = use_lang();
    let rows = move || {
        let lang = lang.get();
        state.analysis.with(|analysis| {
            let Some(analysis) = analysis.as_ref() else {
                return Vec::new();
            };
            analysis
                .report
                .diagnostics
                .iter()
                .enumerate()
                .map(|(index, diagnostic)| {
                    let (label, icon, class) = severity_look(diagnostic.severity);
                    let span = diagnostic.span;
                    let rule: &'static str = diagnostic.rule;
                    let (line, column) = (span.line, span.column);
                    let position = fill(
                        lang.text(Msg::ConfigDiagnosticsPosition),
                        &[("line", &line.to_string()), ("column", &column.to_string())],
                    );
                    let message = diagnostic.text(lang.core());
                    let hint = diagnostic.hint(lang.core());
                    let fix = diagnostic.fix().map(|fix| view! { <FixToCopy fix=fix/> });
                    let href = doc_href(lang, diagnostic.doc, "");
                    let activate = move || state.select_position(line, column);
                    view! {
                        <li
                            id=diagnostic_row_id(index)
                            class=format!("config-diagnostic {class}")
                            data-testid="diagnostic"
                            data-rule=rule
                            data-line=line
                            tabindex="0"
                            on:click=move |_| activate()
                            on:keydown=move |event| {
                                if event.key() == "Enter" {
                                    activate();
                                }
                            }
                        >
                            <span class="config-severity" title=lang.text(label)>
                                <span aria-hidden="true">{icon}</span>
                                <span class="visually-hidden">{lang.text(label)}</span>
                            </span>
                            <span class="config-position" data-testid="diagnostic-position">{position}</span>
                            <span class="config-message" data-testid="diagnostic-message">{message}</span>
                            <span class="config-hint">
                                <span class="config-muted">{lang.text(Msg::ConfigDiagnosticsHint)}</span>
                                " "
                                {hint}
                            </span>
                            {fix}
                            <A href=href attr:class="config-rule-link" attr:data-testid="rule-link">
                                <code>{rule}</code>
                                " · "
                                {lang.text(Msg::ConfigDiagnosticsRule)}
                            </A>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let count = move || {
        state
            .analysis
            .with(|a| a.as_ref().map_or(0, |a| a.report.diagnostics.len()))
    };
    view! {
        <section class="config-diagnostics" data-testid="diagnostics" aria-labelledby="config-diagnostics-title">
            <h2 id="config-diagnostics-title">
                {t(Msg::ConfigDiagnosticsTitle)}
                " "
                <span class="config-count">
                    {move || fill(lang.get().text(Msg::ConfigDiagnosticsCount), &[("count", &count().to_string())])}
                </span>
            </h2>
            <Show when=move || { count() > 0 } fallback=move || view! { <p class="config-muted">{t(Msg::ConfigDiagnosticsNone)}</p> }>
                <ul class="config-diagnostic-list">{rows}</ul>
            </Show>
        </section>
    }
}

/// The element id of the row of diagnostic `index`, which the page's keys give the focus to.
pub(crate) fn diagnostic_row_id(index: usize) -> String {
    format!("diagnostic-{index}")
}

/// The corrected YAML of a diagnostic, with a button that copies it.
#[component]
fn FixToCopy(fix: String) -> impl IntoView {
    let copied = RwSignal::new(false);
    let text = fix.clone();
    let copy = move |event: leptos::ev::MouseEvent| {
        // The row itself selects the diagnostic's line on a click: the button only copies.
        event.stop_propagation();
        let text = text.clone();
        leptos::task::spawn_local(async move {
            let done = crate::services::clipboard::copy_text(&text).await;
            if !copied.is_disposed() {
                copied.set(done);
            }
        });
    };
    view! {
        <div class="config-fix" data-testid="diagnostic-fix">
            <span class="config-muted">{t(Msg::ConfigDiagnosticsFix)}</span>
            <pre><code>{fix}</code></pre>
            <button type="button" class="config-fix-copy" data-testid="diagnostic-fix-copy" on:click=copy>
                {move || if copied.get() { t(Msg::ConfigDiagnosticsCopied)() } else { t(Msg::ConfigDiagnosticsCopy)() }}
            </button>
        </div>
    }
}
