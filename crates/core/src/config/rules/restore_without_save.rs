//! `restore-without-save`: a `restore_cache` key matches no cache saved by this configuration.
//!
//! Such a restore always misses (unless an orb or another configuration saves the cache), so the
//! job pays for the lookup and still installs everything. Keys built from parameters are not judged.
//! Each distinct key is reported once, where it is first written.

use super::save_without_restore::{cache_keys, can_match};
use super::{diagnostic, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "restore-without-save",
    severity: Severity::Info,
    doc: "rules/restore-without-save",
};

/// Reports restore keys that match no saved key.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let (saved, restored) = cache_keys(context.config);
    let mut reported = std::collections::HashSet::new();
    for key in restored {
        if !reported.insert(key.value.as_str()) {
            continue;
        }
        if !saved.iter().any(|s| can_match(&key.value, &s.value)) {
            out.push(diagnostic(
                RULE,
                key.span,
                Message::RestoreWithoutSave {
                    key: key.value.clone(),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::diagnostics;

    #[test]
    fn a_restore_with_nothing_saved_is_reported() {
        let yaml = "version: 2.1\njobs:\n  a:\n    steps:\n      - restore_cache: {key: v1-deps}\n";
        let found = diagnostics(yaml, "restore-without-save");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.line, 5);
    }

    #[test]
    fn a_restore_of_a_saved_key_passes() {
        let yaml = "version: 2.1\njobs:\n  a:\n    steps:\n      - restore_cache: {key: v1-deps}\n      - save_cache: {key: 'v1-deps-{{ checksum \"a\" }}', paths: [x]}\n";
        assert!(diagnostics(yaml, "restore-without-save").is_empty());
    }
}
