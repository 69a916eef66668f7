//! `unused-executor`: an executor under `executors:` that no job uses.
//!
//! An executor only matters when a job names it with `executor:`, so one that nothing names is dead
//! code. A name met as any value of the configuration (a job's `executor:`, the default of an
//! `executor` parameter, a value passed to a job or listed in a matrix) counts as a use.

use std::collections::HashSet;

use super::{diagnostic, each_node, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::tree::Node;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "unused-executor",
    severity: Severity::Warning,
    doc: "rules/unused-executor",
};

/// Reports each executor whose name is no value of the configuration.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if context.config.executors.is_empty() {
        return;
    }
    let longest = context
        .config
        .executors
        .iter()
        .map(|e| e.name.value.len())
        .max()
        .unwrap_or(0);
    let mut values = HashSet::new();
    scalar_values(context.root, longest, &mut values);
    for executor in &context.config.executors {
        if !values.contains(executor.name.value.as_str()) {
            out.push(diagnostic(
                RULE,
                executor.name.span,
                Message::UnusedExecutor {
                    executor: executor.name.value.clone(),
                },
            ));
        }
    }
}

/// Every scalar of the tree that is not a mapping's key, trimmed, of at most `longest` bytes (longer
/// ones name no executor, and hashing every long command would cost more than the rest of the rule).
fn scalar_values<'a>(root: &'a Node, longest: usize, values: &mut HashSet<&'a str>) {
    each_node(root, false, |node| {
        if let Some(text) = node.as_str().map(str::trim).filter(|t| t.len() <= longest) {
            values.insert(text);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::test_support::diagnostics;

    const EXECUTORS: &str = "executors:\n  py:\n    docker: [{image: cimg/python:3.12}]\n  node:\n    docker: [{image: cimg/node:20.11}]\n  go:\n    docker: [{image: cimg/go:1.22}]\n";

    #[test]
    fn an_executor_that_no_job_names_is_reported() {
        let yaml = format!("version: 2.1\n{EXECUTORS}jobs:\n  a:\n    executor: py\n    steps: [checkout]\n  b:\n    executor:\n      name: node\n    steps: [checkout]\nworkflows:\n  w:\n    jobs: [a, b]\n");
        let found = diagnostics(&yaml, "unused-executor");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].span.line, 7);
    }

    #[test]
    fn executors_named_by_parameters_and_matrices_are_used() {
        let yaml = format!("version: 2.1\n{EXECUTORS}jobs:\n  a:\n    parameters:\n      e: {{type: executor, default: py}}\n    executor: << parameters.e >>\n    steps: [checkout]\nworkflows:\n  w:\n    jobs:\n      - a:\n          matrix:\n            parameters:\n              e: [node, go]\n");
        assert!(diagnostics(&yaml, "unused-executor").is_empty());
    }
}
