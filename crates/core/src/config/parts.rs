//! The highlightable parts of a configuration, each tied to the documentation page that explains it.

use serde::Serialize;

use super::span::Span;
use super::templates::{KeyTemplate, Reference};

/// What kind of element a [`Part`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartKind {
    /// A configuration key (`version`, `docker`, `requires`...).
    Key,
    /// The name of a job under `jobs:`.
    Job,
    /// A step of a job or command (`checkout`, `run`, a command invocation...).
    Step,
    /// The name of a workflow.
    Workflow,
    /// A job entry of a workflow.
    WorkflowJob,
    /// The name of a job group under `job-groups:`.
    JobGroup,
    /// The name of a reusable executor.
    Executor,
    /// The name of a reusable command.
    Command,
    /// An orb import.
    Orb,
    /// A declared parameter.
    Parameter,
    /// A `{{ ... }}` template inside a cache key.
    CacheKeyTemplate,
    /// A `<< pipeline.* >>` value.
    PipelineValue,
    /// A `<< parameters.* >>` or `<< matrix.* >>` reference.
    ParameterReference,
}

/// One highlightable element: where it is, what it is, and which page explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// Where it is written.
    pub span: Span,
    /// What it is.
    pub kind: PartKind,
    /// The documentation id of the page that explains it (`keys/restore_cache`).
    pub doc: &'static str,
    /// A short code naming it, to show: the key, the job's name, the step name, the template
    /// (`checksum`), the value (`pipeline.git.branch`).
    pub detail: String,
    /// What it refers to, typed: read this, not `detail`, to explain it.
    pub subject: PartSubject,
}

/// What a [`Part`] refers to, beyond its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "subject", rename_all = "kebab-case")]
pub enum PartSubject {
    /// Its name says what it is: a key, a job, a workflow, an executor, a command, an orb, a parameter.
    Named,
    /// A step built into CircleCI (`checkout`, `run`, `save_cache`...).
    BuiltinStep,
    /// A step that runs a command of this file, or one the file does not define.
    CommandStep,
    /// A step that runs the command `command` of the orb `orb`.
    OrbStep {
        /// The orb's name in this file.
        orb: String,
        /// The command's name in the orb.
        command: String,
    },
    /// A step whose steps come from a `steps` parameter.
    ParameterSteps,
    /// Entry `job` of the workflow `workflow` (indices into `Config::workflows` and its `jobs`).
    WorkflowJob {
        /// The workflow's index.
        workflow: usize,
        /// The entry's index in the workflow.
        job: usize,
    },
    /// The job group number `group` (an index into `Config::job_groups`).
    JobGroup {
        /// The group's index.
        group: usize,
    },
    /// Entry `job` of the job group `group` (indices into `Config::job_groups` and its `jobs`).
    JobGroupJob {
        /// The group's index.
        group: usize,
        /// The entry's index in the group.
        job: usize,
    },
    /// A `{{ ... }}` template of a cache key.
    CacheKeyTemplate {
        /// The template.
        template: KeyTemplate,
        /// The whole key, as written.
        key: String,
        /// Whether the key is one of `restore_cache`'s (else it is `save_cache`'s).
        restore: bool,
    },
    /// A `<< ... >>` value.
    Value(Reference),
}

/// The configuration keys that have a page `keys/<key>`, with that page's id; the built-in steps' pages
/// come from the catalogue of steps ([`crate::phases`]).
pub(crate) const KEY_DOCS: &[(&str, &str)] = &[
    ("version", "keys/version"),
    ("setup", "keys/setup"),
    ("orbs", "keys/orbs"),
    ("parameters", "keys/parameters"),
    ("executors", "keys/executors"),
    ("commands", "keys/commands"),
    ("jobs", "keys/jobs"),
    ("docker", "keys/docker"),
    ("machine", "keys/machine"),
    ("macos", "keys/macos"),
    ("windows", "keys/windows"),
    ("environment", "keys/environment"),
    ("working_directory", "keys/working_directory"),
    ("resource_class", "keys/resource_class"),
    ("parallelism", "keys/parallelism"),
    ("steps", "keys/steps"),
    ("workflows", "keys/workflows"),
    ("requires", "keys/requires"),
    ("filters", "keys/filters"),
    ("context", "keys/context"),
    ("type", "keys/type"),
    ("matrix", "keys/matrix"),
    ("triggers", "keys/triggers"),
    ("when", "keys/when"),
    ("unless", "keys/unless"),
    ("job-groups", "keys/job-groups"),
    ("serial-group", "keys/serial-group"),
    ("override-with", "keys/override-with"),
    ("max_auto_reruns", "keys/max_auto_reruns"),
    ("auto_rerun_delay", "keys/auto_rerun_delay"),
    ("retention", "keys/retention"),
    ("circleci_ip_ranges", "keys/circleci_ip_ranges"),
];

/// The page explaining cache key templates.
pub const CACHE_KEY_TEMPLATES_DOC: &str = "concepts/cache-key-templates";
/// The page explaining pipeline values and parameters.
pub const PIPELINE_VALUES_DOC: &str = "concepts/pipeline-values";

/// The page of a configuration key, if it has one.
pub(crate) fn key_doc(key: &str) -> Option<&'static str> {
    KEY_DOCS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, doc)| *doc)
        .or_else(|| {
            crate::phases::find_by_config_key(key)
                .and_then(|step| step.config)
                .map(|config| config.doc)
        })
}

/// Every documentation id the analyser can emit, in parts or diagnostics, so that a test can check
/// that each has a page in both languages.
pub fn doc_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = KEY_DOCS.iter().map(|(_, doc)| *doc).collect();
    ids.extend(crate::phases::config_keys().map(|config| config.doc));
    ids.push(CACHE_KEY_TEMPLATES_DOC);
    ids.push(PIPELINE_VALUES_DOC);
    ids.extend(super::rules::rules().map(|rule| rule.doc));
    ids
}
