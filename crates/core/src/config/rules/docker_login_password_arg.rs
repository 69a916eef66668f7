//! `docker-login-password-arg`: `docker login -p` or `--password` in a `run` step.
//!
//! A password given as an argument shows in the process list and can end up in logs; Docker itself
//! warns about it. `--password-stdin` reads it from standard input instead.

use super::{all_steps, diagnostic, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::model::StepKind;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "docker-login-password-arg",
    severity: Severity::Warning,
    doc: "rules/docker-login-password-arg",
};

/// Whether a shell line runs `docker login` with the password as an argument.
fn passes_password(line: &str) -> bool {
    let Some(at) = line.find("docker login") else {
        return false;
    };
    line[at..]
        .split_whitespace()
        .any(|word| word == "-p" || word == "--password" || word.starts_with("--password="))
}

/// Reports each such command line.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for step in all_steps(context.config) {
        let StepKind::Run {
            command: Some(command),
            ..
        } = &step.kind
        else {
            continue;
        };
        for line in command.value.lines().filter(|l| passes_password(l)) {
            let span = command
                .span
                .find(context.text, line.trim())
                .unwrap_or(command.span);
            out.push(diagnostic(RULE, span, Message::DockerLoginPasswordArg));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::diagnostics;

    #[test]
    fn a_password_argument_is_reported_on_its_line() {
        let yaml = "version: 2.1\njobs:\n  a:\n    steps:\n      - run: |\n          echo hi\n          docker login -u \"$U\" -p \"$P\"\n";
        let found = diagnostics(yaml, "docker-login-password-arg");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].span.line, found[0].span.column), (7, 11));
    }

    #[test]
    fn password_stdin_passes() {
        let yaml = "version: 2.1\njobs:\n  a:\n    steps:\n      - run: echo \"$P\" | docker login -u \"$U\" --password-stdin\n";
        assert!(diagnostics(yaml, "docker-login-password-arg").is_empty());
    }
}
