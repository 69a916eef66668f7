//! `deprecated-image`: a legacy `circleci/` convenience image.
//!
//! CircleCI deprecated its first convenience images (`circleci/python`, `circleci/node`...) in
//! 2021; they get no updates. The `cimg/` images replace them, usually under the same tag.

use super::{diagnostic, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::model::{Config, DockerImage, ExecutorSpec};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "deprecated-image",
    severity: Severity::Warning,
    doc: "rules/deprecated-image",
};

/// The legacy convenience images (the part after `circleci/`, before the tag).
const LEGACY: &[&str] = &[
    "android",
    "buildpack-deps",
    "clojure",
    "dynamodb",
    "elixir",
    "golang",
    "jruby",
    "mariadb",
    "mongo",
    "mysql",
    "node",
    "openjdk",
    "php",
    "postgres",
    "python",
    "redis",
    "ruby",
    "rust",
];

/// Every docker image of the jobs and executors.
pub(crate) fn all_images(config: &Config) -> impl Iterator<Item = &DockerImage> {
    let specs = config.jobs.iter().filter_map(|j| j.executor.as_ref());
    let specs = specs.chain(config.executors.iter().filter_map(|e| e.spec.as_ref()));
    specs.flat_map(|spec| match spec {
        ExecutorSpec::Docker { images } => images.as_slice(),
        _ => &[],
    })
}

/// The Debian releases legacy tags were named after (`circleci/node:16-bullseye`): the `cimg/` images
/// have no such variants.
const DEBIAN_SUFFIXES: &[&str] = &["-bookworm", "-bullseye", "-buster", "-stretch", "-jessie"];

/// The `cimg/` image for the legacy image `circleci/<rest>` named `name`: the same tag when it is a
/// `major.minor` version (its `-browsers` or `-node` variant kept, a Debian release dropped), else the
/// image alone, as the `cimg/` images have neither `latest` nor major-only tags (`circleci/node:10` has
/// no `cimg/node:10`): the reader picks the version.
fn replacement(name: &str, rest: &str) -> String {
    let Some((_, tag)) = rest.split_once(':') else {
        return format!("cimg/{name}");
    };
    let tag = DEBIAN_SUFFIXES
        .iter()
        .fold(tag.to_owned(), |tag, suffix| tag.replace(suffix, ""));
    let version = tag.split('-').next().unwrap_or("");
    let mut parts = version.split('.');
    let numeric = |part: Option<&str>| {
        part.is_some_and(|part| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit()))
    };
    if numeric(parts.next()) && numeric(parts.next()) {
        format!("cimg/{name}:{tag}")
    } else {
        format!("cimg/{name}")
    }
}

/// Reports each legacy image with its `cimg/` replacement.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for image in all_images(context.config) {
        let Some(rest) = image.image.value.strip_prefix("circleci/") else {
            continue;
        };
        let name = rest.split([':', '@']).next().unwrap_or(rest);
        if LEGACY.contains(&name) {
            let replacement = replacement(name, rest);
            out.push(diagnostic(
                RULE,
                image.image.span,
                Message::DeprecatedImage {
                    image: image.image.value.clone(),
                    replacement,
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
    fn the_replacement_is_a_tag_cimg_publishes_or_the_image_alone() {
        use super::replacement;
        assert_eq!(replacement("python", "python:3.8"), "cimg/python:3.8");
        assert_eq!(
            replacement("node", "node:14.17-browsers"),
            "cimg/node:14.17-browsers"
        );
        assert_eq!(
            replacement("node", "node:16.13-bullseye"),
            "cimg/node:16.13"
        );
        // Issue 146 of react-native-community/react-native-circleci-orb: `cimg/node:12` does not exist.
        assert_eq!(replacement("node", "node:10"), "cimg/node");
        assert_eq!(replacement("node", "node:16-bullseye"), "cimg/node");
        assert_eq!(replacement("golang", "golang"), "cimg/golang");
        assert_eq!(replacement("golang", "golang:latest"), "cimg/golang");
    }

    #[test]
    fn a_legacy_image_is_deprecated() {
        let found = diagnostics(
            "version: 2.1\njobs:\n  a:\n    docker:\n      - image: circleci/python:3.8\n",
            "deprecated-image",
        );
        assert_eq!(
            found[0].message,
            Message::DeprecatedImage {
                image: "circleci/python:3.8".into(),
                replacement: "cimg/python:3.8".into()
            }
        );
        assert_eq!((found[0].span.line, found[0].span.column), (5, 16));
    }

    #[test]
    fn cimg_and_other_circleci_images_pass() {
        assert!(diagnostics("version: 2.1\njobs:\n  a:\n    docker:\n      - image: cimg/python:3.8\n      - image: circleci/circleci-cli:0.1\n", "deprecated-image").is_empty());
    }
}
