//! `version-mismatch`: a feature of configuration version 2.1 under `version: 2`.
//!
//! Orbs, reusable commands and executors (and a job naming one), parameters, `<< ... >>` values,
//! `when`/`unless` steps and matrix jobs exist only in 2.1; CircleCI rejects them in a 2.0 configuration. Reported once per
//! feature, where it is first used.

use super::{diagnostic, for_each_scalar, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::model::{ExecutorSpec, StepKind};
use crate::config::span::Span;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "version-mismatch",
    severity: Severity::Error,
    doc: "rules/version-mismatch",
};

/// Reports the first use of each 2.1 feature in a 2.0 configuration.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let config = context.config;
    if config.is_v21() {
        return;
    }
    let mut found: Vec<(&str, Span)> = Vec::new();
    for (key, _) in context.root.entries() {
        if let Some(name @ ("orbs" | "commands" | "executors" | "parameters")) = key.as_str() {
            found.push((name, key.span));
        }
    }
    if let Some(job) = config.jobs.iter().find(|j| !j.parameters.is_empty()) {
        found.push(("parameters", job.parameters[0].name.span));
    }
    if let Some(name) = config.jobs.iter().find_map(|job| match &job.executor {
        Some(ExecutorSpec::Named { name }) => Some(name),
        _ => None,
    }) {
        found.push(("executor", name.span));
    }
    if let Some(step) = super::all_steps(config)
        .into_iter()
        .find(|s| matches!(s.kind, StepKind::Conditional { .. }))
    {
        found.push((
            if step.name.value == "when" {
                "when"
            } else {
                "unless"
            },
            step.name.span,
        ));
    }
    if let Some(job) = config
        .workflows
        .iter()
        .flat_map(|w| &w.jobs)
        .find(|j| j.matrix.is_some())
    {
        found.push(("matrix", job.job.span));
    }
    let mut first_value = None;
    for_each_scalar(context.root, &mut |text, span| {
        if text.contains("<< pipeline.") || text.contains("<< parameters.") {
            first_value =
                Some(
                    first_value.map_or(span, |s: Span| if span.start < s.start { span } else { s }),
                );
        }
    });
    if let Some(span) = first_value {
        found.push(("<< >>", span));
    }
    let mut reported: Vec<&str> = Vec::new();
    for (feature, span) in found {
        if !reported.contains(&feature) {
            reported.push(feature);
            out.push(diagnostic(
                RULE,
                span,
                Message::VersionMismatch {
                    feature: feature.to_owned(),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::diagnostics;
    use crate::config::diagnostic::Message;

    #[test]
    fn orbs_and_pipeline_values_need_2_1() {
        let yaml = "version: 2\norbs:\n  node: circleci/node@5.2.0\njobs:\n  a:\n    steps:\n      - run: echo << pipeline.git.revision >>\n";
        let features: Vec<_> = diagnostics(yaml, "version-mismatch")
            .into_iter()
            .map(|d| match d.message {
                Message::VersionMismatch { feature } => feature,
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        assert_eq!(features, ["orbs", "<< >>"]);
    }

    #[test]
    fn a_job_naming_an_executor_needs_2_1() {
        let yaml = "version: 2\njobs:\n  a:\n    executor: python\n    steps: [checkout]\n";
        let found = diagnostics(yaml, "version-mismatch");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].span.line, found[0].span.column), (4, 15));
    }

    #[test]
    fn the_same_under_2_1_passes() {
        let yaml = "version: 2.1\norbs:\n  node: circleci/node@5.2.0\njobs:\n  a:\n    steps:\n      - run: echo << pipeline.git.revision >>\n";
        assert!(diagnostics(yaml, "version-mismatch").is_empty());
    }
}
