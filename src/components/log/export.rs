//! The exports of the log: a screenshot of the selected phase, a report of the whole log.

use std::sync::Arc;

use leptos::prelude::*;
use pipelens_core::log::LogReport;

use crate::components::common::export_controls::{
    report_context, save_png, save_report, ExportControls, ReportFormat,
};
use crate::i18n::{use_lang, Msg};
use crate::report::log_report::{log_document, log_text};
use crate::report::redact::Redaction;
use crate::report::snapshot::phase_snapshot;
use crate::routes::site_url;
use crate::services::content::use_doc_index;

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
