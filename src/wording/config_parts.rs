//! What a highlighted part of the configuration is, as sentences in the current language.
//!
//! The sentences live in `locales/<lang>/config.json` with `{name}`-style placeholders; names are written
//! between backticks, which the explanation panel shows as code. A sentence that starts with a tab
//! ([`DETAIL`]) details the sentence before it.

use pipelens_core::config::model::{Spanned, Step, StepKind};
use pipelens_core::config::templates::{restore_matches, CacheKey, KeySegment, KeyTemplate};
use pipelens_core::config::{ConfigReport, Part, PartKind};

use crate::format::fill;
use crate::i18n::{Lang, Msg};

/// The mark at the start of a sentence that details the one before it.
pub(crate) const DETAIL: char = '\t';

/// The kind of a part, as a short label.
pub(crate) fn kind_label(kind: PartKind) -> Msg {
    match kind {
        PartKind::Key => Msg::ConfigKindKey,
        PartKind::Job => Msg::ConfigKindJob,
        PartKind::Step => Msg::ConfigKindStep,
        PartKind::Workflow => Msg::ConfigKindWorkflow,
        PartKind::WorkflowJob => Msg::ConfigKindWorkflowJob,
        PartKind::Executor => Msg::ConfigKindExecutor,
        PartKind::Command => Msg::ConfigKindCommand,
        PartKind::Orb => Msg::ConfigKindOrb,
        PartKind::Parameter => Msg::ConfigKindParameter,
        PartKind::CacheKeyTemplate => Msg::ConfigKindCacheKeyTemplate,
        PartKind::PipelineValue => Msg::ConfigKindPipelineValue,
        PartKind::ParameterReference => Msg::ConfigKindParameterReference,
    }
}

/// Names as code, separated by commas.
fn code_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names
        .into_iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The sentences explaining `part` of `report`, whose spans index into `text`.
pub(crate) fn explain(lang: Lang, report: &ConfigReport, text: &str, part: &Part) -> Vec<String> {
    let say = |msg: Msg, arguments: &[(&str, &str)]| fill(lang.text(msg), arguments);
    let name = part.detail.as_str();
    match part.kind {
        PartKind::Key => vec![say(Msg::ConfigPartKey, &[("name", name)])],
        PartKind::Job => {
            let mut out = vec![say(Msg::ConfigPartJob, &[("name", name)])];
            let workflows: Vec<&str> = report
                .config
                .workflows
                .iter()
                .filter(|w| w.jobs.iter().any(|j| j.job.value == name))
                .map(|w| w.name.value.as_str())
                .collect();
            out.push(if workflows.is_empty() {
                lang.text(Msg::ConfigPartJobUnused).to_owned()
            } else {
                say(Msg::ConfigPartJobRunBy, &[("list", &code_list(workflows))])
            });
            out
        }
        PartKind::Step => vec![match part.doc {
            "keys/orbs" => {
                let (orb, command) = name.split_once('/').unwrap_or(("", name));
                say(
                    Msg::ConfigPartStepOrb,
                    &[("orb", orb), ("command", command)],
                )
            }
            "keys/commands" if report.config.commands.iter().any(|c| c.name.value == name) => {
                say(Msg::ConfigPartStepCommand, &[("name", name)])
            }
            "keys/commands" => say(Msg::ConfigPartStepUndefined, &[("name", name)]),
            "keys/steps" => say(Msg::ConfigPartStepParameter, &[("name", name)]),
            _ => say(Msg::ConfigPartStepBuiltin, &[("name", name)]),
        }],
        PartKind::Workflow => explain_workflow(lang, report, name),
        PartKind::WorkflowJob => explain_workflow_job(lang, report, part),
        PartKind::Executor => vec![say(Msg::ConfigPartExecutor, &[("name", name)])],
        PartKind::Command => {
            let steps = report
                .config
                .commands
                .iter()
                .find(|c| c.name.value == name)
                .map_or(0, |c| c.steps.len());
            vec![say(
                Msg::ConfigPartCommand,
                &[("name", name), ("steps", &steps.to_string())],
            )]
        }
        PartKind::Orb => {
            let reference = report
                .config
                .orbs
                .iter()
                .find(|o| o.name.value == name)
                .and_then(|o| o.reference.as_ref());
            vec![match reference {
                Some(reference) => say(
                    Msg::ConfigPartOrb,
                    &[("name", name), ("reference", &reference.value)],
                ),
                None => say(Msg::ConfigPartOrbInline, &[("name", name)]),
            }]
        }
        PartKind::Parameter => vec![say(Msg::ConfigPartParameter, &[("name", name)])],
        PartKind::CacheKeyTemplate => explain_template(lang, report, text, part),
        PartKind::PipelineValue | PartKind::ParameterReference => explain_value(lang, report, name),
    }
}

/// A workflow: its jobs, stages and schedules.
fn explain_workflow(lang: Lang, report: &ConfigReport, name: &str) -> Vec<String> {
    let say = |msg: Msg, arguments: &[(&str, &str)]| fill(lang.text(msg), arguments);
    let Some(index) = report
        .config
        .workflows
        .iter()
        .position(|w| w.name.value == name)
    else {
        return vec![say(Msg::ConfigPartWorkflowEmpty, &[("name", name)])];
    };
    let workflow = &report.config.workflows[index];
    let stages = report.graphs.get(index).map_or(0, |g| g.stages.len());
    let mut out = vec![say(
        Msg::ConfigPartWorkflow,
        &[
            ("name", name),
            ("jobs", &workflow.jobs.len().to_string()),
            ("stages", &stages.to_string()),
        ],
    )];
    if !workflow.schedules.is_empty() {
        let crons = code_list(workflow.schedules.iter().map(|s| s.value.as_str()));
        out.push(say(Msg::ConfigPartWorkflowSchedule, &[("list", &crons)]));
    }
    out
}

/// A job entry of a workflow: what it runs, what it waits for, where it may run.
fn explain_workflow_job(lang: Lang, report: &ConfigReport, part: &Part) -> Vec<String> {
    let say = |msg: Msg, arguments: &[(&str, &str)]| fill(lang.text(msg), arguments);
    let found = report.config.workflows.iter().find_map(|w| {
        w.jobs
            .iter()
            .find(|j| j.job.span == part.span)
            .map(|j| (w.name.value.as_str(), j))
    });
    let Some((workflow, job)) = found else {
        return vec![say(Msg::ConfigPartKey, &[("name", &part.detail)])];
    };
    let mut out = vec![match &job.name {
        Some(alias) => say(
            Msg::ConfigPartWorkflowJobNamed,
            &[
                ("workflow", workflow),
                ("job", &job.job.value),
                ("name", &alias.value),
            ],
        ),
        None => say(
            Msg::ConfigPartWorkflowJob,
            &[("workflow", workflow), ("job", &job.job.value)],
        ),
    }];
    if job.approval {
        out.push(lang.text(Msg::ConfigPartApproval).to_owned());
    }
    out.push(if job.requires.is_empty() {
        lang.text(Msg::ConfigPartRequiresNone).to_owned()
    } else {
        let list = code_list(job.requires.iter().map(|r| r.job.value.as_str()));
        say(Msg::ConfigPartRequires, &[("list", &list)])
    });
    if !job.contexts.is_empty() {
        let list = code_list(job.contexts.iter().map(|c| c.value.as_str()));
        out.push(say(Msg::ConfigPartContexts, &[("list", &list)]));
    }
    if let Some(filters) = &job.filters {
        for (values, msg) in [
            (&filters.branches_only, Msg::ConfigPartBranchesOnly),
            (&filters.branches_ignore, Msg::ConfigPartBranchesIgnore),
            (&filters.tags_only, Msg::ConfigPartTagsOnly),
            (&filters.tags_ignore, Msg::ConfigPartTagsIgnore),
        ] {
            if !values.is_empty() {
                out.push(say(
                    msg,
                    &[("list", &code_list(values.iter().map(String::as_str)))],
                ));
            }
        }
    }
    if let Some(matrix) = &job.matrix {
        let list = code_list(matrix.parameters.iter().map(|(name, _)| name.as_str()));
        out.push(say(Msg::ConfigPartMatrix, &[("list", &list)]));
    }
    out
}

/// Every cache key written in the configuration, with whether it is a `restore_cache` key.
fn cache_keys(report: &ConfigReport) -> Vec<(&Spanned<String>, bool)> {
    fn walk<'a>(steps: &'a [Step], out: &mut Vec<(&'a Spanned<String>, bool)>) {
        for step in steps {
            match &step.kind {
                StepKind::RestoreCache { keys } => out.extend(keys.iter().map(|k| (k, true))),
                StepKind::SaveCache { key: Some(key), .. } => out.push((key, false)),
                StepKind::Conditional { steps, .. } => walk(steps, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for job in &report.config.jobs {
        walk(&job.steps, &mut out);
    }
    for command in &report.config.commands {
        walk(&command.steps, &mut out);
    }
    out
}

/// The sentence of one template.
fn template_sentence(lang: Lang, template: &KeyTemplate) -> String {
    let say = |msg: Msg, arguments: &[(&str, &str)]| fill(lang.text(msg), arguments);
    match template {
        KeyTemplate::Branch => lang.text(Msg::ConfigTemplateBranch).to_owned(),
        KeyTemplate::Revision => lang.text(Msg::ConfigTemplateRevision).to_owned(),
        KeyTemplate::BuildNum => lang.text(Msg::ConfigTemplateBuildNum).to_owned(),
        KeyTemplate::CheckoutKey => lang.text(Msg::ConfigTemplateCheckoutKey).to_owned(),
        KeyTemplate::Environment(name) => say(Msg::ConfigTemplateEnvironment, &[("name", name)]),
        KeyTemplate::Checksum(file) => say(Msg::ConfigTemplateChecksum, &[("file", file)]),
        KeyTemplate::Epoch => lang.text(Msg::ConfigTemplateEpoch).to_owned(),
        KeyTemplate::Arch => lang.text(Msg::ConfigTemplateArch).to_owned(),
        KeyTemplate::Unknown(name) => say(Msg::ConfigTemplateUnknown, &[("name", name)]),
    }
}

/// A `{{ ... }}` template: what it renders to, then the whole key it belongs to, piece by piece.
fn explain_template(lang: Lang, report: &ConfigReport, text: &str, part: &Part) -> Vec<String> {
    let say = |msg: Msg, arguments: &[(&str, &str)]| fill(lang.text(msg), arguments);
    let written = text.get(part.span.start..part.span.end).unwrap_or_default();
    let mut out: Vec<String> = CacheKey::parse(written)
        .templates()
        .map(|(template, _, _)| template_sentence(lang, template))
        .collect();
    let enclosing = cache_keys(report)
        .into_iter()
        .find(|(key, _)| key.span.start <= part.span.start && part.span.end <= key.span.end);
    if let Some((key, restore)) = enclosing {
        out.push(say(Msg::ConfigKeyPieces, &[("key", &key.value)]));
        for segment in CacheKey::parse(&key.value).segments {
            out.push(match segment {
                KeySegment::Literal { text } => {
                    format!("{DETAIL}{}", say(Msg::ConfigKeyLiteral, &[("text", &text)]))
                }
                KeySegment::Template {
                    template,
                    start,
                    end,
                } => format!(
                    "{DETAIL}`{}`{}{}",
                    &key.value[start..end],
                    lang.text(Msg::ConfigKeyDash),
                    template_sentence(lang, &template)
                ),
            });
        }
        if restore {
            let matched = restore_matches(&[key.value.as_str()]);
            let prefix = matched.first().map_or("", |m| m.literal_prefix.as_str());
            out.push(say(Msg::ConfigKeyRestore, &[("prefix", prefix)]));
        } else {
            out.push(lang.text(Msg::ConfigKeySave).to_owned());
        }
    }
    out
}

/// A `<< ... >>` value: when it is replaced, and by what.
fn explain_value(lang: Lang, report: &ConfigReport, detail: &str) -> Vec<String> {
    let say = |msg: Msg, arguments: &[(&str, &str)]| fill(lang.text(msg), arguments);
    if let Some(name) = detail.strip_prefix("pipeline.parameters.") {
        let declared = report
            .config
            .parameters
            .iter()
            .find(|p| p.name.value == name);
        let mut out = vec![say(Msg::ConfigValuePipelineParameter, &[("name", name)])];
        out.push(match declared.and_then(|p| p.default.as_deref()) {
            Some(default) => say(Msg::ConfigValueDefault, &[("default", default)]),
            None if declared.is_some() => lang.text(Msg::ConfigValueNoDefault).to_owned(),
            None => lang.text(Msg::ConfigValueUndeclared).to_owned(),
        });
        return out;
    }
    if let Some(name) = detail.strip_prefix("parameters.") {
        return vec![say(Msg::ConfigValueParameter, &[("name", name)])];
    }
    if let Some(name) = detail.strip_prefix("matrix.") {
        return vec![say(Msg::ConfigValueMatrix, &[("name", name)])];
    }
    let meaning = match detail {
        "pipeline.id" => Some(Msg::ConfigValueId),
        "pipeline.number" => Some(Msg::ConfigValueNumber),
        "pipeline.project.git_url" => Some(Msg::ConfigValueGitUrl),
        "pipeline.project.type" => Some(Msg::ConfigValueProjectType),
        "pipeline.git.tag" => Some(Msg::ConfigValueGitTag),
        "pipeline.git.branch" => Some(Msg::ConfigValueGitBranch),
        "pipeline.git.revision" => Some(Msg::ConfigValueGitRevision),
        "pipeline.git.base_revision" => Some(Msg::ConfigValueGitBaseRevision),
        "pipeline.in_setup" => Some(Msg::ConfigValueInSetup),
        "pipeline.trigger_source" => Some(Msg::ConfigValueTriggerSource),
        "pipeline.schedule.name" => Some(Msg::ConfigValueScheduleName),
        "pipeline.schedule.id" => Some(Msg::ConfigValueScheduleId),
        _ if detail.starts_with("pipeline.trigger_parameters.") => {
            Some(Msg::ConfigValueTriggerParameter)
        }
        _ => None,
    };
    let mut out = vec![say(Msg::ConfigValueCompiled, &[("name", detail)])];
    out.push(match meaning {
        Some(msg) => say(msg, &[("name", detail)]),
        None => say(Msg::ConfigValueUnknown, &[("name", detail)]),
    });
    out
}

#[cfg(test)]
mod tests {
    use pipelens_core::config::analyse_config;

    use super::*;

    const SEED: &str = crate::samples::SEED_CONFIG;

    /// The explanation of the first part of `kind` whose detail is `detail`, in `lang`.
    fn explained(lang: Lang, kind: PartKind, detail: &str) -> Vec<String> {
        let report = analyse_config(SEED);
        let part = report
            .parts
            .iter()
            .find(|p| p.kind == kind && p.detail == detail)
            .unwrap_or_else(|| panic!("no {kind:?} part {detail}"));
        explain(lang, &report, SEED, part)
    }

    #[test]
    fn arguments_fill_their_placeholders() {
        assert_eq!(
            fill("{a} and {b}, {a}", &[("a", "x"), ("b", "y")]),
            "x and y, x"
        );
    }

    #[test]
    fn a_checksum_template_names_its_file_and_the_key_is_explained_piece_by_piece() {
        let text = explained(Lang::En, PartKind::CacheKeyTemplate, "checksum");
        assert!(text[0].contains("`requirements.txt`"), "{text:?}");
        assert!(text.iter().any(|s| s.contains("`deps1-`")), "{text:?}");
        assert!(
            text.iter().any(|s| s.starts_with("\t`{{ .Branch }}`")),
            "{text:?}"
        );
        let french = explained(Lang::Fr, PartKind::CacheKeyTemplate, "checksum");
        assert!(french[0].contains("`requirements.txt`"));
        assert_ne!(text[0], french[0]);
    }

    #[test]
    fn a_pipeline_value_says_what_it_expands_to() {
        let text = explained(
            Lang::En,
            PartKind::PipelineValue,
            "pipeline.trigger_parameters.github_app.commit_sha",
        );
        assert_eq!(text.len(), 2);
        assert_eq!(
            text[1],
            Lang::En.text(Msg::ConfigValueTriggerParameter).replace(
                "{name}",
                "pipeline.trigger_parameters.github_app.commit_sha"
            )
        );
    }

    #[test]
    fn a_workflow_job_tells_what_it_waits_for_and_where_it_runs() {
        let text = explained(Lang::En, PartKind::WorkflowJob, "container").join(" ");
        assert!(text.contains("`pytest`, `coverage`, `linting`"), "{text}");
        assert!(text.contains("`docker_hub_creds`"), "{text}");
        assert!(text.contains("`master`"), "{text}");
    }

    #[test]
    fn a_job_names_the_workflows_that_run_it() {
        let text = explained(Lang::En, PartKind::Job, "pytest");
        assert!(text[1].contains("`test_build_and_push`"), "{text:?}");
    }
}
