//! `restore-cache-paths`: a `restore_cache` step given `paths`, which it ignores.
//!
//! A cache is restored where it was saved from: the `paths` of its `save_cache`. A `paths` list
//! under `restore_cache` is read by nobody, and usually means that a `save_cache` was turned into a
//! restore by half, or that the author expects the files somewhere else.

use super::{diagnostic, step_nodes, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "restore-cache-paths",
    severity: Severity::Warning,
    doc: "rules/restore-cache-paths",
};

/// Reports the `paths` key of every `restore_cache` step.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for step in step_nodes(context.root) {
        if step.name != "restore_cache" {
            continue;
        }
        if let Some((key, _)) = step.args.and_then(|args| args.entry("paths")) {
            out.push(diagnostic(RULE, key.span, Message::RestoreCachePaths));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{diagnostics, JOB};

    fn found(steps: &str) -> Vec<usize> {
        let yaml =
            format!("version: 2.1\njobs:\n  a:\n{JOB}{steps}workflows:\n  w:\n    jobs: [a]\n");
        diagnostics(&yaml, "restore-cache-paths")
            .iter()
            .map(|d| d.span.line)
            .collect()
    }

    #[test]
    fn paths_under_a_restore_are_reported_at_the_key() {
        assert_eq!(
            found("      - restore_cache:\n          key: deps\n          paths: [node_modules]\n"),
            [10]
        );
    }

    #[test]
    fn keys_alone_and_paths_under_a_save_are_fine() {
        assert!(found("      - restore_cache:\n          keys: [deps-a, deps-]\n      - save_cache:\n          key: deps-a\n          paths: [x]\n").is_empty());
    }
}
