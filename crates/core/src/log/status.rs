//! How a phase ended, read from the lines CircleCI prints: exit footers, timeouts, kill signals,
//! infrastructure failures, cache and test-result messages.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::facts::{Fact, FactKind};
use super::lines::LogLines;
use super::report::PhaseStatus;
use super::script::classic_footer;
use crate::phases::{Ends, KnownPhase};

/// What the lines of a phase say about its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// The status, `Unknown` when nothing says.
    pub(crate) status: PhaseStatus,
    /// The exit code, when printed.
    pub(crate) exit_code: Option<i32>,
    /// Facts found on the way (timeouts, infrastructure failures).
    pub(crate) facts: Vec<Fact>,
}

/// Reads an exit code from a footer: `Exited with code exit status 1`, `Exited with code 128`,
/// `CircleCI received exit code 0`.
pub(crate) fn footer_exit_code(text: &str) -> Option<i32> {
    if let Some((_, code)) = classic_footer(text) {
        return Some(code);
    }
    let text = text.strip_prefix("Error: ").unwrap_or(text);
    let rest = text
        .strip_prefix("Exited with code exit status ")
        .or_else(|| text.strip_prefix("Exited with code "))
        .or_else(|| text.strip_prefix("CircleCI received exit code "))?;
    let digits: String = rest
        .chars()
        .take_while(|character| character.is_ascii_digit() || *character == '-')
        .collect();
    digits.parse().ok()
}

/// Lines that mean CircleCI's infrastructure, not the project, stopped the step, in any phase.
const INFRASTRUCTURE: &[&str] = &[
    "failed to create host:",
    "We had an unexpected error preparing a VM",
    "Unexpected environment preparation error",
    "CircleCI was unable to execute the job to completion",
];

/// Lines that mean the step was killed: a failure whose cause (memory, most often) the catalogue of
/// causes names, so no infrastructure fact is added.
const KILLED: &str = "Received \"killed\" signal";

/// Lines of `circleci local execute` that mean the step, or the job, failed.
const LOCAL_FAILURES: &[&str] = &[
    "Step failed",
    "Task failed",
    "Error: task failed",
    "Error: runner failed",
];

/// The line `circleci local execute` prints after a step that ended well.
const LOCAL_SUCCESS: &str = "Success!";

/// Lines of `circleci local execute` that mean the step cannot run on a laptop: it did nothing, which
/// is expected, even when the CLI then prints `Step failed`.
const UNSUPPORTED_LOCALLY: &[&str] = &[
    "Skipping cache - error checking storage: not supported",
    "Error &errors.errorString{s:\"not supported\"}",
];

/// The line the build agent prints first in a step it skips on purpose (`Warning: skipping this step:
/// running locally`, `...: disabled in configuration`).
const SKIPPING_THIS_STEP: &str = "Warning: skipping this step";

/// The one search `read_outcome` runs anywhere in most lines, prepared once (`str::contains` with a
/// pattern string prepares its searcher again on each call).
static KILL_SIGNAL: LazyLock<Finder<'static>> =
    LazyLock::new(|| Finder::new("received a kill signal"));

/// Reads the status of the lines in `range`, a phase of the catalogue's step `step` (`None` for a run
/// step, a preamble or a phase not yet named).
pub(crate) fn read_outcome(
    lines: &LogLines,
    range: Range<usize>,
    step: Option<&KnownPhase>,
) -> Outcome {
    let ends = step.map_or(Ends::NONE, |phase| phase.ends);
    let mut exit_code = None;
    let mut failed = false;
    let mut skipped = false;
    let mut unsupported = false;
    let mut succeeded = false;
    let mut facts = Vec::new();
    for index in range.clone() {
        let text = lines.text(index).trim();
        let Some(&first) = text.as_bytes().first() else {
            continue;
        };
        if !(first.is_ascii_alphabetic() || first == b'.') {
            continue;
        }
        if let Some(code) = footer_exit_code(text) {
            exit_code = Some(code);
            continue;
        }
        let starts = |prefixes: &[&str]| prefixes.iter().any(|prefix| text.starts_with(prefix));
        if let Some(rest) = text
            .strip_prefix("Too long with no output (exceeded ")
            .or_else(|| text.strip_prefix("Error: Too long with no output (exceeded "))
        {
            failed = true;
            let limit = rest.split(')').next().unwrap_or(rest);
            facts.push(Fact::new(FactKind::NoOutputTimeout, limit));
        } else if text.starts_with(KILLED) || KILL_SIGNAL.find(text.as_bytes()).is_some() {
            failed = true;
        } else if starts(INFRASTRUCTURE) {
            failed = true;
            if !facts
                .iter()
                .any(|fact: &Fact| fact.kind == FactKind::InfrastructureFailure)
            {
                facts.push(Fact::new(FactKind::InfrastructureFailure, text));
            }
        } else if starts(UNSUPPORTED_LOCALLY)
            || text.ends_with("Error: FAILED with error not supported")
        {
            unsupported = true;
        } else if (starts(ends.failure) && !text.ends_with("retrying")) || starts(LOCAL_FAILURES) {
            failed = true;
            if exit_code.is_none() {
                exit_code = git_exit_status(text);
            }
        } else if starts(ends.skip) || text.starts_with(SKIPPING_THIS_STEP) {
            skipped = true;
        } else if starts(ends.success) || text == LOCAL_SUCCESS {
            succeeded = true;
        }
    }
    if exit_code.is_none() {
        exit_code = glued_exit_code(lines, range);
    }
    let status = match exit_code {
        Some(code) if code != 0 => PhaseStatus::Failed,
        None if unsupported => PhaseStatus::Skipped,
        _ if failed => PhaseStatus::Failed,
        Some(_) => PhaseStatus::Success,
        None if skipped => PhaseStatus::Skipped,
        None if succeeded => PhaseStatus::Success,
        None => PhaseStatus::Unknown,
    };
    Outcome {
        status,
        exit_code,
        facts,
    }
}

/// The exit code of Git that the checkout step quotes in its last line since 2024:
/// `error running git clone "git@github.com:org/repo.git": exit status 128`.
fn git_exit_status(text: &str) -> Option<i32> {
    if !text.starts_with("error running git ") {
        return None;
    }
    let (_, code) = text.rsplit_once(": exit status ")?;
    code.trim().parse().ok()
}

/// Finds an exit footer glued to the end of one of the last lines (a log flattened into one line).
fn glued_exit_code(lines: &LogLines, range: Range<usize>) -> Option<i32> {
    const NEEDLE: &str = "Exited with code ";
    let start = range.start.max(range.end.saturating_sub(5));
    (start..range.end).rev().find_map(|index| {
        let text = lines.text(index);
        let position = text.rfind(NEEDLE)?;
        footer_exit_code(&text[position..])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(text: &str) -> Outcome {
        let lines = LogLines::render(text);
        read_outcome(&lines, 0..lines.len(), None)
    }

    fn outcome_of(title: &str, text: &str) -> Outcome {
        let lines = LogLines::render(text);
        let step = crate::phases::find_by_title(title).expect("a catalogued title");
        read_outcome(&lines, 0..lines.len(), Some(step))
    }

    #[test]
    fn exit_footers() {
        let failed =
            outcome("boom\nExited with code exit status 2\nCircleCI received exit code 2\n");
        assert_eq!(
            (failed.status, failed.exit_code),
            (PhaseStatus::Failed, Some(2))
        );
        let old = outcome("fatal: nope\nExited with code 128");
        assert_eq!(
            (old.status, old.exit_code),
            (PhaseStatus::Failed, Some(128))
        );
        let fine = outcome("ok\nCircleCI received exit code 0\n");
        assert_eq!(
            (fine.status, fine.exit_code),
            (PhaseStatus::Success, Some(0))
        );
        let glued = outcome(
            "x: command not found ... Error: Not a GitHub URL. Exited with code exit status 1",
        );
        assert_eq!(glued.exit_code, Some(1));
    }

    #[test]
    fn timeouts_and_kills_fail_with_a_fact() {
        let timeout = outcome(
            "go test\n\nToo long with no output (exceeded 10m0s): context deadline exceeded\n",
        );
        assert_eq!(timeout.status, PhaseStatus::Failed);
        assert_eq!(
            timeout.facts,
            [Fact::new(FactKind::NoOutputTimeout, "10m0s")]
        );
        let killed = outcome("Received \"killed\" signal");
        assert_eq!(killed.status, PhaseStatus::Failed);
        assert!(killed.facts.is_empty(), "the cause, not a fact, says why");
        let infrastructure = outcome("CircleCI was unable to execute the job to completion");
        assert_eq!(infrastructure.status, PhaseStatus::Failed);
        assert_eq!(
            infrastructure.facts[0].kind,
            FactKind::InfrastructureFailure
        );
    }

    #[test]
    fn skips_and_successes() {
        assert_eq!(
            outcome_of(
                "Saving cache",
                "Skipping cache generation, cache already exists for key: k"
            )
            .status,
            PhaseStatus::Skipped
        );
        assert_eq!(
            outcome_of("Uploading test results", "Found no test results, skipping").status,
            PhaseStatus::Skipped
        );
        assert_eq!(
            outcome_of("Spin up environment", "Time to start containers: 1s").status,
            PhaseStatus::Success
        );
        assert_eq!(
            outcome_of(
                "Restoring cache",
                "Unarchiving cache...\nError untarring cache: exit status 2"
            )
            .status,
            PhaseStatus::Failed
        );
        let clone = outcome_of(
            "Checkout code",
            "Cloning git repository\nerror running git clone \"git@github.com:org/repo.git\": exit status 128",
        );
        assert_eq!(
            (clone.status, clone.exit_code),
            (PhaseStatus::Failed, Some(128))
        );
        assert_eq!(outcome("just text").status, PhaseStatus::Unknown);
        // A run step's output is not read with a cache step's words.
        assert_eq!(
            outcome("Error untarring cache: exit status 2").status,
            PhaseStatus::Unknown
        );
    }

    #[test]
    fn every_end_line_of_the_catalogue_says_what_it_means() {
        for phase in crate::phases::known_phases() {
            let ends = phase.ends;
            let expected = [
                (ends.success, PhaseStatus::Success),
                (ends.failure, PhaseStatus::Failed),
                (ends.skip, PhaseStatus::Skipped),
            ];
            for (prefixes, status) in expected {
                for prefix in prefixes {
                    let line = format!("{prefix} ...");
                    let lines = LogLines::render(&line);
                    let found = read_outcome(&lines, 0..1, Some(phase)).status;
                    assert_eq!(found, status, "{}: {line}", phase.title);
                }
            }
        }
    }

    #[test]
    fn steps_a_laptop_cannot_run_are_skipped_not_failed() {
        let local = outcome_of(
            "Restoring cache",
            "Error:\nSkipping cache - error checking storage: not supported\nStep failed\n",
        );
        assert_eq!(local.status, PhaseStatus::Skipped);
    }
}
