//! `unused-anchor`: an anchor (`&name`) that no alias (`*name`) uses.
//!
//! An anchor exists to be repeated with an alias; one that nothing repeats is either a leftover or
//! the sign of an alias that names another anchor by mistake. Reported as information: the file
//! works as written. The common pattern of a block under a key of its own (`references:`,
//! `x-defaults:`, `aliases:`) that holds anchored pieces is respected: an anchor on such a block is
//! not reported as long as one of the pieces inside it is used.

use super::{diagnostic, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "unused-anchor",
    severity: Severity::Info,
    doc: "rules/unused-anchor",
};

/// Reports each anchor that the parser saw no alias use.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (name, span) in context.unused_anchors {
        out.push(diagnostic(
            RULE,
            *span,
            Message::UnusedAnchor {
                anchor: name.clone(),
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::diagnostics;

    fn found(yaml: &str) -> Vec<(usize, usize)> {
        diagnostics(yaml, "unused-anchor")
            .iter()
            .map(|d| (d.span.line, d.span.column))
            .collect()
    }

    #[test]
    fn an_anchor_that_no_alias_uses_is_reported() {
        let yaml = "version: 2.1\nx-defaults: &defaults\n  docker: [{image: cimg/base:2024.01}]\nx-other: &other\n  working_directory: ~/p\njobs:\n  a:\n    <<: *defaults\n    steps: [checkout]\nworkflows:\n  w:\n    jobs: [a]\n";
        assert_eq!(found(yaml), [(4, 10)]);
    }

    #[test]
    fn used_anchors_and_holders_of_used_anchors_are_fine() {
        let yaml = "version: 2.1\nreferences: &references\n  image: &image cimg/base:2024.01\n  steps: &steps\n    - checkout\njobs:\n  a:\n    docker: [{image: *image}]\n    steps: *steps\nworkflows:\n  w:\n    jobs: [a]\n";
        assert!(found(yaml).is_empty(), "{:?}", found(yaml));
    }
}
