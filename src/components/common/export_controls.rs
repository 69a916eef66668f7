//! The export controls both explanation panels share: a screenshot (PNG) of the selected phase or part,
//! and a report (HTML or Markdown) of the whole log or configuration, secrets masked unless the reader
//! ticks the box; a line says what the export masks. The log's and the config's menus are in their
//! folders ([`crate::components::log::export`], [`crate::components::config::export`]).

use std::rc::Rc;

use leptos::prelude::*;
use pipelens_core::docs::DocIndex;

use crate::format::fill;
use crate::i18n::{t, Lang, Msg};
use crate::report::canvas::draw;
use crate::report::document::Document;
use crate::report::html::to_html;
use crate::report::log_report::ReportContext;
use crate::report::markdown::to_markdown;
use crate::report::redact::Redaction;
use crate::report::snapshot::Snapshot;
use crate::routes::site_url;
use crate::services::download::{download_canvas, download_text};

/// The two report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReportFormat {
    /// A standalone HTML file.
    Html,
    /// A Markdown file.
    Markdown,
}

/// The controls both menus share.
#[component]
pub(crate) fn ExportControls(
    /// Whether the reader chose to include the secrets unmasked.
    include: RwSignal<bool>,
    /// What the last export did.
    status: RwSignal<Option<String>>,
    /// What the screenshot masks, in the current language.
    note: impl Fn() -> String + Send + Sync + 'static,
    /// Makes and downloads the screenshot.
    on_png: impl Fn(leptos::ev::MouseEvent) + 'static,
    /// Whether there is something to take a screenshot of.
    png_enabled: Signal<bool>,
    /// Makes and downloads the report in a format.
    on_report: impl Fn(ReportFormat) + Clone + 'static,
) -> impl IntoView {
    let on_html = {
        let on_report = on_report.clone();
        move |_| on_report(ReportFormat::Html)
    };
    let on_markdown = move |_| on_report(ReportFormat::Markdown);
    view! {
        <section class="export-menu" data-testid="export-menu" aria-label=t(Msg::ExportTitle)>
            <div class="export-buttons">
                <button type="button" data-testid="export-png" on:click=on_png disabled=move || !png_enabled.get()>
                    {t(Msg::ExportPng)}
                </button>
                <details class="export-report" data-testid="export-report">
                    <summary>{t(Msg::ExportReport)}</summary>
                    <div class="export-report-choices">
                        <button type="button" data-testid="export-report-html" on:click=on_html>{t(Msg::ExportReportHtml)}</button>
                        <button type="button" data-testid="export-report-markdown" on:click=on_markdown>{t(Msg::ExportReportMarkdown)}</button>
                    </div>
                </details>
            </div>
            <label class="export-include">
                <input type="checkbox" data-testid="export-include-secrets"
                    prop:checked=move || include.get()
                    on:change=move |ev| include.set(event_target_checked(&ev))/>
                {t(Msg::ExportIncludeSecrets)}
            </label>
            <p class="export-note" data-testid="export-note" class:is-unmasked=move || include.get()>{note}</p>
            {move || status.get().map(|text| view! { <p class="export-status" role="status" data-testid="export-status">{text}</p> })}
        </section>
    }
}

/// Draws `shot` and downloads it, then says so (with what was masked) in `status`.
pub(crate) fn save_png(shot: Snapshot, lang: Lang, status: RwSignal<Option<String>>) {
    let canvas = match draw(&shot) {
        Ok(canvas) => canvas,
        Err(error) => {
            status.set(Some(fill(
                lang.text(Msg::ExportFailed),
                &[("error", error)],
            )));
            return;
        }
    };
    let file = shot.file_name.clone();
    let note = shot.note.clone();
    download_canvas(&canvas, shot.file_name, move |result| {
        if status.is_disposed() {
            return;
        }
        status.set(Some(outcome(result, &file, note.as_deref(), lang)));
    });
}

/// Writes `document` in `format` and downloads it as `pipeline-lens-<what>-report-<lang>.<ext>`.
pub(crate) fn save_report(
    document: &Document,
    format: ReportFormat,
    what: &str,
    lang: Lang,
    status: RwSignal<Option<String>>,
    redaction: &Redaction,
) {
    let footer = format!("{} {}", lang.text(Msg::ExportReportMadeWith), site_url());
    let (content, mime, extension) = match format {
        ReportFormat::Html => (
            to_html(document, &footer),
            "text/html;charset=utf-8",
            "html",
        ),
        ReportFormat::Markdown => (
            to_markdown(document, &footer),
            "text/markdown;charset=utf-8",
            "md",
        ),
    };
    let file = format!("pipeline-lens-{what}-report-{}.{extension}", lang.code());
    let result = download_text(&content, mime, &file);
    let note = redaction.note(lang, 1);
    status.set(Some(outcome(result, &file, note.as_deref(), lang)));
}

/// "Downloaded x.png. 1 secret masked: ..." or the error.
fn outcome(result: Result<(), String>, file: &str, note: Option<&str>, lang: Lang) -> String {
    match result {
        Ok(()) => {
            let done = fill(lang.text(Msg::ExportDownloaded), &[("file", file)]);
            match note {
                Some(note) => format!("{done} {note}"),
                None => done,
            }
        }
        Err(error) => fill(lang.text(Msg::ExportFailed), &[("error", error)]),
    }
}

/// The documentation context of a report.
pub(crate) fn report_context<'a>(
    lang: Lang,
    docs: Option<&'a Rc<DocIndex>>,
    site: &'a str,
) -> ReportContext<'a> {
    ReportContext {
        lang,
        docs: docs.map(|docs| &**docs),
        site_url: site,
    }
}
