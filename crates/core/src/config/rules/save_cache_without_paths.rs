//! `save-cache-without-paths`: a `save_cache` step that does not say what to save.
//!
//! `paths` lists the folders and files put in the cache; without it there is nothing to save, and
//! CircleCI refuses the step. A step whose arguments are a template is not reported.

use super::{diagnostic, step_nodes, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "save-cache-without-paths",
    severity: Severity::Error,
    doc: "rules/save-cache-without-paths",
};

/// Reports every `save_cache` step written as a mapping without `paths`, at its name.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for step in step_nodes(context.root) {
        if step.name != "save_cache" {
            continue;
        }
        let missing = match step.args {
            None => true,
            Some(args) => args.is_null() || (args.is_map() && args.get("paths").is_none()),
        };
        if missing {
            out.push(diagnostic(
                RULE,
                step.key.span,
                Message::SaveCacheWithoutPaths,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{diagnostics, JOB};

    fn found(steps: &str) -> usize {
        let yaml =
            format!("version: 2.1\njobs:\n  a:\n{JOB}{steps}workflows:\n  w:\n    jobs: [a]\n");
        diagnostics(&yaml, "save-cache-without-paths").len()
    }

    #[test]
    fn a_save_without_paths_is_reported() {
        assert_eq!(
            found("      - save_cache:\n          key: deps-{{ checksum \"lock\" }}\n"),
            1
        );
    }

    #[test]
    fn a_save_with_paths_and_a_restore_are_fine() {
        assert_eq!(
            found("      - save_cache:\n          key: deps-{{ checksum \"lock\" }}\n          paths: [node_modules]\n"),
            0
        );
        assert_eq!(found("      - restore_cache:\n          key: deps\n"), 0);
    }
}
