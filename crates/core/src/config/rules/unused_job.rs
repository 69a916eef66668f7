//! `unused-job`: a job is defined but no workflow runs it.
//!
//! Only workflows start jobs, so such a job is dead code, often a job renamed in one place only.
//! Not reported when the configuration has no workflows at all (a 2.0 configuration then runs its
//! `build` job).

use std::collections::HashSet;

use super::{diagnostic, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "unused-job",
    severity: Severity::Warning,
    doc: "rules/unused-job",
};

/// Reports each job that no workflow names.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let config = context.config;
    if config.workflows.is_empty() {
        return;
    }
    // Jobs run by a job group count as run: the group is itself run by a workflow.
    let used: HashSet<&str> = config.job_entries().map(|j| j.job.value.as_str()).collect();
    for job in &config.jobs {
        if !used.contains(job.name.value.as_str()) {
            out.push(diagnostic(
                RULE,
                job.name.span,
                Message::UnusedJob {
                    job: job.name.value.clone(),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{diagnostics, JOB};

    #[test]
    fn a_job_in_no_workflow_is_unused() {
        let yaml =
            format!("version: 2.1\njobs:\n  a:\n{JOB}  b:\n{JOB}workflows:\n  w:\n    jobs: [a]\n");
        let found = diagnostics(&yaml, "unused-job");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.line, 8);
    }

    #[test]
    fn jobs_in_workflows_or_without_workflows_are_fine() {
        assert!(diagnostics(
            &format!("version: 2.1\njobs:\n  a:\n{JOB}workflows:\n  w:\n    jobs: [a]\n"),
            "unused-job"
        )
        .is_empty());
        assert!(
            diagnostics(&format!("version: 2\njobs:\n  build:\n{JOB}"), "unused-job").is_empty()
        );
    }

    #[test]
    fn jobs_run_by_a_job_group_are_used_and_the_group_is_no_job() {
        let yaml = format!(
            "version: 2.1\njob-groups:\n  train:\n    jobs: [a, b]\njobs:\n  a:\n{JOB}  b:\n{JOB}workflows:\n  w:\n    jobs: [train]\n"
        );
        assert!(diagnostics(&yaml, "unused-job").is_empty());
        assert!(diagnostics(&yaml, "undefined-reference").is_empty());
    }
}
