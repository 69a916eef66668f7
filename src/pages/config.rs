//! The config explainer: paste a `.circleci/config.yml`, see every part explained, drawn and checked.
//!
//! 1. The editor holds the text; it is kept as a draft in this browser's storage so that a reload or a
//!    change of language finds it again.
//! 2. 150 ms after the last keystroke the text is analysed (at once when the page opens; up to 600 ms
//!    for the largest texts).
//! 3. The text view, the explanation panel, the checks and the workflow graphs all draw from that one
//!    analysis and share the selection, which the address keeps as `?line=N&column=C`.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::common::draft_notice::DraftNotice;
use crate::components::common::secrets_notice::SecretsNotice;
use crate::components::common::sentence::sentence_view;
use crate::components::config::diagnostics::ConfigDiagnostics;
use crate::components::config::editor::ConfigEditor;
use crate::components::config::explanation::ConfigExplanation;
use crate::components::config::graph::ConfigGraphs;
use crate::components::config::looks_like_log::LooksLikeLog;
use crate::components::config::processed::ConfigProcessed;
use crate::components::config::source::ConfigSource;
use crate::format::fill;
use crate::i18n::{t, use_lang, Msg};
use crate::services::drafts::{small_draft, DraftKeeper};
use crate::services::page_meta::name_page;
use crate::services::preferences::Draft;
use crate::services::prerendered::page_ready_after_render;
use crate::state::config::{Analysis, ConfigState};
use crate::state::handoff::Handoff;

/// How long typing must pause before the text is analysed.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// The longest pause asked for, for the largest texts.
const LONGEST_DEBOUNCE: Duration = Duration::from_millis(600);

/// How long typing must pause before a text of `bytes` bytes is analysed: 150 ms up to 100 kB, then
/// one more millisecond per 2 kB (up to 600 ms), so that typing in a huge file is not interrupted by an
/// analysis after every short pause.
fn debounce_for(bytes: usize) -> Duration {
    let extra = Duration::from_millis((bytes.saturating_sub(100_000) / 2_000) as u64);
    (DEBOUNCE + extra).min(LONGEST_DEBOUNCE)
}

/// The config explainer page.
#[component]
pub(crate) fn ConfigPage() -> impl IntoView {
    name_page(Msg::ConfigTitle, Msg::ConfigIntro);
    page_ready_after_render();
    let state = ConfigState::new();
    provide_context(state);
    let handed = use_context::<Handoff>().and_then(|handoff| handoff.take(Draft::Config));
    let keeper = DraftKeeper::new(Draft::Config);
    let handed_over = handed.is_some();
    let text = RwSignal::new(
        handed
            .or_else(|| small_draft(Draft::Config))
            .unwrap_or_default(),
    );
    if !handed_over && text.with_untracked(String::is_empty) {
        // A draft too large for `localStorage` comes from IndexedDB, unless the reader typed first.
        keeper.restore_large(move |draft| {
            if text.try_with_untracked(String::is_empty) == Some(true) {
                text.set(draft);
            }
        });
    }
    crate::components::share::restore::restore_config_link(state, text);
    let requested = use_query_map().with_untracked(|query| {
        let number = |name: &str| {
            query
                .get(name)
                .and_then(|value| value.parse::<usize>().ok())
        };
        number("line").map(|line| (line, number("column")))
    });
    analyse_as_typed(state, text, keeper, requested);
    keep_selection_in_address(state);
    let has_text = move || text.with(|text| !text.trim().is_empty());
    let shown = RwSignal::new(ConfigView::Explained);
    view! {
        <section class="tool-page config-page" data-testid="config-page">
            <h1>{t(Msg::ConfigTitle)}</h1>
            <crate::components::config::keys::ConfigKeys/>
            <p class="intro">{t(Msg::ConfigIntro)}</p>
            <ConfigEditor text=text/>
            <DraftNotice keeper=keeper text=text/>
            <SecretsNotice text=text/>
            <crate::components::share::panel::ShareConfigLink text=text/>
            <Show
                when=has_text
                fallback=|| view! { <p class="config-empty" data-testid="config-empty">{t(Msg::ConfigEmpty)}</p> }
            >
                <LooksLikeLog text=text/>
                <YamlError/>
                <ViewTabs shown=shown/>
                <div class="config-workspace" class:is-processed=move || shown.get() == ConfigView::Processed>
                    <ConfigSource/>
                    <div class="config-side">
                        <Show
                            when=move || shown.get() == ConfigView::Processed
                            fallback=|| view! { <ConfigExplanation/><ConfigDiagnostics/> }
                        >
                            <ConfigProcessed/>
                        </Show>
                    </div>
                </div>
                <ConfigGraphs/>
            </Show>
        </section>
    }
}

/// What the side of the workspace shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ConfigView {
    /// The explanation of the selected part, and the checks.
    Explained,
    /// The processed configuration.
    Processed,
}

/// The two views of the configuration, as tabs.
#[component]
fn ViewTabs(shown: RwSignal<ConfigView>) -> impl IntoView {
    let tab = move |view: ConfigView, label: Msg, testid: &'static str| {
        let current = move || shown.get() == view;
        view! {
            <button
                type="button"
                role="tab"
                class="config-tab"
                class:is-current=current
                aria-selected=move || current().to_string()
                data-testid=testid
                on:click=move |_| shown.set(view)
            >
                {t(label)}
            </button>
        }
    };
    view! {
        <div class="config-tabs" role="tablist" aria-label=t(Msg::ConfigViewLabel)>
            {tab(ConfigView::Explained, Msg::ConfigViewExplained, "view-explained")}
            {tab(ConfigView::Processed, Msg::ConfigViewProcessed, "view-processed")}
        </div>
    }
}

/// Analyses the text when it changes: at once the first time (then applies the position asked for in the
/// address), 150 ms after the last change afterwards. Remembers the text as the draft.
fn analyse_as_typed(
    state: ConfigState,
    text: RwSignal<String>,
    keeper: DraftKeeper,
    requested: Option<(usize, Option<usize>)>,
) {
    let edits = StoredValue::new(0_u64);
    Effect::new(move |previous: Option<()>| {
        let current = text.get();
        edits.update_value(|count| *count += 1);
        let generation = edits.get_value();
        let run = move |current: String| {
            // A newer edit supersedes this one; the reader may also have left the page meanwhile.
            if edits.try_get_value() != Some(generation) {
                return;
            }
            keeper.save(&current);
            let analysis = Analysis::new(current, generation);
            let syntax_line = analysis.report.syntax_error().map(|d| d.span.line);
            state.hovered.set(None);
            state.selected.set(None);
            state.analysis.set(Some(Arc::new(analysis)));
            if previous.is_none() {
                match requested {
                    Some((line, Some(column))) => state.select_position(line, column),
                    Some((line, None)) => {
                        state.line.set(Some(line));
                        state.scroll_to_line(line);
                    }
                    None => {}
                }
            } else if let Some(line) = syntax_line {
                state.line.set(Some(line));
            }
        };
        if previous.is_none() {
            run(current);
        } else {
            let pause = debounce_for(current.len());
            set_timeout(move || run(current), pause);
        }
    });
}

/// Writes the selected part (or the highlighted line) into the address, replacing the history entry.
fn keep_selection_in_address(state: ConfigState) {
    let navigate = use_navigate();
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let selected = state.selected.get().and_then(|index| {
            state.analysis.with_untracked(|a| {
                a.as_ref()
                    .and_then(|a| a.report.parts.get(index))
                    .map(|p| p.span)
            })
        });
        let query = match (selected, state.line.get()) {
            (Some(span), _) => format!("?line={}&column={}", span.line, span.column),
            (None, Some(line)) => format!("?line={line}"),
            (None, None) => String::new(),
        };
        let current = location.search.get_untracked();
        let current = if current.is_empty() || current.starts_with('?') {
            current
        } else {
            format!("?{current}")
        };
        if previous.is_some() && query != current {
            let path = format!("{}{query}", location.pathname.get_untracked());
            navigate(
                &path,
                NavigateOptions {
                    resolve: false,
                    replace: true,
                    scroll: false,
                    ..NavigateOptions::default()
                },
            );
        }
        query
    });
}

/// The banner of a YAML error: where it is, what the parser said, and what could not be done.
#[component]
fn YamlError() -> impl IntoView {
    let state = expect_context::<ConfigState>();
    let lang = use_lang();
    let error = move || {
        state.analysis.with(|analysis| {
            let diagnostic = analysis.as_ref()?.report.syntax_error()?;
            Some((
                diagnostic.span.line,
                diagnostic.span.column,
                diagnostic.text(lang.get().core()),
            ))
        })
    };
    move || {
        error().map(|(line, column, message)| {
            let lang = lang.get();
            let at = fill(
                lang.text(Msg::ConfigYamlErrorWhere),
                &[("line", &line.to_string()), ("column", &column.to_string())],
            );
            view! {
                <div class="config-yaml-error" role="alert" data-testid="yaml-error" data-line=line data-column=column>
                    <h2>{lang.text(Msg::ConfigYamlErrorTitle)}</h2>
                    <p>
                        <button type="button" class="config-link-button" data-testid="yaml-error-position" on:click=move |_| state.select_position(line, column)>
                            {at}
                        </button>
                        " "
                        {sentence_view(&message)}
                    </p>
                    <p class="config-muted">{lang.text(Msg::ConfigYamlErrorRest)}</p>
                </div>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_texts_wait_a_little_longer_before_being_analysed() {
        assert_eq!(debounce_for(0), DEBOUNCE);
        assert_eq!(debounce_for(100_000), DEBOUNCE);
        assert_eq!(debounce_for(300_000), Duration::from_millis(250));
        assert_eq!(debounce_for(5_000_000), LONGEST_DEBOUNCE);
    }
}
