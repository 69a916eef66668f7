//! From titles to phases: every line lands in exactly one phase, in order.
//!
//! 1. The titles cut the lines into regions: the lines before the first title, then one region per
//!    title.
//! 2. A region without a title is cut again where its content shows that a new step started (a
//!    footer followed by more output, a shebang after output, another step's signature).
//! 3. Each phase is named: by its title when the catalogue knows it, by its content otherwise.
//! 4. Its status, exit code and facts are read from its lines.
//!
//! What happens next (the first error line, the causes, the success or failure inferred from the steps
//! that follow) is [`super::causes::diagnose`]'s work.

use std::ops::Range;

use super::extract::extract;
use super::glued_output::glued_run_output;
use super::lines::LogLines;
use super::progress::{Progress, LINES_PER_REPORT};
use super::report::{LogFormat, Phase, PhaseStatus, Recognition};
use super::script::{classic_footer, command_title, is_footer, is_shebang, read_lines, Place};
use super::signatures::signature;
use super::status::read_outcome;
use super::titles::{find_known_title, split_skipped, TitleMarker};
use crate::phases::{KnownPhase, PhaseKind, RUN_STEP_DOC, SECONDARY_CONTAINER, SPIN_UP};

/// The name of a phase and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Naming {
    title: String,
    kind: PhaseKind,
    doc: Option<&'static str>,
    /// The catalogue entry, for a built-in or orb step.
    phase: Option<&'static KnownPhase>,
    recognised_by: Recognition,
}

impl Naming {
    fn run(title: String, recognised_by: Recognition) -> Self {
        Self {
            title,
            kind: PhaseKind::Run,
            doc: Some(RUN_STEP_DOC),
            phase: None,
            recognised_by,
        }
    }

    fn catalogued(title: &str, recognised_by: Recognition) -> Option<Self> {
        find_known_title(title).map(|known| Self::of(known, recognised_by))
    }

    fn of(known: &'static KnownPhase, recognised_by: Recognition) -> Self {
        Self {
            title: known.title.to_owned(),
            kind: known.kind,
            doc: Some(known.doc),
            phase: Some(known),
            recognised_by,
        }
    }
}

/// What the parser knows about a phase before reading its status and facts.
#[derive(Debug, Clone)]
struct Piece {
    range: Range<usize>,
    naming: Naming,
    duration_ms: Option<u64>,
    /// Whether the title says the step was not run (`Persisting to Workspace (skipped)`).
    skipped: bool,
}

/// Builds the phases of `lines` from the titles found in them.
pub(crate) fn build_phases(
    lines: &LogLines,
    markers: &[TitleMarker],
    format: LogFormat,
) -> Vec<Phase> {
    let mut ignore = |_: f32| {};
    build_phases_with_progress(lines, markers, format, &mut Progress::new(&mut ignore))
}

/// [`build_phases`], reporting its advance through the lines each time a phase ends past
/// another [`LINES_PER_REPORT`] lines.
pub(crate) fn build_phases_with_progress(
    lines: &LogLines,
    markers: &[TitleMarker],
    format: LogFormat,
    progress: &mut Progress<'_>,
) -> Vec<Phase> {
    let mut pieces = Vec::new();
    let first_title = markers.first().map_or(lines.len(), |marker| marker.line);
    let untitled = split_untitled(lines, 0..first_title);
    let alone = untitled.len() == 1 && markers.is_empty();
    for range in untitled {
        let naming = name_untitled(lines, range.clone(), format, alone);
        pieces.push(Piece {
            range,
            naming,
            duration_ms: None,
            skipped: false,
        });
    }
    for (position, marker) in markers.iter().enumerate() {
        let end = markers
            .get(position + 1)
            .map_or(lines.len(), |next| next.line);
        let (title, skipped) = split_skipped(&marker.title);
        let naming = name_titled(lines, title, marker.line + 1..end);
        let glued = naming
            .phase
            .and_then(|phase| glued_run_output(lines, phase, marker.line + 1..end));
        pieces.push(Piece {
            range: marker.line..glued.unwrap_or(end),
            naming,
            duration_ms: marker.duration_ms,
            skipped,
        });
        if let Some(start) = glued {
            for range in split_untitled(lines, start..end) {
                let naming = name_untitled(lines, range.clone(), format, false);
                pieces.push(Piece {
                    range,
                    naming,
                    duration_ms: None,
                    skipped: false,
                });
            }
        }
    }
    let mut next_report = LINES_PER_REPORT;
    let phases: Vec<Phase> = pieces
        .into_iter()
        .map(|piece| {
            let end = piece.range.end;
            let phase = read_phase(lines, piece);
            if end >= next_report {
                progress.advance(end, lines.len());
                next_report = end + LINES_PER_REPORT;
            }
            phase
        })
        .collect();
    phases
}

/// Reads the status, facts and first error of a named piece.
fn read_phase(lines: &LogLines, piece: Piece) -> Phase {
    let Piece {
        range,
        naming,
        duration_ms,
        skipped,
        ..
    } = piece;
    let outcome = read_outcome(lines, range.clone(), naming.phase);
    let extracted = extract(naming.phase, naming.kind, lines, range.clone());
    let mut status = outcome.status;
    if skipped && status != PhaseStatus::Failed {
        status = PhaseStatus::Skipped;
    }
    if status == PhaseStatus::Unknown {
        status = match extracted.tests_passed {
            Some(true) => PhaseStatus::Success,
            Some(false) => PhaseStatus::Failed,
            None => PhaseStatus::Unknown,
        };
    }
    let mut facts = extracted.facts;
    facts.extend(outcome.facts);
    Phase {
        title: naming.title,
        kind: naming.kind,
        doc: naming.doc,
        recognised_by: naming.recognised_by,
        lines: range,
        status,
        exit_code: outcome.exit_code,
        duration_ms,
        facts,
        error_line: None,
        causes: Vec::new(),
        status_inferred: false,
    }
}

/// Names a titled region from its title, or from its body when the title is unknown.
fn name_titled(lines: &LogLines, title: &str, body: Range<usize>) -> Naming {
    if let Some(naming) = Naming::catalogued(title, Recognition::Title) {
        return naming;
    }
    if let Some(container) = title
        .strip_prefix(SECONDARY_CONTAINER)
        .filter(|name| !name.trim().is_empty())
    {
        // A secondary container runs in the background, started like the primary one.
        return Naming {
            title: format!("{SECONDARY_CONTAINER}{}", container.trim()),
            ..Naming::of(&SPIN_UP, Recognition::Title)
        };
    }
    let first_body_line = body
        .clone()
        .map(|index| lines.text(index))
        .find(|text| !text.trim().is_empty());
    if !first_body_line.is_some_and(is_shebang) {
        let signatures = body.clone().filter_map(|index| {
            signature(lines.text(index)).filter(|found| !found.signature.in_script)
        });
        let found = signatures
            .clone()
            .find(|found| !found.signature.weak)
            .or_else(|| signatures.clone().next());
        if let Some(found) = found {
            return Naming::of(found.phase, Recognition::Content);
        }
    }
    Naming::run(title.to_owned(), Recognition::Title)
}

/// Names an untitled piece from its content; `alone` when it is the whole log (one step's output).
fn name_untitled(lines: &LogLines, range: Range<usize>, format: LogFormat, alone: bool) -> Naming {
    let mut non_blank = range
        .clone()
        .filter(|&index| !lines.text(index).trim().is_empty());
    let first = non_blank.next();
    // The shebang opens the step, or comes right after a line the job page prints above it (a
    // duration, a step number).
    let shebang = first
        .into_iter()
        .chain(non_blank.take(2))
        .find(|&index| is_shebang(lines.text(index)));
    if let Some(shebang) = shebang {
        // The script's lines, as every reader of a step sees them (a blank line right under the
        // shebang opens the script, any other closes it).
        let script: Vec<usize> = read_lines(lines, shebang..range.end)
            .take_while(|line| line.place != Place::Output)
            .map(|line| line.index)
            .collect();
        let orb = script.iter().find_map(|&index| {
            signature(lines.text(index)).filter(|found| found.signature.in_script)
        });
        if let Some(found) = orb {
            return Naming::of(found.phase, Recognition::Content);
        }
        let command = script
            .first()
            .map(|&index| command_title(lines.text(index)))
            .unwrap_or_default();
        return Naming::run(command, Recognition::Content);
    }
    let signatures = range
        .clone()
        .filter_map(|index| signature(lines.text(index)));
    let found = signatures
        .clone()
        .find(|found| !found.signature.weak)
        .or_else(|| signatures.clone().next());
    if let Some(found) = found {
        return Naming::of(found.phase, Recognition::Content);
    }
    // CircleCI 1.0 named the command in its footer.
    if let Some((command, _)) = range
        .clone()
        .find_map(|index| classic_footer(lines.text(index)))
    {
        return Naming::run(command_title(command), Recognition::Content);
    }
    let outcome = read_outcome(lines, range.clone(), None);
    if outcome.status != PhaseStatus::Unknown || outcome.exit_code.is_some() {
        return Naming::run(String::new(), Recognition::Content);
    }
    if alone && matches!(format, LogFormat::SingleStep | LogFormat::ApiJson) && first.is_some() {
        return Naming::run(String::new(), Recognition::Neither);
    }
    Naming {
        title: String::new(),
        kind: PhaseKind::Preamble,
        doc: None,
        phase: None,
        recognised_by: Recognition::Neither,
    }
}

/// Cuts an untitled region where its content shows that a new step started.
pub(crate) fn split_untitled(lines: &LogLines, range: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    if range.is_empty() {
        return pieces;
    }
    let mut start = range.start;
    let mut state = PieceState::default();
    for index in range.clone() {
        let text = lines.text(index).trim();
        if text.is_empty() {
            continue;
        }
        if state.starts_new_step(text) && index > start {
            pieces.push(start..index);
            start = index;
            state = PieceState::default();
        }
        state.read(text);
    }
    pieces.push(start..range.end);
    pieces
}

/// What an untitled piece has shown so far.
#[derive(Debug, Default)]
struct PieceState {
    /// Whether a non-blank line was seen.
    has_content: bool,
    /// Whether the piece is a run step (it opened with a shebang).
    is_script: bool,
    /// Whether a footer closed the step.
    ended: bool,
    /// The step the piece's signatures name.
    phase: Option<&'static str>,
    /// The signatures seen, by prefix.
    seen: Vec<&'static str>,
}

impl PieceState {
    /// Whether `text` (trimmed, non-empty) opens a new step rather than continuing this one.
    fn starts_new_step(&self, text: &str) -> bool {
        if is_shebang(text) {
            return self.has_content;
        }
        if is_footer(text) {
            return false;
        }
        if self.ended {
            return true;
        }
        if self.is_script {
            return false;
        }
        match signature(text) {
            Some(found) if !found.signature.in_script => {
                (!found.signature.weak && self.phase.is_some_and(|phase| phase != found.title()))
                    || found
                        .signature
                        .restarts_after
                        .iter()
                        .any(|prefix| self.seen.contains(prefix))
            }
            _ => false,
        }
    }

    /// Takes `text` (trimmed, non-empty) into the piece.
    fn read(&mut self, text: &str) {
        if is_shebang(text) && !self.has_content {
            self.is_script = true;
        } else if is_footer(text) {
            self.ended = true;
        } else if let Some(found) = signature(text).filter(|_| !self.is_script) {
            if !found.signature.weak {
                self.phase.get_or_insert(found.title());
            }
            if !self.seen.contains(&found.prefix()) {
                self.seen.push(found.prefix());
            }
        }
        self.has_content = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<Range<usize>> {
        let lines = LogLines::render(text);
        split_untitled(&lines, 0..lines.len())
    }

    #[test]
    fn a_save_then_a_restore_are_two_steps() {
        let text = "Creating cache archive...\nStored Cache to k\n  * /a\n\nFound a cache from build 7 at k\nSize: 5 MiB\n";
        assert_eq!(pieces(text), [0..4, 4..6]);
    }

    #[test]
    fn a_second_lookup_after_a_hit_is_a_new_restore() {
        let text = "Found a cache from build 43 at k\nUnarchiving cache...\n\nNo cache is found for key: k\n";
        assert_eq!(pieces(text), [0..3, 3..4]);
        let misses = "No cache is found for key: a\nFound a cache from build 2 at b\n";
        assert_eq!(pieces(misses), [Range { start: 0, end: 2 }]);
    }

    #[test]
    fn output_after_a_footer_is_a_new_step() {
        let text =
            "lint output\nExited with code exit status 1\nCircleCI received exit code 1\n\nmore\n";
        assert_eq!(pieces(text), [0..4, 4..5]);
    }

    #[test]
    fn a_run_step_output_is_not_cut_by_signature_like_lines() {
        let text = "#!/bin/bash -eo pipefail\n./deploy.sh\n\nUploading /dist to s3\nFound a cache from build 1 at x\n";
        assert_eq!(pieces(text), [Range { start: 0, end: 5 }]);
    }

    #[test]
    fn untitled_pieces_are_named_by_content() {
        let lines = LogLines::render(
            "#!/bin/bash -eo pipefail\nls -l /tmp\n\ntotal 28\nCircleCI received exit code 0\n",
        );
        let naming = name_untitled(&lines, 0..lines.len(), LogFormat::SingleStep, true);
        assert_eq!(
            (naming.title.as_str(), naming.kind),
            ("ls -l /tmp", PhaseKind::Run)
        );
        let restore = LogLines::render("Found a cache from build 3 at k\n");
        assert_eq!(
            name_untitled(&restore, 0..1, LogFormat::SingleStep, true).title,
            "Restoring cache"
        );
        let heading = LogLines::render("# Results\n");
        assert_eq!(
            name_untitled(&heading, 0..1, LogFormat::JobPage, false).kind,
            PhaseKind::Preamble
        );
    }
}
