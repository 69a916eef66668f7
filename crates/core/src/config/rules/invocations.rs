//! Where the jobs, commands and executors of the configuration are used, and with what arguments:
//! what the parameter rules (`missing-argument`, `argument-type`) read.
//!
//! Three places pass arguments: a workflow's job entry (`- build: {size: large}`, its `matrix`
//! included), a step that invokes a command (`- greet: {who: me}`), and a job's
//! `executor: {name: vm, size: large}`. Names of orbs (`orb/x`) and templated names are not ours to
//! check and are left out.

use std::collections::HashMap;

use super::step_nodes;
use crate::config::build_workflows::WORKFLOW_JOB_KEYS;
use crate::config::tree::Node;

/// What is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// A job, from a workflow.
    Job,
    /// A command, from a step.
    Command,
    /// An executor, from a job.
    Executor,
}

impl Target {
    /// The top-level key that defines such things.
    pub(crate) fn section(self) -> &'static str {
        match self {
            Target::Job => "jobs",
            Target::Command => "commands",
            Target::Executor => "executors",
        }
    }
}

/// One use of a job, command or executor of this configuration.
pub(crate) struct Invocation<'a> {
    /// Its name.
    pub(crate) name: &'a str,
    /// Its definition.
    pub(crate) definition: &'a Node,
    /// Where it is named: what a diagnostic about the use points at.
    pub(crate) at: &'a Node,
    /// The arguments given: the parameter's name and the value's node.
    pub(crate) arguments: Vec<(&'a str, &'a Node)>,
    /// The parameters a `matrix` gives, with the sequence of their values.
    pub(crate) matrix: Vec<(&'a str, &'a Node)>,
}

/// Every use, with its arguments, of a job, command or executor defined in this configuration.
pub(crate) fn invocations(root: &Node) -> Vec<Invocation<'_>> {
    // The definitions by name, looked up once per use: a search of the section for each step of a
    // large configuration made these rules quadratic.
    let tables: [HashMap<&str, &Node>; 3] =
        [Target::Job, Target::Command, Target::Executor].map(|target| {
            root.get(target.section())
                .map(|section| section.entries())
                .unwrap_or_default()
                .iter()
                .rev()
                .filter_map(|(name, definition)| Some((name.as_str()?, &**definition)))
                .collect()
        });
    let defined = |target: Target, name: &str| -> Option<&Node> {
        let table = match target {
            Target::Job => &tables[0],
            Target::Command => &tables[1],
            Target::Executor => &tables[2],
        };
        table.get(name).copied()
    };
    let mut out = Vec::new();
    for (_, workflow) in root
        .get("workflows")
        .map(|w| w.entries())
        .unwrap_or_default()
    {
        for entry in workflow.get("jobs").map(|j| j.items()).unwrap_or_default() {
            let (key, arguments) = match entry.entries() {
                [(key, value)] => (&**key, Some(&**value)),
                [] => (&**entry, None),
                _ => continue,
            };
            let Some((name, definition)) = key
                .as_str()
                .and_then(|n| Some((n, defined(Target::Job, n)?)))
            else {
                continue;
            };
            if arguments.is_some_and(|a| a.get_str("type") == Some("approval")) {
                continue;
            }
            let given = arguments.map(|a| a.entries()).unwrap_or_default();
            let matrix = arguments
                .and_then(|a| a.get("matrix"))
                .and_then(|m| m.get("parameters"))
                .map(|p| p.entries())
                .unwrap_or_default();
            out.push(Invocation {
                name,
                definition,
                at: key,
                arguments: given
                    .iter()
                    .filter_map(|(k, v)| k.as_str().map(|k| (k, &**v)))
                    .filter(|(k, _)| !WORKFLOW_JOB_KEYS.contains(k))
                    .collect(),
                matrix: matrix
                    .iter()
                    .filter_map(|(k, v)| k.as_str().map(|k| (k, &**v)))
                    .collect(),
            });
        }
    }
    for step in step_nodes(root) {
        let Some(definition) = defined(Target::Command, step.name) else {
            continue;
        };
        let given = step.args.map(|a| a.entries()).unwrap_or_default();
        out.push(Invocation {
            name: step.name,
            definition,
            at: step.key,
            arguments: given
                .iter()
                .filter_map(|(k, v)| k.as_str().map(|k| (k, &**v)))
                .collect(),
            matrix: Vec::new(),
        });
    }
    for (_, job) in root.get("jobs").map(|j| j.entries()).unwrap_or_default() {
        let Some(executor) = job.get("executor") else {
            continue;
        };
        let (name_node, given): (&Node, &[_]) = match executor.get("name") {
            Some(name) => (name, executor.entries()),
            None => (executor, &[]),
        };
        let Some((name, definition)) = name_node
            .as_str()
            .and_then(|n| Some((n, defined(Target::Executor, n)?)))
        else {
            continue;
        };
        out.push(Invocation {
            name,
            definition,
            at: name_node,
            arguments: given
                .iter()
                .filter_map(|(k, v)| k.as_str().map(|k| (k, &**v)))
                .filter(|(k, _)| *k != "name")
                .collect(),
            matrix: Vec::new(),
        });
    }
    out
}

/// The parameters a definition declares: each name with its declaration.
pub(crate) fn declared(definition: &Node) -> Vec<(&str, &Node)> {
    definition
        .get("parameters")
        .map(|p| p.entries())
        .unwrap_or_default()
        .iter()
        .filter_map(|(k, v)| k.as_str().map(|k| (k, &**v)))
        .collect()
}
