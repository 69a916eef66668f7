//! Workflows as CircleCI runs them: `when`/`unless` decided, each job entry turned into the jobs it
//! really creates (one per matrix combination, named as CircleCI names them), arguments moved into
//! the processed jobs, and `requires` of a matrix's alias replaced by the jobs it stands for.

use std::collections::HashMap;

use super::super::build_workflows::WORKFLOW_JOB_KEYS;
use super::super::span::Span;
use super::super::tree::Node;
use super::condition::decide;
use super::jobs::JobCall;
use super::out::{Out, OutKey, OutValue};
use super::substitute::Scope;
use super::{LineNote, ProcessMessage, Processor};

/// Keys some configurations write on a workflow job entry beside CircleCI's own
/// ([`WORKFLOW_JOB_KEYS`]): `unknown-key` reports them, and processing keeps them as written rather than
/// passing them to the job as arguments.
const ALSO_KEPT_KEYS: &[&str] = &["when", "max_auto_reruns", "auto_rerun_delay"];

/// The keys of a workflow job entry that processing writes itself, so does not copy: the name it gives
/// each job, the matrix it expands, and the steps it places around the job's own.
const WRITTEN_BY_PROCESSING: &[&str] = &["name", "matrix", "pre-steps", "post-steps"];

/// Whether `key`, on a workflow job entry, is the entry's own rather than an argument of the job.
fn is_entry_key(key: &str) -> bool {
    WORKFLOW_JOB_KEYS.contains(&key) || ALSO_KEPT_KEYS.contains(&key)
}

/// The most jobs one matrix may create before processing stops expanding it (CircleCI's own limit is
/// far lower).
const MAX_MATRIX_JOBS: usize = 1_000;

/// One job a workflow entry creates.
struct Created {
    /// Its name in the workflow.
    name: String,
    /// The entry as the processed workflow lists it.
    entry: Out,
    /// The matrix alias it answers to, when it comes from a matrix.
    alias: Option<String>,
}

impl Processor<'_> {
    /// The processed workflow, `None` when its `when` or `unless` rules it out.
    pub(crate) fn process_workflow(&mut self, name: &str, workflow: &Node) -> Option<Out> {
        let mut entries = Vec::new();
        for (key, value) in workflow.entries() {
            let key_text = key.as_str().unwrap_or_default();
            match key_text {
                "when" | "unless" => {
                    let condition = self.substitute(value, &Scope::default());
                    match decide(&condition) {
                        Some(holds) if holds != (key_text == "when") => {
                            self.note(
                                ProcessMessage::WorkflowSkipped {
                                    workflow: name.to_owned(),
                                },
                                Some(key.span),
                            );
                            return None;
                        }
                        Some(_) => {}
                        None => entries.push((
                            OutKey::of(key),
                            condition.with_note(LineNote::DecidedWhenRunning),
                        )),
                    }
                }
                "jobs" => {
                    let jobs = self.process_workflow_jobs(value);
                    entries.push((OutKey::of(key), jobs));
                }
                _ => entries.push((OutKey::of(key), self.substitute(value, &Scope::default()))),
            }
        }
        Some(Out::map(entries, workflow.span))
    }

    /// The `jobs:` list of a workflow, processed.
    fn process_workflow_jobs(&mut self, list: &Node) -> Out {
        let mut created = Vec::new();
        for item in list.items() {
            self.create_jobs(item, &mut created);
        }
        let mut aliases: HashMap<String, Vec<(String, Span)>> = HashMap::new();
        for job in &created {
            if let Some(alias) = &job.alias {
                aliases
                    .entry(alias.clone())
                    .or_default()
                    .push((job.name.clone(), job.entry.source));
            }
        }
        let names: Vec<String> = created.iter().map(|job| job.name.clone()).collect();
        let items = created
            .into_iter()
            .map(|job| rewrite_requires(job.entry, &aliases, &names))
            .collect();
        Out::seq(items, list.span)
    }

    /// The jobs one entry of a workflow's `jobs:` creates.
    fn create_jobs(&mut self, item: &Node, created: &mut Vec<Created>) {
        let (job_key, body): (&Node, Option<&Node>) = match item.entries() {
            [(key, body)] => (key, Some(body)),
            _ if item.as_str().is_some() => (item, None),
            _ => {
                created.push(Created {
                    name: String::new(),
                    entry: Out::copy(item),
                    alias: None,
                });
                return;
            }
        };
        let job = job_key.as_str().unwrap_or_default().to_owned();
        let matrix = body.and_then(|b| b.get("matrix"));
        let combinations = match &matrix {
            Some(matrix) => self.combinations(matrix),
            None => vec![HashMap::new()],
        };
        let alias = matrix.map(|m| {
            m.get_str("alias")
                .map(str::to_owned)
                .unwrap_or_else(|| job.clone())
        });
        for values in &combinations {
            let scope = Scope {
                parameters: None,
                matrix: Some(values),
            };
            let mut fields: Vec<(OutKey, Out)> = Vec::new();
            for (key, value) in body.map(Node::entries).unwrap_or_default() {
                if key.as_str() != Some("matrix") {
                    fields.push((OutKey::of(key), self.substitute(value, &scope)));
                }
            }
            let name = fields
                .iter()
                .find(|(key, _)| key.text == "name")
                .and_then(|(_, value)| value.as_str().map(str::to_owned))
                .unwrap_or_else(|| matrix_name(&job, values));
            let mut arguments: Vec<(OutKey, Out)> = fields
                .iter()
                .filter(|(key, _)| !is_entry_key(&key.text))
                .cloned()
                .collect();
            let mut sorted: Vec<_> = values.iter().collect();
            sorted.sort_by(|a, b| a.0.cmp(b.0));
            for (parameter, value) in sorted {
                arguments.push((OutKey::new(parameter.clone(), value.source), value.clone()));
            }
            let entry = self.workflow_entry(&job, job_key, item.span, &name, fields, arguments);
            created.push(Created {
                name,
                entry,
                alias: alias.clone(),
            });
        }
    }

    /// The processed workflow entry of the job `job` named `name`; for a job of the configuration, the
    /// processed job is recorded for the `jobs:` section.
    fn workflow_entry(
        &mut self,
        job: &str,
        job_key: &Node,
        source: Span,
        name: &str,
        fields: Vec<(OutKey, Out)>,
        arguments: Vec<(OutKey, Out)>,
    ) -> Out {
        let field = |key: &str| {
            fields
                .iter()
                .find(|(k, _)| k.text == key)
                .map(|(_, v)| v.clone())
        };
        let is_build = field("type")
            .and_then(|t| t.as_str().map(str::to_owned))
            .is_none_or(|t| t == "build");
        let mut kept: Vec<(OutKey, Out)> = fields
            .iter()
            .filter(|(key, _)| {
                is_entry_key(&key.text) && !WRITTEN_BY_PROCESSING.contains(&key.text.as_str())
            })
            .cloned()
            .collect();
        let mut note = None;
        match self.jobs.get(job).copied() {
            Some(definition) if is_build => {
                let call = JobCall {
                    arguments,
                    pre_steps: field("pre-steps"),
                    post_steps: field("post-steps"),
                    source,
                };
                if !self
                    .created_jobs
                    .iter()
                    .any(|(_, created, _)| created == name)
                {
                    let body = self.process_job(job, definition, call);
                    self.created_jobs
                        .push((job.to_owned(), name.to_owned(), body));
                }
            }
            _ => {
                note = self.orb_of(job).map(|orb| LineNote::Orb { orb });
                kept = fields
                    .into_iter()
                    .filter(|(key, _)| key.text != "name")
                    .collect();
                if note.is_some() && name != job {
                    kept.insert(
                        0,
                        (OutKey::new("name", source), Out::scalar(name, true, source)),
                    );
                }
                for argument in arguments {
                    if !kept.iter().any(|(k, _)| k.text == argument.0.text) {
                        kept.push(argument);
                    }
                }
            }
        }
        let listed = if note.is_some() { job } else { name };
        let entry = if kept.is_empty() {
            Out::scalar(listed, true, job_key.span)
        } else {
            Out::map(
                vec![(OutKey::new(listed, job_key.span), Out::map(kept, source))],
                source,
            )
        };
        match note {
            Some(note) => entry.with_note(note),
            None => entry,
        }
    }

    /// Every combination of a `matrix:`'s parameters, without those its `exclude` lists.
    fn combinations(&mut self, matrix: &Node) -> Vec<HashMap<String, Out>> {
        let matrix = self.substitute(matrix, &Scope::default());
        let mut combinations: Vec<Vec<(String, Out)>> = vec![Vec::new()];
        for (parameter, values) in matrix
            .get("parameters")
            .map(Out::entries)
            .unwrap_or_default()
        {
            let values: Vec<Out> = match &values.value {
                OutValue::Seq(items) => items.clone(),
                _ => vec![values.clone()],
            };
            let mut next = Vec::new();
            for combination in &combinations {
                for value in &values {
                    let mut extended = combination.clone();
                    extended.push((parameter.text.clone(), value.clone()));
                    next.push(extended);
                }
            }
            combinations = next;
            if combinations.len() > MAX_MATRIX_JOBS {
                combinations.truncate(MAX_MATRIX_JOBS);
                self.note(ProcessMessage::MatrixTooLarge, Some(matrix.source));
            }
        }
        let excluded: Vec<&Out> = match matrix.get("exclude").map(|e| &e.value) {
            Some(OutValue::Seq(items)) => items.iter().collect(),
            _ => Vec::new(),
        };
        combinations
            .into_iter()
            .filter(|combination| {
                !excluded.iter().any(|exclusion| {
                    exclusion.entries().iter().all(|(key, value)| {
                        combination
                            .iter()
                            .any(|(p, v)| *p == key.text && v.as_str() == value.as_str())
                    })
                })
            })
            .map(|combination| combination.into_iter().collect())
            .collect()
    }
}

/// The name CircleCI gives a matrix job: the job's name and the values, ordered by parameter name,
/// joined by `-` (`test-3.12-linux`).
fn matrix_name(job: &str, values: &HashMap<String, Out>) -> String {
    if values.is_empty() {
        return job.to_owned();
    }
    let mut sorted: Vec<_> = values.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    let mut name = job.to_owned();
    for (_, value) in sorted {
        name.push('-');
        name.push_str(value.as_str().unwrap_or_default());
    }
    name
}

/// `entry` with each required matrix alias replaced by the jobs the matrix created.
fn rewrite_requires(
    mut entry: Out,
    aliases: &HashMap<String, Vec<(String, Span)>>,
    names: &[String],
) -> Out {
    let OutValue::Map(outer) = &mut entry.value else {
        return entry;
    };
    let Some((_, body)) = outer.first_mut() else {
        return entry;
    };
    let OutValue::Map(fields) = &mut body.value else {
        return entry;
    };
    let Some((_, requires)) = fields.iter_mut().find(|(k, _)| k.text == "requires") else {
        return entry;
    };
    let OutValue::Seq(items) = &mut requires.value else {
        return entry;
    };
    let expand = |required: &str| -> Option<&Vec<(String, Span)>> {
        if names.iter().any(|name| name == required) {
            return None;
        }
        aliases.get(required)
    };
    let mut rewritten = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        match &item.value {
            OutValue::Scalar { text, .. } => match expand(text) {
                Some(created) => rewritten.extend(
                    created
                        .iter()
                        .map(|(name, _)| Out::scalar(name.clone(), true, item.source)),
                ),
                None => rewritten.push(item),
            },
            OutValue::Map(entries) if entries.len() == 1 => match expand(&entries[0].0.text) {
                Some(created) => {
                    for (name, _) in created {
                        let mut copy = item.clone();
                        if let OutValue::Map(e) = &mut copy.value {
                            e[0].0.text = name.clone();
                        }
                        rewritten.push(copy);
                    }
                }
                None => rewritten.push(item),
            },
            _ => rewritten.push(item),
        }
    }
    *items = rewritten;
    entry
}
