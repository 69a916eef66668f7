//! The build-log parser: splits a pasted CircleCI log into its phases.
//!
//! [`parse_log`] never fails and never panics; it works in these steps:
//!
//! 1. Input that starts like JSON is read as CircleCI API JSON ([`api_json`]); JSON that is invalid
//!    or of another shape gives a [`Note`] and is read as text.
//! 2. The text becomes visible lines ([`LogLines`]): CRLF accepted, `\r` redraws collapsed, escape
//!    sequences removed, colours and bold/italic/underline kept as styled spans.
//! 3. The format is detected and the step titles found: `====>>` headers of `circleci local execute`
//!    ([`local_execute`]), else titles of text copied from the job page ([`titles`]); with no title
//!    at all, the text is one step's output.
//! 4. Phases are built so that each line lands in exactly one ([`segment`]): named by their title or
//!    by their content ([`signatures`]), with their status ([`status`]) and facts ([`extract`]).
//! 5. Each failed phase, or one whose end is not printed, is diagnosed ([`causes`]): why it failed, the
//!    most specific cause first, with its evidence lines and arguments; a step cut before its footer that
//!    shows a failure is marked failed, a step followed by others succeeded; the first error line is the
//!    first cause's evidence, or the line [`errors`] picks. [`LogReport::failure`] sums it up.
//! 6. Notes about the whole input are added ([`detect`]).
//!
//! Architecture invariant: the work is linear in the size of the input, and plain lines cost no
//! allocation of their own.

mod ansi;
mod api_json;
pub mod causes;
mod detect;
mod errors;
mod extract;
mod facts;
mod failure;
mod glued_output;
mod json;
mod lines;
mod local_execute;
mod notes;
mod progress;
mod relay;
mod report;
mod script;
mod search;
mod segment;
mod signatures;
mod status;
mod titles;
#[cfg(feature = "transfer")]
mod transfer;

pub use ansi::{Color, Style, StyledSpan};
pub use detect::looks_like_log;
pub use facts::{Fact, FactKind};
pub use failure::FailureSummary;
pub use json::{cause_json, report_json};
pub use lines::LogLines;
pub use notes::Note;
pub use report::{LogFormat, LogReport, Phase, PhaseStatus, Recognition};
#[cfg(feature = "transfer")]
pub use transfer::{decode_report, encode_report, ReportDecoder, Stepped, TransferError};

use api_json::JsonOutcome;
use progress::Progress;
use report::Recognition as Found;

/// Parses a pasted CircleCI log (job page text, `circleci local execute` output, API JSON or one
/// step's output) into its phases.
pub fn parse_log(input: &str) -> LogReport {
    parse_log_with_progress(input, &mut |_| {})
}

/// [`parse_log`], telling `progress` how far it has got: fractions from 0.0 to 1.0, increasing, the
/// last one 1.0. It is called about once per 64 KiB of input or 16,384 lines, not per line, so a
/// callback that posts a message or redraws a bar costs nothing noticeable.
pub fn parse_log_with_progress(input: &str, progress: &mut dyn FnMut(f32)) -> LogReport {
    let mut progress = Progress::new(progress);
    let report = parse_in_stages(input, &mut progress);
    progress.finish();
    report
}

/// The steps of the module documentation, each reporting its share of the progress.
fn parse_in_stages(input: &str, progress: &mut Progress<'_>) -> LogReport {
    let mut notes = Vec::new();
    if api_json::looks_like_json(input) {
        match api_json::parse(input) {
            JsonOutcome::Parsed(lines, mut phases, commented) => {
                if commented == api_json::Commented::Yes {
                    notes.push(Note::JsonComments);
                }
                causes::diagnose(&lines, &mut phases, LogFormat::ApiJson);
                return finish(LogReport {
                    format: LogFormat::ApiJson,
                    lines,
                    phases,
                    notes,
                });
            }
            JsonOutcome::Invalid { line, column } => notes.push(Note::InvalidJson { line, column }),
            JsonOutcome::Unknown => notes.push(Note::UnknownJson),
        }
    }
    progress.stage(progress::RENDERED);
    let lines = LogLines::render_with_progress(input, progress);
    progress.stage(progress::TITLED);
    let (format, markers) = if local_execute::has_headers(&lines) {
        (
            LogFormat::LocalExecute,
            local_execute::local_execute_titles(&lines),
        )
    } else {
        let markers = titles::job_page_titles_with_progress(&lines, progress);
        let format = if markers.is_empty() {
            LogFormat::SingleStep
        } else {
            LogFormat::JobPage
        };
        (format, markers)
    };
    progress.stage(1.0);
    let mut phases = segment::build_phases_with_progress(&lines, &markers, format, progress);
    causes::diagnose(&lines, &mut phases, format);
    finish(LogReport {
        format,
        lines,
        phases,
        notes,
    })
}

/// Adds the notes about the input as a whole.
fn finish(mut report: LogReport) -> LogReport {
    if detect::is_blank(&report.lines) {
        report.notes.push(Note::EmptyInput);
        return report;
    }
    let recognised = report
        .phases
        .iter()
        .any(|phase| phase.recognised_by != Found::Neither || !phase.causes.is_empty());
    if !recognised {
        if report.format == LogFormat::SingleStep && detect::looks_like_config(&report.lines) {
            report.notes.push(Note::LooksLikeConfig);
        } else {
            report.notes.push(Note::NothingRecognised);
        }
    }
    if report.format != LogFormat::ApiJson {
        if let Some(line) = detect::cut_last_line(&report.lines) {
            report.notes.push(Note::CutMidLine { line });
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phases::PhaseKind;

    #[test]
    fn progress_rises_to_one_and_the_report_is_the_same() {
        let seed = include_str!("../../../../samples/seed-build-and-test.log");
        // About 3 MB and 80,000 lines: every stage reports several times.
        let text = seed.repeat(250);
        let mut seen = Vec::new();
        let report = parse_log_with_progress(&text, &mut |fraction| seen.push(fraction));
        assert!(seen.len() > 20, "only {} reports", seen.len());
        assert!(seen.len() < 1_000, "{} reports", seen.len());
        assert!(seen.windows(2).all(|pair| pair[0] < pair[1]), "{seen:?}");
        assert!(seen[0] > 0.0);
        assert_eq!(seen.last(), Some(&1.0));
        assert_eq!(report, parse_log(&text));
        for input in ["", "{\"steps\": []}", "one line"] {
            let mut last = None;
            parse_log_with_progress(input, &mut |fraction| last = Some(fraction));
            assert_eq!(last, Some(1.0), "{input:?}");
        }
    }

    #[test]
    fn empty_input_gives_no_phase_and_a_note() {
        let report = parse_log("");
        assert!(report.phases.is_empty());
        assert_eq!(report.notes, [Note::EmptyInput]);
        let blank = parse_log("\n  \n");
        assert_eq!(blank.phases.len(), 1);
        assert_eq!(blank.notes, [Note::EmptyInput]);
    }

    #[test]
    fn invalid_json_is_noted_and_read_as_text() {
        let report = parse_log("{\n  \"steps\": [ oops\n]}\n");
        assert_eq!(
            report.notes[0],
            Note::InvalidJson {
                line: 2,
                column: 14
            }
        );
        assert_eq!(report.format, LogFormat::SingleStep);
        assert_eq!(report.phases.len(), 1);
    }

    #[test]
    fn a_config_is_not_a_log() {
        let report = parse_log(
            "version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/base:stable\n",
        );
        assert_eq!(report.notes, [Note::LooksLikeConfig]);
    }

    #[test]
    fn a_job_page_log_in_brief() {
        let text = "Spin up environment\nBuild-agent version 1.0.1-abc (2024)\nTime to start containers: 1s\n\nRun tests\n#!/bin/bash -eo pipefail\npytest\n\n=== 1 failed, 2 passed in 0.50s ===\n\nExited with code exit status 1\n";
        let report = parse_log(text);
        assert_eq!(report.format, LogFormat::JobPage);
        let summary: Vec<_> = report
            .phases
            .iter()
            .map(|phase| {
                (
                    phase.title.as_str(),
                    phase.kind,
                    phase.status,
                    phase.exit_code,
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    "Spin up environment",
                    PhaseKind::BuiltIn,
                    PhaseStatus::Success,
                    None
                ),
                ("Run tests", PhaseKind::Run, PhaseStatus::Failed, Some(1)),
            ]
        );
        assert_eq!(report.phases[1].error_line, Some(8));
    }
}
