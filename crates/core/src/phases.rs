//! The catalogue of phases: every step CircleCI prints that Pipeline Lens recognises by name.
//!
//! Each entry ties the title CircleCI prints to a stable documentation id, which is the path of a page
//! under `content/<lang>/` without its `.md` extension (for example `phases/checkout-code`).

use serde::Serialize;

/// Where a phase comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PhaseKind {
    /// A step CircleCI itself adds or runs (`checkout`, `restore_cache`, the environment spin-up...).
    BuiltIn,
    /// A step defined by an orb (here: the steps of the `circleci/python` orb).
    Orb,
    /// A `run` step: a shell command written by the project.
    Run,
    /// Not a step: the lines a pasted log holds before its first step (a heading, a shell prompt).
    Preamble,
}

impl PhaseKind {
    /// The stable kebab-case id, as in the JSON output.
    pub fn id(self) -> &'static str {
        match self {
            PhaseKind::BuiltIn => "built-in",
            PhaseKind::Orb => "orb",
            PhaseKind::Run => "run",
            PhaseKind::Preamble => "preamble",
        }
    }
}

/// One known phase: the title CircleCI prints and the page that explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownPhase {
    /// The step title exactly as CircleCI prints it.
    pub title: &'static str,
    /// Whether CircleCI or an orb provides it.
    pub kind: PhaseKind,
    /// The documentation id of the page that explains it.
    pub doc: &'static str,
}

/// Documentation id of the page that explains any `run` step.
pub const RUN_STEP_DOC: &str = "phases/run-step";

/// Every phase recognised by its title, in the order a job usually prints them.
pub const KNOWN_PHASES: &[KnownPhase] = &[
    builtin("Spin up environment", "phases/spin-up-environment"),
    builtin(
        "Preparing environment variables",
        "phases/preparing-environment-variables",
    ),
    builtin("Checkout code", "phases/checkout-code"),
    builtin("Setup a remote Docker engine", "phases/setup-remote-docker"),
    builtin("Attaching workspace", "phases/attaching-workspace"),
    builtin("Restoring cache", "phases/restoring-cache"),
    orb("Link lockfile", "phases/link-lockfile"),
    orb("Save python version", "phases/save-python-version"),
    orb("Move restored cache", "phases/move-restored-cache"),
    orb(
        "Install dependencies with pipenv using project Pipfile or inline packages",
        "phases/install-dependencies-pipenv",
    ),
    orb("Copy to cache directory", "phases/copy-to-cache-directory"),
    builtin("Saving cache", "phases/saving-cache"),
    builtin("Persisting to workspace", "phases/persisting-to-workspace"),
    builtin("Uploading artifacts", "phases/uploading-artifacts"),
    builtin("Uploading test results", "phases/uploading-test-results"),
    builtin("Task lifecycle", "phases/task-lifecycle"),
];

const fn builtin(title: &'static str, doc: &'static str) -> KnownPhase {
    KnownPhase {
        title,
        kind: PhaseKind::BuiltIn,
        doc,
    }
}

const fn orb(title: &'static str, doc: &'static str) -> KnownPhase {
    KnownPhase {
        title,
        kind: PhaseKind::Orb,
        doc,
    }
}

/// Looks a step title up in the catalogue, ignoring case and surrounding blanks.
pub fn find_by_title(title: &str) -> Option<&'static KnownPhase> {
    let title = title.trim();
    KNOWN_PHASES
        .iter()
        .find(|phase| phase.title.eq_ignore_ascii_case(title))
}

/// Every documentation id the phases link to, the run-step page included.
pub fn doc_ids() -> impl Iterator<Item = &'static str> {
    KNOWN_PHASES
        .iter()
        .map(|phase| phase.doc)
        .chain(std::iter::once(RUN_STEP_DOC))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_found_whatever_their_case() {
        let phase = find_by_title("  checkout CODE ").expect("a built-in title");
        assert_eq!(phase.doc, "phases/checkout-code");
        assert_eq!(phase.kind, PhaseKind::BuiltIn);
        assert!(find_by_title("npm test").is_none());
    }

    #[test]
    fn every_doc_id_is_unique() {
        let mut ids: Vec<_> = doc_ids().collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count);
    }
}
