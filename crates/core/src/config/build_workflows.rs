//! The `workflows:` part of the model builder.

use super::build::{spanned, Builder};
use super::model::{Filters, Matrix, Requirement, Spanned, Workflow, WorkflowJob};
use super::parts::{PartKind, PartSubject};
use super::tree::Node;

/// The keys of a workflow job entry that are not arguments of the job.
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
            };
            for (k, v) in value.entries() {
                match k.as_str() {
                    Some("jobs") => {
                        self.key(k);
                        let index = workflows.len();
                        for item in v.items() {
                            let entry = workflow.jobs.len();
                            if let Some(job) = self.workflow_job(item, index, entry) {
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
                    Some("when" | "unless") => {
                        self.key(k);
                        workflow.conditional = true;
                    }
                    _ => {}
                }
            }
            workflows.push(workflow);
        }
        workflows
    }

    /// Reads entry number `entry` of the jobs of workflow number `workflow`.
    fn workflow_job(&mut self, item: &Node, workflow: usize, entry: usize) -> Option<WorkflowJob> {
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
            PartSubject::WorkflowJob {
                workflow,
                job: entry,
            },
        );
        let mut entry = WorkflowJob {
            job,
            name: None,
            requires: Vec::new(),
            contexts: Vec::new(),
            approval: false,
            filters: None,
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
                "type" => entry.approval = v.as_str() == Some("approval"),
                "filters" => entry.filters = Some(filters(v)),
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

/// Reads `filters:` (`branches`/`tags`, each with `only`/`ignore`).
fn filters(node: &Node) -> Filters {
    let list = |group: &str, which: &str| -> Vec<String> {
        node.get(group)
            .and_then(|g| g.get(which))
            .map(|v| v.str_list().into_iter().map(|(s, _)| s).collect())
            .unwrap_or_default()
    };
    Filters {
        branches_only: list("branches", "only"),
        branches_ignore: list("branches", "ignore"),
        tags_only: list("tags", "only"),
        tags_ignore: list("tags", "ignore"),
    }
}
