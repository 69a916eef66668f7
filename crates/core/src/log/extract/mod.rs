//! Facts: what each kind of phase says worth showing, read line by line.
//!
//! Each reader knows one kind of output (the environment spin-up, variables, checkout, caches,
//! workspaces and uploads, tests and coverage, Docker builds, the python orb); the phase's kind
//! decides which readers look at its lines, so a run step's `Size: 3` is not taken for a cache size.

mod cache;
mod checkout;
mod docker;
mod python;
mod spin_up;
mod test_runs;
mod uploads;
mod variables;

use std::ops::Range;

use super::facts::{Fact, FactKind};
use super::lines::LogLines;
use crate::phases::{FactReaders, KnownPhase, PhaseKind};

/// The most facts one phase keeps: enough for a summary, bounded for huge logs.
const MOST_FACTS: usize = 60;

/// A reader of one kind of output.
trait LineReader {
    /// Reads one trimmed, non-empty line.
    fn read(&mut self, text: &str, facts: &mut Vec<Fact>);

    /// Adds what only the whole output tells.
    fn finish(&mut self, _facts: &mut Vec<Fact>) {}
}

/// What the lines of a phase say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Extracted {
    /// The facts, in the order the log prints them, without duplicates.
    pub(crate) facts: Vec<Fact>,
    /// Whether the tests the phase ran passed, when it printed a summary.
    pub(crate) tests_passed: Option<bool>,
}

/// The readers that apply to a phase of this catalogue entry (`None`: a run step or a preamble) and kind.
fn readers_for(step: Option<&KnownPhase>, kind: PhaseKind) -> Vec<Box<dyn LineReader>> {
    let which = match (step, kind) {
        (Some(phase), _) => phase.facts,
        (None, PhaseKind::Preamble) => FactReaders::SpinUp,
        (None, PhaseKind::Orb | PhaseKind::Run) => FactReaders::Commands,
        (None, PhaseKind::BuiltIn) => FactReaders::Nothing,
    };
    let mut readers: Vec<Box<dyn LineReader>> = Vec::new();
    match which {
        FactReaders::SpinUp => {
            readers.push(Box::new(spin_up::SpinUp::default()));
            // The preamble of a local run holds no variables; the spin-up of an old one does.
            if kind == PhaseKind::BuiltIn {
                readers.push(Box::new(variables::Variables::default()));
            }
        }
        FactReaders::RemoteDocker => readers.push(Box::new(spin_up::RemoteDocker)),
        FactReaders::Variables => readers.push(Box::new(variables::Variables::default())),
        FactReaders::Checkout => readers.push(Box::new(checkout::Checkout)),
        FactReaders::Cache => readers.push(Box::new(cache::Cache::default())),
        FactReaders::Workspace => readers.push(Box::new(uploads::Workspace)),
        FactReaders::Artifacts => readers.push(Box::new(uploads::Artifacts)),
        FactReaders::TestResults => readers.push(Box::new(uploads::TestResults::default())),
        FactReaders::Commands => {
            readers.push(Box::new(test_runs::Tests));
            readers.push(Box::new(docker::Docker));
            readers.push(Box::new(python::Python {
                orb: kind == PhaseKind::Orb,
            }));
        }
        FactReaders::Nothing => {}
    }
    readers
}

/// Reads the facts of the lines in `range` for a phase of this catalogue entry and kind.
pub(crate) fn extract(
    step: Option<&KnownPhase>,
    kind: PhaseKind,
    lines: &LogLines,
    range: Range<usize>,
) -> Extracted {
    let mut readers = readers_for(step, kind);
    let mut tests = test_runs::TestOutcome::default();
    let mut facts = Vec::new();
    if readers.is_empty() {
        return Extracted::default();
    }
    let is_test_phase = matches!(kind, PhaseKind::Orb | PhaseKind::Run);
    for index in range {
        let text = lines.text(index).trim();
        if text.is_empty() {
            continue;
        }
        for reader in &mut readers {
            reader.read(text, &mut facts);
        }
        if is_test_phase {
            tests.read(text);
        }
        if facts.len() > 4 * MOST_FACTS {
            dedupe(&mut facts);
        }
    }
    for reader in &mut readers {
        reader.finish(&mut facts);
    }
    dedupe(&mut facts);
    facts.truncate(MOST_FACTS);
    Extracted {
        facts,
        tests_passed: tests.passed(),
    }
}

/// Removes repeated facts, keeping the first of each.
fn dedupe(facts: &mut Vec<Fact>) {
    let mut seen = std::collections::HashSet::new();
    facts.retain(|fact| seen.insert((fact.kind, fact.value.clone())));
}

/// Pushes a fact unless its value is empty.
fn push(facts: &mut Vec<Fact>, kind: FactKind, value: &str) {
    let value = value.trim();
    if !value.is_empty() {
        facts.push(Fact::new(kind, value));
    }
}

/// The text after `prefix` when `text` starts with it.
fn after<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.strip_prefix(prefix).map(str::trim)
}

/// The item of a `  * /path` list line.
fn list_item(text: &str) -> Option<&str> {
    text.strip_prefix("* ").map(str::trim)
}

#[cfg(test)]
mod dispatch_tests {
    use super::*;

    #[test]
    fn readers_follow_the_phase_kind() {
        let lines = LogLines::render("Size: 3 MiB\n13 passed in 1.00s\n");
        let run = extract(None, PhaseKind::Run, &lines, 0..2);
        assert_eq!(
            run.facts,
            [Fact::new(FactKind::TestSummary, "13 passed in 1.00s")]
        );
        assert_eq!(run.tests_passed, Some(true));
        let restoring = crate::phases::find_by_title("Restoring cache");
        let cache = extract(restoring, PhaseKind::BuiltIn, &lines, 0..2);
        assert_eq!(cache.facts, [Fact::new(FactKind::CacheSize, "3 MiB")]);
    }
}
