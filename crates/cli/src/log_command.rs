//! `pipelens log FILE [--json]`: explains a CircleCI build log in the terminal.

use std::process::ExitCode;

use pipelens_core::log::causes::Level;
use pipelens_core::log::{parse_log, report_json, LogReport, Phase, PhaseStatus};
use pipelens_core::text::excerpt;
use pipelens_core::Lang;

use crate::input::InputArgs;
use crate::output::write_out;

/// Runs the `log` subcommand with the arguments that follow it.
pub(crate) fn run(args: &[String]) -> ExitCode {
    let Some(input) = InputArgs::parse(args) else {
        eprintln!("usage: pipelens log FILE [--json]");
        return ExitCode::from(2);
    };
    let text = match input.read() {
        Ok(text) => text,
        Err(error) => {
            eprintln!("pipelens log: cannot read {}: {error}", input.path);
            return ExitCode::from(1);
        }
    };
    let report = parse_log(&text);
    if input.json {
        match serde_json::to_string_pretty(&report_json(&report)) {
            Ok(json) => write_out(&format!("{json}\n")),
            Err(error) => {
                eprintln!("pipelens log: cannot write the JSON: {error}");
                return ExitCode::from(1);
            }
        }
    } else {
        write_out(&readable(&report));
    }
    ExitCode::SUCCESS
}

/// The mark printed before a phase of this status.
fn status_mark(status: PhaseStatus) -> &'static str {
    match status {
        PhaseStatus::Success => "✔",
        PhaseStatus::Failed => "✘",
        PhaseStatus::Skipped => "↷",
        PhaseStatus::Unknown => "?",
    }
}

/// The readable summary: why it failed, one block per phase, then the notes.
fn readable(report: &LogReport) -> String {
    let mut out = format!("format: {}\n", report.format.id());
    out.push_str(&failure_block(report));
    for phase in &report.phases {
        out.push('\n');
        out.push_str(&phase_block(phase));
    }
    if !report.notes.is_empty() {
        out.push_str("\nnotes:\n");
        for note in &report.notes {
            out.push_str(&format!("  - {}\n", note.label()));
        }
    }
    out
}

/// One phase: status mark, title, kind, lines, status, exit code, duration, then its facts.
fn phase_block(phase: &Phase) -> String {
    let title = if phase.title.is_empty() {
        "(untitled)"
    } else {
        phase.title.as_str()
    };
    let mut header = format!(
        "{} {title}  [{}]  lines {}-{}  {}",
        status_mark(phase.status),
        phase.kind.id(),
        phase.first_line(),
        phase.last_line(),
        phase.status.id()
    );
    if let Some(code) = phase.exit_code {
        header.push_str(&format!(", exit code {code}"));
    }
    if let Some(duration) = phase.duration_ms {
        header.push_str(&format!(", {:.1}s", duration as f64 / 1000.0));
    }
    let mut block = format!("{header}\n");
    if let Some(doc) = phase.doc {
        block.push_str(&format!("    doc: {doc}\n"));
    }
    for fact in &phase.facts {
        block.push_str(&format!("    {}: {}\n", fact.kind.label(), fact.value));
    }
    for cause in &phase.causes {
        let label = match cause.id.level() {
            Level::Failure => "cause",
            Level::Notice => "notice",
        };
        block.push_str(&format!(
            "    {label}: {} (line {}, {})\n",
            cause.summary(Lang::En),
            cause.line + 1,
            cause.id.doc()
        ));
    }
    block
}

/// Why the log failed: the first failed step, its causes, its failing tests and the line to read.
fn failure_block(report: &LogReport) -> String {
    let Some(failure) = report.failure() else {
        return String::new();
    };
    let phase = &report.phases[failure.phase];
    let title = if phase.title.is_empty() {
        "(untitled)"
    } else {
        phase.title.as_str()
    };
    let mut out = if failure.no_job_ran {
        "\nfailed: no job ran, CircleCI refused the configuration\n".to_owned()
    } else {
        format!(
            "\nfailed at: {title} (lines {}-{})",
            phase.first_line(),
            phase.last_line()
        ) + &failure
            .exit_code
            .map(|code| format!(", exit code {code}"))
            .unwrap_or_default()
            + if failure.inferred {
                ", inferred: the log ends before the step's footer\n"
            } else {
                "\n"
            }
    };
    if failure.causes.is_empty() {
        out.push_str(if failure.line_is_a_guess {
            "  why: no known cause, and no line looks like an error; read up from the step's last line\n"
        } else if failure.line.is_some() {
            "  why: no known cause; read the first error line\n"
        } else {
            "  why: no known cause, and no error line was found; read the end of the step\n"
        });
    }
    for cause in &failure.causes {
        out.push_str(&format!("  why: {}\n", cause.summary(Lang::En)));
    }
    for test in &failure.tests {
        out.push_str(&format!("  failing test: {test}\n"));
    }
    if let Some(line) = failure.line {
        out.push_str(&format!(
            "  line {}: {}\n",
            line + 1,
            excerpt(report.lines.text(line))
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_shows_each_phase_and_its_facts() {
        let report = parse_log("Checkout code\nHEAD is now at abc123 Fix\n\nnpm test\n#!/bin/bash -eo pipefail\nnpm test\n\nExited with code exit status 2\n");
        assert!(readable(&report).contains("  why: no known cause"));
        let text = readable(&report);
        assert!(text.starts_with("format: job-page\n"));
        assert!(text.contains("✔ Checkout code  [built-in]  lines 1-3  success\n    doc: phases/checkout-code\n    commit: abc123 Fix\n"));
        assert!(text.contains("✘ npm test  [run]  lines 4-8  failed, exit code 2\n"));
        assert!(text.contains("\nfailed at: npm test (lines 4-8), exit code 2\n"));
    }
}

#[cfg(test)]
mod failure_tests {
    use super::*;

    #[test]
    fn the_causes_are_printed_first_and_per_phase() {
        let report = parse_log("Run tests\n#!/bin/bash -eo pipefail\npython train.py\n\n/bin/bash: line 1:  2440 Killed                  python train.py\n\nExited with code exit status 137\nCircleCI received exit code 137\n");
        let text = readable(&report);
        assert!(
            text.contains("failed at: Run tests (lines 1-8), exit code 137\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "  why: The step ran out of memory and the system killed it (exit code 137).\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("  line 5: /bin/bash: line 1:  2440 Killed"),
            "{text}"
        );
        assert!(text.contains("    cause: The step ran out of memory and the system killed it (exit code 137). (line 5, causes/out-of-memory)\n"), "{text}");
    }
}
