//! `unused-command`: a command under `commands:` that no step invokes.
//!
//! A command only runs when a step names it, so one that nothing names is dead code, often a
//! command renamed in one place only. A name met anywhere a step or a parameter's value can name it
//! (the steps of jobs and commands, a workflow's `pre-steps` and `post-steps`, the default of a
//! `steps` parameter, a value passed to a job) counts as a use, so the check errs on the side of
//! silence.

use std::collections::HashSet;

use super::{diagnostic, each_node, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::tree::Node;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "unused-command",
    severity: Severity::Warning,
    doc: "rules/unused-command",
};

/// Reports each command whose name no step nor value uses.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if context.config.commands.is_empty() {
        return;
    }
    let longest = context
        .config
        .commands
        .iter()
        .map(|c| c.name.value.len())
        .max()
        .unwrap_or(0);
    let mut used = HashSet::new();
    step_names(context.root, longest, &mut used);
    for command in &context.config.commands {
        if !used.contains(command.name.value.as_str()) {
            out.push(diagnostic(
                RULE,
                command.name.span,
                Message::UnusedCommand {
                    command: command.name.value.clone(),
                },
            ));
        }
    }
}

/// Every scalar item of a sequence and every key of a one-entry mapping in a sequence: the places a
/// step is named; scalar values of mappings too, where a command name can be passed along. Only names
/// of at most `longest` bytes are kept: longer ones name no command.
fn step_names<'a>(root: &'a Node, longest: usize, used: &mut HashSet<&'a str>) {
    let mut keep = |name: Option<&'a str>| {
        if let Some(name) = name.filter(|n| n.len() <= longest) {
            used.insert(name);
        }
    };
    each_node(root, false, |node| {
        for item in node.items() {
            keep(item.as_str());
            if let [(key, _)] = item.entries() {
                keep(key.as_str());
            }
        }
        for (_, value) in node.entries() {
            keep(value.as_str());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{diagnostics, JOB};

    fn unused(yaml: &str) -> Vec<usize> {
        diagnostics(yaml, "unused-command")
            .iter()
            .map(|d| d.span.line)
            .collect()
    }

    #[test]
    fn a_command_that_no_step_invokes_is_reported() {
        let yaml = format!("version: 2.1\ncommands:\n  greet:\n    steps:\n      - run: echo hi\n  lint:\n    steps:\n      - run: make lint\njobs:\n  a:\n{JOB}      - greet\nworkflows:\n  w:\n    jobs: [a]\n");
        assert_eq!(unused(&yaml), [6]);
    }

    #[test]
    fn commands_used_with_arguments_in_commands_pre_steps_or_defaults_are_fine() {
        let yaml = format!("version: 2.1\ncommands:\n  greet:\n    parameters:\n      who: {{type: string, default: me}}\n    steps:\n      - run: echo << parameters.who >>\n  twice:\n    steps: [greet, greet]\n  setup:\n    steps:\n      - run: make setup\n  teardown:\n    steps:\n      - run: make clean\njobs:\n  a:\n    parameters:\n      after:\n        type: steps\n        default: [teardown]\n{JOB}      - twice\n      - greet:\n          who: you\n      - steps: << parameters.after >>\nworkflows:\n  w:\n    jobs:\n      - a:\n          pre-steps: [setup]\n");
        assert!(unused(&yaml).is_empty(), "{:?}", unused(&yaml));
    }
}
