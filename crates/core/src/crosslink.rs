//! Config and log together: which job of a configuration produced a log, and which step each phase
//! comes from.
//!
//! [`link_log_to_config`] works in these steps:
//!
//! 1. Each job's steps are unrolled into the phases they are expected to print ([`Expected`]): a
//!    built-in step by the title CircleCI gives it (`restore_cache` prints "Restoring cache"), a `run`
//!    step by its `name:` or its command, a command of the configuration by its own steps, a known orb
//!    command (`python/install-packages`) by the titles it prints, and anything else (an unknown orb
//!    command, steps passed as a parameter) as a gap that may print any number of phases.
//! 2. The log's step phases are aligned with each job's expected phases, in order, keeping the
//!    alignment that matches the most (distinctive `run` names weigh more than a `checkout` every job
//!    has).
//! 3. Each job gets a score: the harmonic mean of the share of the log's step phases it explains and
//!    the share of its steps found in the log, lowered when the log's `CIRCLE_JOB` names another job.
//!    The job it names wins a tie.
//! 4. The best job is returned when its score reaches [`MIN_SCORE`], with the phase of each step and
//!    the step of each phase. The phases CircleCI prints for the job itself (spin-up, environment
//!    variables) point at the job.
//!
//! Architecture invariant: linking never panics and its work is bounded ([`MAX_CELLS`]) whatever the
//! two inputs.

use crate::config::model::{Command, ExecutorSpec, Job, Step, StepKind};
use crate::config::{ConfigReport, Span};
use crate::log::{FactKind, LogReport};
use crate::phases::{self, PhaseKind};

/// The lowest score at which a job is said to have produced the log.
pub const MIN_SCORE: f64 = 0.5;

/// The largest alignment table computed for one job (expected phases × log phases); longer logs are
/// aligned on their first phases only.
pub const MAX_CELLS: usize = 2_000_000;

/// How deep commands calling commands are unrolled.
const MAX_COMMAND_DEPTH: usize = 8;

/// What the score is multiplied by when the log's `CIRCLE_JOB` names another job (a job can be renamed
/// since the log was taken, so this is evidence, not proof).
const OTHER_NAME_FACTOR: f64 = 0.75;

/// The weight of a phase absorbed by a step whose phases are unknown (an unknown orb command).
const GAP_WEIGHT: f64 = 0.3;

/// The job of a configuration that produced a log, phase by phase.
#[derive(Debug, Clone, PartialEq)]
pub struct JobLink {
    /// The job's name as declared under `jobs:`.
    pub job: String,
    /// Where the job's name is written.
    pub job_span: Span,
    /// For each phase of the log (same indices as [`LogReport::phases`]), where it comes from.
    pub phases: Vec<Option<Origin>>,
    /// For each step of the job (same indices as its `steps:`), the phases it printed.
    pub steps: Vec<StepLink>,
    /// How well the job explains the log.
    pub coverage: Coverage,
}

/// Where in the configuration a phase of the log comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The job itself: the spin-up of its executor, the preparation of its environment variables.
    Job {
        /// The executor's image or name for the spin-up, else the job's name.
        span: Span,
    },
    /// One step of the job.
    Step {
        /// The step's index in the job's `steps:` (0-based).
        index: usize,
        /// Where the step's name is written in the job (`run`, `checkout`, `python/install-packages`).
        span: Span,
        /// For a step of a command of this configuration, where that inner step is written.
        definition: Option<Span>,
        /// Whether the phase was only assumed to belong to a step whose phases are unknown.
        assumed: bool,
    },
}

impl Origin {
    /// The place to show in the configuration.
    pub fn span(&self) -> Span {
        match self {
            Origin::Job { span } | Origin::Step { span, .. } => *span,
        }
    }

    /// The step's index in the job, for a step.
    pub fn step(&self) -> Option<usize> {
        match self {
            Origin::Job { .. } => None,
            Origin::Step { index, .. } => Some(*index),
        }
    }
}

/// One step of the linked job and the phases of the log it printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepLink {
    /// The step's index in the job's `steps:` (0-based).
    pub index: usize,
    /// The step's name as written (`run`, `restore_cache`, `python/install-packages`).
    pub name: String,
    /// Where the step's name is written.
    pub span: Span,
    /// The phases it printed (indices into [`LogReport::phases`]), in order; empty when the log does
    /// not show it.
    pub phases: Vec<usize>,
}

/// How well a job explains a log.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    /// The phases of the log that belong to a step (neither the job's own phases nor a preamble).
    pub step_phases: usize,
    /// How many of them were matched to a step (those only assumed count half in the score).
    pub linked_phases: usize,
    /// The steps of the job that should print something.
    pub steps: usize,
    /// How many of them were found in the log.
    pub linked_steps: usize,
    /// Whether the log's `CIRCLE_JOB` names this job (`None` when the log does not say).
    pub name_matches: Option<bool>,
    /// From 0 to 1: the harmonic mean of the share of phases explained and the share of steps found,
    /// lowered by a quarter when the log names another job.
    pub score: f64,
}

impl JobLink {
    /// The phases of the log printed by the step written at `span` (a step of the job, or a step of
    /// a command the job calls), in order.
    pub fn phases_at(&self, span: Span) -> Vec<usize> {
        self.phases
            .iter()
            .enumerate()
            .filter_map(|(phase, origin)| match origin {
                Some(Origin::Step {
                    span: at,
                    definition,
                    ..
                }) if at.start == span.start
                    || definition.is_some_and(|d| d.start == span.start) =>
                {
                    Some(phase)
                }
                _ => None,
            })
            .collect()
    }
}

/// Finds the job of `config` that produced `log`, or `None` when no job scores [`MIN_SCORE`].
pub fn link_log_to_config(log: &LogReport, config: &ConfigReport) -> Option<JobLink> {
    candidates(log, config)
        .into_iter()
        .next()
        .filter(|link| link.coverage.score >= MIN_SCORE)
}

/// Every job of `config` that explains at least one phase of `log`, best first.
pub fn candidates(log: &LogReport, config: &ConfigReport) -> Vec<JobLink> {
    let log_job = log
        .phases
        .iter()
        .flat_map(|phase| &phase.facts)
        .find(|fact| fact.kind == FactKind::Job)
        .map(|fact| fact.value.as_str());
    let step_phases: Vec<usize> = log
        .phases
        .iter()
        .enumerate()
        .filter(|(_, phase)| phase.kind != PhaseKind::Preamble && job_phase(&phase.title).is_none())
        .map(|(index, _)| index)
        .collect();
    if step_phases.is_empty() {
        return Vec::new();
    }
    let mut links: Vec<(f64, JobLink)> = config
        .config
        .jobs
        .iter()
        .filter_map(|job| {
            let name_matches = log_job.map(|name| runs_as(config, job, name));
            link_job(log, config, job, &step_phases, name_matches)
        })
        .collect();
    links.sort_by(|(weight_a, a), (weight_b, b)| {
        b.coverage
            .score
            .total_cmp(&a.coverage.score)
            .then(b.coverage.name_matches.cmp(&a.coverage.name_matches))
            .then(weight_b.total_cmp(weight_a))
    });
    links.into_iter().map(|(_, link)| link).collect()
}

/// The phases CircleCI prints for the job itself rather than for one of its steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JobPhase<'a> {
    /// "Spin up environment".
    SpinUp,
    /// "Container mongo": a secondary container of `circleci local execute`, named by its image.
    Container(&'a str),
    /// "Preparing environment variables", and a runner's "Task lifecycle".
    Environment,
}

fn job_phase(title: &str) -> Option<JobPhase<'_>> {
    let title = title.trim();
    match phases::find_by_title(title) {
        Some(phase) if phase.title == phases::SPIN_UP.title => Some(JobPhase::SpinUp),
        Some(phase)
            if phase.title == phases::ENVIRONMENT.title
                || phase.title == phases::TASK_LIFECYCLE.title =>
        {
            Some(JobPhase::Environment)
        }
        _ => title
            .strip_prefix(phases::SECONDARY_CONTAINER)
            .filter(|image| !image.is_empty() && !image.contains(' '))
            .map(JobPhase::Container),
    }
}

/// The title a built-in step of the config prints, from the catalogue.
fn title_of(key: &str) -> &'static str {
    phases::phase_of_config_key(key).map_or("", |phase| phase.title)
}

/// Whether the job runs under `name`: its own name, or the `name:` a workflow gives it.
fn runs_as(config: &ConfigReport, job: &Job, name: &str) -> bool {
    job.name.value == name
        || config.config.workflows.iter().any(|workflow| {
            workflow
                .jobs
                .iter()
                .any(|entry| entry.job.value == job.name.value && entry.display_name() == name)
        })
}

/// How an expected phase recognises its title.
#[derive(Debug, Clone)]
enum Matcher {
    /// Exactly this title (any case), with the weight of a match.
    Title(&'static str, f64),
    /// A title that starts with this (any case).
    Prefix(&'static str, f64),
    /// A title that contains this (any case).
    Contains(&'static str, f64),
    /// A `run` step: its `name:` or its command.
    Run {
        name: Option<String>,
        command: Option<String>,
    },
    /// Any number of phases whose titles are unknown.
    Gap,
}

/// One phase a job is expected to print.
#[derive(Debug, Clone)]
struct Expected {
    /// The index of the job's step that prints it.
    step: usize,
    /// Where the job's step is written.
    span: Span,
    /// Where the inner step of a command is written.
    definition: Option<Span>,
    /// How to recognise it.
    matcher: Matcher,
}

/// The phases a known orb command prints, in order (any of them may be left out by its parameters).
const ORB_COMMANDS: &[(&str, &str, &[Matcher])] = &[(
    "circleci/python",
    "install-packages",
    &[
        Matcher::Title("Link lockfile", 1.5),
        Matcher::Title("Save python version", 1.5),
        Matcher::Title("Restoring cache", 1.0),
        Matcher::Title("Move restored cache", 1.5),
        Matcher::Prefix("Install dependencies with ", 1.5),
        Matcher::Title("Copy to cache directory", 1.5),
        Matcher::Title("Saving cache", 1.0),
    ],
)];

/// Unrolls a job's steps into the phases they are expected to print.
fn expected_phases(config: &ConfigReport, job: &Job) -> Vec<Expected> {
    let mut out = Vec::new();
    for (index, step) in job.steps.iter().enumerate() {
        unroll(config, step, index, step.name.span, None, 0, &mut out);
    }
    out
}

fn unroll(
    config: &ConfigReport,
    step: &Step,
    index: usize,
    span: Span,
    definition: Option<Span>,
    depth: usize,
    out: &mut Vec<Expected>,
) {
    let push = |out: &mut Vec<Expected>, matcher: Matcher| {
        out.push(Expected {
            step: index,
            span,
            definition,
            matcher,
        });
    };
    match &step.kind {
        StepKind::Checkout { .. } => push(out, Matcher::Title(title_of("checkout"), 1.0)),
        StepKind::RestoreCache { .. } => push(out, Matcher::Title(title_of("restore_cache"), 1.0)),
        StepKind::SaveCache { .. } => push(out, Matcher::Title(title_of("save_cache"), 1.0)),
        StepKind::PersistToWorkspace => {
            push(out, Matcher::Title(title_of("persist_to_workspace"), 1.0))
        }
        StepKind::AttachWorkspace => push(out, Matcher::Title(title_of("attach_workspace"), 1.0)),
        StepKind::StoreArtifacts => push(out, Matcher::Title(title_of("store_artifacts"), 1.0)),
        StepKind::StoreTestResults => {
            push(out, Matcher::Title(title_of("store_test_results"), 1.0))
        }
        StepKind::SetupRemoteDocker { .. } => push(out, Matcher::Contains("remote docker", 1.0)),
        StepKind::AddSshKeys => push(out, Matcher::Contains("ssh key", 1.0)),
        StepKind::Run { title, command, .. } => push(
            out,
            Matcher::Run {
                name: title.clone(),
                command: command.as_ref().map(|c| c.value.clone()),
            },
        ),
        StepKind::Conditional { steps, .. } => {
            for inner in steps {
                unroll(
                    config,
                    inner,
                    index,
                    span,
                    Some(inner.name.span),
                    depth,
                    out,
                );
            }
        }
        StepKind::Invoke {
            orb: Some(alias), ..
        } => {
            let command = step.name.value.split_once('/').map_or("", |(_, c)| c);
            match orb_command(config, alias, command) {
                Some(matchers) => matchers.iter().for_each(|m| push(out, m.clone())),
                None => push(out, Matcher::Gap),
            }
        }
        StepKind::Invoke { orb: None, .. } => {
            match local_command(config, &step.name.value).filter(|_| depth < MAX_COMMAND_DEPTH) {
                Some(command) => {
                    for inner in &command.steps {
                        unroll(
                            config,
                            inner,
                            index,
                            span,
                            Some(inner.name.span),
                            depth + 1,
                            out,
                        );
                    }
                }
                None => push(out, Matcher::Gap),
            }
        }
        StepKind::Deploy | StepKind::Parameterised => push(out, Matcher::Gap),
    }
}

fn local_command<'a>(config: &'a ConfigReport, name: &str) -> Option<&'a Command> {
    config
        .config
        .commands
        .iter()
        .find(|command| command.name.value == name)
}

/// The phases of `alias/command` when the orb imported as `alias` is one the catalogue knows.
fn orb_command(config: &ConfigReport, alias: &str, command: &str) -> Option<&'static [Matcher]> {
    let orb = config
        .config
        .orbs
        .iter()
        .find(|orb| orb.name.value == alias)?;
    let reference = orb.reference.as_ref()?.value.as_str();
    let registry_name = reference.split('@').next().unwrap_or(reference).trim();
    ORB_COMMANDS
        .iter()
        .find(|(name, cmd, _)| *name == registry_name && *cmd == command)
        .map(|(_, _, matchers)| *matchers)
}

/// Lowercase, trimmed, blanks collapsed.
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The weight of matching `matcher` with a phase titled `title` (normalised), or `None`.
fn match_weight(matcher: &Matcher, title: &str) -> Option<f64> {
    if title.is_empty() {
        return None;
    }
    match matcher {
        Matcher::Title(expected, weight) => (normalise(expected) == title).then_some(*weight),
        Matcher::Prefix(expected, weight) => {
            title.starts_with(&normalise(expected)).then_some(*weight)
        }
        Matcher::Contains(expected, weight) => title.contains(expected).then_some(*weight),
        Matcher::Run { name, command } => {
            if let Some(name) = name {
                return (normalise(name) == title).then_some(3.0);
            }
            let command = command.as_deref()?;
            let first = normalise(command.lines().find(|line| !line.trim().is_empty())?);
            let whole = normalise(command);
            let same = first == title
                || whole == title
                || (title.chars().count() >= 4
                    && (first.starts_with(title) || title.starts_with(&first)));
            same.then_some(2.0)
        }
        Matcher::Gap => None,
    }
}

/// Aligns the expected phases of `job` with the step phases of the log and scores the result.
fn link_job(
    log: &LogReport,
    config: &ConfigReport,
    job: &Job,
    step_phases: &[usize],
    name_matches: Option<bool>,
) -> Option<(f64, JobLink)> {
    let expected = expected_phases(config, job);
    if expected.is_empty() {
        return None;
    }
    let rows = expected.len() + 1;
    let limit = (MAX_CELLS / rows).max(1);
    let phases = &step_phases[..step_phases.len().min(limit)];
    let titles: Vec<String> = phases
        .iter()
        .map(|&index| normalise(&log.phases[index].title))
        .collect();
    let (total, pairs) = align(&expected, &titles);
    if pairs.is_empty() {
        return None;
    }

    let mut origins: Vec<Option<Origin>> = vec![None; log.phases.len()];
    let mut steps: Vec<StepLink> = job
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| StepLink {
            index,
            name: step.name.value.clone(),
            span: step.name.span,
            phases: Vec::new(),
        })
        .collect();
    let mut linked = 0.0;
    for &(e, p, assumed) in &pairs {
        let expect = &expected[e];
        let phase = phases[p];
        origins[phase] = Some(Origin::Step {
            index: expect.step,
            span: expect.span,
            definition: expect.definition,
            assumed,
        });
        if let Some(step) = steps.get_mut(expect.step) {
            step.phases.push(phase);
        }
        linked += if assumed { 0.5 } else { 1.0 };
    }
    for (index, phase) in log.phases.iter().enumerate() {
        origins[index] = match job_phase(&phase.title) {
            Some(JobPhase::SpinUp) => Some(Origin::Job {
                span: executor_span(job),
            }),
            Some(JobPhase::Container(image)) => Some(Origin::Job {
                span: image_span(job, image),
            }),
            Some(JobPhase::Environment) => Some(Origin::Job {
                span: job.name.span,
            }),
            None => origins[index],
        };
    }

    let counted_steps = job
        .steps
        .iter()
        .zip(&steps)
        .filter(|(step, link)| {
            !link.phases.is_empty() || !matches!(step.kind, StepKind::Conditional { .. })
        })
        .count();
    let linked_steps = steps.iter().filter(|s| !s.phases.is_empty()).count();
    let precision = linked / step_phases.len() as f64;
    let recall = if counted_steps == 0 {
        0.0
    } else {
        linked_steps as f64 / counted_steps as f64
    };
    let harmonic_mean = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let score = if name_matches == Some(false) {
        harmonic_mean * OTHER_NAME_FACTOR
    } else {
        harmonic_mean
    };
    let link = JobLink {
        job: job.name.value.clone(),
        job_span: job.name.span,
        phases: origins,
        steps,
        coverage: Coverage {
            step_phases: step_phases.len(),
            linked_phases: pairs.len(),
            steps: counted_steps,
            linked_steps,
            name_matches,
            score,
        },
    };
    Some((total, link))
}

/// Where the job's executor is named: the primary image, the machine image or the executor's name.
fn executor_span(job: &Job) -> Span {
    let span = match &job.executor {
        Some(ExecutorSpec::Docker { images }) => images.first().map(|image| image.image.span),
        Some(ExecutorSpec::Machine { image, .. }) => image.as_ref().map(|image| image.span),
        Some(ExecutorSpec::Macos { xcode }) => xcode.as_ref().map(|xcode| xcode.span),
        Some(ExecutorSpec::Named { name }) => Some(name.span),
        None => None,
    };
    span.unwrap_or(job.name.span)
}

/// Where the job names the secondary container started from `image`, else its executor.
fn image_span(job: &Job, image: &str) -> Span {
    match &job.executor {
        Some(ExecutorSpec::Docker { images }) => images
            .iter()
            .find(|candidate| candidate.image.value == image)
            .map_or_else(|| executor_span(job), |found| found.image.span),
        _ => executor_span(job),
    }
}

/// The ordered alignment of expected phases with log titles that weighs the most: its weight and
/// its pairs (expected index, title index, whether the phase was only absorbed by a gap).
fn align(expected: &[Expected], titles: &[String]) -> (f64, Vec<(usize, usize, bool)>) {
    let (m, n) = (expected.len(), titles.len());
    let width = n + 1;
    // best[i * width + j]: the best weight aligning expected[i..] with titles[j..].
    let mut best = vec![0.0_f64; (m + 1) * width];
    for i in (0..m).rev() {
        for j in (0..n).rev() {
            let mut value = best[(i + 1) * width + j].max(best[i * width + j + 1]);
            if let Some(weight) = match_weight(&expected[i].matcher, &titles[j]) {
                value = value.max(weight + best[(i + 1) * width + j + 1]);
            }
            if matches!(expected[i].matcher, Matcher::Gap) {
                value = value.max(GAP_WEIGHT + best[i * width + j + 1]);
            }
            best[i * width + j] = value;
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < m && j < n {
        let here = best[i * width + j];
        let gap = matches!(expected[i].matcher, Matcher::Gap);
        if let Some(weight) = match_weight(&expected[i].matcher, &titles[j]) {
            if same(here, weight + best[(i + 1) * width + j + 1]) {
                pairs.push((i, j, false));
                i += 1;
                j += 1;
                continue;
            }
        }
        if gap && same(here, GAP_WEIGHT + best[i * width + j + 1]) {
            pairs.push((i, j, true));
            j += 1;
        } else if same(here, best[(i + 1) * width + j]) {
            i += 1;
        } else {
            j += 1;
        }
    }
    (best[0], pairs)
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_compared_without_case_or_extra_blanks() {
        let run = Matcher::Run {
            name: Some("Run  Tests".to_owned()),
            command: None,
        };
        assert_eq!(match_weight(&run, &normalise(" run tests ")), Some(3.0));
        assert_eq!(match_weight(&run, &normalise("run the tests")), None);
    }

    #[test]
    fn an_unnamed_run_is_known_by_its_command() {
        let run = Matcher::Run {
            name: None,
            command: Some("npm test\nnpm run lint\n".to_owned()),
        };
        assert_eq!(match_weight(&run, &normalise("npm test")), Some(2.0));
        assert_eq!(match_weight(&run, &normalise("npm ci")), None);
    }

    #[test]
    fn a_gap_absorbs_the_phases_nothing_else_explains() {
        let span = Span::default();
        let expected = [
            Expected {
                step: 0,
                span,
                definition: None,
                matcher: Matcher::Title("Checkout code", 1.0),
            },
            Expected {
                step: 1,
                span,
                definition: None,
                matcher: Matcher::Gap,
            },
            Expected {
                step: 2,
                span,
                definition: None,
                matcher: Matcher::Title("Saving cache", 1.0),
            },
        ];
        let titles: Vec<String> = ["Checkout code", "Install", "Build", "Saving cache"]
            .iter()
            .map(|t| normalise(t))
            .collect();
        let (_, pairs) = align(&expected, &titles);
        assert_eq!(
            pairs,
            [(0, 0, false), (1, 1, true), (1, 2, true), (2, 3, false)]
        );
    }
}
