//! The lint rules, one per file. Each file opens with what the rule catches and why, and closes
//! with its tests.
//!
//! Every rule reads a [`Context`] (the text, the YAML tree, the model and the workflow graphs) and
//! pushes [`Diagnostic`]s; [`run_all`] runs them in a fixed order.

mod cache_key_no_checksum;
mod deprecated_image;
mod docker_login_password_arg;
mod duplicate_key;
mod plaintext_secret;
mod restore_without_save;
mod save_without_restore;
mod undefined_reference;
mod unknown_key;
mod unknown_requires;
mod unpinned_image;
mod unused_job;
mod version_mismatch;
mod workflow_cycle;
pub(crate) mod yaml_syntax;

use super::diagnostic::{Diagnostic, Message, Severity};
use super::graph::WorkflowGraph;
use super::model::{Config, Step, StepKind};
use super::span::Span;
use super::tree::Node;
use std::collections::HashSet;
use std::rc::Rc;

/// A rule's identity: its stable id, its severity and the page that explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// The kebab-case id (`unknown-requires`).
    pub id: &'static str,
    /// The severity of its diagnostics.
    pub severity: Severity,
    /// Its documentation id (`rules/unknown-requires`).
    pub doc: &'static str,
}

/// How a rule checks a configuration: it pushes its diagnostics.
type Check = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// Every rule and its check, in the order they run: the one list of rules. `yaml-syntax` has no check
/// of its own: the parser reports it, before any other rule can run.
const RULE_CHECKS: &[(RuleInfo, Option<Check>)] = &[
    (yaml_syntax::RULE, None),
    (unknown_key::RULE, Some(unknown_key::check)),
    (duplicate_key::RULE, Some(duplicate_key::check)),
    (version_mismatch::RULE, Some(version_mismatch::check)),
    (undefined_reference::RULE, Some(undefined_reference::check)),
    (unknown_requires::RULE, Some(unknown_requires::check)),
    (workflow_cycle::RULE, Some(workflow_cycle::check)),
    (unused_job::RULE, Some(unused_job::check)),
    (deprecated_image::RULE, Some(deprecated_image::check)),
    (unpinned_image::RULE, Some(unpinned_image::check)),
    (plaintext_secret::RULE, Some(plaintext_secret::check)),
    (
        docker_login_password_arg::RULE,
        Some(docker_login_password_arg::check),
    ),
    (
        cache_key_no_checksum::RULE,
        Some(cache_key_no_checksum::check),
    ),
    (
        save_without_restore::RULE,
        Some(save_without_restore::check),
    ),
    (
        restore_without_save::RULE,
        Some(restore_without_save::check),
    ),
];

/// Every rule, in the order they run.
pub fn rules() -> impl Iterator<Item = RuleInfo> {
    RULE_CHECKS.iter().map(|&(rule, _)| rule)
}

/// What the rules read.
pub(crate) struct Context<'a> {
    /// The pasted text.
    pub(crate) text: &'a str,
    /// The YAML tree's root mapping.
    pub(crate) root: &'a Node,
    /// The model.
    pub(crate) config: &'a Config,
    /// One graph per workflow, in the order of `config.workflows`.
    pub(crate) graphs: &'a [WorkflowGraph],
}

/// Runs every rule and returns their diagnostics sorted by position.
pub(crate) fn run_all(context: &Context<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for check in RULE_CHECKS.iter().filter_map(|&(_, check)| check) {
        check(context, &mut out);
    }
    out.sort_by_key(|d| (d.span.start, d.span.end, d.rule));
    out.dedup();
    out
}

/// A diagnostic of `rule` at `span`.
pub(crate) fn diagnostic(rule: RuleInfo, span: Span, message: Message) -> Diagnostic {
    Diagnostic {
        rule: rule.id,
        severity: rule.severity,
        span,
        message,
        doc: rule.doc,
    }
}

/// The candidate closest to `word`, when it is close enough to be a likely typo.
pub(crate) fn suggest<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<String> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c.to_owned())
}

/// Every step of every job and command, nested conditional steps included.
pub(crate) fn all_steps(config: &Config) -> Vec<&Step> {
    fn walk<'s>(steps: &'s [Step], out: &mut Vec<&'s Step>) {
        for step in steps {
            out.push(step);
            if let StepKind::Conditional { steps, .. } = &step.kind {
                walk(steps, out);
            }
        }
    }
    let mut out = Vec::new();
    for job in &config.jobs {
        walk(&job.steps, &mut out);
    }
    for command in &config.commands {
        walk(&command.steps, &mut out);
    }
    out
}

/// Calls `visit` on every scalar of the subtree with its text and span (shared subtrees once each).
pub(crate) fn for_each_scalar(node: &Node, visit: &mut dyn FnMut(&str, Span)) {
    // Only a node held by more than one parent (an alias, or a merged mapping's entries) can be met
    // twice, so only those are remembered: hashing every node cost a tenth of the analysis.
    fn push<'a>(stack: &mut Vec<&'a Node>, seen: &mut HashSet<*const Node>, child: &'a Rc<Node>) {
        if Rc::strong_count(child) == 1 || seen.insert(Rc::as_ptr(child)) {
            stack.push(child);
        }
    }
    let mut seen = HashSet::new();
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match &node.value {
            super::tree::Value::Scalar { text, .. } => visit(text, node.span),
            super::tree::Value::Seq(items) => {
                for item in items {
                    push(&mut stack, &mut seen, item);
                }
            }
            super::tree::Value::Map(entries) => {
                for (key, value) in entries {
                    push(&mut stack, &mut seen, key);
                    push(&mut stack, &mut seen, value);
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers shared by the rules' tests.

    use crate::config::{analyse_config, Diagnostic};

    /// The diagnostics of `rule` for `yaml`.
    pub(crate) fn diagnostics(yaml: &str, rule: &str) -> Vec<Diagnostic> {
        analyse_config(yaml)
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == rule)
            .collect()
    }

    /// A job definition with a pinned image, to build test configurations.
    pub(crate) const JOB: &str =
        "    docker:\n      - image: cimg/base:2024.01\n    steps:\n      - checkout\n";
}
