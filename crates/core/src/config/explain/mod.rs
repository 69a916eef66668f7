//! What a highlighted part of a configuration is: the analyser's explanation of a [`Part`], as notes
//! with their arguments (as diagnostics are messages), each with its sentence in English and in French.
//! The page shows them beside the source; `pipelens config FILE --explain LINE:COL` prints them.

mod en;
mod fr;

use serde::Serialize;

use super::parts::{Part, PartKind, PartSubject};
use super::templates::{
    restore_matches, CacheKey, KeySegment, KeyTemplate, PipelineValue, Reference,
};
use super::ConfigReport;
use crate::Lang;

/// One thing said about a part. Its sentence writes names between backticks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "note", rename_all = "kebab-case")]
pub enum PartNote {
    /// A configuration key.
    Key {
        /// The key.
        name: String,
    },
    /// The definition of a job.
    Job {
        /// The job's name.
        name: String,
    },
    /// The workflows that run the job.
    JobRunBy {
        /// Their names.
        workflows: Vec<String>,
    },
    /// No workflow runs the job.
    JobUnused,
    /// A step built into CircleCI.
    BuiltinStep {
        /// The step.
        name: String,
    },
    /// A step that runs a command defined in the file.
    CommandStep {
        /// The command.
        name: String,
    },
    /// A step that runs a command the file does not define.
    UndefinedCommandStep {
        /// The command.
        name: String,
    },
    /// A step that runs a command of an orb.
    OrbStep {
        /// The orb.
        orb: String,
        /// The command.
        command: String,
    },
    /// A step whose steps come from a parameter.
    ParameterSteps {
        /// As written.
        name: String,
    },
    /// A reusable executor.
    Executor {
        /// Its name.
        name: String,
    },
    /// A reusable command and how many steps it runs.
    Command {
        /// Its name.
        name: String,
        /// Its number of steps.
        steps: usize,
    },
    /// An orb imported from the registry.
    Orb {
        /// Its name in the file.
        name: String,
        /// What it imports (`circleci/python@2.1.1`).
        reference: String,
    },
    /// An orb written out in the file.
    InlineOrb {
        /// Its name.
        name: String,
    },
    /// The declaration of a parameter.
    Parameter {
        /// Its name.
        name: String,
    },
    /// A workflow, its jobs and its stages.
    Workflow {
        /// Its name.
        name: String,
        /// Its number of job entries.
        jobs: usize,
        /// Its number of stages.
        stages: usize,
    },
    /// A workflow the model does not hold (a duplicated name).
    WorkflowEmpty {
        /// Its name.
        name: String,
    },
    /// The schedules of a workflow.
    WorkflowSchedule {
        /// Their cron expressions.
        crons: Vec<String>,
    },
    /// A job entry of a workflow.
    WorkflowJob {
        /// The workflow.
        workflow: String,
        /// The job it runs.
        job: String,
        /// The name the entry gives it, if any.
        name: Option<String>,
    },
    /// A job entry of a job group.
    JobGroupJob {
        /// The group.
        group: String,
        /// The job it runs.
        job: String,
        /// The name the entry gives it, if any.
        name: Option<String>,
    },
    /// The entry runs a job group: all its jobs, as one unit.
    RunsJobGroup {
        /// The workflow.
        workflow: String,
        /// The group.
        group: String,
        /// The names of its jobs.
        jobs: Vec<String>,
    },
    /// A job group under `job-groups:`.
    JobGroup {
        /// Its name.
        name: String,
        /// Its number of job entries.
        jobs: usize,
    },
    /// The workflows that run the job group.
    JobGroupRunBy {
        /// Their names.
        workflows: Vec<String>,
    },
    /// No workflow runs the job group.
    JobGroupUnused,
    /// The entry is an approval.
    Approval,
    /// The entry waits for one job to end in one of these statuses, not only in success.
    RequiresStatuses {
        /// The job.
        job: String,
        /// The statuses (`success`, `failed`, `canceled`, `unauthorized`, `not_run`, `terminal`).
        statuses: Vec<String>,
    },
    /// The entry runs only when this expression is true.
    FiltersExpression {
        /// The expression.
        expression: String,
    },
    /// The entry belongs to a serial group.
    SerialGroup {
        /// The group's name.
        group: String,
    },
    /// The entry is replaced by an orb's job when that orb has it.
    OverrideWith {
        /// The orb job (`orb/job`).
        job: String,
    },
    /// The workflow's condition written as one expression.
    WorkflowCondition {
        /// `true` for `when`, `false` for `unless`.
        when: bool,
        /// The expression.
        expression: String,
    },
    /// The workflow is rerun from failed automatically.
    WorkflowReruns {
        /// At most this many times.
        count: String,
    },
    /// The job's `type`.
    JobType {
        /// As written.
        kind: String,
    },
    /// How long the caches the job saves are kept.
    RetentionCaches {
        /// As written (`7d`).
        days: String,
    },
    /// The job runs from CircleCI's published IP address ranges.
    IpRanges,
    /// What the job's resource class is.
    ResourceClass {
        /// As written.
        class: String,
        /// Its family.
        family: ClassFamily,
    },
    /// What the job's machine image is.
    MachineImage {
        /// As written (`ubuntu-2404:current`).
        image: String,
        /// Its family.
        family: ImageFamily,
        /// Whether its tag is `current`, which moves to each new image.
        current: bool,
    },
    /// What a key of the 2024–2026 language does.
    About(LanguageKey),
    /// The jobs the entry waits for.
    Requires {
        /// Their names.
        jobs: Vec<String>,
    },
    /// The entry waits for nothing.
    RequiresNone,
    /// The contexts the entry receives.
    Contexts {
        /// Their names.
        names: Vec<String>,
    },
    /// The only branches it runs on.
    BranchesOnly {
        /// Branch names or patterns.
        names: Vec<String>,
    },
    /// The branches it does not run on.
    BranchesIgnore {
        /// Branch names or patterns.
        names: Vec<String>,
    },
    /// The tags it runs for.
    TagsOnly {
        /// Tag names or patterns.
        names: Vec<String>,
    },
    /// The tags it does not run for.
    TagsIgnore {
        /// Tag names or patterns.
        names: Vec<String>,
    },
    /// The matrix parameters of the entry.
    Matrix {
        /// Their names.
        parameters: Vec<String>,
    },
    /// What a cache key template renders to.
    Template(KeyTemplate),
    /// The whole cache key, explained piece by piece in the notes that follow.
    KeyPieces {
        /// The key as written.
        key: String,
    },
    /// A fixed piece of the key (a detail of [`PartNote::KeyPieces`]).
    KeyLiteral {
        /// The text.
        text: String,
    },
    /// A template piece of the key (a detail of [`PartNote::KeyPieces`]).
    KeyTemplatePiece {
        /// As written (`{{ .Branch }}`).
        written: String,
        /// What it is.
        template: KeyTemplate,
    },
    /// How `restore_cache` uses the key.
    KeyRestore {
        /// The fixed start every matching key has.
        prefix: String,
    },
    /// How `save_cache` uses the key.
    KeySave,
    /// The value is replaced when the configuration is compiled.
    ValueCompiled {
        /// As written (`pipeline.git.branch`).
        name: String,
    },
    /// A pipeline parameter.
    PipelineParameter {
        /// Its name.
        name: String,
    },
    /// The pipeline parameter's default.
    ValueDefault {
        /// The default.
        default: String,
    },
    /// The pipeline parameter has no default.
    ValueNoDefault,
    /// The pipeline parameter is not declared.
    ValueUndeclared,
    /// A parameter of the job, command or executor.
    ParameterValue {
        /// Its name.
        name: String,
    },
    /// A matrix parameter.
    MatrixValue {
        /// Its name.
        name: String,
    },
    /// What a documented pipeline value expands to.
    PipelineValueMeaning(PipelineValue),
    /// A pipeline value CircleCI does not document.
    UnknownPipelineValue {
        /// As written.
        name: String,
    },
}

/// The families of resource classes (CircleCI's configuration reference and the language server's schema).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClassFamily {
    /// `small` to `2xlarge+`: x86-64.
    Standard,
    /// `arm.medium` to `arm.2xlarge`: Arm (aarch64) machines.
    Arm,
    /// `medium.gen2` to `2xlarge+.gen2`: the second generation of Docker classes, on newer processors.
    Gen2,
    /// `gpu.nvidia.*` and `windows.gpu.nvidia.*`.
    Gpu,
    /// `m4pro.*` (and other Apple silicon classes): macOS.
    Macos,
    /// `namespace/name`: a self-hosted runner.
    Runner,
    /// `<< parameters.x >>` or any other class.
    Other,
}

impl ClassFamily {
    /// The family of `class`.
    pub fn of(class: &str) -> Self {
        if class.contains("<<") {
            Self::Other
        } else if class.contains('/') {
            Self::Runner
        } else if class.starts_with("arm.") {
            Self::Arm
        } else if class.ends_with(".gen2") {
            Self::Gen2
        } else if class.starts_with("gpu.") || class.starts_with("windows.gpu.") {
            Self::Gpu
        } else if class.starts_with("m4pro.")
            || class.starts_with("m2pro.")
            || class.starts_with("macos.")
        {
            Self::Macos
        } else if matches!(
            class,
            "small" | "medium" | "medium+" | "large" | "xlarge" | "2xlarge" | "2xlarge+"
        ) {
            Self::Standard
        } else {
            Self::Other
        }
    }
}

/// The families of machine images (CircleCI's image pages; the language server takes
/// `ubuntu-2404:current` as the current Linux image).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "family", rename_all = "kebab-case")]
pub enum ImageFamily {
    /// `ubuntu-YYMM:…`: an Ubuntu virtual machine of that release.
    Ubuntu {
        /// The release, `24.04`.
        release: String,
    },
    /// `android:…`: a virtual machine with the Android SDK.
    Android,
    /// `windows-…`: a Windows virtual machine.
    Windows,
    /// Anything else (a parameter, a server image).
    Other,
}

impl ImageFamily {
    /// The family of `image`.
    pub fn of(image: &str) -> Self {
        let name = image.split(':').next().unwrap_or(image);
        if let Some(digits) = name.strip_prefix("ubuntu-") {
            if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
                return Self::Ubuntu {
                    release: format!("{}.{}", &digits[..2], &digits[2..]),
                };
            }
        }
        if name == "android" {
            Self::Android
        } else if name.starts_with("windows-") {
            Self::Windows
        } else {
            Self::Other
        }
    }
}

/// The keys of the 2024–2026 configuration language that get a sentence of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LanguageKey {
    /// Top-level `job-groups`.
    JobGroups,
    /// `serial-group` of a workflow entry.
    SerialGroup,
    /// `override-with` of a workflow entry.
    OverrideWith,
    /// `max_auto_reruns` of a `run` step.
    StepReruns,
    /// `max_auto_reruns` of a workflow.
    WorkflowReruns,
    /// `auto_rerun_delay` of a `run` step.
    RerunDelay,
    /// `retention` of a job.
    Retention,
    /// `circleci_ip_ranges` of a job.
    IpRanges,
    /// `method` of `checkout`.
    CheckoutMethod,
    /// `type` of a job.
    JobType,
}

impl PartNote {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => en::text(self),
            Lang::Fr => fr::text(self),
        }
    }

    /// Whether it details the note before it (a piece of a cache key).
    pub fn is_detail(&self) -> bool {
        matches!(
            self,
            Self::KeyLiteral { .. } | Self::KeyTemplatePiece { .. }
        )
    }
}

/// A note about a list of names.
type NamesNote = fn(Vec<String>) -> PartNote;

/// Names as code, separated by commas.
fn code_list(names: &[String]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The innermost part written at `line`:`column` (both from 1), if any.
pub fn part_at(report: &ConfigReport, line: usize, column: usize) -> Option<&Part> {
    let inside = |part: &&Part| {
        let span = part.span;
        (span.line, span.column) <= (line, column)
            && (line, column) < (span.end_line, span.end_column.max(span.column + 1))
    };
    report
        .parts
        .iter()
        .filter(inside)
        .min_by_key(|part| part.span.end - part.span.start)
}

/// What `part` of `report` is, as notes in order.
pub fn explain_part(report: &ConfigReport, part: &Part) -> Vec<PartNote> {
    let name = part.detail.clone();
    match (&part.subject, part.kind) {
        (PartSubject::BuiltinStep, _) => vec![PartNote::BuiltinStep { name }],
        (PartSubject::CommandStep, _) => {
            if report.config.commands.iter().any(|c| c.name.value == name) {
                vec![PartNote::CommandStep { name }]
            } else {
                vec![PartNote::UndefinedCommandStep { name }]
            }
        }
        (PartSubject::OrbStep { orb, command }, _) => vec![PartNote::OrbStep {
            orb: orb.clone(),
            command: command.clone(),
        }],
        (PartSubject::ParameterSteps, _) => vec![PartNote::ParameterSteps { name }],
        (PartSubject::WorkflowJob { workflow, job }, _) => {
            explain_workflow_job(report, *workflow, *job).unwrap_or(vec![PartNote::Key { name }])
        }
        (PartSubject::JobGroupJob { group, job }, _) => {
            explain_group_job(report, *group, *job).unwrap_or(vec![PartNote::Key { name }])
        }
        (PartSubject::JobGroup { group }, _) => explain_job_group(report, *group, name),
        (
            PartSubject::CacheKeyTemplate {
                template,
                key,
                restore,
            },
            _,
        ) => explain_template(template, key, *restore),
        (PartSubject::Value(reference), _) => explain_value(report, reference),
        (PartSubject::Named, kind) => explain_named(report, kind, name, part.span),
    }
}

/// A part its name explains.
fn explain_named(
    report: &ConfigReport,
    kind: PartKind,
    name: String,
    part_span: super::span::Span,
) -> Vec<PartNote> {
    let config = &report.config;
    match kind {
        PartKind::Job => {
            let workflows = workflows_running(config, &name);
            let in_groups = config
                .job_groups
                .iter()
                .any(|g| g.jobs.iter().any(|j| j.job.value == name));
            let run_by = if workflows.is_empty() && !in_groups {
                Some(PartNote::JobUnused)
            } else if workflows.is_empty() {
                None
            } else {
                Some(PartNote::JobRunBy { workflows })
            };
            let mut out = vec![PartNote::Job { name: name.clone() }];
            out.extend(run_by);
            if let Some(job) = config.job(&name) {
                if let Some(kind) = &job.job_type {
                    out.push(PartNote::JobType {
                        kind: kind.value.clone(),
                    });
                }
                if let Some(super::model::ExecutorSpec::Machine {
                    image: Some(image), ..
                }) = &job.executor
                {
                    out.push(PartNote::MachineImage {
                        image: image.value.clone(),
                        family: ImageFamily::of(&image.value),
                        current: image.value.ends_with(":current"),
                    });
                }
                if let Some(class) = &job.resource_class {
                    out.push(PartNote::ResourceClass {
                        class: class.value.clone(),
                        family: ClassFamily::of(&class.value),
                    });
                }
                if let Some(days) = &job.retention_caches {
                    out.push(PartNote::RetentionCaches {
                        days: days.value.clone(),
                    });
                }
                if job
                    .circleci_ip_ranges
                    .as_ref()
                    .is_some_and(|v| v.value == "true")
                {
                    out.push(PartNote::IpRanges);
                }
            }
            out
        }
        PartKind::Workflow => explain_workflow(report, name),
        PartKind::Executor => vec![PartNote::Executor { name }],
        PartKind::Command => {
            let steps = config
                .commands
                .iter()
                .find(|c| c.name.value == name)
                .map_or(0, |c| c.steps.len());
            vec![PartNote::Command { name, steps }]
        }
        PartKind::Orb => {
            let reference = config
                .orbs
                .iter()
                .find(|o| o.name.value == name)
                .and_then(|o| o.reference.as_ref())
                .map(|reference| reference.value.clone());
            vec![match reference {
                Some(reference) => PartNote::Orb { name, reference },
                None => PartNote::InlineOrb { name },
            }]
        }
        PartKind::Parameter => vec![PartNote::Parameter { name }],
        PartKind::Key => {
            let about = match name.as_str() {
                "job-groups" => Some(LanguageKey::JobGroups),
                "serial-group" => Some(LanguageKey::SerialGroup),
                "override-with" => Some(LanguageKey::OverrideWith),
                "max_auto_reruns" if is_workflow_reruns(report, part_span) => {
                    Some(LanguageKey::WorkflowReruns)
                }
                "max_auto_reruns" => Some(LanguageKey::StepReruns),
                "auto_rerun_delay" => Some(LanguageKey::RerunDelay),
                "retention" => Some(LanguageKey::Retention),
                "circleci_ip_ranges" => Some(LanguageKey::IpRanges),
                "method" => Some(LanguageKey::CheckoutMethod),
                "type" if is_job_type(report, part_span) => Some(LanguageKey::JobType),
                _ => None,
            };
            let mut out = vec![PartNote::Key { name }];
            out.extend(about.map(PartNote::About));
            out
        }
        PartKind::JobGroup
        | PartKind::Step
        | PartKind::WorkflowJob
        | PartKind::CacheKeyTemplate
        | PartKind::PipelineValue
        | PartKind::ParameterReference => vec![PartNote::Key { name }],
    }
}

/// A workflow: its jobs, stages and schedules.
fn explain_workflow(report: &ConfigReport, name: String) -> Vec<PartNote> {
    let Some(index) = report
        .config
        .workflows
        .iter()
        .position(|w| w.name.value == name)
    else {
        return vec![PartNote::WorkflowEmpty { name }];
    };
    let workflow = &report.config.workflows[index];
    let stages = report.graphs.get(index).map_or(0, |g| g.stages.len());
    let mut out = vec![PartNote::Workflow {
        name,
        jobs: workflow.jobs.len(),
        stages,
    }];
    if !workflow.schedules.is_empty() {
        out.push(PartNote::WorkflowSchedule {
            crons: workflow.schedules.iter().map(|s| s.value.clone()).collect(),
        });
    }
    if let Some(condition) = &workflow.condition {
        out.push(PartNote::WorkflowCondition {
            when: condition.when,
            expression: condition.expression.value.clone(),
        });
    }
    if let Some(count) = &workflow.max_auto_reruns {
        out.push(PartNote::WorkflowReruns {
            count: count.value.clone(),
        });
    }
    out
}

/// Whether the key at `span` is a workflow's `max_auto_reruns` (rather than a step's): its value is
/// written on the key's line.
fn is_workflow_reruns(report: &ConfigReport, span: super::span::Span) -> bool {
    report.config.workflows.iter().any(|w| {
        w.max_auto_reruns
            .as_ref()
            .is_some_and(|value| value.span.line == span.line && value.span.start > span.start)
    })
}

/// Whether the key at `span` is a job definition's `type` (rather than a workflow entry's).
fn is_job_type(report: &ConfigReport, span: super::span::Span) -> bool {
    report.config.jobs.iter().any(|j| {
        j.job_type
            .as_ref()
            .is_some_and(|value| value.span.line == span.line && value.span.start > span.start)
    })
}

/// The names of the workflows that list `name` (a job or a job group) among their jobs.
fn workflows_running(config: &super::Config, name: &str) -> Vec<String> {
    config
        .workflows
        .iter()
        .filter(|w| w.jobs.iter().any(|j| j.job.value == name))
        .map(|w| w.name.value.clone())
        .collect()
}

/// The job group number `group`: its jobs, and the workflows that run it.
fn explain_job_group(report: &ConfigReport, group: usize, name: String) -> Vec<PartNote> {
    let config = &report.config;
    let jobs = config.job_groups.get(group).map_or(0, |g| g.jobs.len());
    let workflows = workflows_running(config, &name);
    vec![
        PartNote::JobGroup { name, jobs },
        if workflows.is_empty() {
            PartNote::JobGroupUnused
        } else {
            PartNote::JobGroupRunBy { workflows }
        },
    ]
}

/// Entry `job` of job group `group`.
fn explain_group_job(report: &ConfigReport, group: usize, job: usize) -> Option<Vec<PartNote>> {
    let group = report.config.job_groups.get(group)?;
    let entry = group.jobs.get(job)?;
    let mut out = vec![PartNote::JobGroupJob {
        group: group.name.value.clone(),
        job: entry.job.value.clone(),
        name: entry.name.as_ref().map(|alias| alias.value.clone()),
    }];
    entry_notes(entry, &mut out);
    Some(out)
}

/// Entry `job` of workflow `workflow`: what it runs, what it waits for, where it may run.
fn explain_workflow_job(
    report: &ConfigReport,
    workflow: usize,
    job: usize,
) -> Option<Vec<PartNote>> {
    let workflow = report.config.workflows.get(workflow)?;
    let entry = workflow.jobs.get(job)?;
    let group = report
        .config
        .job(&entry.job.value)
        .is_none()
        .then(|| report.config.job_group(&entry.job.value))
        .flatten();
    let mut out = vec![match group {
        Some(group) => PartNote::RunsJobGroup {
            workflow: workflow.name.value.clone(),
            group: group.name.value.clone(),
            jobs: group
                .jobs
                .iter()
                .map(|j| j.display_name().to_owned())
                .collect(),
        },
        None => PartNote::WorkflowJob {
            workflow: workflow.name.value.clone(),
            job: entry.job.value.clone(),
            name: entry.name.as_ref().map(|alias| alias.value.clone()),
        },
    }];
    entry_notes(entry, &mut out);
    Some(out)
}

/// What a workflow or job group entry waits for, where it may run, and how.
fn entry_notes(entry: &super::model::WorkflowJob, out: &mut Vec<PartNote>) {
    let names = |values: &[super::model::Spanned<String>]| -> Vec<String> {
        values.iter().map(|value| value.value.clone()).collect()
    };
    if entry.approval {
        out.push(PartNote::Approval);
    }
    let plain: Vec<String> = entry
        .requires
        .iter()
        .filter(|r| r.statuses.is_empty() || r.statuses == ["success"])
        .map(|r| r.job.value.clone())
        .collect();
    if entry.requires.is_empty() {
        out.push(PartNote::RequiresNone);
    } else if !plain.is_empty() {
        out.push(PartNote::Requires { jobs: plain });
    }
    for requirement in &entry.requires {
        if !(requirement.statuses.is_empty() || requirement.statuses == ["success"]) {
            out.push(PartNote::RequiresStatuses {
                job: requirement.job.value.clone(),
                statuses: requirement.statuses.clone(),
            });
        }
    }
    if !entry.contexts.is_empty() {
        out.push(PartNote::Contexts {
            names: names(&entry.contexts),
        });
    }
    if let Some(filters) = &entry.filters {
        let lists: [(&Vec<String>, NamesNote); 4] = [
            (&filters.branches_only, |names| PartNote::BranchesOnly {
                names,
            }),
            (&filters.branches_ignore, |names| PartNote::BranchesIgnore {
                names,
            }),
            (&filters.tags_only, |names| PartNote::TagsOnly { names }),
            (&filters.tags_ignore, |names| PartNote::TagsIgnore { names }),
        ];
        for (values, note) in lists {
            if !values.is_empty() {
                out.push(note(values.clone()));
            }
        }
        if let Some(expression) = &filters.expression {
            out.push(PartNote::FiltersExpression {
                expression: expression.value.clone(),
            });
        }
    }
    if let Some(group) = &entry.serial_group {
        out.push(PartNote::SerialGroup {
            group: group.value.clone(),
        });
    }
    if let Some(job) = &entry.override_with {
        out.push(PartNote::OverrideWith {
            job: job.value.clone(),
        });
    }
    if let Some(matrix) = &entry.matrix {
        out.push(PartNote::Matrix {
            parameters: matrix
                .parameters
                .iter()
                .map(|(name, _)| name.clone())
                .collect(),
        });
    }
}

/// A `{{ ... }}` template: what it renders to, then the whole key it belongs to, piece by piece.
fn explain_template(template: &KeyTemplate, key: &str, restore: bool) -> Vec<PartNote> {
    let mut out = vec![
        PartNote::Template(template.clone()),
        PartNote::KeyPieces {
            key: key.to_owned(),
        },
    ];
    for segment in CacheKey::parse(key).segments {
        out.push(match segment {
            KeySegment::Literal { text } => PartNote::KeyLiteral { text },
            KeySegment::Template {
                template,
                start,
                end,
            } => PartNote::KeyTemplatePiece {
                written: key[start..end].to_owned(),
                template,
            },
        });
    }
    out.push(if restore {
        let matched = restore_matches(&[key]);
        PartNote::KeyRestore {
            prefix: matched
                .first()
                .map_or(String::new(), |m| m.literal_prefix.clone()),
        }
    } else {
        PartNote::KeySave
    });
    out
}

/// A `<< ... >>` value: when it is replaced, and by what.
fn explain_value(report: &ConfigReport, reference: &Reference) -> Vec<PartNote> {
    match reference {
        Reference::PipelineParameter(name) => {
            let declared = report
                .config
                .parameters
                .iter()
                .find(|p| p.name.value == *name);
            let default = match declared.and_then(|p| p.default.clone()) {
                Some(default) => PartNote::ValueDefault { default },
                None if declared.is_some() => PartNote::ValueNoDefault,
                None => PartNote::ValueUndeclared,
            };
            vec![PartNote::PipelineParameter { name: name.clone() }, default]
        }
        Reference::Parameter(name) => vec![PartNote::ParameterValue { name: name.clone() }],
        Reference::Matrix(name) => vec![PartNote::MatrixValue { name: name.clone() }],
        Reference::PipelineValue(path) => {
            let name = reference.path();
            let meaning = match PipelineValue::from_path(path) {
                Some(value) => PartNote::PipelineValueMeaning(value),
                None => PartNote::UnknownPipelineValue { name: name.clone() },
            };
            vec![PartNote::ValueCompiled { name }, meaning]
        }
        Reference::Other(_) => vec![PartNote::ValueCompiled {
            name: reference.path(),
        }],
    }
}

#[cfg(test)]
mod tests;
