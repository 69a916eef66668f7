//! `auto-rerun-limits`: `max_auto_reruns` outside 1–5, or `auto_rerun_delay` over ten minutes.
//!
//! Automatic reruns are written on a `run` step (`max_auto_reruns`, with an optional
//! `auto_rerun_delay`) or on a workflow (`max_auto_reruns`). CircleCI accepts from 1 to 5 reruns and a
//! delay of at most 10 minutes, and refuses a configuration outside these bounds. A templated value
//! is known only once expanded, and is not reported.

use super::{diagnostic, is_templated, step_nodes, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::tree::Node;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "auto-rerun-limits",
    severity: Severity::Error,
    doc: "rules/auto-rerun-limits",
};

/// The most reruns CircleCI allows.
const MAX_RERUNS: i64 = 5;

/// The longest delay CircleCI allows between reruns, in seconds.
const MAX_DELAY_SECONDS: u64 = 600;

/// Reports out-of-range `max_auto_reruns` and `auto_rerun_delay` values of steps and workflows.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for step in step_nodes(context.root) {
        let Some(args) = step.args else { continue };
        check_reruns(args, out);
        if let Some(delay) = args.get("auto_rerun_delay") {
            let Some(text) = delay.as_str().filter(|t| !is_templated(t)) else {
                continue;
            };
            if seconds(text).is_some_and(|s| s > MAX_DELAY_SECONDS) {
                out.push(diagnostic(
                    RULE,
                    delay.span,
                    Message::AutoRerunDelayTooLong {
                        delay: text.to_owned(),
                    },
                ));
            }
        }
    }
    for (_, workflow) in context
        .root
        .get("workflows")
        .map(|w| w.entries())
        .unwrap_or_default()
    {
        check_reruns(workflow, out);
    }
}

/// Reports the `max_auto_reruns` of `node` when it is an integer outside 1–5.
fn check_reruns(node: &Node, out: &mut Vec<Diagnostic>) {
    let Some(value) = node.get("max_auto_reruns") else {
        return;
    };
    let Some(count) = value.as_str().and_then(|t| t.trim().parse::<i64>().ok()) else {
        return;
    };
    if !(1..=MAX_RERUNS).contains(&count) {
        out.push(diagnostic(
            RULE,
            value.span,
            Message::AutoRerunsOutOfRange {
                value: count.to_string(),
            },
        ));
    }
}

/// A duration such as `30s`, `5m`, `1m30s` or `1h` in seconds; `None` when it is not one.
fn seconds(text: &str) -> Option<u64> {
    let mut total = 0u64;
    let mut number = String::new();
    for c in text.trim().chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => return None,
        };
        let value: u64 = number.parse().ok()?;
        total = total.saturating_add(value.saturating_mul(unit));
        number.clear();
    }
    number.is_empty().then_some(total)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{diagnostics, JOB};
    use super::seconds;

    fn lines(steps: &str, workflow: &str) -> Vec<usize> {
        let yaml = format!(
            "version: 2.1\njobs:\n  a:\n{JOB}{steps}workflows:\n  w:\n{workflow}    jobs: [a]\n"
        );
        diagnostics(&yaml, "auto-rerun-limits")
            .iter()
            .map(|d| d.span.line)
            .collect()
    }

    #[test]
    fn durations_are_read() {
        assert_eq!(seconds("30s"), Some(30));
        assert_eq!(seconds("1m30s"), Some(90));
        assert_eq!(seconds("1h"), Some(3600));
        assert_eq!(seconds("10"), None);
        assert_eq!(seconds("soon"), None);
    }

    #[test]
    fn too_many_reruns_and_too_long_a_delay_are_reported() {
        let step = "      - run:\n          command: make test\n          max_auto_reruns: 8\n          auto_rerun_delay: 15m\n";
        assert_eq!(lines(step, ""), [10, 11]);
        assert_eq!(lines("", "    max_auto_reruns: 0\n"), [10]);
    }

    #[test]
    fn values_within_bounds_and_templates_are_fine() {
        let step = "      - run:\n          command: make test\n          max_auto_reruns: 5\n          auto_rerun_delay: 10m\n      - run:\n          command: make e2e\n          max_auto_reruns: << pipeline.parameters.reruns >>\n";
        assert!(lines(step, "    max_auto_reruns: 3\n").is_empty());
    }
}
