//! `unused-orb`: an orb imported under `orbs:` whose jobs, commands and executors are never used.
//!
//! An orb does nothing by being imported: only `alias/job`, `alias/command` or `alias/executor`
//! names bring its content in. An import that nothing uses slows the processing of every pipeline
//! (the orb is fetched and expanded) and misleads the reader. Any scalar of the configuration that
//! starts with `alias/` (a key or a value, a template's default included) counts as a use.

use std::collections::HashSet;

use super::{diagnostic, each_node, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::tree::Node;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "unused-orb",
    severity: Severity::Warning,
    doc: "rules/unused-orb",
};

/// Reports each orb alias that no `alias/...` name of the configuration uses.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if context.config.orbs.is_empty() {
        return;
    }
    let mut prefixes = HashSet::new();
    for (key, value) in context.root.entries() {
        if key.as_str() != Some("orbs") {
            orb_prefixes(key, &mut prefixes);
            orb_prefixes(value, &mut prefixes);
        }
    }
    for orb in &context.config.orbs {
        if !prefixes.contains(orb.name.value.as_str()) {
            out.push(diagnostic(
                RULE,
                orb.name.span,
                Message::UnusedOrb {
                    orb: orb.name.value.clone(),
                },
            ));
        }
    }
}

/// What comes before the first `/` of every scalar of the subtree, keys included; and the same for
/// each word of a longer scalar (`executor: << parameters.e >>` with a default `node/default`).
fn orb_prefixes<'a>(root: &'a Node, prefixes: &mut HashSet<&'a str>) {
    each_node(root, true, |node| {
        if let Some(text) = node.as_str().filter(|t| t.contains('/')) {
            for word in text.split(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ',')) {
                if let Some((prefix, _)) = word.split_once('/') {
                    prefixes.insert(prefix);
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{diagnostics, JOB};

    #[test]
    fn an_orb_that_nothing_uses_is_reported() {
        let yaml = format!("version: 2.1\norbs:\n  node: circleci/node@5.2.0\n  slack: circleci/slack@4.12.5\njobs:\n  a:\n{JOB}      - node/install-packages\nworkflows:\n  w:\n    jobs: [a]\n");
        let found = diagnostics(&yaml, "unused-orb");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].span.line, 4);
    }

    #[test]
    fn orbs_used_as_jobs_executors_and_defaults_are_fine() {
        let yaml = "version: 2.1\norbs:\n  node: circleci/node@5.2.0\n  win: circleci/windows@5.0\n  aws: circleci/aws-cli@4.1\njobs:\n  a:\n    parameters:\n      e: {type: executor, default: win/default}\n    executor: << parameters.e >>\n    steps:\n      - aws/setup\nworkflows:\n  w:\n    jobs: [a, node/test]\n";
        assert!(diagnostics(yaml, "unused-orb").is_empty());
    }
}
