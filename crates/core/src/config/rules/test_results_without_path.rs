//! `test-results-without-path`: a `store_test_results` step without its `path`.
//!
//! `path` is the one key this step needs: the folder of JUnit XML reports to upload. CircleCI
//! refuses a `store_test_results` written without it, so the Tests tab stays empty and test
//! splitting by timing has no data. A step whose arguments are a template is not reported.

use super::{diagnostic, step_nodes, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "test-results-without-path",
    severity: Severity::Error,
    doc: "rules/test-results-without-path",
};

/// Reports every `store_test_results` step with no `path`, at its name.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for step in step_nodes(context.root) {
        if step.name != "store_test_results" {
            continue;
        }
        let missing = match step.args {
            None => true,
            Some(args) => args.is_null() || (args.is_map() && args.get("path").is_none()),
        };
        if missing {
            out.push(diagnostic(
                RULE,
                step.key.span,
                Message::TestResultsWithoutPath,
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
        diagnostics(&yaml, "test-results-without-path").len()
    }

    #[test]
    fn a_bare_step_and_one_without_path_are_reported() {
        assert_eq!(found("      - store_test_results\n"), 1);
        assert_eq!(
            found("      - store_test_results:\n          name: upload\n"),
            1
        );
        assert_eq!(found("      - store_test_results:\n"), 1);
    }

    #[test]
    fn a_step_with_its_path_is_fine() {
        assert_eq!(
            found("      - store_test_results:\n          path: test-results\n"),
            0
        );
        assert_eq!(found("      - store_artifacts:\n          path: out\n"), 0);
    }
}
