//! What the parser wants to tell the user about the whole log, and how it read it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use pipelens_core::log::Note;

use crate::format::{fill, format_count};
use crate::i18n::{t, use_lang, Msg};
use crate::routes::config_path;
use crate::services::preferences::Draft;
use crate::state::handoff::Handoff;
use crate::state::log::LogState;
use crate::wording::notes::note_sentence;
use crate::wording::phases::format_label;

/// The summary line (phases, lines, format) and the parser's notes, in the current language.
#[component]
pub(crate) fn LogNotes() -> impl IntoView {
    let state = expect_context::<LogState>();
    let lang = use_lang();
    let handoff = use_context::<Handoff>();
    let navigate = use_navigate();
    // The config explainer opens with this text, not with its own draft or nothing.
    let open_in_config = move |_| {
        if let Some(handoff) = handoff {
            handoff.give(Draft::Config, state.text.get_untracked());
        }
        navigate(
            &config_path(lang.get_untracked()),
            NavigateOptions::default(),
        );
    };
    move || {
        let report = state.report.get()?;
        let lang = lang.get();
        let format = format_label(report.format, lang);
        let summary = fill(
            lang.text(Msg::LogSummary),
            &[
                ("phases", format_count(report.phases.len(), lang)),
                ("lines", format_count(report.lines.len(), lang)),
                ("format", format.to_owned()),
            ],
        );
        let notes = report
            .notes
            .iter()
            .map(|note| {
                let open_in_config = open_in_config.clone();
                let config_link = matches!(note, Note::LooksLikeConfig).then(|| {
                    view! {
                        " "
                        <button type="button" class="link-button" data-testid="open-in-config" on:click=open_in_config>
                            {t(Msg::NoteOpenConfig)}
                        </button>
                    }
                });
                view! {
                    <li class="notice warning" data-testid="log-note" data-note=note.id()>
                        {note_sentence(note, lang)}
                        {config_link}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <p class="log-summary" data-testid="log-summary" data-format=report.format.id()>{summary}</p>
            <ul class="log-notes">{notes}</ul>
        })
    }
}
