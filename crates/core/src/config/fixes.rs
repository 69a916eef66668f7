//! The corrected YAML of a diagnostic, when the fix is mechanical: the line (or lines) to write instead,
//! ready to copy. The page shows it under the hint with a Copy button; the CLI prints it after the
//! excerpt and in its JSON.

use super::diagnostic::{Diagnostic, Message};
use super::process::scalar_text;

impl Diagnostic {
    /// The YAML to write instead, when the fix is mechanical.
    pub fn fix(&self) -> Option<String> {
        self.message.fix()
    }
}

impl Message {
    /// The YAML to write instead, when the fix is mechanical (a known name for a misspelt one, the
    /// missing key with its usual value, a value brought within its bounds).
    pub fn fix(&self) -> Option<String> {
        let value = |text: &str| scalar_text(text, false);
        Some(match self {
            Self::UnknownKey {
                suggestion: Some(key),
                ..
            } => format!("{key}:"),
            Self::UnknownRequires {
                suggestion: Some(job),
                ..
            } => format!("- {}", value(job)),
            // Without a tag, the version is the reader's to choose: no YAML to copy.
            Self::DeprecatedImage { replacement, .. } if !replacement.contains(':') => return None,
            Self::DeprecatedImage { replacement, .. } => format!("- image: {}", value(replacement)),
            Self::DockerLoginPasswordArg => {
                "echo \"$DOCKERHUB_PASSWORD\" | docker login -u \"$DOCKERHUB_USERNAME\" --password-stdin"
                    .to_owned()
            }
            Self::DeprecatedDeploy => "- run:".to_owned(),
            Self::TestResultsWithoutPath => "- store_test_results:\n    path: test-results".to_owned(),
            Self::AutoRerunsOutOfRange { value: written } => {
                let bounded = match written.trim().parse::<i64>() {
                    Ok(number) if number < 1 => 1,
                    _ => 5,
                };
                format!("max_auto_reruns: {bounded}")
            }
            Self::AutoRerunDelayTooLong { .. } => "auto_rerun_delay: 10m".to_owned(),
            Self::UnknownResourceClass {
                suggestion: Some(class),
                ..
            } => format!("resource_class: {}", value(class)),
            Self::InvalidEnumDefault { allowed, .. } => {
                format!("default: {}", value(allowed.first()?))
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mechanical_fixes_are_yaml_to_copy() {
        let unknown = Message::UnknownKey {
            key: "working_dir".into(),
            place: "job".into(),
            suggestion: Some("working_directory".into()),
        };
        assert_eq!(unknown.fix().as_deref(), Some("working_directory:"));
        let image = Message::DeprecatedImage {
            image: "circleci/python:3.10".into(),
            replacement: "cimg/python:3.10".into(),
        };
        assert_eq!(image.fix().as_deref(), Some("- image: cimg/python:3.10"));
        let reruns = Message::AutoRerunsOutOfRange { value: "9".into() };
        assert_eq!(reruns.fix().as_deref(), Some("max_auto_reruns: 5"));
        let reruns = Message::AutoRerunsOutOfRange { value: "0".into() };
        assert_eq!(reruns.fix().as_deref(), Some("max_auto_reruns: 1"));
        let default = Message::InvalidEnumDefault {
            parameter: "env".into(),
            default: "qa".into(),
            allowed: vec!["staging".into(), "true".into()],
        };
        assert_eq!(default.fix().as_deref(), Some("default: staging"));
    }

    #[test]
    fn fixes_that_need_judgement_are_not_offered() {
        let unknown = Message::UnknownKey {
            key: "colour".into(),
            place: "job".into(),
            suggestion: None,
        };
        assert_eq!(unknown.fix(), None);
        assert_eq!(Message::SaveCacheWithoutPaths.fix(), None);
        assert_eq!(Message::SecondDocument.fix(), None);
    }

    #[test]
    fn every_fix_reads_back_as_yaml() {
        let fixes = [
            Message::TestResultsWithoutPath.fix(),
            Message::AutoRerunDelayTooLong { delay: "1h".into() }.fix(),
            Message::UnknownRequires {
                workflow: "w".into(),
                required: "tset".into(),
                suggestion: Some("test: 1".into()),
            }
            .fix(),
        ];
        for fix in fixes.into_iter().flatten() {
            assert!(
                crate::config::parse::parse_yaml(&fix).is_ok(),
                "{fix} is not YAML"
            );
        }
    }
}
