//! Which phases are read, the causes their lines show, and what that says of their status.
//!
//! 1. A failed phase, or one whose end the log does not print, is read for every cause; a phase that
//!    ended well or had nothing to do, only for the lines worth explaining that are not failures, and
//!    only when it is a step of the catalogue (a run step that passed is not read at all: the 100 MB
//!    benchmark is mostly such steps).
//! 2. Each line is searched once ([`super::needles`]); a needle found in an echoed script counts only
//!    where it may ([`super::catalogue::Needle::in_script`]).
//! 3. Of a family of causes, the most specific is kept; the rest are ordered by rank, then by line.
//! 4. A phase whose end is not printed but that shows a failure, and that no later step follows, failed:
//!    the log was cut before its footer. One that a later step follows succeeded: a failed step prints its
//!    footer before CircleCI runs anything after it.
//! 5. The first error line of a failed phase is the evidence of its first cause, or else the line
//!    [`crate::log::errors`] picks: an error line, or, when no line looks like one, the last line the
//!    phase printed, told apart by its fact ([`FactKind::LastOutput`]).

use std::ops::Range;

use super::args::Evidence;
use super::catalogue::{CauseId, Family, Level};
use super::{needles, Cause, MOST_EVIDENCE};
use crate::log::errors::{decisive_error_line, first_error_line, Pick};
use crate::log::facts::{Fact, FactKind};
use crate::log::lines::LogLines;
use crate::log::report::{LogFormat, Phase, PhaseStatus};
use crate::log::script::{is_shell_source, read_lines, Place, ReadLine};
use crate::log::status::footer_exit_code;
use crate::phases::{self, KnownPhase, PhaseKind};

/// A test of whole lines ([`super::catalogue::Spec::line_test`]).
type LineTest = fn(&str) -> bool;

/// The most lines kept per cause while reading a phase: enough to name [`super::MOST_TESTS`] tests.
const HITS_KEPT: usize = 64;

/// Finds the causes of every phase, marks the phases the log shows failed without saying so, infers
/// the success of steps that later steps follow, and picks each failed phase's first error line.
pub(crate) fn diagnose(lines: &LogLines, phases: &mut [Phase], format: LogFormat) {
    let followed = followed_by_a_step(phases);
    for (phase, followed) in phases.iter_mut().zip(followed) {
        let step = step_of(phase);
        // A phase whose end is unknown but that a step follows succeeded: only its notices matter.
        let wanted = match phase.status {
            PhaseStatus::Failed => Wanted::Everything,
            PhaseStatus::Unknown if !followed => Wanted::Everything,
            _ if step.is_some() => Wanted::Notices,
            _ => continue,
        };
        let reading = Reading {
            range: phase.lines.clone(),
            step,
            exit_code: phase.exit_code,
            untitled: phase.title.trim().is_empty(),
            wanted,
        };
        phase.causes = find_causes(lines, &reading);
    }
    infer_failures(lines, phases);
    if matches!(format, LogFormat::JobPage | LogFormat::LocalExecute) {
        infer_success_from_later_steps(phases);
    }
    for phase in phases.iter_mut() {
        if phase.status != PhaseStatus::Failed {
            phase
                .causes
                .retain(|cause| cause.id.level() == Level::Notice);
            continue;
        }
        let body = body_start(lines, phase)..phase.lines.end;
        let pick = phase
            .causes
            .iter()
            .find(|cause| cause.id.level() == Level::Failure)
            .map(|cause| Pick::Error(cause.line))
            .or_else(|| first_error_line(lines, body.clone()))
            // A failure inferred from a line a tool prints when it gives up has that line to show.
            .or_else(|| decisive_error_line(lines, body).map(Pick::Error));
        phase.error_line = pick.map(Pick::line);
        if let Some(pick) = pick {
            // A line that only ends the output is called what it is, not an error.
            let kind = match pick {
                Pick::Error(_) => FactKind::FirstError,
                Pick::Guess(_) => FactKind::LastOutput,
            };
            phase.facts.push(Fact::new(
                kind,
                crate::text::excerpt(lines.text(pick.line())),
            ));
        }
    }
}

/// What the causes of one phase are read from.
#[derive(Debug, Clone)]
struct Reading {
    /// The phase's lines.
    range: Range<usize>,
    /// Its catalogue entry, when its step is one.
    step: Option<&'static KnownPhase>,
    /// Its exit code, when printed.
    exit_code: Option<i32>,
    /// Whether it has no title at all (an excerpt of one step's output).
    untitled: bool,
    /// Which causes are looked for.
    wanted: Wanted,
}

/// Which causes a phase is read for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    /// Every cause: the phase failed, or its end is unknown.
    Everything,
    /// Only the lines that are not failures.
    Notices,
}

/// The catalogue entry of a phase, when it is a step of the catalogue (or a secondary container).
fn step_of(phase: &Phase) -> Option<&'static KnownPhase> {
    if !matches!(phase.kind, PhaseKind::BuiltIn | PhaseKind::Orb) {
        return None;
    }
    phases::find_by_title(&phase.title).or_else(|| {
        phase
            .title
            .starts_with(phases::SECONDARY_CONTAINER)
            .then_some(&phases::SPIN_UP)
    })
}

/// Where a phase's output starts: after its title line, when it has one (`Spin up Environment` in 2018
/// for the catalogue's `Spin up environment`).
fn body_start(lines: &LogLines, phase: &Phase) -> usize {
    let first = phase.lines.start;
    let titled = !phase.title.is_empty()
        && lines
            .text(first)
            .trim()
            .trim_matches(['*', '#', '_', ' '])
            .trim_start_matches("====>> ")
            .get(..phase.title.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(&phase.title));
    if titled {
        (first + 1).min(phase.lines.end)
    } else {
        first
    }
}

/// The causes the lines of `range` show, the most specific first.
fn find_causes(lines: &LogLines, reading: &Reading) -> Vec<Cause> {
    let Reading {
        range,
        step,
        exit_code,
        untitled,
        wanted,
    } = reading.clone();
    let mut hits: Vec<(CauseId, Vec<usize>)> = Vec::new();
    let record = |hits: &mut Vec<(CauseId, Vec<usize>)>, cause: CauseId, index: usize| {
        if wanted == Wanted::Notices && cause.level() != Level::Notice {
            return;
        }
        if !cause.applies_to(step, untitled) {
            return;
        }
        match hits.iter_mut().find(|(found, _)| *found == cause) {
            Some((_, found_lines)) => {
                // The last slot follows the latest hit: a test runner's summary, with its count, comes last.
                if found_lines.last() != Some(&index) {
                    if found_lines.len() < HITS_KEPT {
                        found_lines.push(index);
                    } else if let Some(last) = found_lines.last_mut() {
                        *last = index;
                    }
                }
            }
            None => hits.push((cause, vec![index])),
        }
    };
    let line_tests: Vec<(CauseId, LineTest)> = match wanted {
        Wanted::Everything => CauseId::ALL
            .iter()
            .filter_map(|&cause| cause.spec().line_test.map(|test| (cause, test)))
            .collect(),
        Wanted::Notices => Vec::new(),
    };
    for ReadLine { index, text, place } in read_lines(lines, range.clone()) {
        // Output printed right under the script, with no blank line between, is output all the same.
        let script = place != Place::Output && is_shell_source(text);
        needles::search(text, script, step, &mut |cause| {
            record(&mut hits, cause, index)
        });
        if !script {
            for &(cause, test) in &line_tests {
                if test(text) {
                    record(&mut hits, cause, index);
                }
            }
        }
    }
    if let Some(code) = exit_code {
        let footer = footer_line(lines, range.clone(), code);
        for &cause in CauseId::ALL {
            let seen = hits.iter().any(|(found, _)| *found == cause);
            if cause.spec().exit_codes.contains(&code) && !seen {
                if let Some(footer) = footer {
                    record(&mut hits, cause, footer);
                }
            }
        }
    }
    let mut causes: Vec<Cause> = hits
        .into_iter()
        .map(|(id, found_lines)| read_cause(lines, range.clone(), id, &found_lines, exit_code))
        .collect();
    causes.sort_by_key(|cause| (cause.id.rank(), cause.line));
    let mut families = Vec::new();
    causes.retain(|cause| {
        let family = cause.id.family();
        // Configuration errors are not depths of one story: each must be fixed.
        if matches!(family, Family::Alone | Family::Config) {
            return true;
        }
        if families.contains(&family) {
            return false;
        }
        families.push(family);
        true
    });
    drop_disguised_network_failures(lines, &mut causes);
    drop_the_configuration_heading(&mut causes);
    causes
}

/// "Configuration errors: N errors occurred" heads the errors it lists: with one of them recognised,
/// the heading says nothing more.
fn drop_the_configuration_heading(causes: &mut Vec<Cause>) {
    let specific = causes
        .iter()
        .any(|cause| cause.id.is_configuration() && cause.id != CauseId::ConfigInvalid);
    if specific {
        causes.retain(|cause| cause.id != CauseId::ConfigInvalid);
    }
}

/// pip ends a run whose downloads all timed out with `(from versions: none)` and "No matching
/// distribution": with network errors beside it, that is not a missing release.
fn drop_disguised_network_failures(lines: &LogLines, causes: &mut Vec<Cause>) {
    if !causes
        .iter()
        .any(|cause| cause.id == CauseId::NetworkFailure)
    {
        return;
    }
    causes.retain(|cause| {
        cause.id != CauseId::PipNoMatchingDistribution
            || !cause.evidence.iter().any(|&index| {
                let text = lines.text(index);
                text.contains("(from versions: none)") || text.contains("(from versions: )")
            })
    });
}

/// The line that printed the exit footer with `code`, or the last non-blank line of the phase.
fn footer_line(lines: &LogLines, range: Range<usize>, code: i32) -> Option<usize> {
    let footer = range
        .clone()
        .rev()
        .find(|&index| footer_exit_code(lines.text(index).trim()) == Some(code));
    footer.or_else(|| {
        range
            .rev()
            .find(|&index| !lines.text(index).trim().is_empty())
    })
}

/// A cause with its arguments and evidence.
fn read_cause(
    lines: &LogLines,
    range: Range<usize>,
    id: CauseId,
    found_lines: &[usize],
    exit_code: Option<i32>,
) -> Cause {
    let evidence = Evidence {
        lines,
        range,
        hits: found_lines,
        exit_code,
    };
    let spec = id.spec();
    let args = (spec.args)(&evidence);
    let line = spec
        .line
        .and_then(|pick| pick(&evidence))
        .unwrap_or(found_lines[0]);
    let mut shown = vec![line];
    shown.extend(
        found_lines
            .iter()
            .copied()
            .filter(|&index| index != line)
            .take(MOST_EVIDENCE - 1),
    );
    Cause {
        id,
        line,
        evidence: shown,
        args,
    }
}

/// For each phase, whether a later step follows it. A later step of any kind shows that the log was not
/// cut inside this one: a step that failed prints its footer before CircleCI goes on to the steps it runs
/// after a failure (`store_artifacts`, `store_test_results`, `when: always`).
fn followed_by_a_step(phases: &[Phase]) -> Vec<bool> {
    let mut followed = vec![false; phases.len()];
    let mut later_step = false;
    for (index, phase) in phases.iter().enumerate().rev() {
        followed[index] = later_step;
        if phase.kind != PhaseKind::Preamble {
            later_step = true;
        }
    }
    followed
}

/// Marks failed the phases whose end is unknown but whose lines show a failure (a cause of failure, or
/// a line a tool prints when it gives up), when no step that would have proven them successful follows.
fn infer_failures(lines: &LogLines, phases: &mut [Phase]) {
    let followed = followed_by_a_step(phases);
    for (phase, followed) in phases.iter_mut().zip(followed) {
        if phase.status != PhaseStatus::Unknown || followed {
            continue;
        }
        let shows_failure = phase
            .causes
            .iter()
            .any(|cause| cause.id.level() == Level::Failure)
            || decisive_error_line(lines, body_start(lines, phase)..phase.lines.end).is_some();
        if shows_failure {
            phase.status = PhaseStatus::Failed;
            phase.status_inferred = true;
        }
    }
}

/// Marks as successful the steps whose end is unknown but that another step follows.
fn infer_success_from_later_steps(phases: &mut [Phase]) {
    let followed = followed_by_a_step(phases);
    for (phase, followed) in phases.iter_mut().zip(followed) {
        if followed && phase.kind != PhaseKind::Preamble && phase.status == PhaseStatus::Unknown {
            phase.status = PhaseStatus::Success;
            phase.status_inferred = true;
        }
    }
}
