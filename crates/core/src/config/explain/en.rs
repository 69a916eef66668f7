//! The explanation of a configuration part in English.

use super::{code_list, PartNote};
use crate::config::templates::{KeyTemplate, PipelineValue};

/// The sentence of `note`; names are written between backticks.
pub(super) fn text(note: &PartNote) -> String {
    match note {
        PartNote::Key { name } => format!("`{name}` is a configuration key."),
        PartNote::Job { name } => format!("The definition of the job `{name}`: where it runs and the steps it runs, in order."),
        PartNote::JobRunBy { workflows } => format!("Workflows that run it: {list}.", list = &code_list(workflows)),
        PartNote::JobUnused => "No workflow runs this job, so it never runs.".to_owned(),
        PartNote::BuiltinStep { name } => format!("`{name}` is a step built into CircleCI."),
        PartNote::CommandStep { name } => format!("Runs the steps of the command `{name}`, defined in this file under `commands:`."),
        PartNote::UndefinedCommandStep { name } => format!("Runs `{name}`, a command that this file does not define."),
        PartNote::OrbStep { orb, command } => format!("Runs the command `{command}` of the orb `{orb}`."),
        PartNote::ParameterSteps { name } => format!("Runs the steps given in a parameter: `{name}`."),
        PartNote::Executor { name } => format!("The reusable executor `{name}`: a job that says `executor: {name}` runs in it."),
        PartNote::Command { name, steps } => format!("The reusable command `{name}`: a step written `- {name}` runs its steps ({steps})."),
        PartNote::Orb { name, reference } => format!("The orb `{name}` imports `{reference}` from the orb registry: its jobs, commands and executors are named `{name}/…`."),
        PartNote::InlineOrb { name } => format!("The orb `{name}`, written out in this file: its jobs, commands and executors are named `{name}/…`."),
        PartNote::Parameter { name } => format!("The declaration of the parameter `{name}`: its type, and its default value if it has one."),
        PartNote::Workflow { name, jobs, stages } => format!("The workflow `{name}`: {jobs} job(s) in {stages} stage(s) that follow one another; the jobs of a stage run at the same time."),
        PartNote::WorkflowEmpty { name } => format!("The workflow `{name}`."),
        PartNote::WorkflowSchedule { crons } => format!("It also runs on a schedule: {list}.", list = &code_list(crons)),
        PartNote::WorkflowJob { workflow, job, name: None } => format!("The workflow `{workflow}` runs the job `{job}` here."),
        PartNote::WorkflowJob { workflow, job, name: Some(name) } => format!("The workflow `{workflow}` runs the job `{job}` here, under the name `{name}`."),
        PartNote::Approval => "It is an approval: the workflow stops here until someone approves it in the CircleCI app.".to_owned(),
        PartNote::Requires { jobs } => format!("It waits for {list} to succeed.", list = &code_list(jobs)),
        PartNote::RequiresNone => "It starts as soon as the workflow starts.".to_owned(),
        PartNote::Contexts { names } => format!("It receives the environment variables of these contexts: {list}.", list = &code_list(names)),
        PartNote::BranchesOnly { names } => format!("It runs only on these branches: {list}.", list = &code_list(names)),
        PartNote::BranchesIgnore { names } => format!("It runs on every branch but these: {list}.", list = &code_list(names)),
        PartNote::TagsOnly { names } => format!("It runs for these tags: {list}.", list = &code_list(names)),
        PartNote::TagsIgnore { names } => format!("It does not run for these tags: {list}.", list = &code_list(names)),
        PartNote::Matrix { parameters } => format!("It runs once for every combination of these matrix parameters: {list}.", list = &code_list(parameters)),
        PartNote::Template(template) => template_sentence(template),
        PartNote::KeyPieces { key } => format!("The whole key, `{key}`, piece by piece:"),
        PartNote::KeyLiteral { text } => format!("`{text}`: fixed text."),
        PartNote::KeyTemplatePiece { written, template } => format!("`{written}`{}{}", ": ", template_sentence(template)),
        PartNote::KeyRestore { prefix } => format!("`restore_cache` tries its keys in order and restores the most recent cache whose key starts with the rendered key; every matching key starts with `{prefix}`."),
        PartNote::KeySave => "`save_cache` never overwrites a cache: when a cache already has this rendered key, nothing is saved.".to_owned(),
        PartNote::ValueCompiled { name } => format!("`{name}` is replaced when the configuration is compiled, before any job runs."),
        PartNote::PipelineParameter { name } => format!("The pipeline parameter `{name}`: its value is given when the pipeline is triggered (through the API or a schedule)."),
        PartNote::ValueDefault { default } => format!("Otherwise it takes its default, `{default}`."),
        PartNote::ValueNoDefault => "It has no default, which CircleCI refuses: a pipeline parameter must declare one.".to_owned(),
        PartNote::ValueUndeclared => "It is not declared under the top-level `parameters:`, so the configuration is rejected.".to_owned(),
        PartNote::ParameterValue { name } => format!("Replaced by the value of the parameter `{name}` of the job, command or executor it is written in."),
        PartNote::MatrixValue { name } => format!("Replaced by each value of the matrix parameter `{name}`: one copy of the job per value."),
        PartNote::PipelineValueMeaning(value) => meaning(*value),
        PartNote::UnknownPipelineValue { name } => format!("CircleCI documents no pipeline value `{name}`: check its spelling."),
    }
}

/// The sentence of a cache key template.
fn template_sentence(template: &KeyTemplate) -> String {
    match template {
        KeyTemplate::Branch => "The name of the branch being built: each branch gets caches of its own.".to_owned(),
        KeyTemplate::Revision => "The hash of the commit being built: a new cache for every commit.".to_owned(),
        KeyTemplate::BuildNum => "The number of the job: a new cache for every build.".to_owned(),
        KeyTemplate::CheckoutKey => "The SSH key used to check out the code.".to_owned(),
        KeyTemplate::Environment(name) => format!("The value of the environment variable `{name}` (a variable set by CircleCI or by a context)."),
        KeyTemplate::Checksum(file) => format!("A checksum (SHA-256) of the content of the file `{file}`: the key changes as soon as that file changes, so a new cache is saved when the dependencies change."),
        KeyTemplate::Epoch => "The current time in seconds: the key changes on every run, so the cache is saved every time.".to_owned(),
        KeyTemplate::Arch => "The operating system and processor (for example `linux-amd64`): machines of different kinds do not share caches.".to_owned(),
        KeyTemplate::Unknown(name) => format!("`{name}` is not a template CircleCI knows."),
    }
}

/// What a pipeline value expands to.
fn meaning(value: PipelineValue) -> String {
    match value {
        PipelineValue::Id => "It expands to the unique id of the pipeline.".to_owned(),
        PipelineValue::Number => "It expands to the number of the pipeline in the project (1, 2, 3…).".to_owned(),
        PipelineValue::GitUrl => "It expands to the address of the project’s repository.".to_owned(),
        PipelineValue::ProjectType => "It expands to the name of the code host, such as `github` or `bitbucket`.".to_owned(),
        PipelineValue::GitTag => "It expands to the git tag that triggered the pipeline, or to nothing when no tag did.".to_owned(),
        PipelineValue::GitBranch => "It expands to the name of the branch being built.".to_owned(),
        PipelineValue::GitRevision => "It expands to the full hash (40 characters) of the commit being built.".to_owned(),
        PipelineValue::GitBaseRevision => "It expands to the hash of the commit built by the previous pipeline on this branch.".to_owned(),
        PipelineValue::InSetup => "It expands to `true` while a setup configuration runs, `false` afterwards.".to_owned(),
        PipelineValue::TriggerSource => "It expands to what started the pipeline: `webhook`, `api` or `scheduled_pipeline`.".to_owned(),
        PipelineValue::ScheduleName => "It expands to the name of the schedule that started the pipeline (empty otherwise).".to_owned(),
        PipelineValue::ScheduleId => "It expands to the id of the schedule that started the pipeline (empty otherwise).".to_owned(),
        PipelineValue::TriggerParameter => "It expands to a value sent by the trigger of the pipeline (a GitHub App or a custom webhook), such as the commit hash or the branch.".to_owned(),
    }
}
