//! What [`parse_log`](super::parse_log) returns: the format, the visible lines, the phases, the notes.

use std::ops::Range;

use serde::Serialize;

use super::causes::Cause;
use super::facts::Fact;
use super::lines::LogLines;
use super::notes::Note;
use crate::phases::PhaseKind;

/// The form the pasted log came in, detected automatically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LogFormat {
    /// Text copied from the CircleCI job page: step titles on their own lines.
    JobPage,
    /// Output of `circleci local execute` / `circleci build`: `====>> Step` headers.
    LocalExecute,
    /// JSON from the CircleCI API: a step's output messages or an API v1.1 build.
    ApiJson,
    /// The output of one step without its title ("Download step output").
    SingleStep,
}

impl LogFormat {
    /// The stable kebab-case id, as in the JSON output.
    pub fn id(self) -> &'static str {
        match self {
            LogFormat::JobPage => "job-page",
            LogFormat::LocalExecute => "local-execute",
            LogFormat::ApiJson => "api-json",
            LogFormat::SingleStep => "single-step",
        }
    }
}

/// How a phase ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PhaseStatus {
    /// The step ended well.
    Success,
    /// The step failed (non-zero exit, timeout, infrastructure failure...).
    Failed,
    /// The step had nothing to do (cache already saved, no test results...).
    Skipped,
    /// The log does not say.
    Unknown,
}

impl PhaseStatus {
    /// The stable kebab-case id, as in the JSON output.
    pub fn id(self) -> &'static str {
        match self {
            PhaseStatus::Success => "success",
            PhaseStatus::Failed => "failed",
            PhaseStatus::Skipped => "skipped",
            PhaseStatus::Unknown => "unknown",
        }
    }
}

/// How the parser knew which phase this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recognition {
    /// By the title printed above it.
    Title,
    /// By what its output says (no title, or a title the catalogue does not know).
    Content,
    /// Neither: a preamble or an untitled run of lines.
    Neither,
}

/// One phase of the log: a step, or the lines before the first step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    /// The step title (empty for a preamble or an untitled step nothing names).
    pub title: String,
    /// Built-in, orb, run step or preamble.
    pub kind: PhaseKind,
    /// The documentation page that explains it (`None` for a preamble).
    pub doc: Option<&'static str>,
    /// How the phase was recognised.
    pub recognised_by: Recognition,
    /// Its lines in [`LogReport::lines`], 0-based, end exclusive; never empty.
    pub lines: Range<usize>,
    /// How it ended.
    pub status: PhaseStatus,
    /// The exit code, when the log prints one.
    pub exit_code: Option<i32>,
    /// How long it took, when the log says (API JSON times, a duration beside a title).
    pub duration_ms: Option<u64>,
    /// What the log says about it.
    pub facts: Vec<Fact>,
    /// The line to read first (0-based), for a failed phase: the first that looks like an error, or,
    /// when none does, the last it printed ([`Phase::error_line_is_a_guess`]).
    pub error_line: Option<usize>,
    /// Why it failed, the most specific first, and the lines worth explaining that are not failures
    /// (a cache miss); a phase that did not fail has only the latter.
    pub causes: Vec<Cause>,
    /// Whether the status is inferred rather than printed: a step that later steps follow succeeded; a
    /// step cut before its footer whose lines show a failure failed.
    pub status_inferred: bool,
}

impl Phase {
    /// Whether [`Phase::error_line`] is only the last line the phase printed, because no line of it looks
    /// like an error.
    pub fn error_line_is_a_guess(&self) -> bool {
        self.facts
            .iter()
            .any(|fact| fact.kind == super::facts::FactKind::LastOutput)
    }

    /// The first line, 1-based.
    pub fn first_line(&self) -> usize {
        self.lines.start + 1
    }

    /// The last line, 1-based inclusive.
    pub fn last_line(&self) -> usize {
        self.lines.end
    }
}

/// Everything the parser found in a log. Parsing never fails: a log it cannot read still gives
/// phases (every line belongs to exactly one) plus notes that say what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogReport {
    /// The form the input came in.
    pub format: LogFormat,
    /// The visible lines (escape sequences removed, styles kept as spans); phases index into them.
    /// For text input they are the input's lines; for API JSON, the output the JSON carries.
    pub lines: LogLines,
    /// The phases, in order, covering every line once.
    pub phases: Vec<Phase>,
    /// What the parser wants to tell the user.
    pub notes: Vec<Note>,
}
