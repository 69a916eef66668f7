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
        Message::DeprecatedImage { image, replacement } if !replacement.contains(':') => {
            format!("\"{image}\" is a deprecated legacy convenience image; use \"{replacement}\" with a major.minor tag (cimg/ images have no \"latest\" and no major-only tags)")
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
        Message::DeprecatedDeploy => "the \"deploy\" step is deprecated; it now does exactly what \"run\" does".into(),
        Message::TestResultsWithoutPath => "\"store_test_results\" has no \"path\", so CircleCI refuses the step and no test results are uploaded".into(),
        Message::SaveCacheWithoutPaths => "\"save_cache\" has no \"paths\", so CircleCI refuses the step and nothing is saved".into(),
        Message::RestoreCachePaths => "\"restore_cache\" ignores \"paths\": a cache is restored where it was saved from".into(),
        Message::AutoRerunsOutOfRange { value } => {
            format!("\"max_auto_reruns: {value}\" is outside what CircleCI accepts, from 1 to 5 reruns")
        }
        Message::AutoRerunDelayTooLong { delay } => {
            format!("\"auto_rerun_delay: {delay}\" is longer than the 10 minutes CircleCI accepts")
        }
        Message::BackgroundAutoRerun => "a background step is never rerun: the job does not wait for its result".into(),
        Message::UnusedCommand { command } => format!("command \"{command}\" is defined but no step invokes it"),
        Message::UnusedExecutor { executor } => format!("executor \"{executor}\" is defined but no job uses it"),
        Message::UnusedOrb { orb } => {
            format!("orb \"{orb}\" is imported but nothing uses it (no \"{orb}/...\" job, command or executor)")
        }
        Message::UnusedAnchor { anchor } => format!("anchor \"&{anchor}\" is never used by an alias \"*{anchor}\""),
        Message::UnknownResourceClass { class, suggestion } => {
            format!("\"{class}\" is not a resource class CircleCI offers{}", did_you_mean(suggestion))
        }
        Message::RetiredMachineImage { image, removed, .. } => format!(
            "\"{image}\" was removed by CircleCI on {removed}: a job that names it is rejected before its first step"
        ),
        Message::RetiredRemoteDocker { version, removed, .. } => format!(
            "Docker {version} of setup_remote_docker was removed by CircleCI on {removed}: a job that asks for it is rejected"
        ),
        Message::RetiredXcode { version, .. } => format!(
            "Xcode {version} is no longer offered by CircleCI: a job that names it is rejected before its first step"
        ),
        Message::UnknownMachineImage { image, suggestion } => {
            format!("\"{image}\" is not a machine image CircleCI offers{}", did_you_mean(suggestion))
        }
        Message::TagFilterRequiresUntagged { workflow, job, required } => format!(
            "\"{job}\" of workflow \"{workflow}\" runs on tags but requires \"{required}\", which has no tag filter and so never runs on a tag: \"{job}\" never runs on tags either"
        ),
        Message::MissingArgument { parameter, of } => {
            format!("\"{of}\" requires the parameter \"{parameter}\" (it has no default) but it is not given")
        }
        Message::InvalidEnumDefault { parameter, default, allowed } => format!(
            "the default \"{default}\" of parameter \"{parameter}\" is not one of its enum values {}",
            quoted(allowed)
        ),
        Message::ArgumentType { parameter, value, expected, allowed } if allowed.is_empty() => {
            format!("\"{value}\" is not a {expected}, but parameter \"{parameter}\" is of type {expected}")
        }
        Message::ArgumentType { parameter, value, allowed, .. } => format!(
            "\"{value}\" is not one of the values {} of parameter \"{parameter}\"",
            quoted(allowed)
        ),
        Message::SecondDocument => "a second YAML document starts here; CircleCI reads a config file as one document and refuses a second".into(),
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
        Message::DeprecatedImage { replacement, .. } if !replacement.contains(':') => format!("switch to \"{replacement}:\" and a version listed on its Docker Hub page, such as \"20.11\""),
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
        Message::DeprecatedDeploy => "rename the step: \"- run:\" with the same keys".into(),
        Message::TestResultsWithoutPath => "give the folder of the JUnit XML reports: \"store_test_results: {path: test-results}\"".into(),
        Message::SaveCacheWithoutPaths => "list what to save: \"paths: [node_modules]\" (the folders to cache)".into(),
        Message::RestoreCachePaths => "delete \"paths\" here, and put it under the matching save_cache".into(),
        Message::AutoRerunsOutOfRange { .. } => "write a number from 1 to 5, such as \"max_auto_reruns: 3\"".into(),
        Message::AutoRerunDelayTooLong { .. } => "write 10 minutes or less, such as \"auto_rerun_delay: 5m\"".into(),
        Message::BackgroundAutoRerun => "delete \"max_auto_reruns\", or run the step in the foreground".into(),
        Message::UnusedCommand { .. } => "invoke it as a step of a job, or delete it".into(),
        Message::UnusedExecutor { .. } => "use it with \"executor:\" in a job, or delete it".into(),
        Message::UnusedOrb { .. } => "use one of its jobs, commands or executors, or delete the import".into(),
        Message::UnusedAnchor { .. } => "use it with an alias, or delete the anchor (and the block, if it is only there to be aliased)".into(),
        Message::UnknownResourceClass { suggestion: Some(s), .. } => format!("write \"resource_class: {s}\""),
        Message::UnknownResourceClass { .. } => "pick a class from CircleCI's list for this executor, such as \"medium\" or \"large\"; a self-hosted runner is written \"namespace/name\"".into(),
        Message::RetiredMachineImage { replacement, .. } => format!("write \"image: {replacement}\", or a dated tag CircleCI still offers"),
        Message::RetiredRemoteDocker { replacement, .. } => format!("write \"version: {replacement}\", or delete the version to get CircleCI's current Docker"),
        Message::RetiredXcode { replacement, .. } => format!("write a version CircleCI still offers, such as \"xcode: {replacement}\" (a new major version of Xcode may need changes to the project)"),
        Message::UnknownMachineImage { suggestion: Some(s), .. } => format!("write \"image: {s}:current\", or a dated tag of it"),
        Message::UnknownMachineImage { .. } => "pick an image from CircleCI's list, such as \"ubuntu-2404:current\"".into(),
        Message::TagFilterRequiresUntagged { required, .. } => {
            format!("give \"{required}\" the same \"filters: tags:\", or drop the tag filter of the job that requires it")
        }
        Message::MissingArgument { parameter, .. } => {
            format!("give \"{parameter}: ...\" where it is used, or a \"default:\" in its declaration")
        }
        Message::InvalidEnumDefault { allowed, .. } => format!(
            "write one of {} as the default, or add the value to \"enum\"",
            quoted(allowed)
        ),
        Message::ArgumentType { expected, allowed, .. } if allowed.is_empty() => {
            if expected == "boolean" {
                "write true or false, without quotes".into()
            } else {
                "write a whole number, without quotes".into()
            }
        }
        Message::ArgumentType { allowed, .. } => format!("write one of {}", quoted(allowed)),
        Message::SecondDocument => "delete the \"---\" line and merge the two halves into one mapping, or move the second into its own file".into(),
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
            "job-group" => "a job group".into(),
            "retention" => "a job's retention".into(),
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
