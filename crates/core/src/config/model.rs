//! The configuration as CircleCI reads it: typed, with the span of every named element.

use serde::Serialize;

use super::span::Span;

/// A value and the place it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it is written.
    pub span: Span,
}

/// A whole `.circleci/config.yml`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Config {
    /// `version:` as written (`2`, `2.1`).
    pub version: Option<Spanned<String>>,
    /// `setup: true`: a setup configuration that continues the pipeline with another one.
    pub setup: bool,
    /// Orbs imported under `orbs:`.
    pub orbs: Vec<Orb>,
    /// Pipeline parameters declared under the top-level `parameters:`.
    pub parameters: Vec<ParameterDecl>,
    /// Reusable executors declared under `executors:`.
    pub executors: Vec<Executor>,
    /// Reusable commands declared under `commands:`.
    pub commands: Vec<Command>,
    /// Jobs declared under `jobs:`.
    pub jobs: Vec<Job>,
    /// Workflows declared under `workflows:`.
    pub workflows: Vec<Workflow>,
    /// Job groups declared under the top-level `job-groups:` (2025): named sets of workflow job entries
    /// that a workflow runs as one entry.
    pub job_groups: Vec<JobGroup>,
}

impl Config {
    /// Whether the version is 2.1 (or later), which allows orbs, commands, executors and parameters.
    pub fn is_v21(&self) -> bool {
        self.version
            .as_ref()
            .is_none_or(|v| v.value != "2" && v.value != "2.0")
    }

    /// The job declared under `name`.
    pub fn job(&self, name: &str) -> Option<&Job> {
        self.jobs.iter().find(|j| j.name.value == name)
    }

    /// The job group declared under `name`.
    pub fn job_group(&self, name: &str) -> Option<&JobGroup> {
        self.job_groups.iter().find(|g| g.name.value == name)
    }

    /// Every job entry that can run a job: the workflows' entries, then the job groups'. An entry
    /// naming a job group (see [`Config::job_group`]) runs that group's entries.
    pub fn job_entries(&self) -> impl Iterator<Item = &WorkflowJob> {
        self.workflows
            .iter()
            .flat_map(|w| &w.jobs)
            .chain(self.job_groups.iter().flat_map(|g| &g.jobs))
    }
}

/// A job group under the top-level `job-groups:`: jobs, with their own `requires`, that a workflow runs
/// by naming the group as one of its jobs.
#[derive(Debug, Clone, Serialize)]
pub struct JobGroup {
    /// Its name; the span is that of the key.
    pub name: Spanned<String>,
    /// Its `jobs:` entries, read as a workflow's.
    pub jobs: Vec<WorkflowJob>,
}

/// An orb imported under `orbs:`.
#[derive(Debug, Clone, Serialize)]
pub struct Orb {
    /// The local alias (`node` in `node: circleci/node@5.0`).
    pub name: Spanned<String>,
    /// The registry reference (`circleci/node@5.0`); `None` for an orb written inline.
    pub reference: Option<Spanned<String>>,
}

/// A declared parameter (pipeline, job, command or executor).
#[derive(Debug, Clone, Serialize)]
pub struct ParameterDecl {
    /// Its name.
    pub name: Spanned<String>,
    /// Its `type:` (`string`, `boolean`, `integer`, `enum`, `steps`, `executor`, `env_var_name`).
    pub kind: Option<String>,
    /// Its `default:` when it is a scalar.
    pub default: Option<String>,
}

/// Where a job runs.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ExecutorSpec {
    /// `docker:`: one or more images, the first is the primary container.
    Docker {
        /// The images in order.
        images: Vec<DockerImage>,
    },
    /// `machine:` (a Linux virtual machine, or Windows when its image or class says so).
    Machine {
        /// `image:`, if given.
        image: Option<Spanned<String>>,
        /// Whether the image or resource class is a Windows one.
        windows: bool,
    },
    /// `macos:` with its `xcode:` version.
    Macos {
        /// `xcode:`, if given.
        xcode: Option<Spanned<String>>,
    },
    /// `executor:` naming a reusable executor (`name` or `orb/name`).
    Named {
        /// The executor's name.
        name: Spanned<String>,
    },
}

/// One image of a `docker:` executor.
#[derive(Debug, Clone, Serialize)]
pub struct DockerImage {
    /// `image:` (`cimg/python:3.12`).
    pub image: Spanned<String>,
    /// Whether `auth:` is given.
    pub has_auth: bool,
    /// `auth: password:` when it is written.
    pub auth_password: Option<Spanned<String>>,
    /// `environment:` of this container.
    pub environment: Vec<EnvVar>,
}

/// An environment variable set in the configuration.
#[derive(Debug, Clone, Serialize)]
pub struct EnvVar {
    /// The variable's name.
    pub name: Spanned<String>,
    /// Its value as written (scalars only).
    pub value: Option<Spanned<String>>,
}

/// A reusable executor under `executors:`.
#[derive(Debug, Clone, Serialize)]
pub struct Executor {
    /// Its name.
    pub name: Spanned<String>,
    /// Its kind.
    pub spec: Option<ExecutorSpec>,
    /// `resource_class:`.
    pub resource_class: Option<Spanned<String>>,
    /// Its parameters.
    pub parameters: Vec<ParameterDecl>,
}

/// A reusable command under `commands:`.
#[derive(Debug, Clone, Serialize)]
pub struct Command {
    /// Its name.
    pub name: Spanned<String>,
    /// Its parameters.
    pub parameters: Vec<ParameterDecl>,
    /// Its steps.
    pub steps: Vec<Step>,
}

/// A job under `jobs:`.
#[derive(Debug, Clone, Serialize)]
pub struct Job {
    /// Its name; the span is that of the key.
    pub name: Spanned<String>,
    /// From its key to the end of its definition.
    pub span: Span,
    /// Where it runs.
    pub executor: Option<ExecutorSpec>,
    /// `environment:`.
    pub environment: Vec<EnvVar>,
    /// `working_directory:`.
    pub working_directory: Option<Spanned<String>>,
    /// `resource_class:`.
    pub resource_class: Option<Spanned<String>>,
    /// `parallelism:`.
    pub parallelism: Option<Spanned<String>>,
    /// `parameters:`.
    pub parameters: Vec<ParameterDecl>,
    /// `steps:`.
    pub steps: Vec<Step>,
    /// `type:` (`build`, the default, `release`, `lock`, `unlock`, `approval`, `no-op`).
    pub job_type: Option<Spanned<String>>,
    /// `retention: caches:`: how long the caches this job saves are kept (`1d` to `15d`).
    pub retention_caches: Option<Spanned<String>>,
    /// `circleci_ip_ranges:` as written (`true` runs the job from CircleCI's published IP ranges).
    pub circleci_ip_ranges: Option<Spanned<String>>,
}

/// One step of a job or command.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// The step's name as written (`run`, `restore_cache`, `node/install-packages`...).
    pub name: Spanned<String>,
    /// The whole step.
    pub span: Span,
    /// What it does.
    pub kind: StepKind,
}

/// The kinds of steps, built-in or invoked.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StepKind {
    /// `checkout`.
    Checkout {
        /// `method:` (`full`, the default, `blobless` or `shallow`).
        method: Option<Spanned<String>>,
    },
    /// `run`, short (`run: make`) or long form.
    Run {
        /// `name:`.
        title: Option<String>,
        /// The shell command.
        command: Option<Spanned<String>>,
        /// `environment:`.
        environment: Vec<EnvVar>,
        /// `max_auto_reruns:`: how many times a failed step is run again (1 to 5).
        max_auto_reruns: Option<Spanned<String>>,
        /// `auto_rerun_delay:`: the wait before each rerun (`30s`, `2m`, at most `10m`).
        auto_rerun_delay: Option<Spanned<String>>,
    },
    /// `restore_cache` with `key:` or `keys:`.
    RestoreCache {
        /// The keys tried in order.
        keys: Vec<Spanned<String>>,
    },
    /// `save_cache`.
    SaveCache {
        /// `key:`.
        key: Option<Spanned<String>>,
        /// `paths:`.
        paths: Vec<String>,
    },
    /// `persist_to_workspace`.
    PersistToWorkspace,
    /// `attach_workspace`.
    AttachWorkspace,
    /// `store_artifacts`.
    StoreArtifacts,
    /// `store_test_results`.
    StoreTestResults,
    /// `setup_remote_docker`.
    SetupRemoteDocker {
        /// `version:`, if given (`default`, `docker27`, `20.10.24`).
        version: Option<Spanned<String>>,
    },
    /// `add_ssh_keys`.
    AddSshKeys,
    /// `deploy` (a legacy alias of `run`).
    Deploy,
    /// `when:` or `unless:` with a condition and nested steps.
    Conditional {
        /// `true` for `when`, `false` for `unless`.
        when: bool,
        /// The nested steps.
        steps: Vec<Step>,
    },
    /// `steps: << parameters.x >>`: steps passed as a parameter, or another templated step.
    Parameterised,
    /// A command of this configuration or of an orb (`orb/command`).
    Invoke {
        /// The orb alias for `orb/command`.
        orb: Option<String>,
        /// The argument names given.
        arguments: Vec<Spanned<String>>,
    },
}

/// A workflow under `workflows:`.
#[derive(Debug, Clone, Serialize)]
pub struct Workflow {
    /// Its name; the span is that of the key.
    pub name: Spanned<String>,
    /// The jobs it runs.
    pub jobs: Vec<WorkflowJob>,
    /// `triggers:` schedules (cron expressions).
    pub schedules: Vec<Spanned<String>>,
    /// Whether it has a `when:` or `unless:` condition.
    pub conditional: bool,
    /// `when:` or `unless:` written as one string: an expression (`pipeline.git.branch == "main"`) or
    /// a `<< pipeline.parameters.x >>` value; `None` for a logic mapping (`and`, `equal`...).
    pub condition: Option<Condition>,
    /// `max_auto_reruns:`: how many times the workflow is rerun from failed, automatically (1 to 5).
    pub max_auto_reruns: Option<Spanned<String>>,
}

/// A condition written as one string.
#[derive(Debug, Clone, Serialize)]
pub struct Condition {
    /// `true` for `when`, `false` for `unless`.
    pub when: bool,
    /// The expression as written.
    pub expression: Spanned<String>,
}

/// One entry of a workflow's `jobs:`.
#[derive(Debug, Clone, Serialize)]
pub struct WorkflowJob {
    /// The job it runs (`build`, `node/test`); the span is that of the entry's key.
    pub job: Spanned<String>,
    /// `name:` if given.
    pub name: Option<Spanned<String>>,
    /// The jobs it waits for.
    pub requires: Vec<Requirement>,
    /// `context:` names.
    pub contexts: Vec<Spanned<String>>,
    /// `type: approval`.
    pub approval: bool,
    /// `type:` as written (CircleCI accepts only `approval` on a workflow entry).
    pub job_type: Option<Spanned<String>>,
    /// `filters:` on branches and tags, or an expression.
    pub filters: Option<Filters>,
    /// `serial-group:`: jobs with the same group run one at a time across the organisation's pipelines.
    pub serial_group: Option<Spanned<String>>,
    /// `override-with:`: the orb job (`orb/job`) that replaces this job when the orb has it.
    pub override_with: Option<Spanned<String>>,
    /// `matrix:` parameters with their values, and its `alias:`.
    pub matrix: Option<Matrix>,
    /// The other keys given (job parameters), with `pre-steps` and `post-steps`.
    pub arguments: Vec<Spanned<String>>,
}

impl WorkflowJob {
    /// The name other jobs use in `requires`: `name:` if given, else the job it runs.
    pub fn display_name(&self) -> &str {
        self.name.as_ref().map_or(&self.job.value, |n| &n.value)
    }
}

/// An entry of `requires`.
#[derive(Debug, Clone, Serialize)]
pub struct Requirement {
    /// The required job's name.
    pub job: Spanned<String>,
    /// The statuses accepted (2.1 `requires: [{build: [success, failed]}]`, or one status such as
    /// `terminal`); empty means `success`.
    pub statuses: Vec<String>,
}

/// The statuses a `requires` entry can accept (CircleCI's configuration reference and the language
/// server's schema): `terminal` is short for all five others.
pub const REQUIRE_STATUSES: &[&str] = &[
    "success",
    "failed",
    "canceled",
    "unauthorized",
    "not_run",
    "terminal",
];

/// `filters:` of a workflow job.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Filters {
    /// `branches: only:`.
    pub branches_only: Vec<String>,
    /// `branches: ignore:`.
    pub branches_ignore: Vec<String>,
    /// `tags: only:`.
    pub tags_only: Vec<String>,
    /// `tags: ignore:`.
    pub tags_ignore: Vec<String>,
    /// `filters:` written as one expression (`pipeline.git.branch == "main"`), instead of a mapping.
    pub expression: Option<Spanned<String>>,
}

/// `matrix:` of a workflow job.
#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    /// Each parameter and the values it takes (scalars as written).
    pub parameters: Vec<(String, Vec<String>)>,
    /// `alias:` if given.
    pub alias: Option<String>,
}
