//! The English sentences of every configuration diagnostic.

use super::diagnostic::{Message, ReferenceKind};

/// The English name of a kind of reference.
fn kind(kind: ReferenceKind) -> &'static str {
    match kind {
        ReferenceKind::Executor => "executor",
        ReferenceKind::Command => "command",
        ReferenceKind::Orb => "orb",
        ReferenceKind::Job => "job",
        ReferenceKind::Parameter => "parameter",
        ReferenceKind::PipelineParameter => "pipeline parameter",
    }
}

/// `; did you mean "x"?` when there is a suggestion.
fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!("; did you mean \"{s}\"?"))
        .unwrap_or_default()
}

/// The message in English.
pub(crate) fn message(message: &Message) -> String {
    match message {
        Message::YamlSyntax { detail } => format!("the YAML is not valid: {detail}"),
        Message::YamlUndefinedAlias { alias } => {
            format!("the alias \"*{alias}\" refers to no anchor \"&{alias}\" defined before it")
        }
        Message::YamlTooLarge => "aliases expand to too large a document; it looks like a \"billion laughs\" attack".into(),
        Message::YamlTooDeep => "mappings and lists are nested too deep".into(),
        Message::YamlNotAMapping => "a configuration must be a mapping of keys such as \"version\" and \"jobs\"".into(),
        Message::UnknownRequires { workflow, required, suggestion } => format!(
            "\"{required}\" is required but no job of workflow \"{workflow}\" has that name{}",
            did_you_mean(suggestion)
        ),
        Message::WorkflowCycle { workflow, jobs } => {
            format!("the jobs {} of workflow \"{workflow}\" require each other in a cycle, so none can start", quoted(jobs))
        }
        Message::UnusedJob { job } => format!("job \"{job}\" is defined but no workflow runs it"),
        Message::DuplicateKey { key, first_line } => {
            format!("key \"{key}\" is already written on line {first_line} of the same mapping; CircleCI refuses a key written twice")
        }
        Message::UndefinedReference { kind: k, name, suggestion } => {
            format!("{} \"{name}\" is not defined{}", kind(*k), did_you_mean(suggestion))
        }
        Message::DeprecatedImage { image, replacement } => {
            format!("\"{image}\" is a deprecated legacy convenience image; use \"{replacement}\"")
        }
        Message::UnpinnedImage { image } => {
            format!("image \"{image}\" is not pinned to a version, so a new release can change the build without notice")
        }
        Message::PlaintextSecret { variable } => {
            format!("\"{variable}\" looks like a secret and its value is written in the configuration")
        }
        Message::DockerLoginPasswordArg => {
            "\"docker login\" receives the password as an argument, where the process list and logs can show it".into()
        }
        Message::CacheKeyNoChecksum { key } => {
            format!("the cache key \"{key}\" never changes, so the cache saved first is kept forever")
        }
        Message::SaveWithoutRestore { key } => format!("the cache \"{key}\" is saved but no restore_cache step can find it"),
        Message::RestoreWithoutSave { key } => format!("no save_cache step of this configuration saves a cache that \"{key}\" matches"),
        Message::VersionMismatch { feature } => {
            format!("\"{feature}\" needs \"version: 2.1\" but this configuration says \"version: 2\"")
        }
        Message::UnknownKey { key, place, suggestion } => {
            format!("unknown key \"{key}\" in {}{}", place_name(place), did_you_mean(suggestion))
        }
    }
}

/// How to fix it, in English.
pub(crate) fn hint(message: &Message) -> String {
    match message {
        Message::YamlSyntax { .. } => "check the indentation and the punctuation at the position shown".into(),
        Message::YamlUndefinedAlias { alias } => format!("define \"&{alias}\" on a node above this line, or fix the alias's name"),
        Message::YamlTooLarge => "use fewer nested aliases".into(),
        Message::YamlTooDeep => "flatten the structure".into(),
        Message::YamlNotAMapping => "paste the whole .circleci/config.yml file".into(),
        Message::UnknownRequires { .. } => {
            "use the job's \"name\" if it has one, else the job's key, and list it in the same workflow".into()
        }
        Message::WorkflowCycle { .. } => "remove one of the requires that close the cycle".into(),
        Message::UnusedJob { .. } => "add the job to a workflow, or delete it".into(),
        Message::DuplicateKey { .. } => "merge the two into one, or rename one of them".into(),
        Message::UndefinedReference { kind: ReferenceKind::Orb, .. } => "import the orb under the top-level \"orbs\" key".into(),
        Message::UndefinedReference { kind: ReferenceKind::PipelineParameter, .. } => {
            "declare it under the top-level \"parameters\" key".into()
        }
        Message::UndefinedReference { kind: ReferenceKind::Parameter, .. } => {
            "declare it under \"parameters\" of the job, command or executor that uses it".into()
        }
        Message::UndefinedReference { kind: k, .. } => format!("define the {} or fix its name", kind(*k)),
        Message::DeprecatedImage { replacement, .. } => format!("switch to \"{replacement}\" (the cimg/ images)"),
        Message::UnpinnedImage { .. } => "add a version tag such as \":3.12\", or a digest".into(),
        Message::PlaintextSecret { .. } => "store the value in a project environment variable or a context, and delete it here".into(),
        Message::DockerLoginPasswordArg => "pipe it instead: echo \"$DOCKER_PASS\" | docker login -u \"$DOCKER_USER\" --password-stdin".into(),
        Message::CacheKeyNoChecksum { .. } => "add {{ checksum \"your-lock-file\" }} to the key".into(),
        Message::SaveWithoutRestore { .. } => "add a restore_cache step with a key that is a prefix of this one, or drop the save".into(),
        Message::RestoreWithoutSave { .. } => "save the cache with save_cache, under a key this one is a prefix of".into(),
        Message::VersionMismatch { .. } => "write \"version: 2.1\" at the top of the file".into(),
        Message::UnknownKey { suggestion: Some(s), .. } => format!("rename it \"{s}\""),
        Message::UnknownKey { .. } => "delete it, or move it where it belongs".into(),
    }
}

/// Where a key was found, in English.
fn place_name(place: &str) -> String {
    match place.strip_prefix("step ") {
        Some(step) => format!("the \"{step}\" step"),
        None => match place {
            "top-level" => "the top level".into(),
            "job" => "a job".into(),
            "executor" => "an executor".into(),
            "command" => "a command".into(),
            "docker-image" => "a docker image".into(),
            "workflow" => "a workflow".into(),
            "workflow-job" => "a workflow job".into(),
            "parameter" => "a parameter declaration".into(),
            other => format!("\"{other}\""),
        },
    }
}

/// Names as `"a", "b"`.
fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
