//! One job as CircleCI runs it: its parameters bound, its executor's keys written in, its steps
//! expanded, with the workflow's `pre-steps` and `post-steps` around them.

use super::super::span::Span;
use super::super::tree::Node;
use super::out::{Out, OutKey, OutValue};
use super::substitute::Scope;
use super::{LineNote, Processor};

/// The keys an executor gives a job (everything but its `parameters`).
const EXECUTOR_KEYS: &[&str] = &[
    "docker",
    "machine",
    "macos",
    "windows",
    "resource_class",
    "shell",
    "working_directory",
    "environment",
];

/// What a workflow passes to a job it runs.
pub(crate) struct JobCall {
    /// The arguments, already substituted.
    pub(crate) arguments: Vec<(OutKey, Out)>,
    /// `pre-steps`, already substituted.
    pub(crate) pre_steps: Option<Out>,
    /// `post-steps`, already substituted.
    pub(crate) post_steps: Option<Out>,
    /// Where the call is written.
    pub(crate) source: Span,
}

impl Processor<'_> {
    /// The processed body of the job `definition`, called by `call`.
    pub(crate) fn process_job(&mut self, job_name: &str, definition: &Node, call: JobCall) -> Out {
        let bound = self.bind(
            definition.get("parameters").map(|p| &**p),
            &call.arguments,
            job_name,
            call.source,
        );
        let scope = Scope {
            parameters: Some(&bound),
            matrix: None,
        };
        let mut entries: Vec<(OutKey, Out)> = Vec::new();
        let mut pre_steps = call.pre_steps;
        let mut post_steps = call.post_steps;
        for (key, value) in definition.entries() {
            let key_text = key.as_str().unwrap_or_default();
            match key_text {
                "parameters" => {}
                "executor" => {
                    let executor = self.substitute(value, &scope);
                    self.write_executor(definition, executor, OutKey::of(key), &mut entries);
                }
                "steps" => {
                    let mut steps = self.substitute(value, &scope);
                    if let OutValue::Seq(items) = &mut steps.value {
                        if let Some(OutValue::Seq(pre)) = pre_steps.take().map(|p| p.value) {
                            items.splice(0..0, pre);
                        }
                        if let Some(OutValue::Seq(post)) = post_steps.take().map(|p| p.value) {
                            items.extend(post);
                        }
                    }
                    entries.push((OutKey::of(key), self.expand_steps(steps, 0)));
                }
                _ => entries.push((OutKey::of(key), self.substitute(value, &scope))),
            }
        }
        Out::map(entries, definition.span)
    }

    /// The keys of the executor named by `executor` (a name, or a mapping with `name` and arguments),
    /// written into `entries` where the job does not set them itself.
    fn write_executor(
        &mut self,
        job: &Node,
        executor: Out,
        key: OutKey,
        entries: &mut Vec<(OutKey, Out)>,
    ) {
        let (name, arguments) = match &executor.value {
            OutValue::Scalar { text, .. } => (text.clone(), Vec::new()),
            OutValue::Map(_) => match executor.get("name").and_then(Out::as_str) {
                Some(name) => (
                    name.to_owned(),
                    executor
                        .entries()
                        .iter()
                        .filter(|(k, _)| k.text != "name")
                        .cloned()
                        .collect(),
                ),
                None => {
                    entries.push((key, executor));
                    return;
                }
            },
            OutValue::Seq(_) => {
                entries.push((key, executor));
                return;
            }
        };
        let Some(definition) = self.executors.get(name.as_str()).copied() else {
            let note = self.orb_of(&name).map(|orb| LineNote::Orb { orb });
            let mut kept = executor;
            kept.note = note;
            entries.push((key, kept));
            return;
        };
        let bound = self.bind(
            definition.get("parameters").map(|p| &**p),
            &arguments,
            &name,
            executor.source,
        );
        let scope = Scope {
            parameters: Some(&bound),
            matrix: None,
        };
        let mut first = true;
        for (executor_key, value) in definition.entries() {
            let text = executor_key.as_str().unwrap_or_default();
            if !EXECUTOR_KEYS.contains(&text) || job.get(text).is_some() {
                continue;
            }
            let mut out = self.substitute(value, &scope);
            let mut out_key = OutKey::of(executor_key);
            if first {
                out = out.with_note(LineNote::Executor {
                    executor: name.clone(),
                });
                out_key.source = executor_key.span;
                first = false;
            }
            entries.push((out_key, out));
        }
    }
}
