//! The lint rules, one per file. Each file opens with what the rule catches and why, and closes
//! with its tests.
//!
//! Every rule reads a [`Context`] (the text, the YAML tree, the model and the workflow graphs) and
//! pushes [`Diagnostic`]s; [`run_all`] runs them in a fixed order.

mod argument_type;
mod auto_rerun_limits;
mod background_auto_rerun;
mod cache_key_no_checksum;
mod deprecated_deploy;
mod deprecated_image;
mod docker_login_password_arg;
mod duplicate_key;
mod invalid_enum_default;
mod invocations;
mod missing_argument;
mod plaintext_secret;
mod restore_cache_paths;
mod restore_without_save;
mod retired_image;
mod save_cache_without_paths;
mod save_without_restore;
mod second_document;
mod tag_filter_requires_untagged;
mod test_results_without_path;
mod undefined_reference;
mod unknown_key;
mod unknown_machine_image;
mod unknown_requires;
mod unknown_resource_class;
mod unpinned_image;
mod unused_anchor;
mod unused_command;
mod unused_executor;
mod unused_job;
mod unused_orb;
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
    (second_document::RULE, Some(second_document::check)),
    (version_mismatch::RULE, Some(version_mismatch::check)),
    (undefined_reference::RULE, Some(undefined_reference::check)),
    (missing_argument::RULE, Some(missing_argument::check)),
    (argument_type::RULE, Some(argument_type::check)),
    (
        invalid_enum_default::RULE,
        Some(invalid_enum_default::check),
    ),
    (unknown_requires::RULE, Some(unknown_requires::check)),
    (workflow_cycle::RULE, Some(workflow_cycle::check)),
    (
        tag_filter_requires_untagged::RULE,
        Some(tag_filter_requires_untagged::check),
    ),
    (unused_job::RULE, Some(unused_job::check)),
    (unused_command::RULE, Some(unused_command::check)),
    (unused_executor::RULE, Some(unused_executor::check)),
    (unused_orb::RULE, Some(unused_orb::check)),
    (unused_anchor::RULE, Some(unused_anchor::check)),
    (deprecated_image::RULE, Some(deprecated_image::check)),
    (unpinned_image::RULE, Some(unpinned_image::check)),
    (
        unknown_resource_class::RULE,
        Some(unknown_resource_class::check),
    ),
    (
        unknown_machine_image::RULE,
        Some(unknown_machine_image::check),
    ),
    (retired_image::RULE, Some(retired_image::check)),
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
    (
        save_cache_without_paths::RULE,
        Some(save_cache_without_paths::check),
    ),
    (restore_cache_paths::RULE, Some(restore_cache_paths::check)),
    (
        test_results_without_path::RULE,
        Some(test_results_without_path::check),
    ),
    (deprecated_deploy::RULE, Some(deprecated_deploy::check)),
    (auto_rerun_limits::RULE, Some(auto_rerun_limits::check)),
    (
        background_auto_rerun::RULE,
        Some(background_auto_rerun::check),
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
    /// The anchors that no alias uses, with the span of `&name`.
    pub(crate) unused_anchors: &'a [(String, Span)],
    /// Where a second YAML document starts, if the text holds one.
    pub(crate) second_document: Option<Span>,
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

/// A step as the YAML tree holds it: under a job's or a command's `steps`, a workflow job's
/// `pre-steps` or `post-steps`, or nested in a `when` / `unless` step.
pub(crate) struct StepNode<'a> {
    /// The step's name (`run`, `save_cache`, `greet`, `node/test`).
    pub(crate) name: &'a str,
    /// The node of the name: the scalar item, or the key of the one-entry mapping.
    pub(crate) key: &'a Node,
    /// What follows the name (`run: make` gives the scalar, `save_cache:` its mapping).
    pub(crate) args: Option<&'a Node>,
}

/// Visits every node below `root` (mapping keys too when `with_keys`), each once: a subtree shared
/// through an alias is met a single time.
pub(crate) fn each_node<'a>(root: &'a Node, with_keys: bool, mut visit: impl FnMut(&'a Node)) {
    // Only a node held in several places (through an alias or a merge key) can be met twice: only
    // those are remembered, which spares hashing every node of a large configuration.
    let mut shared_seen = HashSet::new();
    let mut pending: Vec<&'a Node> = vec![root];
    let mut push = |child: &'a Rc<Node>, pending: &mut Vec<&'a Node>| {
        if Rc::strong_count(child) == 1 || shared_seen.insert(Rc::as_ptr(child)) {
            pending.push(child);
        }
    };
    while let Some(node) = pending.pop() {
        visit(node);
        for item in node.items() {
            push(item, &mut pending);
        }
        for (key, value) in node.entries() {
            if with_keys {
                push(key, &mut pending);
            }
            push(value, &mut pending);
        }
    }
}

/// Every step written in the tree, nested conditional steps included; a step list shared through an
/// alias is met once per place that uses it.
pub(crate) fn step_nodes(root: &Node) -> Vec<StepNode<'_>> {
    let mut out = Vec::new();
    for section in ["jobs", "commands"] {
        for (_, definition) in root.get(section).map(|n| n.entries()).unwrap_or_default() {
            if let Some(steps) = definition.get("steps") {
                walk_steps(steps, 0, &mut out);
            }
        }
    }
    let workflows = root
        .get("workflows")
        .map(|n| n.entries())
        .unwrap_or_default();
    for (_, workflow) in workflows {
        for entry in workflow.get("jobs").map(|j| j.items()).unwrap_or_default() {
            for (_, arguments) in entry.entries() {
                for key in ["pre-steps", "post-steps"] {
                    if let Some(steps) = arguments.get(key) {
                        walk_steps(steps, 0, &mut out);
                    }
                }
            }
        }
    }
    out
}

/// Adds the steps of the sequence `steps` to `out`, and those nested in `when` / `unless`.
fn walk_steps<'a>(steps: &'a Node, depth: usize, out: &mut Vec<StepNode<'a>>) {
    if depth > 8 {
        return;
    }
    for item in steps.items() {
        let (key, args): (&Node, Option<&Node>) = match item.entries() {
            [(key, value)] => (key, Some(value)),
            [] if item.as_str().is_some() => (item, None),
            _ => continue,
        };
        let Some(name) = key.as_str() else { continue };
        if matches!(name, "when" | "unless") {
            if let Some(nested) = args.and_then(|a| a.get("steps")) {
                walk_steps(nested, depth + 1, out);
            }
        }
        out.push(StepNode { name, key, args });
    }
}

/// Whether a scalar holds a `<< ... >>` template, whose value is known only once it is expanded.
pub(crate) fn is_templated(text: &str) -> bool {
    text.contains("<<")
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
