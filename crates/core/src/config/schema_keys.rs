//! The keys CircleCI accepts in each kind of mapping.
//!
//! Taken from CircleCI's official JSON schema (`circleci-yaml-language-server/schema.json`, the
//! `properties` of each definition), plus `setup` (top level) and the 2.0 job key `branches`, which
//! CircleCI accepts but that schema omits. Only the key names are kept. The job keys `plan_name` (a
//! `type: release` job) and `key` (a `type: lock` or `unlock` job) are in that schema's conditional
//! branches on `type`; `job-groups` has `jobs` only.

/// A kind of mapping whose keys are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MappingKind {
    /// The top level; other keys are allowed (they often hold YAML anchors) unless they look like typos.
    TopLevel,
    /// A job under `jobs:`.
    Job,
    /// A reusable executor under `executors:`.
    Executor,
    /// A command under `commands:`.
    Command,
    /// An image of `docker:`.
    DockerImage,
    /// `macos:`.
    Macos,
    /// `machine:` in its mapping form.
    Machine,
    /// A parameter declaration.
    ParameterDecl,
    /// A workflow.
    Workflow,
    /// `filters:` of a workflow job.
    Filters,
    /// `branches:` or `tags:` inside `filters:`.
    FilterGroup,
    /// `matrix:` of a workflow job.
    Matrix,
    /// A job group under `job-groups:`.
    JobGroup,
    /// `retention:` of a job.
    Retention,
    /// A built-in step's mapping form, named by the step.
    Step(&'static str),
}

/// The keys accepted in a mapping of `kind`.
pub(crate) fn known_keys(kind: MappingKind) -> &'static [&'static str] {
    match kind {
        MappingKind::TopLevel => &[
            "version",
            "setup",
            "orbs",
            "parameters",
            "executors",
            "commands",
            "jobs",
            "workflows",
            "display",
            "examples",
            "experimental",
            "job-groups",
        ],
        MappingKind::Job => &[
            "circleci_ip_ranges",
            "description",
            "docker",
            "environment",
            "executor",
            "machine",
            "macos",
            "parallelism",
            "parameters",
            "resource_class",
            "retention",
            "shell",
            "steps",
            "type",
            "working_directory",
            "branches",
            "plan_name",
            "key",
        ],
        MappingKind::Executor => &[
            "description",
            "docker",
            "environment",
            "machine",
            "macos",
            "parameters",
            "resource_class",
            "shell",
            "working_directory",
        ],
        MappingKind::Command => &["description", "parameters", "steps"],
        MappingKind::DockerImage => &[
            "auth",
            "aws_auth",
            "command",
            "entrypoint",
            "environment",
            "image",
            "name",
            "user",
        ],
        MappingKind::Macos => &["resource_class", "shell", "xcode"],
        MappingKind::Machine => &[
            "docker_layer_caching",
            "enabled",
            "image",
            "resource_class",
            "shell",
        ],
        MappingKind::ParameterDecl => &["default", "description", "enum", "type"],
        MappingKind::Workflow => &["jobs", "max_auto_reruns", "triggers", "unless", "when"],
        MappingKind::Filters => &["branches", "tags"],
        MappingKind::FilterGroup => &["ignore", "only"],
        MappingKind::Matrix => &["alias", "exclude", "parameters"],
        MappingKind::JobGroup => &["jobs"],
        MappingKind::Retention => &["caches"],
        MappingKind::Step(step) => step_keys(step),
    }
}

/// The keys of a built-in step's mapping form, from the catalogue; empty for a name that is not a
/// built-in step.
pub(crate) fn step_keys(step: &str) -> &'static [&'static str] {
    crate::phases::find_by_config_key(step)
        .and_then(|found| found.config)
        .map_or(&[], |config| config.args)
}

/// Whether `name` is a built-in step.
pub(crate) fn is_builtin_step(name: &str) -> bool {
    crate::phases::find_by_config_key(name).is_some()
}

/// The `'static` name of a built-in step, if `name` is one.
pub(crate) fn builtin_step(name: &str) -> Option<&'static str> {
    crate::phases::config_keys()
        .map(|config| config.key)
        .find(|key| *key == name)
}

/// The built-in steps, for suggestions.
pub(crate) fn builtin_steps() -> impl Iterator<Item = &'static str> + Clone {
    crate::phases::config_keys().map(|config| config.key)
}
