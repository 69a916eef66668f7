//! The failure summary of a log: the step that failed first, why, and where to look.
//!
//! CircleCI stops a job at its first failing step; the steps that run after it (`store_artifacts`,
//! `store_test_results`, `when: always` steps) only report what the failure left behind. So the summary is
//! about the first failed phase.

use super::causes::{ArgName, Cause, Level};
use super::report::{LogReport, PhaseStatus};

/// What a failed log says, in short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureSummary<'a> {
    /// The first failed phase (index into [`LogReport::phases`]).
    pub phase: usize,
    /// Its exit code, when printed.
    pub exit_code: Option<i32>,
    /// Why it failed, the most specific first (empty when no cause of the catalogue matched).
    pub causes: Vec<&'a Cause>,
    /// The line to read first (0-based): the first cause's evidence, or the first error line.
    pub line: Option<usize>,
    /// The failing tests a test runner named.
    pub tests: Vec<&'a str>,
    /// Whether no job ran at all: CircleCI refused the configuration.
    pub no_job_ran: bool,
    /// Whether the failure is inferred from the lines (the log was cut before the step's footer).
    pub inferred: bool,
    /// Whether `line` is only the last line the step printed: no line of it looks like an error.
    pub line_is_a_guess: bool,
}

impl LogReport {
    /// The failure summary, when a phase failed.
    pub fn failure(&self) -> Option<FailureSummary<'_>> {
        let phase = self
            .phases
            .iter()
            .position(|phase| phase.status == PhaseStatus::Failed)?;
        let failed = &self.phases[phase];
        let causes: Vec<&Cause> = failed
            .causes
            .iter()
            .filter(|cause| cause.id.level() == Level::Failure)
            .collect();
        let tests = causes
            .iter()
            .find(|cause| cause.arg(ArgName::Test).is_some())
            .map(|cause| cause.all(ArgName::Test).collect())
            .unwrap_or_default();
        let no_job_ran = causes
            .first()
            .is_some_and(|cause| cause.id.is_configuration())
            && !self.checked_by_a_step(failed);
        Some(FailureSummary {
            phase,
            exit_code: failed.exit_code,
            line: failed.error_line,
            causes,
            tests,
            no_job_ran,
            inferred: failed.status_inferred,
            line_is_a_guess: failed.error_line_is_a_guess(),
        })
    }
}

impl LogReport {
    /// Whether the configuration errors of `phase` come from the CircleCI CLI run by a step
    /// (`circleci config validate`, the continuation of a setup workflow): a job ran, and it is the
    /// configuration it checked or generated that is wrong, not the one CircleCI was given.
    fn checked_by_a_step(&self, phase: &crate::log::Phase) -> bool {
        phase
            .lines
            .clone()
            .any(|index| self.lines.text(index).contains(COMPILED_BY_THE_CLI))
    }
}

/// What the CircleCI CLI prints when the configuration it compiles is invalid.
const COMPILED_BY_THE_CLI: &str = "config compilation contains errors";

#[cfg(test)]
mod tests {
    use crate::log::parse_log;

    #[test]
    fn the_first_failed_step_is_summarised_with_its_tests() {
        let text = "Checkout code\nHEAD is now at abc123 Fix\n\nRun tests\n#!/bin/bash -eo pipefail\npytest\n\nFAILED tests/test_a.py::test_one - assert 1 == 2\n= 1 failed, 3 passed in 0.20s =\n\nExited with code exit status 1\nCircleCI received exit code 1\n\nUploading test results\nFound no test results, skipping\n";
        let report = parse_log(text);
        let failure = report.failure().expect("a failure");
        assert_eq!(report.phases[failure.phase].title, "Run tests");
        assert_eq!(failure.exit_code, Some(1));
        assert_eq!(failure.tests, ["tests/test_a.py::test_one"]);
        assert_eq!(failure.line, Some(7));
        assert!(!failure.no_job_ran && !failure.inferred);
    }

    #[test]
    fn a_refused_configuration_ran_no_job() {
        let report = parse_log("Configuration errors: 1 error occurred:\n\n* Cannot find a job named `build` to run in the `jobs:` section of your configuration file.\n");
        let failure = report.failure().expect("a failure");
        assert!(failure.no_job_ran);
        assert!(failure.inferred);
    }

    #[test]
    fn a_passing_log_has_no_failure() {
        let report = parse_log("Checkout code\nHEAD is now at abc123 Fix\n");
        assert!(report.failure().is_none());
    }
}
