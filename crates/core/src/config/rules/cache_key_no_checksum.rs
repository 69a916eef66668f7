//! `cache-key-no-checksum`: a `save_cache` key that never changes.
//!
//! Caches are immutable: once a key is saved, later `save_cache` steps with the same key do
//! nothing. A key made only of text, `{{ .Branch }}` or `{{ arch }}` is saved once and then never
//! refreshed, so dependencies go stale. `{{ checksum "lock-file" }}` renews it when they change.

use super::{all_steps, diagnostic, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::model::StepKind;
use crate::config::templates::CacheKey;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "cache-key-no-checksum",
    severity: Severity::Warning,
    doc: "rules/cache-key-no-checksum",
};

/// Reports each `save_cache` key with nothing that changes between builds.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for step in all_steps(context.config) {
        let StepKind::SaveCache { key: Some(key), .. } = &step.kind else {
            continue;
        };
        if key.value.contains("<<") || key.value.contains('$') {
            continue;
        }
        if !CacheKey::parse(&key.value).changes_between_builds() {
            out.push(diagnostic(
                RULE,
                key.span,
                Message::CacheKeyNoChecksum {
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
    fn a_branch_only_key_never_changes() {
        let yaml = "version: 2.1\njobs:\n  a:\n    steps:\n      - save_cache:\n          key: deps-{{ .Branch }}\n          paths: [x]\n";
        let found = diagnostics(yaml, "cache-key-no-checksum");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.line, 6);
    }

    #[test]
    fn a_checksum_key_passes() {
        let yaml = "version: 2.1\njobs:\n  a:\n    steps:\n      - save_cache:\n          key: deps-{{ checksum \"a.lock\" }}\n          paths: [x]\n";
        assert!(diagnostics(yaml, "cache-key-no-checksum").is_empty());
    }
}
