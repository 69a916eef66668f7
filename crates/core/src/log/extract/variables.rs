//! Facts of `Preparing environment variables`: the branch, job, build number, repository and commit
//! the built-in variables hold, and how many variables are masked.

use super::{push, Fact, FactKind, LineReader};

/// Reads `NAME=value` lines.
#[derive(Debug, Default)]
pub(super) struct Variables {
    /// How many variables read `**REDACTED**`.
    redacted: usize,
}

/// The built-in variables worth a fact.
const WORTH_SHOWING: &[(&str, FactKind)] = &[
    ("CIRCLE_BRANCH", FactKind::Branch),
    ("CIRCLE_JOB", FactKind::Job),
    ("CIRCLE_BUILD_NUM", FactKind::BuildNumber),
    ("CIRCLE_REPOSITORY_URL", FactKind::Repository),
    ("CIRCLE_SHA1", FactKind::Commit),
    ("CIRCLE_WORKING_DIRECTORY", FactKind::WorkingDirectory),
];

impl LineReader for Variables {
    fn read(&mut self, text: &str, facts: &mut Vec<Fact>) {
        let Some((name, value)) = text.split_once('=') else {
            return;
        };
        if !name
            .bytes()
            .all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit() || byte == b'_')
        {
            return;
        }
        if value == "**REDACTED**" {
            self.redacted += 1;
        } else if let Some((_, kind)) = WORTH_SHOWING.iter().find(|(known, _)| *known == name) {
            push(facts, *kind, value);
        }
    }

    fn finish(&mut self, facts: &mut Vec<Fact>) {
        if self.redacted > 0 {
            push(
                facts,
                FactKind::RedactedVariables,
                &self.redacted.to_string(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_variables_and_redactions() {
        let mut reader = Variables::default();
        let mut facts = Vec::new();
        for line in [
            "CIRCLE_BRANCH=master",
            "CIRCLE_BUILD_NUM=",
            "CIRCLE_OIDC_TOKEN=**REDACTED**",
            "PATH=/bin",
            "not a=variable",
        ] {
            reader.read(line, &mut facts);
        }
        reader.finish(&mut facts);
        assert_eq!(
            facts,
            [
                Fact::new(FactKind::Branch, "master"),
                Fact::new(FactKind::RedactedVariables, "1")
            ]
        );
    }
}
