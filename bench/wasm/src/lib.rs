//! The entry points of the browser benchmark (`bench/run.mjs`): the core's log parser, config
//! analyser and config processor, each returning a short JSON summary so that JS can check the work was really done
//! without the cost of converting the whole report.

use pipelens_core::config::{analyse_config, process_config};
use pipelens_core::log::{parse_log, PhaseStatus};
use wasm_bindgen::prelude::*;

/// Parses a log and returns `{"lines":…,"phases":…,"failed":…,"notes":…}`.
#[wasm_bindgen]
pub fn parse_log_summary(text: &str) -> String {
    let report = parse_log(text);
    let failed = report
        .phases
        .iter()
        .filter(|phase| phase.status == PhaseStatus::Failed)
        .count();
    format!(
        "{{\"format\":\"{}\",\"lines\":{},\"phases\":{},\"failed\":{},\"notes\":{}}}",
        report.format.id(),
        report.lines.len(),
        report.phases.len(),
        failed,
        report.notes.len()
    )
}

/// Analyses a config and returns `{"jobs":…,"workflows":…,"parts":…,"diagnostics":…}`.
#[wasm_bindgen]
pub fn analyse_config_summary(text: &str) -> String {
    let report = analyse_config(text);
    format!(
        "{{\"jobs\":{},\"workflows\":{},\"parts\":{},\"diagnostics\":{}}}",
        report.config.jobs.len(),
        report.config.workflows.len(),
        report.parts.len(),
        report.diagnostics.len()
    )
}

/// Processes a config (pipeline parameters at their defaults) and returns `{"lines":…,"notes":…}`.
#[wasm_bindgen]
pub fn process_config_summary(text: &str) -> String {
    let processed = process_config(text, &[]);
    format!(
        "{{\"lines\":{},\"notes\":{}}}",
        processed.lines.len(),
        processed.notes.len()
    )
}

/// Returns the UTF-8 length of `text`: timing it measures what passing a string into wasm costs alone.
#[wasm_bindgen]
pub fn utf8_len(text: &str) -> usize {
    text.len()
}
