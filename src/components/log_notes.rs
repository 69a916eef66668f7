//! What the parser wants to tell the user about the whole log, and how it read it.

use leptos::prelude::*;
use leptos_router::components::A;
use pipelens_core::log::Note;

use crate::app::site_href;
use crate::format::{fill, format_count};
use crate::i18n::{t, use_lang, Lang, Msg};
use crate::pages::log::LogState;

/// The summary line (phases, lines, format) and the parser's notes, in the current language.
#[component]
pub(crate) fn LogNotes() -> impl IntoView {
    let state = expect_context::<LogState>();
    let lang = use_lang();
    move || {
        let report = state.report.get()?;
        let lang = lang.get();
        let format = lang
            .lookup(&format!("format.{}", report.format.id()))
            .unwrap_or(report.format.id());
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
                let config_link = matches!(note, Note::LooksLikeConfig).then(|| {
                    view! { " " <A href=site_href(&format!("/{}/config", lang.code()))>{t(Msg::NoteOpenConfig)}</A> }
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

/// The sentence of a note in `lang`, its arguments filled in.
pub(crate) fn note_sentence(note: &Note, lang: Lang) -> String {
    let template = lang
        .lookup(&format!("note.{}", note.id()))
        .unwrap_or_default();
    match note {
        Note::InvalidJson { line, column } => fill(
            template,
            &[("line", line.to_string()), ("column", column.to_string())],
        ),
        Note::CutMidLine { line } => fill(template, &[("line", line.to_string())]),
        _ => template.to_owned(),
    }
}
