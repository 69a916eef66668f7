//! `unpinned-image`: a docker image with the `latest` tag or no tag at all.
//!
//! Such an image changes whenever its publisher pushes a new one, so a build that passed yesterday
//! can fail today with no change in the project. A version tag or a digest makes builds repeatable.

use super::deprecated_image::all_images;
use super::{diagnostic, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "unpinned-image",
    severity: Severity::Warning,
    doc: "rules/unpinned-image",
};

/// Whether an image reference names no version: no tag (or `latest`) and no digest.
fn is_unpinned(image: &str) -> bool {
    if image.contains('@') || image.contains("<<") || image.contains('$') {
        return false;
    }
    let last = image.rsplit('/').next().unwrap_or(image);
    match last.split_once(':') {
        Some((_, tag)) => tag == "latest",
        None => true,
    }
}

/// Reports each unpinned image.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for image in all_images(context.config) {
        if is_unpinned(&image.image.value) {
            out.push(diagnostic(
                RULE,
                image.image.span,
                Message::UnpinnedImage {
                    image: image.image.value.clone(),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::diagnostics;

    #[test]
    fn latest_and_missing_tags_are_unpinned() {
        let yaml = "version: 2.1\njobs:\n  a:\n    docker:\n      - image: cimg/base:latest\n      - image: redis\n      - image: localhost:5000/redis\n";
        let lines: Vec<usize> = diagnostics(yaml, "unpinned-image")
            .iter()
            .map(|d| d.span.line)
            .collect();
        assert_eq!(lines, vec![5, 6, 7]);
    }

    #[test]
    fn tags_digests_and_parameters_are_pinned() {
        let yaml = "version: 2.1\njobs:\n  a:\n    docker:\n      - image: cimg/base:2024.01\n      - image: redis@sha256:abc\n      - image: cimg/node:<< parameters.v >>\n      - image: localhost:5000/redis:7\n";
        assert!(diagnostics(yaml, "unpinned-image").is_empty());
    }
}
