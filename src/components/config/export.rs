//! The exports of the configuration: a screenshot of the selected part, a report of the whole file.

use leptos::prelude::*;

use crate::components::common::export_controls::{
    report_context, save_png, save_report, ExportControls, ReportFormat,
};
use crate::i18n::{use_lang, Lang, Msg};
use crate::report::config_report::config_document;
use crate::report::redact::Redaction;
use crate::report::snapshot::{part_snapshot, Snapshot};
use crate::routes::site_url;
use crate::services::content::use_doc_index;
use crate::state::config::ConfigState;

/// Exports of the configuration: the screenshot of the selected part, the report of the whole file.
#[component]
pub(crate) fn ConfigExportMenu() -> impl IntoView {
    let state = expect_context::<ConfigState>();
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
