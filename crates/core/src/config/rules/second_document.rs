//! `second-document`: the file holds a second YAML document after the first (`---` and more).
//!
//! A YAML file can hold several documents separated by `---`; a CircleCI configuration is one.
//! CircleCI's reader takes a single document and refuses a file with another after it, and most
//! editors show nothing wrong. The usual cause is two configurations pasted one after the other, or
//! a `---` left between parts of one. A `---` before the first document, and a `...` ending it, are
//! fine.

use super::{diagnostic, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "second-document",
    severity: Severity::Error,
    doc: "rules/second-document",
};

/// Reports the start of a second document.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(span) = context.second_document {
        out.push(diagnostic(RULE, span, Message::SecondDocument));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{diagnostics, JOB};

    #[test]
    fn a_second_document_is_reported_at_its_marker() {
        let yaml = format!("version: 2.1\njobs:\n  a:\n{JOB}---\nversion: 2.1\n");
        let found = diagnostics(&yaml, "second-document");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].span.line, found[0].span.column), (8, 1));
    }

    #[test]
    fn a_leading_marker_and_an_end_marker_are_fine() {
        let yaml = format!("---\nversion: 2.1\njobs:\n  a:\n{JOB}...\n");
        assert!(diagnostics(&yaml, "second-document").is_empty());
    }
}
