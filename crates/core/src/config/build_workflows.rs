//! The `workflows:` part of the model builder.

use super::build::{spanned, Builder};
use super::model::{
    Condition, Filters, JobGroup, Matrix, Requirement, Spanned, Workflow, WorkflowJob,
};
use super::parts::{PartKind, PartSubject};
use super::tree::Node;

/// The keys of a workflow job entry that CircleCI reads itself, not arguments of the job: the one list
/// the model, `unknown-key`, the parameter rules (`rules/invocations.rs`) and processing share.
pub(crate) const WORKFLOW_JOB_KEYS: &[&str] = &[
    "requires",
    "name",
    "context",
    "type",
    "filters",
    "matrix",
    "pre-steps",
    "post-steps",
    "serial-group",
    "override-with",
    "plan_name",
];

impl Builder<'_> {
    /// Reads the `workflows:` mapping (skipping its 2.0 `version:` entry).
    pub(crate) fn workflows(&mut self, node: &Node) -> Vec<Workflow> {
        let mut workflows = Vec::new();
        for (key, value) in node.entries() {
            let Some(name) = spanned(key) else { continue };
            if name.value == "version" {
                continue;
            }
            self.part(key.span, PartKind::Workflow, "keys/workflows", &name.value);
            let mut workflow = Workflow {
                name,
                jobs: Vec::new(),
                schedules: Vec::new(),
                conditional: false,
                condition: None,
                max_auto_reruns: None,
            };
            for (k, v) in value.entries() {
                match k.as_str() {
                    Some("jobs") => {
                        self.key(k);
                        let index = workflows.len();
                        for item in v.items() {
                            let entry = workflow.jobs.len();
                            let about = PartSubject::WorkflowJob {
                                workflow: index,
                                job: entry,
                            };
                            if let Some(job) = self.workflow_job(item, about) {
                                workflow.jobs.push(job);
                            }
                        }
                    }
                    Some("triggers") => {
                        self.key(k);
                        workflow.schedules = v
                            .items()
                            .iter()
                            .filter_map(|t| t.get("schedule")?.get("cron").and_then(|c| spanned(c)))
                            .collect();
                    }
                    Some(which @ ("when" | "unless")) => {
                        self.key(k);
                        workflow.conditional = true;
                        workflow.condition = spanned(v).map(|expression| Condition {
                            when: which == "when",
                            expression,
                        });
                    }
                    Some("max_auto_reruns") => {
                        self.key(k);
                        workflow.max_auto_reruns = spanned(v);
                    }
                    _ => {}
                }
            }
            workflows.push(workflow);
        }
        workflows
    }

    /// Reads the top-level `job-groups:` mapping: each group's `jobs:` is read as a workflow's.
    pub(crate) fn job_groups(&mut self, node: &Node) -> Vec<JobGroup> {
        let mut groups = Vec::new();
        for (key, value) in node.entries() {
            let Some(name) = spanned(key) else { continue };
            let group = groups.len();
            self.part_about(
                key.span,
                PartKind::JobGroup,
                "keys/job-groups",
                &name.value,
                PartSubject::JobGroup { group },
            );
            let mut jobs = Vec::new();
            if let Some((k, v)) = value.entry("jobs") {
                self.key(k);
                for item in v.items() {
                    let about = PartSubject::JobGroupJob {
                        group,
                        job: jobs.len(),
                    };
                    if let Some(job) = self.workflow_job(item, about) {
                        jobs.push(job);
                    }
                }
            }
            groups.push(JobGroup { name, jobs });
        }
        groups
    }

    /// Reads one job entry of a workflow or a job group; `about` says which.
    fn workflow_job(&mut self, item: &Node, about: PartSubject) -> Option<WorkflowJob> {
        let (key, args) = match item.entries().first() {
            Some((key, args)) => (&**key, Some(&**args)),
            None => (item, None),
        };
        let job = spanned(key)?;
        self.part_about(
            key.span,
            PartKind::WorkflowJob,
            "keys/jobs",
            &job.value,
            about,
        );
        let mut entry = WorkflowJob {
            job,
            name: None,
            requires: Vec::new(),
            contexts: Vec::new(),
            approval: false,
            job_type: None,
            filters: None,
            serial_group: None,
            override_with: None,
            matrix: None,
            arguments: Vec::new(),
        };
        for (k, v) in args.map(|a| a.entries()).unwrap_or_default() {
            let Some(field) = k.as_str() else { continue };
            self.key(k);
            match field {
                "name" => entry.name = spanned(v),
                "requires" => entry.requires = requirements(v),
                "context" => {
                    entry.contexts = v
                        .str_list()
                        .into_iter()
                        .map(|(value, span)| Spanned { value, span })
                        .collect();
                }
                "type" => {
                    entry.approval = v.as_str() == Some("approval");
                    entry.job_type = spanned(v);
                }
                "filters" => entry.filters = Some(filters(v)),
                "serial-group" => entry.serial_group = spanned(v),
                "override-with" => entry.override_with = spanned(v),
                "matrix" => {
                    entry.matrix = Some(Matrix {
                        parameters: v
                            .get("parameters")
                            .map(|p| {
                                p.entries()
                                    .iter()
                                    .filter_map(|(n, values)| {
                                        let values =
                                            values.str_list().into_iter().map(|(v, _)| v).collect();
                                        Some((n.as_str()?.to_owned(), values))
                                    })
                                    .collect()
                            })
                            .unwrap_or_default(),
                        alias: v.get_str("alias").map(str::to_owned),
                    });
                }
                _ if WORKFLOW_JOB_KEYS.contains(&field) => {}
                _ => entry.arguments.extend(spanned(k)),
            }
        }
        Some(entry)
    }
}

/// Reads `requires:`: names, or 2.1 one-key mappings from a name to the statuses it accepts.
fn requirements(node: &Node) -> Vec<Requirement> {
    let mut found = Vec::new();
    let items: Vec<&Node> = if node.is_seq() {
        node.items().iter().map(|i| &**i).collect()
    } else {
        vec![node]
    };
    for item in items {
        if let Some(job) = spanned(item) {
            found.push(Requirement {
                job,
                statuses: Vec::new(),
            });
        }
        for (key, statuses) in item.entries() {
            if let Some(job) = spanned(key) {
                found.push(Requirement {
                    job,
                    statuses: statuses.str_list().into_iter().map(|(s, _)| s).collect(),
                });
            }
        }
    }
    found
}

/// Reads `filters:`: `branches`/`tags`, each with `only`/`ignore`, or one expression.
fn filters(node: &Node) -> Filters {
    let list = |group: &str, which: &str| -> Vec<String> {
        node.get(group)
            .and_then(|g| g.get(which))
            .map(|v| v.str_list().into_iter().map(|(s, _)| s).collect())
            .unwrap_or_default()
    };
    if let Some(expression) = spanned(node) {
        return Filters {
            expression: Some(expression),
            ..Filters::default()
        };
    }
    Filters {
        expression: None,
        branches_only: list("branches", "only"),
        branches_ignore: list("branches", "ignore"),
        tags_only: list("tags", "only"),
        tags_ignore: list("tags", "ignore"),
    }
}

#[cfg(test)]
mod tests {
    use crate::config::analyse_config;
    use crate::config::model::StepKind;

    const LANGUAGE_2024_2026: &str =
        include_str!("../../tests/fixtures/configs/language-2024-2026.yml");

    #[test]
    fn the_2024_2026_language_is_modelled_with_its_spans() {
        let report = analyse_config(LANGUAGE_2024_2026);
        let config = &report.config;
        let at = |span: crate::config::span::Span| &LANGUAGE_2024_2026[span.start..span.end];

        let group = config.job_group("release-train").expect("the job group");
        assert_eq!(at(group.name.span), "release-train");
        let members: Vec<&str> = group.jobs.iter().map(|j| j.display_name()).collect();
        assert_eq!(members, ["migrate-db", "deploy-web", "smoke-test"]);
        assert_eq!(group.jobs[2].requires[0].statuses, ["success", "failed"]);

        let workflow = &config.workflows[0];
        assert_eq!(workflow.max_auto_reruns.as_ref().unwrap().value, "2");
        let entry = |name: &str| workflow.jobs.iter().find(|j| j.job.value == name).unwrap();
        assert_eq!(
            at(entry("lint").override_with.as_ref().unwrap().span),
            "platform/lint"
        );
        let train = entry("release-train");
        assert_eq!(
            at(train.serial_group.as_ref().unwrap().span),
            "<< pipeline.project.slug >>/staging"
        );
        let expression = train.filters.as_ref().unwrap().expression.as_ref().unwrap();
        assert_eq!(at(expression.span), r#"pipeline.git.branch == "main""#);
        assert_eq!(entry("tests-done").requires[1].statuses, ["terminal"]);
        assert_eq!(entry("free-staging").requires[0].statuses.len(), 5);

        let nightly = config.workflows[1]
            .condition
            .as_ref()
            .expect("an expression");
        assert!(nightly.when);
        assert!(nightly
            .expression
            .value
            .starts_with("pipeline.parameters.run-nightly and"));

        let build = config.job("build").unwrap();
        assert_eq!(build.retention_caches.as_ref().unwrap().value, "7d");
        assert_eq!(build.resource_class.as_ref().unwrap().value, "medium.gen2");
        assert!(matches!(
            &build.steps[0].kind,
            StepKind::Checkout { method: Some(m) } if m.value == "blobless"
        ));
        assert!(matches!(
            &build.steps[2].kind,
            StepKind::Run { max_auto_reruns: Some(n), auto_rerun_delay: Some(d), .. }
                if n.value == "3" && at(d.span) == "30s"
        ));
        let kinds: Vec<&str> = ["tests-done", "ship", "take-staging", "free-staging"]
            .iter()
            .map(|name| {
                config
                    .job(name)
                    .unwrap()
                    .job_type
                    .as_ref()
                    .unwrap()
                    .value
                    .as_str()
            })
            .collect();
        assert_eq!(kinds, ["no-op", "release", "lock", "unlock"]);
        assert_eq!(
            config
                .job("migrate-db")
                .unwrap()
                .circleci_ip_ranges
                .as_ref()
                .unwrap()
                .value,
            "true"
        );
        assert_eq!(config.job_entries().count(), 8 + 1 + 3);
    }

    #[test]
    fn a_filters_mapping_is_still_read_as_branches_and_tags() {
        let report = analyse_config("version: 2.1\njobs:\n  a: {docker: [{image: cimg/base:2024.01}], steps: [checkout]}\nworkflows:\n  w:\n    jobs:\n      - a:\n          filters:\n            branches: {only: main}\n");
        let filters = report.config.workflows[0].jobs[0].filters.clone().unwrap();
        assert_eq!(filters.branches_only, ["main"]);
        assert!(filters.expression.is_none());
    }
}
