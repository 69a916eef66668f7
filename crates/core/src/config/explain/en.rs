//! The explanation of a configuration part in English.

use super::{code_list, ClassFamily, ImageFamily, LanguageKey, PartNote};
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
        PartNote::JobGroupJob { group, job, name: None } => format!("The job group `{group}` runs the job `{job}` here."),
        PartNote::JobGroupJob { group, job, name: Some(name) } => format!("The job group `{group}` runs the job `{job}` here, under the name `{name}`."),
        PartNote::RunsJobGroup { workflow, group, jobs } => format!("The workflow `{workflow}` runs the job group `{group}` here: its jobs ({list}) run as one unit, which other jobs can require by the group's name.", list = &code_list(jobs)),
        PartNote::JobGroup { name, jobs } => format!("The job group `{name}`: {jobs} job entry(ies), with their own `requires`, that a workflow runs by naming `{name}` among its jobs."),
        PartNote::JobGroupRunBy { workflows } => format!("Workflows that run it: {list}.", list = &code_list(workflows)),
        PartNote::JobGroupUnused => "No workflow names this group, so its jobs never run.".to_owned(),
        PartNote::RequiresStatuses { job, statuses } => format!("It waits for `{job}` to end with one of these statuses: {list}{terminal}.", list = &code_list(statuses), terminal = if statuses.iter().any(|s| s == "terminal") { " (`terminal` means any end: success, failed, canceled, unauthorized or not run)" } else { "" }),
        PartNote::FiltersExpression { expression } => format!("It runs only when this expression is true: `{expression}`. CircleCI decides it when the pipeline starts, from pipeline values and parameters."),
        PartNote::SerialGroup { group } => format!("Serial group `{group}`: across all the organisation's pipelines, only one job (or job group) of this serial group runs at a time; the others are queued (for at most five hours, then cancelled)."),
        PartNote::OverrideWith { job } => format!("When the orb job `{job}` exists, it runs here instead of this job; otherwise this job runs as written."),
        PartNote::WorkflowCondition { when: true, expression } => format!("The workflow runs only when `{expression}` is true, decided when the pipeline starts."),
        PartNote::WorkflowCondition { when: false, expression } => format!("The workflow does not run when `{expression}` is true, decided when the pipeline starts."),
        PartNote::WorkflowReruns { count } => format!("When it fails, CircleCI reruns it from failed by itself, up to {count} time(s)."),
        PartNote::JobType { kind } => job_type_en(kind),
        PartNote::RetentionCaches { days } => format!("The caches it saves are kept for `{days}` instead of the retention set for the organisation."),
        PartNote::IpRanges => "It runs from CircleCI's published IP address ranges, so that a firewall can let it in.".to_owned(),
        PartNote::ResourceClass { class, family } => format!("`{class}`: {}", family_en(*family)),
        PartNote::MachineImage { image, family, current } => format!("`{image}`: {}{}", image_en(family), if *current { " `current` moves to each new image: a dated tag (`2025.09.1`) keeps builds reproducible." } else { "" }),
        PartNote::About(key) => about_en(*key),
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

/// What a job `type` does.
fn job_type_en(kind: &str) -> String {
    match kind {
        "build" => "`type: build`: an ordinary job that runs its steps (the default).".to_owned(),
        "approval" => "`type: approval`: a pause; the workflow waits here until someone approves it in the CircleCI app.".to_owned(),
        "release" => "`type: release`: a release job; it must name its release plan in `plan_name`.".to_owned(),
        "lock" => "`type: lock`: a lock job; it must name the lock in `key`, and an `unlock` job with the same `key` releases it.".to_owned(),
        "unlock" => "`type: unlock`: an unlock job; it must name in `key` the lock it releases.".to_owned(),
        "no-op" => "`type: no-op`: a marker in the workflow that other jobs can require; steps written in it are ignored.".to_owned(),
        other => format!("`type: {other}` is not a job type CircleCI knows (`build`, `release`, `lock`, `unlock`, `approval`, `no-op`)."),
    }
}

/// What a family of resource classes is.
fn family_en(family: ClassFamily) -> String {
    match family {
        ClassFamily::Standard => "a standard x86-64 resource class.",
        ClassFamily::Arm => "an Arm (aarch64) resource class: the images and binaries the job uses must be built for Arm.",
        ClassFamily::Gen2 => "a second-generation resource class (`.gen2`): the same size on newer, faster processors.",
        ClassFamily::Gpu => "a resource class with an NVIDIA GPU.",
        ClassFamily::Macos => "a macOS resource class on Apple silicon.",
        ClassFamily::Runner => "a self-hosted runner (`namespace/name`): the job runs on your own machine.",
        ClassFamily::Other => "a resource class this page does not describe; check it in CircleCI's list.",
    }
    .to_owned()
}

/// What a key of the 2024–2026 language does.
fn about_en(key: LanguageKey) -> String {
    match key {
        LanguageKey::JobGroups => "Names sets of jobs, with the `requires` between them, that a workflow runs as one unit by naming the set among its jobs.",
        LanguageKey::SerialGroup => "Jobs with the same serial group run one at a time across every project and pipeline of the organisation; the others wait in a queue.",
        LanguageKey::OverrideWith => "Replaces this job with a job of an orb (`orb/job`) when the orb has one; otherwise the job runs as written.",
        LanguageKey::StepReruns => "When this step fails, CircleCI runs it again, up to this many times (1 to 5), before failing the job.",
        LanguageKey::WorkflowReruns => "When the workflow fails, CircleCI reruns it from failed by itself, up to this many times (1 to 5).",
        LanguageKey::RerunDelay => "How long to wait before each automatic rerun of the step (`30s`, `2m`; at most `10m`); it needs `max_auto_reruns`.",
        LanguageKey::Retention => "How long the caches this job saves are kept: `caches: 7d`, from `1d` to `15d`.",
        LanguageKey::IpRanges => "`true` runs the job from CircleCI's published IP address ranges, so that a firewall can allow it.",
        LanguageKey::CheckoutMethod => "How `checkout` clones: `full` (the default) fetches everything, `blobless` fetches file contents only when needed, `shallow` only the last `depth` commits.",
        LanguageKey::JobType => "The kind of job: `build` (the default) runs its steps; `approval` and `no-op` are markers of the workflow whose steps are ignored; `release` needs `plan_name`, `lock` and `unlock` need `key`.",
    }
    .to_owned()
}

/// What a family of machine images is.
fn image_en(family: &ImageFamily) -> String {
    match family {
        ImageFamily::Ubuntu { release } if release == "24.04" => "a virtual machine with Ubuntu 24.04, Docker and the usual build tools, CircleCI's current Linux image; it also runs on the `arm.*` classes.".to_owned(),
        ImageFamily::Ubuntu { release } => format!("a virtual machine with Ubuntu {release}, Docker and the usual build tools."),
        ImageFamily::Android => "a virtual machine with the Android SDK and NDK.".to_owned(),
        ImageFamily::Windows => "a Windows virtual machine.".to_owned(),
        ImageFamily::Other => "a machine image this page does not describe.".to_owned(),
    }
}
