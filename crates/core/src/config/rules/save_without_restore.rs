//! `save-without-restore`: a cache is saved, but no `restore_cache` step can find it.
//!
//! `restore_cache` finds a cache when one of its keys, rendered, is a prefix of the saved key.
//! A save that no restore key can match costs time and storage for nothing; often the two keys
//! drifted apart (`v1-deps-` saved, `v2-deps-` restored). Keys built from parameters are not judged.
//! Each distinct key is reported once, where it is first written.

use super::{all_steps, diagnostic, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::model::{Config, Spanned, StepKind};
use crate::config::templates::CacheKey;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "save-without-restore",
    severity: Severity::Info,
    doc: "rules/save-without-restore",
};

/// The saved keys and the restore keys of the whole configuration.
pub(crate) fn cache_keys(config: &Config) -> (Vec<&Spanned<String>>, Vec<&Spanned<String>>) {
    let (mut saved, mut restored) = (Vec::new(), Vec::new());
    for step in all_steps(config) {
        match &step.kind {
            StepKind::SaveCache { key: Some(key), .. } => saved.push(key),
            StepKind::RestoreCache { keys } => restored.extend(keys),
            _ => {}
        }
    }
    (saved, restored)
}

/// Whether a restore key can match a saved key, judging by what is known before rendering.
pub(crate) fn can_match(restore: &str, save: &str) -> bool {
    if restore.contains("<<") || save.contains("<<") {
        return true;
    }
    let (restore, save) = (CacheKey::parse(restore), CacheKey::parse(save));
    let (r, s) = (restore.literal_prefix(), save.literal_prefix());
    if restore.is_literal() {
        save.raw.starts_with(r) || r.starts_with(s)
    } else {
        s.starts_with(r) || r.starts_with(s)
    }
}

/// Reports saved keys that no restore key matches.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let (saved, restored) = cache_keys(context.config);
    let mut reported = std::collections::HashSet::new();
    for key in saved {
        if !reported.insert(key.value.as_str()) {
            continue;
        }
        if !restored.iter().any(|r| can_match(&r.value, &key.value)) {
            out.push(diagnostic(
                RULE,
                key.span,
                Message::SaveWithoutRestore {
                    key: key.value.clone(),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::diagnostics;
    use super::can_match;

    #[test]
    fn a_save_with_another_prefix_is_never_restored() {
        let yaml = "version: 2.1\njobs:\n  a:\n    steps:\n      - restore_cache: {keys: [v2-deps-]}\n      - save_cache: {key: 'v1-deps-{{ checksum \"a\" }}', paths: [x]}\n";
        assert_eq!(diagnostics(yaml, "save-without-restore").len(), 1);
    }

    #[test]
    fn matching_prefixes_pass() {
        assert!(can_match(
            "v1-deps-{{ checksum \"a\" }}",
            "v1-deps-{{ checksum \"a\" }}"
        ));
        assert!(can_match("v1-deps-", "v1-deps-{{ checksum \"a\" }}"));
        assert!(!can_match("v1-deps-x", "v1-deps-y"));
        let yaml = "version: 2.1\njobs:\n  a:\n    steps:\n      - restore_cache: {keys: [v1-deps-]}\n      - save_cache: {key: 'v1-deps-{{ checksum \"a\" }}', paths: [x]}\n";
        assert!(diagnostics(yaml, "save-without-restore").is_empty());
    }
}
