//! The catalogue of steps: everything Pipeline Lens knows about each step CircleCI runs for a job, in
//! one place.
//!
//! One [`BuiltInStep`] per step, in [`catalogue::STEPS`]: how a config writes it ([`ConfigKey`]: its
//! key, the keys of its mapping form, its documentation page) and how a log prints it ([`KnownPhase`]:
//! every title CircleCI has printed for it, the lines only it prints, the lines that end it well, badly
//! or with nothing done, which facts to read, its documentation page). The log parser, the config
//! analyser and the cross-links between them read this table; adding a step or a wording is one edit.
//!
//! A documentation id is the path of a page under `content/<lang>/` without its `.md` extension (for
//! example `phases/checkout-code`).

mod catalogue;

use serde::Serialize;

pub use catalogue::{ENVIRONMENT, SECONDARY_CONTAINER, SPIN_UP, STEPS, TASK_LIFECYCLE};

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

/// Everything known about one step: how a config writes it, how a log prints it. A step the config
/// never names (the environment spin-up) has no [`ConfigKey`]; a step whose phases have no fixed title
/// (`run`, `when`) has no [`KnownPhase`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuiltInStep {
    /// How a `.circleci/config.yml` writes it.
    pub config: Option<ConfigKey>,
    /// How a build log prints it.
    pub phase: Option<KnownPhase>,
}

/// A built-in step as a config writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConfigKey {
    /// The key under `steps:` (`restore_cache`).
    pub key: &'static str,
    /// The keys its mapping form takes (`key`, `keys`, `name`).
    pub args: &'static [&'static str],
    /// The documentation id of the key's page (`keys/restore_cache`).
    pub doc: &'static str,
}

/// A phase as a log prints it: its titles, its tell-tale lines, how it ends, what to read in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownPhase {
    /// The title the report shows (the job page's spelling).
    pub title: &'static str,
    /// Every other title CircleCI has printed for it (the local CLI's `Restoring Cache`, older or
    /// newer spellings). Titles are compared without regard to ASCII case.
    pub other_titles: &'static [&'static str],
    /// Whether CircleCI or an orb provides it.
    pub kind: PhaseKind,
    /// The documentation id of the page that explains it.
    pub doc: &'static str,
    /// Lines only this step prints: they name it when its title is missing.
    pub signatures: &'static [Signature],
    /// How its lines say it ended.
    pub ends: Ends,
    /// Which facts its lines hold.
    pub facts: FactReaders,
}

/// The lines a step prints when it ends, each matched at the start of a trimmed line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ends {
    /// It ended well.
    pub success: &'static [&'static str],
    /// It failed.
    pub failure: &'static [&'static str],
    /// It had nothing to do.
    pub skip: &'static [&'static str],
}

impl Ends {
    /// A step whose lines say nothing of its end but the footer.
    pub const NONE: Ends = Ends {
        success: &[],
        failure: &[],
        skip: &[],
    };
}

/// Which fact readers of the log parser look at a phase's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FactReaders {
    /// The build agent, the host, the images (spin-up and secondary containers).
    SpinUp,
    /// The remote Docker engine.
    RemoteDocker,
    /// The environment variables.
    Variables,
    /// The git version, branch and commit.
    Checkout,
    /// Cache keys, sizes, paths and durations.
    Cache,
    /// Workspace layers and paths.
    Workspace,
    /// Artifacts uploaded.
    Artifacts,
    /// Test results archived.
    TestResults,
    /// What commands print: tests, coverage, Docker builds, Python installs.
    Commands,
    /// None.
    Nothing,
}

/// A line that only one step prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signature {
    /// What the line looks like.
    pub shape: LineShape,
    /// Seeing this line after one of these prefixes means a new step of the same kind started.
    pub restarts_after: &'static [&'static str],
    /// Whether the line can sit in the script a run step echoes (orb scripts, the old checkout script).
    pub in_script: bool,
    /// Whether other steps print the line too: it names a step only when nothing else does, and never
    /// tells that another kind of step started.
    pub weak: bool,
}

/// How a signature line is recognised, after leading blanks and an orb's `INFO: ` prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineShape {
    /// The line starts with this text.
    Prefix(&'static str),
    /// `<prefix><a path> to <destination>`: the path starts with `/`, `~` or `.`.
    PathTo(&'static str),
    /// `<prefix>...` with one of these texts somewhere after the prefix.
    PrefixContaining(&'static str, &'static [&'static str]),
    /// `<prefix>...<suffix>`.
    PrefixEnding(&'static str, &'static str),
    /// The whole line (trailing blanks aside).
    Exact(&'static str),
}

impl LineShape {
    /// The text the line starts with.
    pub fn prefix(self) -> &'static str {
        match self {
            LineShape::Prefix(prefix)
            | LineShape::PathTo(prefix)
            | LineShape::PrefixContaining(prefix, _)
            | LineShape::PrefixEnding(prefix, _)
            | LineShape::Exact(prefix) => prefix,
        }
    }

    /// Whether `text` (trimmed at its start) has this shape.
    pub fn matches(self, text: &str) -> bool {
        match self {
            LineShape::Prefix(prefix) => text.starts_with(prefix),
            LineShape::PathTo(prefix) => text
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with(['/', '~', '.']) && rest.contains(" to ")),
            LineShape::PrefixContaining(prefix, inner) => text
                .strip_prefix(prefix)
                .is_some_and(|rest| inner.iter().any(|part| rest.contains(part))),
            LineShape::PrefixEnding(prefix, suffix) => {
                text.starts_with(prefix) && text.trim_end().ends_with(suffix)
            }
            LineShape::Exact(whole) => text.trim_end() == whole,
        }
    }
}

/// Documentation id of the page that explains any `run` step.
pub const RUN_STEP_DOC: &str = "phases/run-step";

/// Every phase recognised by its title, in the order a job usually prints them.
pub fn known_phases() -> impl Iterator<Item = &'static KnownPhase> {
    STEPS.iter().filter_map(|step| step.phase.as_ref())
}

/// Every built-in step a config can write.
pub fn config_keys() -> impl Iterator<Item = &'static ConfigKey> + Clone {
    STEPS.iter().filter_map(|step| step.config.as_ref())
}

/// Every title of the catalogue with its phase, and which lengths they have: the job-page parser
/// looks up most lines of a log, and almost none has the length of a title.
struct TitleIndex {
    entries: Vec<(&'static str, &'static KnownPhase)>,
    lengths: [bool; TitleIndex::LONGEST + 1],
}

impl TitleIndex {
    /// The longest title the index takes (the python orb's install step, the longest, has 74 bytes).
    const LONGEST: usize = 127;

    fn build() -> Self {
        let mut index = TitleIndex {
            entries: Vec::new(),
            lengths: [false; TitleIndex::LONGEST + 1],
        };
        for phase in known_phases() {
            for title in std::iter::once(&phase.title).chain(phase.other_titles) {
                assert!(
                    title.len() <= TitleIndex::LONGEST,
                    "title too long: {title}"
                );
                index.lengths[title.len()] = true;
                index.entries.push((title, phase));
            }
        }
        index
    }
}

static TITLES: std::sync::LazyLock<TitleIndex> = std::sync::LazyLock::new(TitleIndex::build);

/// Looks a step title up in the catalogue, ignoring ASCII case and surrounding blanks.
pub fn find_by_title(title: &str) -> Option<&'static KnownPhase> {
    let title = title.trim();
    let titles = &*TITLES;
    if !titles.lengths.get(title.len()).copied().unwrap_or(false) {
        return None;
    }
    titles
        .entries
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(title))
        .map(|(_, phase)| *phase)
}

/// The built-in step a config writes as `key` (`checkout`, `restore_cache`...).
pub fn find_by_config_key(key: &str) -> Option<&'static BuiltInStep> {
    STEPS
        .iter()
        .find(|step| step.config.is_some_and(|config| config.key == key))
}

/// The phase a config's built-in step prints, when it has a fixed title.
pub fn phase_of_config_key(key: &str) -> Option<&'static KnownPhase> {
    find_by_config_key(key).and_then(|step| step.phase.as_ref())
}

/// Every documentation id the phases link to, the run-step page included.
pub fn doc_ids() -> impl Iterator<Item = &'static str> {
    known_phases()
        .map(|phase| phase.doc)
        .chain(std::iter::once(RUN_STEP_DOC))
}

#[cfg(test)]
mod tests;
