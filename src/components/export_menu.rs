//! The export controls of the explanation panels: a screenshot (PNG) of the selected phase or part, and
//! a report (HTML or Markdown) of the whole log or configuration, secrets masked unless the reader
//! ticks the box. A line says what the export masks.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use pipelens_core::docs::DocIndex;
use pipelens_core::log::LogReport;

use super::config_state::ConfigState;
use crate::canvas_png::{download_canvas, download_text, draw};
use crate::content::use_doc_index;
use crate::format::fill;
use crate::i18n::{t, use_lang, Lang, Msg};
use crate::report::config_report::config_document;
use crate::report::document::Document;
use crate::report::html::to_html;
use crate::report::log_report::{log_document, log_text, ReportContext};
use crate::report::markdown::to_markdown;
use crate::report::redact::Redaction;
use crate::report::snapshot::{part_snapshot, phase_snapshot, Snapshot};

/// The two report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReportFormat {
    Html,
    Markdown,
}

/// Exports of the log: the screenshot of phase `phase`, the report of the whole log.
#[component]
pub(crate) fn LogExportMenu(
    /// The parsed log.
    report: Arc<LogReport>,
    /// The phase the screenshot shows (index into the phases).
    phase: usize,
) -> impl IntoView {
    let lang = use_lang();
    let include = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let docs = use_doc_index();
    let note = {
        let report = report.clone();
        move || {
            phase_snapshot(&report, phase, lang.get(), !include.get())
                .and_then(|shot| shot.note)
                .unwrap_or_else(|| lang.get().text(Msg::ExportNoSecret).to_owned())
        }
    };
    let screenshot = {
        let report = report.clone();
        move |_| {
            if let Some(shot) = phase_snapshot(
                &report,
                phase,
                lang.get_untracked(),
                !include.get_untracked(),
            ) {
                save_png(shot, lang.get_untracked(), status);
            }
        }
    };
    let download = move |format: ReportFormat| {
        let lang_now = lang.get_untracked();
        let index = docs.get_untracked().and_then(Result::ok);
        let redaction = Redaction::new(&log_text(&report), !include.get_untracked());
        let site = site_url();
        let context = report_context(lang_now, index.as_ref(), &site);
        let document = log_document(&report, context, &redaction);
        save_report(&document, format, "log", lang_now, status, &redaction);
    };
    view! {
        <ExportControls include=include status=status note=note
            on_png=screenshot png_enabled=Signal::stored(true)
            on_report=download/>
    }
}

/// Exports of the configuration: the screenshot of the selected part, the report of the whole file.
#[component]
pub(crate) fn ConfigExportMenu(
    /// The config page's shared state.
    state: ConfigState,
) -> impl IntoView {
    let lang = use_lang();
    let include = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let docs = use_doc_index();
    let chosen = move || state.selected.get().or_else(|| state.hovered.get());
    let snapshot = move |lang: Lang, mask: bool, part: usize| -> Option<Snapshot> {
        state.analysis.with_untracked(|analysis| {
            let analysis = analysis.as_ref()?;
            part_snapshot(&analysis.lines, &analysis.report.parts, part, lang, mask)
        })
    };
    let note = move || {
        let lang = lang.get();
        state.analysis.track();
        match chosen() {
            Some(part) => snapshot(lang, !include.get(), part)
                .and_then(|shot| shot.note)
                .unwrap_or_else(|| lang.text(Msg::ExportNoSecret).to_owned()),
            None => lang.text(Msg::ExportNoPart).to_owned(),
        }
    };
    let screenshot = move |_| {
        let Some(part) = state
            .selected
            .get_untracked()
            .or_else(|| state.hovered.get_untracked())
        else {
            return;
        };
        if let Some(shot) = snapshot(lang.get_untracked(), !include.get_untracked(), part) {
            save_png(shot, lang.get_untracked(), status);
        }
    };
    let download = move |format: ReportFormat| {
        let lang_now = lang.get_untracked();
        let index = docs.get_untracked().and_then(Result::ok);
        let site = site_url();
        state.analysis.with_untracked(|analysis| {
            let Some(analysis) = analysis.as_ref() else {
                return;
            };
            let redaction = Redaction::new(&analysis.text, !include.get_untracked());
            let context = report_context(lang_now, index.as_ref(), &site);
            let document = config_document(&analysis.text, &analysis.report, context, &redaction);
            save_report(&document, format, "config", lang_now, status, &redaction);
        });
    };
    let png_enabled = Signal::derive(move || chosen().is_some());
    view! {
        <ExportControls include=include status=status note=note
            on_png=screenshot png_enabled=png_enabled
            on_report=download/>
    }
}

/// The controls both menus share.
#[component]
fn ExportControls(
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
fn save_png(shot: Snapshot, lang: Lang, status: RwSignal<Option<String>>) {
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
fn save_report(
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
fn report_context<'a>(
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

/// The address of the site root (the page's base URI), for links in reports.
fn site_url() -> String {
    document().base_uri().ok().flatten().unwrap_or_default()
}
