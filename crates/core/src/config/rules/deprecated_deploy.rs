//! `deprecated-deploy`: a `deploy` step, which CircleCI deprecated in favour of `run`.
//!
//! `deploy` once ran a command only on the last container of a parallel job. CircleCI deprecated it:
//! it now behaves exactly like `run`, so the name promises something it no longer does, and the
//! step may stop being accepted. Renaming the step to `run` changes nothing else. A command of this
//! configuration named `deploy` is not this step, so invoking it is not reported.

use super::{diagnostic, step_nodes, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "deprecated-deploy",
    severity: Severity::Warning,
    doc: "rules/deprecated-deploy",
};

/// Reports every `deploy` step, at its name.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if context
        .config
        .commands
        .iter()
        .any(|c| c.name.value == "deploy")
    {
        return;
    }
    for step in step_nodes(context.root) {
        if step.name == "deploy" {
            out.push(diagnostic(RULE, step.key.span, Message::DeprecatedDeploy));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{diagnostics, JOB};

    #[test]
    fn a_deploy_step_is_reported_at_its_name() {
        let yaml = format!("version: 2.1\njobs:\n  a:\n{JOB}      - deploy:\n          command: ./ship.sh\nworkflows:\n  w:\n    jobs: [a]\n");
        let found = diagnostics(&yaml, "deprecated-deploy");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].span.line, found[0].span.column), (8, 9));
    }

    #[test]
    fn a_job_named_deploy_and_a_run_step_that_deploys_are_not_reported() {
        let yaml = format!("version: 2.1\njobs:\n  deploy:\n{JOB}      - run: echo deploy\nworkflows:\n  w:\n    jobs: [deploy]\n");
        assert!(diagnostics(&yaml, "deprecated-deploy").is_empty());
    }

    #[test]
    fn invoking_a_command_of_this_configuration_named_deploy_is_not_reported() {
        let yaml = format!("version: 2.1\ncommands:\n  deploy:\n    steps:\n      - run: ./ship.sh\njobs:\n  deploy:\n{JOB}      - deploy\n      - run: echo deploy\nworkflows:\n  w:\n    jobs: [deploy]\n");
        assert!(diagnostics(&yaml, "deprecated-deploy").is_empty());
    }
}
