//! The notice of a build log pasted in the config explainer: it says what the text is, and opens it in
//! the log explainer, text and all.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use pipelens_core::log::looks_like_log;

use crate::i18n::{t, use_lang, Msg};
use crate::routes::log_path;
use crate::services::preferences::Draft;
use crate::state::config::ConfigState;
use crate::state::handoff::Handoff;

/// Says that the analysed text is a build log, not a configuration, with a button to explain it as one.
#[component]
pub(crate) fn LooksLikeLog(
    /// The editor's text, handed to the log explainer.
    text: RwSignal<String>,
) -> impl IntoView {
    let state = expect_context::<ConfigState>();
    let lang = use_lang();
    let handoff = use_context::<Handoff>();
    let navigate = use_navigate();
    // Read once per analysis, not per render: a configuration it is not is read no further.
    let is_log = Memo::new(move |_| {
        state.analysis.with(|analysis| {
            analysis.as_ref().is_some_and(|analysis| {
                let report = &analysis.report;
                (report.syntax_error().is_some() || report.config.jobs.is_empty())
                    && looks_like_log(&analysis.text)
            })
        })
    });
    let open_in_log = move |_| {
        if let Some(handoff) = handoff {
            handoff.give(Draft::Log, text.get_untracked());
        }
        navigate(&log_path(lang.get_untracked()), NavigateOptions::default());
    };
    move || {
        is_log.get().then(|| {
            let open_in_log = open_in_log.clone();
            view! {
                <p class="notice warning" role="status" data-testid="config-looks-like-log">
                    {t(Msg::ConfigLooksLikeLog)}
                    " "
                    <button type="button" class="link-button" data-testid="open-in-log" on:click=open_in_log>
                        {t(Msg::ConfigOpenInLog)}
                    </button>
                </p>
            }
        })
    }
}
