//! The processed configuration: what `circleci config process` prints, computed offline.
//!
//! [`process_config`] reads a `.circleci/config.yml` and writes it as CircleCI runs it:
//! 1. pipeline parameters take their defaults, or the values the reader typed;
//! 2. each workflow's `when`/`unless` is decided when it can be (`workflows`), each job entry becomes
//!    the jobs CircleCI creates, matrices expanded and named as CircleCI names them;
//! 3. each created job gets its parameters bound, its executor's keys written in and its steps
//!    expanded (`jobs`, `steps`): reusable commands inlined with their arguments (`substitute`),
//!    `when`/`unless` steps decided (`condition`);
//! 4. the tree is written out as YAML lines (`emit`), each keeping the span of the source text it
//!    came from, so that a reader can go from a processed line to its source and back.
//!
//! Orb commands, jobs and executors stay calls, marked as defined by the orb: CircleCI fetches orbs
//! from its registry, and nothing here leaves the machine. So that the processed text stays a valid
//! configuration, a configuration that uses orbs keeps its `orbs:` and `version: 2.1` (CircleCI's own
//! output, with the orbs inlined, says `version: 2`). Values known only when a pipeline runs
//! (`<< pipeline.git.branch >>`) stay as written, and conditions on them stay undecided.
//!
//! Like the analysis, processing never panics: an unreadable text gives no lines and one note.

mod condition;
mod emit;
mod jobs;
mod messages;
mod out;
mod steps;
mod substitute;
mod workflows;

use std::collections::HashMap;

use serde::Serialize;

use super::parse::parse_yaml;
use super::span::Span;
use super::tree::Node;
pub(crate) use emit::scalar_text;
use out::{Out, OutKey};

/// The configuration as CircleCI would run it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ProcessedConfig {
    /// The processed YAML, line by line.
    pub lines: Vec<ProcessedLine>,
    /// What the reader should know about the processing, in the order found.
    pub notes: Vec<ProcessNote>,
    /// The pipeline parameters the configuration declares, with the value used.
    pub pipeline_parameters: Vec<PipelineParameter>,
}

/// One line of the processed configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProcessedLine {
    /// The line's text, indentation included.
    pub text: String,
    /// The source text it comes from.
    pub source: Option<Span>,
    /// A remark about the line.
    pub note: Option<LineNote>,
}

/// A remark drawn beside a processed line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum LineNote {
    /// A command, job or executor of an orb: CircleCI fetches its definition.
    Orb {
        /// The orb, as the configuration names it (`circleci/python@2.1.1`).
        orb: String,
    },
    /// The first step written by a reusable command of the configuration.
    Command {
        /// The command.
        command: String,
    },
    /// The first key an executor of the configuration gave the job.
    Executor {
        /// The executor.
        executor: String,
    },
    /// A condition on values known only when the pipeline runs.
    DecidedWhenRunning,
}

/// A remark about the processing as a whole, with the source place it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProcessNote {
    /// What happened.
    pub message: ProcessMessage,
    /// Where, in the source.
    pub span: Option<Span>,
}

/// What a [`ProcessNote`] says.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum ProcessMessage {
    /// The text holds no configuration (nothing, or only comments).
    Empty,
    /// The text is not a readable configuration.
    Unreadable,
    /// A parameter with no default was given no argument.
    MissingArgument {
        /// The parameter.
        parameter: String,
        /// The job, command or executor that declares it.
        owner: String,
    },
    /// `<< parameters.x >>` names a parameter that is not declared where it is used.
    UnknownParameter {
        /// The parameter.
        name: String,
    },
    /// `<< pipeline.parameters.x >>` (or a typed value) names an undeclared pipeline parameter.
    UnknownPipelineParameter {
        /// The parameter.
        name: String,
    },
    /// A workflow whose `when` or `unless` rules it out.
    WorkflowSkipped {
        /// The workflow.
        workflow: String,
    },
    /// Commands call each other too deep (or too often) to be inlined.
    TooDeep {
        /// The command left as a call.
        command: String,
    },
    /// A matrix creates more jobs than processing expands.
    MatrixTooLarge,
}

/// A pipeline parameter and the value processing used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PipelineParameter {
    /// Its name.
    pub name: String,
    /// Its declared type (`string`, `boolean`, `integer`, `enum`).
    pub kind: String,
    /// Its default, as written.
    pub default: Option<String>,
    /// The allowed values of an `enum`.
    pub choices: Vec<String>,
    /// The value used: the one typed, else the default.
    pub value: Option<String>,
    /// Where its name is declared.
    pub span: Span,
}

/// Processes `text` as `circleci config process` would, with pipeline parameters set to `values`
/// (name, value) where given and to their defaults elsewhere. Never panics.
pub fn process_config(text: &str, values: &[(String, String)]) -> ProcessedConfig {
    let root = match parse_yaml(text) {
        Ok(Some(root)) if root.is_map() => root,
        Ok(None) => return ProcessedConfig::note(ProcessMessage::Empty),
        Ok(Some(root)) if root.is_null() => return ProcessedConfig::note(ProcessMessage::Empty),
        _ => {
            return ProcessedConfig {
                notes: vec![ProcessNote {
                    message: ProcessMessage::Unreadable,
                    span: None,
                }],
                ..ProcessedConfig::default()
            }
        }
    };
    let mut processor = Processor::new(&root);
    let pipeline_parameters = processor.set_pipeline_parameters(values);
    let processed = processor.process();
    let mut notes = processor.notes;
    let mut seen = std::collections::HashSet::new();
    notes.retain(|note| seen.insert((note.message.clone(), note.span.map(|s| s.start))));
    ProcessedConfig {
        lines: emit::emit(&processed),
        notes,
        pipeline_parameters,
    }
}

impl ProcessedConfig {
    /// No processed line, and one note saying why.
    fn note(message: ProcessMessage) -> Self {
        Self {
            notes: vec![ProcessNote {
                message,
                span: None,
            }],
            ..Self::default()
        }
    }
}

/// The state of one processing: the definitions it reads and the notes it gathers.
pub(crate) struct Processor<'a> {
    root: &'a Node,
    /// Reusable commands by name (inline orbs' as `orb/name`).
    commands: HashMap<String, &'a Node>,
    /// Executors by name.
    executors: HashMap<String, &'a Node>,
    /// Jobs by name.
    jobs: HashMap<String, &'a Node>,
    /// Orbs by alias, with the reference written (`circleci/python@2.1.1`).
    orbs: HashMap<String, String>,
    /// Pipeline parameters and their values.
    pipeline: HashMap<String, Out>,
    /// The jobs created so far: the job, the created name and its processed body.
    created_jobs: Vec<(String, String, Out)>,
    /// How many commands were inlined.
    inlined: usize,
    /// The notes gathered.
    notes: Vec<ProcessNote>,
}

impl<'a> Processor<'a> {
    fn new(root: &'a Node) -> Self {
        let mut processor = Self {
            root,
            commands: HashMap::new(),
            executors: HashMap::new(),
            jobs: HashMap::new(),
            orbs: HashMap::new(),
            pipeline: HashMap::new(),
            created_jobs: Vec::new(),
            inlined: 0,
            notes: Vec::new(),
        };
        processor.read_definitions(root, "");
        for (alias, orb) in root.get("orbs").map(|o| o.entries()).unwrap_or_default() {
            let Some(alias) = alias.as_str() else {
                continue;
            };
            match orb.as_str() {
                Some(reference) => {
                    processor
                        .orbs
                        .insert(alias.to_owned(), reference.to_owned());
                }
                None if orb.is_map() => processor.read_definitions(orb, &format!("{alias}/")),
                None => {}
            }
        }
        processor
    }

    /// Records the commands, executors and jobs of `node` (the configuration or an inline orb), each
    /// name prefixed by `prefix`.
    fn read_definitions(&mut self, node: &'a Node, prefix: &str) {
        let tables = [
            ("commands", &mut self.commands),
            ("executors", &mut self.executors),
            ("jobs", &mut self.jobs),
        ];
        for (key, table) in tables {
            for (name, definition) in node.get(key).map(|n| n.entries()).unwrap_or_default() {
                if let Some(name) = name.as_str() {
                    table
                        .entry(format!("{prefix}{name}"))
                        .or_insert(&**definition);
                }
            }
        }
    }

    /// Sets the pipeline parameters from `values`, else their defaults; returns them for the reader.
    fn set_pipeline_parameters(&mut self, values: &[(String, String)]) -> Vec<PipelineParameter> {
        let mut parameters = Vec::new();
        let declared = self
            .root
            .get("parameters")
            .map(|p| p.entries())
            .unwrap_or_default();
        for (name, declaration) in declared {
            let Some(name_text) = name.as_str() else {
                continue;
            };
            let default = declaration.get("default");
            let typed = values.iter().rev().find(|(n, _)| n == name_text);
            let value = match typed {
                Some((_, value)) => Some(Out::scalar(value.clone(), true, name.span)),
                None => default.map(|d| Out::copy(d)),
            };
            if let Some(value) = &value {
                self.pipeline.insert(name_text.to_owned(), value.clone());
            }
            parameters.push(PipelineParameter {
                name: name_text.to_owned(),
                kind: declaration.get_str("type").unwrap_or("string").to_owned(),
                default: default.and_then(|d| d.as_str().map(str::to_owned)),
                choices: declaration
                    .get("enum")
                    .map(|e| e.str_list().into_iter().map(|(s, _)| s).collect())
                    .unwrap_or_default(),
                value: value.and_then(|v| v.as_str().map(str::to_owned)),
                span: name.span,
            });
        }
        for (name, _) in values {
            if !parameters.iter().any(|p| &p.name == name) {
                self.note(
                    ProcessMessage::UnknownPipelineParameter { name: name.clone() },
                    None,
                );
            }
        }
        parameters
    }

    /// The whole processed configuration.
    fn process(&mut self) -> Out {
        let root = self.root;
        let mut workflows = Vec::new();
        let mut version_span = root.span;
        let mut workflows_key = None;
        for (key, value) in root
            .get("workflows")
            .map(|w| w.entries())
            .unwrap_or_default()
        {
            let Some(name) = key.as_str() else { continue };
            if name == "version" {
                version_span = value.span;
                continue;
            }
            if let Some(workflow) = self.process_workflow(name, value) {
                workflows.push((OutKey::of(key), workflow));
            }
        }
        let mut entries = Vec::new();
        for (key, value) in root.entries() {
            match key.as_str().unwrap_or_default() {
                "version" => {
                    version_span = value.span;
                    let version = if self.orbs.is_empty() { "2" } else { "2.1" };
                    entries.push((OutKey::of(key), Out::scalar(version, true, value.span)));
                }
                "setup" => entries.push((OutKey::of(key), Out::copy(value))),
                // Job groups are run by name from the workflows: they stay, their jobs processed below.
                "job-groups" => {
                    let groups = self.substitute(value, &substitute::Scope::default());
                    entries.push((OutKey::of(key), groups));
                }
                "orbs" if !self.orbs.is_empty() => {
                    let kept = value
                        .entries()
                        .iter()
                        .filter(|(_, orb)| orb.as_str().is_some())
                        .map(|(alias, orb)| (OutKey::of(alias), Out::copy(orb)))
                        .collect();
                    entries.push((OutKey::of(key), Out::map(kept, value.span)));
                }
                "jobs" => {
                    let jobs = self.processed_jobs(value);
                    entries.push((OutKey::of(key), Out::map(jobs, value.span)));
                }
                "workflows" => workflows_key = Some((OutKey::of(key), value.span)),
                _ => {}
            }
        }
        if let Some((key, span)) = workflows_key {
            workflows.push((
                OutKey::new("version", version_span),
                Out::scalar("2", true, version_span),
            ));
            entries.push((key, Out::map(workflows, span)));
        }
        Out::map(entries, root.span)
    }

    /// The `jobs:` section: each job of the configuration as the workflows create it (one entry per
    /// name), in the order the jobs are defined; a job no workflow runs, as written with its defaults.
    fn processed_jobs(&mut self, jobs: &'a Node) -> Vec<(OutKey, Out)> {
        let created = std::mem::take(&mut self.created_jobs);
        let mut entries = Vec::new();
        for (key, definition) in jobs.entries() {
            let Some(job) = key.as_str() else { continue };
            let mut found = false;
            for (of, name, body) in &created {
                if of == job {
                    found = true;
                    entries.push((OutKey::new(name.clone(), key.span), body.clone()));
                }
            }
            let needs_arguments = definition
                .get("parameters")
                .map(|p| p.entries())
                .unwrap_or_default()
                .iter()
                .any(|(_, declaration)| declaration.get("default").is_none());
            // A workflow may give another job's name to the jobs it creates: that name is then taken.
            let taken = created.iter().any(|(_, name, _)| name == job);
            if !found && !needs_arguments && !taken {
                let call = jobs::JobCall {
                    arguments: Vec::new(),
                    pre_steps: None,
                    post_steps: None,
                    source: key.span,
                };
                let body = self.process_job(job, definition, call);
                entries.push((OutKey::of(key), body));
            }
        }
        entries
    }

    /// The orb that defines `name` (`alias/command`): its reference as the configuration writes it.
    fn orb_of(&self, name: &str) -> Option<String> {
        let (alias, _) = name.split_once('/')?;
        self.orbs.get(alias).cloned()
    }

    /// Records a note.
    fn note(&mut self, message: ProcessMessage, span: Option<Span>) {
        self.notes.push(ProcessNote { message, span });
    }
}

#[cfg(test)]
mod tests;
