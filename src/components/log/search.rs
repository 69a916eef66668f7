//! Search within the log: every line that contains the words, with next and previous.

use std::sync::Arc;

use leptos::prelude::*;

use crate::format::{fill, format_count};
use crate::i18n::{t, use_lang, Msg};
use crate::state::log::{LogState, ScrollTarget};

/// At most this many matches are collected; the count says "10,000+" beyond.
const MAX_MATCHES: usize = 10_000;

/// The search box above the log.
#[component]
pub(crate) fn LogSearch() -> impl IntoView {
    let state = expect_context::<LogState>();
    let lang = use_lang();
    let query = RwSignal::new(String::new());
    let matches = RwSignal::new(Arc::new(Vec::<usize>::new()));
    let position = RwSignal::new(None::<usize>);

    // A new query or a new log: find the lines again and go to the first one.
    Effect::new(move |_| {
        let query = query.get();
        let found = state
            .report
            .get()
            .map(|report| report.lines.find_lines(&query, MAX_MATCHES))
            .unwrap_or_default();
        let first = (!found.is_empty()).then_some(0);
        matches.set(Arc::new(found));
        go_to(state, matches, position, first);
    });

    let step = move |forward: bool| {
        let count = matches.with_untracked(|found| found.len());
        if count == 0 {
            return;
        }
        let next = match position.get_untracked() {
            Some(at) if forward => (at + 1) % count,
            Some(at) => (at + count - 1) % count,
            None => 0,
        };
        go_to(state, matches, position, Some(next));
    };

    let status = move || {
        let lang = lang.get();
        let count = matches.with(|found| found.len());
        if query.with(String::is_empty) {
            return String::new();
        }
        if count == 0 {
            return lang.text(Msg::LogSearchNone).to_owned();
        }
        let total = if count >= MAX_MATCHES {
            format!("{}+", format_count(count, lang))
        } else {
            format_count(count, lang)
        };
        fill(
            lang.text(Msg::LogSearchCount),
            &[
                (
                    "current",
                    format_count(position.get().map_or(0, |at| at + 1), lang),
                ),
                ("total", total),
            ],
        )
    };

    view! {
        <div class="log-search" role="search" hidden=move || state.report.with(Option::is_none)>
            <label for="log-search">{t(Msg::LogSearchLabel)}</label>
            <input
                id="log-search"
                type="search"
                data-testid="log-search"
                autocomplete="off"
                placeholder=t(Msg::LogSearchPlaceholder)
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        step(!ev.shift_key());
                    }
                }
            />
            <button type="button" data-testid="log-search-previous" on:click=move |_| step(false) aria-label=t(Msg::LogSearchPrevious) title=t(Msg::LogSearchPrevious)>"↑"</button>
            <button type="button" data-testid="log-search-next" on:click=move |_| step(true) aria-label=t(Msg::LogSearchNext) title=t(Msg::LogSearchNext)>"↓"</button>
            <span class="search-status" data-testid="log-search-status" aria-live="polite">{status}</span>
        </div>
    }
}

/// Makes match number `at` current: highlights its line, scrolls to it, selects its phase.
fn go_to(
    state: LogState,
    matches: RwSignal<Arc<Vec<usize>>>,
    position: RwSignal<Option<usize>>,
    at: Option<usize>,
) {
    position.set(at);
    let line = at.and_then(|at| matches.with_untracked(|found| found.get(at).copied()));
    state.current_match.set(line);
    let Some(line) = line else { return };
    let phase = state.report.with_untracked(|report| {
        report.as_ref().and_then(|report| {
            report
                .phases
                .iter()
                .position(|phase| phase.lines.contains(&line))
        })
    });
    if let Some(phase) = phase {
        state.selected.set(Some(phase));
    }
    state.scroll_request.set(Some(ScrollTarget::Line(line)));
}
