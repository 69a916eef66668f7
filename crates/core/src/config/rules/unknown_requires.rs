//! `unknown-requires`: a workflow job requires a job that is not in the same workflow.
//!
//! CircleCI refuses such a workflow. The usual causes are a typo, requiring the job's key when the
//! entry has a `name:`, or requiring a job that only another workflow runs.

use super::{diagnostic, suggest, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "unknown-requires",
    severity: Severity::Error,
    doc: "rules/unknown-requires",
};

/// Reports every `requires` entry that the workflow graph could not resolve.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (workflow, graph) in context.config.workflows.iter().zip(context.graphs) {
        for (index, name) in &graph.unresolved {
            let Some(job) = workflow.jobs.get(*index) else {
                continue;
            };
            let Some(requirement) = job.requires.iter().find(|r| &r.job.value == name) else {
                continue;
            };
            let names = workflow.jobs.iter().map(|j| j.display_name());
            out.push(diagnostic(
                RULE,
                requirement.job.span,
                Message::UnknownRequires {
                    workflow: workflow.name.value.clone(),
                    required: name.clone(),
                    suggestion: suggest(name, names),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{diagnostics, JOB};
    use crate::config::diagnostic::Message;

    #[test]
    fn a_typo_in_requires_is_found_with_a_suggestion() {
        let yaml = format!("version: 2.1\njobs:\n  build:\n{JOB}  test:\n{JOB}workflows:\n  main:\n    jobs:\n      - build\n      - test:\n          requires: [biuld]\n");
        let found = diagnostics(&yaml, "unknown-requires");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.line, 18);
        assert!(
            matches!(&found[0].message, Message::UnknownRequires { suggestion: Some(s), .. } if s == "build")
        );
    }

    #[test]
    fn requiring_a_job_by_its_name_passes() {
        let yaml = format!("version: 2.1\njobs:\n  build:\n{JOB}workflows:\n  main:\n    jobs:\n      - build:\n          name: build-a\n      - build:\n          requires: [build-a]\n");
        assert!(diagnostics(&yaml, "unknown-requires").is_empty());
    }
}
