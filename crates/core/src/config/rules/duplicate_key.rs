//! `duplicate-key`: a key written twice in one mapping (a second `jobs:`, a job defined twice).
//!
//! A YAML reader keeps one of the two silently (this one, like most, the last), so half of what was
//! written is lost without a word; CircleCI refuses such a configuration. Keys merged in with `<<` are
//! not duplicates: an explicit key wins over a merged one by design.

use std::collections::{HashMap, HashSet};

use super::{diagnostic, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "duplicate-key",
    severity: Severity::Error,
    doc: "rules/duplicate-key",
};

/// Reports every key written a second (third...) time in the same mapping, at the repeated key.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // An aliased mapping is one node reached from several places: it is reported once.
    let mut reported = HashSet::new();
    let mut pending = vec![context.root];
    while let Some(node) = pending.pop() {
        let mut first_line: HashMap<&str, usize> = HashMap::new();
        for (key, value) in node.entries() {
            if let Some(name) = key.as_str() {
                match first_line.get(name) {
                    Some(&line) if reported.insert(key.span.start) => out.push(diagnostic(
                        RULE,
                        key.span,
                        Message::DuplicateKey {
                            key: name.to_owned(),
                            first_line: line,
                        },
                    )),
                    Some(_) => {}
                    None => {
                        first_line.insert(name, key.span.line);
                    }
                }
            }
            pending.push(value);
        }
        pending.extend(node.items().iter().map(|item| &**item));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{diagnostics, JOB};

    #[test]
    fn a_second_jobs_key_is_reported_at_its_line() {
        let yaml = format!(
            "version: 2.1\njobs:\n  a:\n{JOB}jobs:\n  b:\n{JOB}workflows:\n  w:\n    jobs: [b]\n"
        );
        let found = diagnostics(&yaml, "duplicate-key");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].span.line, 2 + JOB.lines().count() + 2);
        assert!(format!("{:?}", found[0].message).contains("first_line: 2"));
    }

    #[test]
    fn a_job_defined_twice_and_a_step_key_twice_are_reported() {
        let yaml = format!(
            "version: 2.1\njobs:\n  a:\n{JOB}  a:\n{JOB}workflows:\n  w:\n    jobs:\n      - a:\n          context: x\n          context: y\n"
        );
        assert_eq!(diagnostics(&yaml, "duplicate-key").len(), 2);
    }

    #[test]
    fn merged_keys_and_aliases_are_not_duplicates() {
        let yaml = "version: 2.1\ndefaults: &defaults\n  docker: [{image: cimg/base:2024.01}]\n  working_directory: ~/p\njobs:\n  a:\n    <<: *defaults\n    working_directory: ~/q\n    steps: [checkout]\n  b:\n    <<: *defaults\n    steps: [checkout]\nworkflows:\n  w:\n    jobs: [a, b]\n";
        assert!(diagnostics(yaml, "duplicate-key").is_empty());
    }

    #[test]
    fn a_duplicate_inside_an_aliased_mapping_is_reported_once() {
        let yaml = "version: 2.1\nx: &shared\n  k: 1\n  k: 2\ny: *shared\nz: *shared\n";
        assert_eq!(diagnostics(yaml, "duplicate-key").len(), 1);
    }
}
