//! The keys CircleCI accepts in each kind of mapping.
//!
//! Taken from CircleCI's official JSON schema (`circleci-yaml-language-server/schema.json`, the
//! `properties` of each definition), plus `setup` (top level) and the 2.0 job key `branches`, which
//! CircleCI accepts but that schema omits. Only the key names are kept.

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
        MappingKind::Step(step) => step_keys(step),
    }
}

/// The keys of a built-in step's mapping form; empty for a name that is not a built-in step.
pub(crate) fn step_keys(step: &str) -> &'static [&'static str] {
    match step {
        "run" | "deploy" => &[
            "auto_rerun_delay",
            "background",
            "command",
            "environment",
            "max_auto_reruns",
            "name",
            "no_output_timeout",
            "shell",
            "when",
            "working_directory",
        ],
        "checkout" => &["depth", "method", "path", "name"],
        "setup_remote_docker" => &["docker_layer_caching", "version", "name"],
        "save_cache" => &["key", "name", "paths", "when"],
        "restore_cache" => &["key", "keys", "name"],
        "store_artifacts" => &["destination", "name", "path"],
        "store_test_results" => &["name", "path"],
        "persist_to_workspace" => &["name", "paths", "root"],
        "attach_workspace" => &["at", "name"],
        "add_ssh_keys" => &["fingerprints", "name"],
        "when" | "unless" => &["condition", "steps"],
        _ => &[],
    }
}

/// Whether `name` is a built-in step.
pub(crate) fn is_builtin_step(name: &str) -> bool {
    !step_keys(name).is_empty()
}

/// The built-in steps, for suggestions.
pub(crate) const BUILTIN_STEPS: &[&str] = &[
    "checkout",
    "run",
    "restore_cache",
    "save_cache",
    "persist_to_workspace",
    "attach_workspace",
    "store_artifacts",
    "store_test_results",
    "setup_remote_docker",
    "add_ssh_keys",
    "when",
    "unless",
    "deploy",
];
