//! Secrets in pasted text: found so that they can be masked in anything that leaves the page.
//!
//! [`find_secrets`] reads the text once, in these steps:
//!
//! 1. Private key blocks (`-----BEGIN ... PRIVATE KEY-----` to `-----END ...`) are found over the
//!    whole text ([`private_keys`]); their body may span many lines.
//! 2. Each line is cut into words, and words shaped like a known credential are kept ([`tokens`]):
//!    AWS access key ids, GitHub, Docker Hub and Slack tokens, JWTs.
//! 3. Passwords written in URLs (`scheme://user:password@host`) are found ([`urls`]).
//! 4. Values assigned to secret-named keys are found ([`assignments`]): `KEY=value`, `KEY: value`,
//!    `"key": "value"`, `--password value`, `docker login -p value`.
//! 5. Overlaps are resolved: a specific kind (steps 1 to 3) wins over a generic assignment.
//!
//! What is never a secret ([`placeholder`]): references (`$VAR`, `${VAR}`, `$(cmd)`, `%VAR%`,
//! `<< parameters.x >>`, `{{ x }}`), values already masked (`**REDACTED**`, `****`, `xxxx`), empty
//! values, booleans and `null`, angle-bracket placeholders (`<your-token>`), one character repeated
//! (`00000000`), AWS's documented example keys (containing `EXAMPLE`), and the well-known default and
//! placeholder words (`changeme`, `password`, `secret`, `postgres`, `root`, `admin`, `test`...). Such
//! values protect nothing: anybody can guess them, so masking them would only hide useful text.
//!
//! [`mask`] replaces each found value by eight bullets, keeping the key name and every line break.
//!
//! Architecture invariant: the work is linear in the size of the text (each scanner moves forward and
//! looks back or ahead a bounded number of bytes).

mod assignments;
mod mask;
mod placeholder;
mod private_keys;
mod tokens;
mod urls;
mod words;

use std::ops::Range;

use serde::Serialize;

pub use mask::{mask, MASK};
pub use words::{secrets_from_words, secrets_to_words};

/// What kind of secret was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecretKind {
    /// An AWS access key id (`AKIA...`, `ASIA...`).
    AwsAccessKeyId,
    /// An AWS secret access key, assigned to `aws_secret_access_key` or `SecretAccessKey`.
    AwsSecretAccessKey,
    /// A GitHub token (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, `github_pat_`).
    #[serde(rename = "github-token")]
    GitHubToken,
    /// A Docker Hub personal access token (`dckr_pat_`).
    DockerHubToken,
    /// A Slack token (`xoxb-`, `xoxa-`, `xoxp-`, `xoxr-`, `xoxs-`).
    SlackToken,
    /// The body of a private key block.
    PrivateKey,
    /// A JSON Web Token (`eyJ...` header, payload and signature).
    Jwt,
    /// The password of a URL (`https://user:password@host`).
    UrlPassword,
    /// A password: a value assigned to a `password` or `passwd` key, `--password value`, or
    /// `docker login -p value`.
    Password,
    /// A value assigned to another secret-named key (`token`, `secret`, `api_key`, `private_key`...).
    AssignedSecret,
}

impl SecretKind {
    /// Every kind, in declaration order.
    pub const ALL: [SecretKind; 10] = [
        SecretKind::AwsAccessKeyId,
        SecretKind::AwsSecretAccessKey,
        SecretKind::GitHubToken,
        SecretKind::DockerHubToken,
        SecretKind::SlackToken,
        SecretKind::PrivateKey,
        SecretKind::Jwt,
        SecretKind::UrlPassword,
        SecretKind::Password,
        SecretKind::AssignedSecret,
    ];

    /// The stable kebab-case id, for the UI and the JSON output.
    pub fn id(self) -> &'static str {
        match self {
            SecretKind::AwsAccessKeyId => "aws-access-key-id",
            SecretKind::AwsSecretAccessKey => "aws-secret-access-key",
            SecretKind::GitHubToken => "github-token",
            SecretKind::DockerHubToken => "docker-hub-token",
            SecretKind::SlackToken => "slack-token",
            SecretKind::PrivateKey => "private-key",
            SecretKind::Jwt => "jwt",
            SecretKind::UrlPassword => "url-password",
            SecretKind::Password => "password",
            SecretKind::AssignedSecret => "assigned-secret",
        }
    }
}

/// One secret in the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Secret {
    /// What it is.
    pub kind: SecretKind,
    /// The byte range of the secret value only (never the key name nor the quotes).
    pub range: Range<usize>,
    /// The line where the value starts, 1-based.
    pub line: usize,
}

/// A secret value before its line number is known.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    kind: SecretKind,
    range: Range<usize>,
}

/// Finds the secrets of `text`, sorted by position and never overlapping.
pub fn find_secrets(text: &str) -> Vec<Secret> {
    let blocks = private_keys::find(text);
    let mut specific: Vec<Found> = blocks.clone();
    let mut generic: Vec<Found> = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        tokens::find(line, offset, &mut specific);
        urls::find(line, offset, &mut specific);
        assignments::find(line, offset, &mut generic);
        offset += line.len() + 1;
    }
    specific.sort_by_key(|found| (found.range.start, found.range.end));
    generic.sort_by_key(|found| (found.range.start, found.range.end));
    let kept = merge(specific, generic);
    with_lines(text, kept)
}

/// Keeps the specific findings that overlap no earlier one, then the generic ones that overlap
/// nothing kept; both inputs are sorted by start.
fn merge(specific: Vec<Found>, generic: Vec<Found>) -> Vec<Found> {
    let specific = drop_overlaps(specific);
    let mut kept = Vec::with_capacity(specific.len() + generic.len());
    let mut next_specific = specific.into_iter().peekable();
    let mut last_end = 0;
    for candidate in generic {
        while let Some(found) = next_specific.next_if(|f| f.range.start <= candidate.range.start) {
            last_end = last_end.max(found.range.end);
            kept.push(found);
        }
        let clashes_before = candidate.range.start < last_end;
        let clashes_after = next_specific
            .peek()
            .is_some_and(|f| f.range.start < candidate.range.end);
        if !clashes_before && !clashes_after {
            last_end = candidate.range.end;
            kept.push(candidate);
        }
    }
    kept.extend(next_specific);
    kept
}

/// Drops the findings that start inside an earlier one; the input is sorted by start.
fn drop_overlaps(sorted: Vec<Found>) -> Vec<Found> {
    let mut kept: Vec<Found> = Vec::with_capacity(sorted.len());
    for found in sorted {
        if kept
            .last()
            .is_none_or(|last| found.range.start >= last.range.end)
        {
            kept.push(found);
        }
    }
    kept
}

/// Gives each finding (sorted by start) its 1-based line number, in one pass over the text.
fn with_lines(text: &str, sorted: Vec<Found>) -> Vec<Secret> {
    let bytes = text.as_bytes();
    let mut line = 1;
    let mut counted_to = 0;
    sorted
        .into_iter()
        .map(|found| {
            let start = found.range.start.min(bytes.len());
            line += bytes[counted_to..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            counted_to = start;
            Secret {
                kind: found.kind,
                range: found.range,
                line,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(SecretKind, &str, usize)> {
        find_secrets(text)
            .into_iter()
            .map(|s| (s.kind, &text[s.range], s.line))
            .collect()
    }

    #[test]
    fn a_specific_kind_wins_over_the_assignment_that_holds_it() {
        let token = "ghp_0123456789abcdefghijABCDEFGHIJ012345";
        let text = format!("GITHUB_TOKEN={token}\n");
        assert_eq!(kinds(&text), [(SecretKind::GitHubToken, token, 1)]);
    }

    #[test]
    fn secrets_are_sorted_and_numbered_by_line() {
        let text = "a\npassword=hunter2x\nb\n  api_key: 'k3y-v4lue'\n";
        assert_eq!(
            kinds(text),
            [
                (SecretKind::Password, "hunter2x", 2),
                (SecretKind::AssignedSecret, "k3y-v4lue", 4)
            ]
        );
    }

    #[test]
    fn ids_are_kebab_case_and_distinct() {
        let all = SecretKind::ALL;
        let ids: std::collections::HashSet<_> = all.iter().map(|k| k.id()).collect();
        assert_eq!(ids.len(), all.len());
        for kind in all {
            let json = serde_json::to_string(&kind).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", kind.id()));
        }
    }

    #[test]
    fn text_without_secrets_gives_none() {
        assert!(find_secrets("").is_empty());
        assert!(find_secrets("Spin up environment\nExited with code 0\n").is_empty());
    }
}
