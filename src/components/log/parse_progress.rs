//! The progress of a log being read in the worker, with a Cancel button; after a cancel, a way to
//! read it again.

use leptos::prelude::*;

use crate::format::fill;
use crate::i18n::{t, use_lang, Msg};
use crate::services::log_worker::{LogParser, ParseState};
use crate::state::log::LogState;

/// The progress bar while the worker reads the log, or the notice that the reader cancelled it.
#[component]
pub(crate) fn ParseProgress() -> impl IntoView {
    let parser = expect_context::<LogParser>();
    let state = expect_context::<LogState>();
    let lang = use_lang();
    let cancel = move |_| {
        parser.cancel();
        // The report on show is of an older text: it would explain what is no longer in the editor.
        state.report.set(None);
    };
    // The page parses whatever the editor holds whenever the text changes: ask it to do so again.
    let parse_again = move |_| state.text.notify();
    move || match parser.state.get() {
        ParseState::Idle => None,
        ParseState::Running(fraction) => {
            let percent = (fraction * 100.0).floor().clamp(0.0, 100.0);
            let label = fill(
                lang.get().text(Msg::WorkerProgress),
                &[("percent", format!("{percent:.0}"))],
            );
            Some(
                view! {
                    <div class="parse-progress" data-testid="parse-progress" role="status">
                        <progress max="100" value=percent aria-label=t(Msg::WorkerProgressLabel)></progress>
                        <span class="parse-progress-label">{label}</span>
                        <button type="button" data-testid="parse-cancel" on:click=cancel>
                            {t(Msg::WorkerCancel)}
                        </button>
                    </div>
                }
                .into_any(),
            )
        }
        ParseState::Cancelled => Some(
            view! {
                <div class="parse-progress cancelled" data-testid="parse-cancelled" role="status">
                    <span>{t(Msg::WorkerCancelled)}</span>
                    <button type="button" data-testid="parse-again" on:click=parse_again>
                        {t(Msg::WorkerParseAgain)}
                    </button>
                </div>
            }
            .into_any(),
        ),
    }
}
