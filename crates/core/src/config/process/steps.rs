//! A job's steps as CircleCI runs them: reusable commands inlined with their arguments, `when` and
//! `unless` steps decided, `run: text` written in its long form. Orb commands stay calls; the steps
//! CircleCI provides are those of the phase catalogue (`phases::config_keys`).

use super::condition::decide;
use super::out::{Out, OutKey, OutValue};
use super::substitute::Scope;
use super::{LineNote, ProcessMessage, Processor};
use crate::phases::config_keys;

/// How deep commands may call commands before processing stops inlining.
const MAX_DEPTH: usize = 32;

/// How many commands may be inlined in the whole configuration before processing stops.
const MAX_INLINED: usize = 20_000;

impl Processor<'_> {
    /// `steps` (a substituted list) expanded.
    pub(crate) fn expand_steps(&mut self, steps: Out, depth: usize) -> Out {
        let source = steps.source;
        let OutValue::Seq(items) = steps.value else {
            return steps;
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            self.expand_step(item, depth, &mut out);
        }
        Out::seq(out, source)
    }

    /// One step, pushed to `out` as zero, one or several steps.
    fn expand_step(&mut self, step: Out, depth: usize, out: &mut Vec<Out>) {
        let (name, arguments) = match &step.value {
            OutValue::Scalar { text, .. } => (text.clone(), Vec::new()),
            OutValue::Map(entries) if entries.len() == 1 => {
                let (key, value) = &entries[0];
                (key.text.clone(), value.entries().to_vec())
            }
            _ => {
                out.push(step);
                return;
            }
        };
        match name.as_str() {
            "when" | "unless" => self.expand_condition(step, name == "when", depth, out),
            // `- steps: << parameters.x >>` with a `steps` parameter: its steps take the place of the
            // step, as CircleCI splices them (an empty list leaves nothing).
            "steps"
                if step
                    .entries()
                    .first()
                    .is_some_and(|(_, v)| matches!(v.value, OutValue::Seq(_))) =>
            {
                let list = step.entries()[0].1.clone();
                if let OutValue::Seq(items) = self.expand_steps(list, depth).value {
                    out.extend(items);
                }
            }
            "run"
                if step
                    .entries()
                    .first()
                    .is_some_and(|(_, v)| v.as_str().is_some()) =>
            {
                let (key, value) = step.entries()[0].clone();
                let command = (OutKey::new("command", value.source), value);
                out.push(Out::map(
                    vec![(key, Out::map(vec![command], step.source))],
                    step.source,
                ));
            }
            _ if config_keys().any(|built_in| built_in.key == name) => out.push(step),
            _ => {
                if let Some(command) = self.commands.get(name.as_str()).copied() {
                    self.inline_command(&name, command, &arguments, step, depth, out);
                } else if let Some(orb) = self.orb_of(&name) {
                    out.push(step.with_note(LineNote::Orb { orb }));
                } else {
                    out.push(step);
                }
            }
        }
    }

    /// A `when` (or `unless`) step: its steps when the condition is decided in their favour, nothing
    /// when it is decided against them, the step itself when only the running pipeline can decide.
    fn expand_condition(&mut self, step: Out, is_when: bool, depth: usize, out: &mut Vec<Out>) {
        let body = &step.entries()[0].1;
        let decided = body.get("condition").and_then(decide);
        let steps = body.get("steps").cloned();
        match (decided, steps) {
            (Some(holds), Some(steps)) if holds == is_when => {
                if let OutValue::Seq(items) = self.expand_steps(steps, depth).value {
                    out.extend(items);
                }
            }
            (Some(_), _) => {}
            (None, _) => out.push(step.with_note(LineNote::DecidedWhenRunning)),
        }
    }

    /// The steps of a reusable command, called with `arguments`.
    fn inline_command(
        &mut self,
        name: &str,
        command: &super::super::tree::Node,
        arguments: &[(OutKey, Out)],
        call: Out,
        depth: usize,
        out: &mut Vec<Out>,
    ) {
        if depth >= MAX_DEPTH || self.inlined >= MAX_INLINED {
            self.note(
                ProcessMessage::TooDeep {
                    command: name.to_owned(),
                },
                Some(call.source),
            );
            out.push(call);
            return;
        }
        self.inlined += 1;
        let bound = self.bind(
            command.get("parameters").map(|p| &**p),
            arguments,
            name,
            call.source,
        );
        let Some(steps) = command.get("steps") else {
            return;
        };
        let scope = Scope {
            parameters: Some(&bound),
            matrix: None,
        };
        let substituted = self.substitute(steps, &scope);
        let expanded = self.expand_steps(substituted, depth + 1);
        if let OutValue::Seq(items) = expanded.value {
            let first = out.len();
            out.extend(items);
            if let Some(step) = out.get_mut(first) {
                if step.note.is_none() {
                    step.note = Some(LineNote::Command {
                        command: name.to_owned(),
                    });
                }
            }
        }
    }
}
