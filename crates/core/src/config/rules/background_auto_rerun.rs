//! `background-auto-rerun`: a `run` step with `background: true` and automatic reruns.
//!
//! A background step is started and left running while the next steps go on (a server, a
//! database); the job does not wait for its result, so there is no failure to rerun it for. Its
//! `max_auto_reruns` never takes effect, which hides that the author expected a retry.

use super::{diagnostic, step_nodes, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "background-auto-rerun",
    severity: Severity::Warning,
    doc: "rules/background-auto-rerun",
};

/// Reports `max_auto_reruns` on a `run` step that runs in the background.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for step in step_nodes(context.root) {
        let Some(args) = step.args.filter(|_| step.name == "run") else {
            continue;
        };
        let background = args
            .get_str("background")
            .is_some_and(|b| matches!(b, "true" | "True" | "TRUE" | "yes" | "on"));
        if let Some((key, _)) = args.entry("max_auto_reruns").filter(|_| background) {
            out.push(diagnostic(RULE, key.span, Message::BackgroundAutoRerun));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{diagnostics, JOB};

    fn found(steps: &str) -> usize {
        let yaml =
            format!("version: 2.1\njobs:\n  a:\n{JOB}{steps}workflows:\n  w:\n    jobs: [a]\n");
        diagnostics(&yaml, "background-auto-rerun").len()
    }

    #[test]
    fn reruns_of_a_background_step_are_reported() {
        assert_eq!(
            found("      - run:\n          command: ./server\n          background: true\n          max_auto_reruns: 2\n"),
            1
        );
    }

    #[test]
    fn reruns_of_a_foreground_step_and_a_plain_background_step_are_fine() {
        assert_eq!(
            found("      - run:\n          command: make test\n          max_auto_reruns: 2\n      - run:\n          command: ./server\n          background: true\n"),
            0
        );
    }
}
