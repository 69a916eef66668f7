//! `workflow-cycle`: jobs of a workflow require each other in a loop.
//!
//! A job starts only when every job it requires has finished, so jobs on a cycle wait forever;
//! CircleCI rejects such a workflow. Reported once per workflow, on the first job of the cycle.

use super::{diagnostic, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "workflow-cycle",
    severity: Severity::Error,
    doc: "rules/workflow-cycle",
};

/// Reports each workflow whose graph has a cycle.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (workflow, graph) in context.config.workflows.iter().zip(context.graphs) {
        let Some(&first) = graph.cycle.first() else {
            continue;
        };
        let Some(job) = workflow.jobs.get(first) else {
            continue;
        };
        let jobs = graph
            .cycle
            .iter()
            .map(|&i| graph.nodes[i].name.clone())
            .collect();
        out.push(diagnostic(
            RULE,
            job.job.span,
            Message::WorkflowCycle {
                workflow: workflow.name.value.clone(),
                jobs,
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{diagnostics, JOB};

    #[test]
    fn jobs_requiring_each_other_are_a_cycle() {
        let yaml = format!("version: 2.1\njobs:\n  a:\n{JOB}  b:\n{JOB}workflows:\n  w:\n    jobs:\n      - a: {{requires: [b]}}\n      - b: {{requires: [a]}}\n");
        let found = diagnostics(&yaml, "workflow-cycle");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.line, 16);
    }

    #[test]
    fn a_chain_is_no_cycle() {
        let yaml = format!("version: 2.1\njobs:\n  a:\n{JOB}  b:\n{JOB}workflows:\n  w:\n    jobs:\n      - a\n      - b: {{requires: [a]}}\n");
        assert!(diagnostics(&yaml, "workflow-cycle").is_empty());
    }
}
