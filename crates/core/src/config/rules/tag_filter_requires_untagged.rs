//! `tag-filter-requires-untagged`: a workflow job filtered to run on tags that requires a job
//! without a tag filter.
//!
//! CircleCI runs no job of a workflow for a tag unless the job says so with `filters: tags:`, and a
//! job only runs once the jobs it requires have; so a job that runs on tags, but requires one that
//! does not, never runs on a tag either. CircleCI's documentation says it: every job upstream of a
//! tagged job needs a tag filter too. The typical victim is a release job filtered on `v*` tags
//! behind a test job that only has branch filters. A required name that matches no job of the
//! workflow (a matrix's expanded names, a typo that `unknown-requires` reports) is left alone, and so
//! is a job whose filter ignores every tag (`tags: ignore: /.*/`), which is meant never to run on one.

use std::collections::HashMap;

use super::{diagnostic, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::model::WorkflowJob;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "tag-filter-requires-untagged",
    severity: Severity::Warning,
    doc: "rules/tag-filter-requires-untagged",
};

/// Whether the job runs for some tag: its `filters: tags:` has an `only`, or an `ignore` that does
/// not ignore every tag (`ignore: /.*/` is the usual way to say "never on a tag").
fn runs_on_tags(job: &WorkflowJob) -> bool {
    job.filters.as_ref().is_some_and(|f| {
        let ignores_all = f
            .tags_ignore
            .iter()
            .any(|p| matches!(p.trim(), "/.*/" | "/.+/"));
        !f.tags_only.is_empty() || (!f.tags_ignore.is_empty() && !ignores_all)
    })
}

/// Reports each requirement of a tagged job on a job without a tag filter, at the requirement.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for workflow in &context.config.workflows {
        let mut by_name: HashMap<&str, Vec<&WorkflowJob>> = HashMap::new();
        for job in &workflow.jobs {
            by_name.entry(job.display_name()).or_default().push(job);
            if let Some(alias) = job.matrix.as_ref().and_then(|m| m.alias.as_deref()) {
                by_name.entry(alias).or_default().push(job);
            }
        }
        for job in workflow.jobs.iter().filter(|j| runs_on_tags(j)) {
            for requirement in &job.requires {
                let Some(required) = by_name.get(requirement.job.value.as_str()) else {
                    continue;
                };
                if required.iter().any(|r| !runs_on_tags(r)) {
                    out.push(diagnostic(
                        RULE,
                        requirement.job.span,
                        Message::TagFilterRequiresUntagged {
                            workflow: workflow.name.value.clone(),
                            job: job.display_name().to_owned(),
                            required: requirement.job.value.clone(),
                        },
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{diagnostics, JOB};

    fn lines(workflow: &str) -> Vec<usize> {
        let yaml = format!("version: 2.1\njobs:\n  test:\n{JOB}  release:\n{JOB}workflows:\n  w:\n    jobs:\n{workflow}");
        diagnostics(&yaml, "tag-filter-requires-untagged")
            .iter()
            .map(|d| d.span.line)
            .collect()
    }

    #[test]
    fn a_tagged_job_behind_an_untagged_one_is_reported_at_the_requirement() {
        let workflow = "      - test:\n          filters:\n            branches:\n              only: main\n      - release:\n          requires: [test]\n          filters:\n            tags:\n              only: /^v.*/\n            branches:\n              ignore: /.*/\n";
        assert_eq!(lines(workflow), [21]);
    }

    #[test]
    fn tagged_chains_and_untagged_jobs_are_fine() {
        let tagged = "      - test:\n          filters:\n            tags:\n              only: /.*/\n      - release:\n          requires: [test]\n          filters:\n            tags:\n              only: /^v.*/\n";
        assert!(lines(tagged).is_empty());
        let untagged = "      - test\n      - release:\n          requires: [test]\n";
        assert!(lines(untagged).is_empty());
        let never_on_tags = "      - test\n      - release:\n          requires: [test]\n          filters:\n            tags:\n              ignore: /.*/\n";
        assert!(lines(never_on_tags).is_empty());
    }
}
