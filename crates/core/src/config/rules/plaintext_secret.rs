//! `plaintext-secret`: a variable named like a secret whose value is written in the configuration.
//!
//! The configuration is in the repository, readable by everyone who can read the code and kept in
//! its history forever. Secrets belong in project environment variables or contexts. To spare the
//! throwaway passwords of test databases (`POSTGRES_PASSWORD: postgres`), only values that look
//! generated are reported: long, or mixing letters and digits; and a literal `auth: password:`.

use super::{all_steps, diagnostic, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::model::{EnvVar, StepKind};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "plaintext-secret",
    severity: Severity::Warning,
    doc: "rules/plaintext-secret",
};

/// Words that make a variable's name secret-looking.
const SECRET_WORDS: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "SECRET",
    "TOKEN",
    "API_KEY",
    "APIKEY",
    "ACCESS_KEY",
    "PRIVATE_KEY",
];

/// Whether a value is written literally (not `$VAR`, not `<< parameters.x >>`).
fn is_literal(value: &str) -> bool {
    !value.is_empty() && !value.contains('$') && !value.contains("<<")
}

/// Whether a literal value looks like a generated credential rather than a test placeholder.
fn looks_generated(value: &str) -> bool {
    let letters = value.chars().any(|c| c.is_ascii_alphabetic());
    let digits = value.chars().any(|c| c.is_ascii_digit());
    !value.contains(char::is_whitespace)
        && (value.len() >= 20 || (value.len() >= 12 && letters && digits))
}

/// Reports secret-looking variables and literal registry passwords.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let config = context.config;
    let mut vars: Vec<&EnvVar> = config.jobs.iter().flat_map(|j| &j.environment).collect();
    for step in all_steps(config) {
        if let StepKind::Run { environment, .. } = &step.kind {
            vars.extend(environment);
        }
    }
    for image in super::deprecated_image::all_images(config) {
        vars.extend(&image.environment);
        if let Some(password) = image
            .auth_password
            .as_ref()
            .filter(|p| is_literal(&p.value))
        {
            out.push(diagnostic(
                RULE,
                password.span,
                Message::PlaintextSecret {
                    variable: "auth.password".into(),
                },
            ));
        }
    }
    for var in vars {
        let upper = var.name.value.to_ascii_uppercase();
        if !SECRET_WORDS.iter().any(|w| upper.contains(w)) {
            continue;
        }
        if let Some(value) = var
            .value
            .as_ref()
            .filter(|v| is_literal(&v.value) && looks_generated(&v.value))
        {
            out.push(diagnostic(
                RULE,
                value.span,
                Message::PlaintextSecret {
                    variable: var.name.value.clone(),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::diagnostics;

    #[test]
    fn a_generated_looking_token_is_reported() {
        let yaml = "version: 2.1\njobs:\n  a:\n    docker:\n      - image: cimg/base:2024.01\n        auth: {username: me, password: hunter2}\n    environment:\n      GITHUB_TOKEN: ghp_16C7e42F292c6912E7710c838347Ae178B4a\n";
        let lines: Vec<usize> = diagnostics(yaml, "plaintext-secret")
            .iter()
            .map(|d| d.span.line)
            .collect();
        assert_eq!(lines, vec![6, 8]);
    }

    #[test]
    fn variables_and_test_passwords_pass() {
        let yaml = "version: 2.1\njobs:\n  a:\n    docker:\n      - image: cimg/base:2024.01\n        auth: {username: me, password: $DOCKER_PASS}\n      - image: cimg/postgres:16.1\n        environment: {POSTGRES_PASSWORD: postgres}\n    environment:\n      GITHUB_TOKEN: ${TOKEN}\n";
        assert!(diagnostics(yaml, "plaintext-secret").is_empty());
    }
}
