//! Credentials recognisable by their shape alone: AWS access key ids, GitHub, Docker Hub and Slack
//! tokens, JWTs.
//!
//! A line is cut into words (runs of `A-Z a-z 0-9 _ - .`); each word is checked once against every
//! shape, so the work is linear in the line.

use super::placeholder::is_placeholder;
use super::{Found, SecretKind};

/// The prefixes of AWS access key ids: long-term (`AKIA`) and temporary (`ASIA`).
const AWS_PREFIXES: &[&str] = &["AKIA", "ASIA"];

/// The prefixes of GitHub tokens with the classic format: 36 characters after the prefix.
const GITHUB_PREFIXES: &[&str] = &["ghp_", "gho_", "ghu_", "ghs_", "ghr_"];

/// Adds the credentials of `line` (which starts at byte `offset` of the text).
pub(super) fn find(line: &str, offset: usize, out: &mut Vec<Found>) {
    let bytes = line.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        if !is_word_byte(bytes[start]) {
            start += 1;
            continue;
        }
        let end = start
            + bytes[start..]
                .iter()
                .position(|&b| !is_word_byte(b))
                .unwrap_or(bytes.len() - start);
        if let Some((kind, length)) = classify(&line[start..end]) {
            out.push(Found {
                kind,
                range: offset + start..offset + start + length,
            });
        }
        start = end;
    }
}

/// Whether a byte belongs to a word: the characters of every token shape below.
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-' | b'.')
}

/// The kind of credential a word starts with, and the credential's length in bytes.
fn classify(word: &str) -> Option<(SecretKind, usize)> {
    if let Some(length) = aws_access_key_id(word) {
        return Some((SecretKind::AwsAccessKeyId, length));
    }
    if let Some(length) = github_token(word) {
        return Some((SecretKind::GitHubToken, length));
    }
    if let Some(length) = prefixed(word, "dckr_pat_", 20, |b| {
        b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
    }) {
        return Some((SecretKind::DockerHubToken, length));
    }
    if let Some(length) = slack_token(word) {
        return Some((SecretKind::SlackToken, length));
    }
    jwt(word).map(|length| (SecretKind::Jwt, length))
}

/// `AKIA` or `ASIA` followed by exactly 16 upper-case letters or digits.
fn aws_access_key_id(word: &str) -> Option<usize> {
    if !AWS_PREFIXES.iter().any(|p| word.starts_with(p)) {
        return None;
    }
    let body = word.as_bytes()[4..]
        .iter()
        .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        .count();
    let length = 4 + body;
    let ends_cleanly = word.as_bytes().get(length).is_none_or(|&b| b == b'.');
    (body == 16 && ends_cleanly && !is_placeholder(&word[..length])).then_some(length)
}

/// A classic GitHub token (prefix and 36 alphanumerics) or a fine-grained one (`github_pat_` and at
/// least 22 characters).
fn github_token(word: &str) -> Option<usize> {
    for prefix in GITHUB_PREFIXES {
        if let Some(length) = prefixed(word, prefix, 36, |b| b.is_ascii_alphanumeric()) {
            return Some(length);
        }
    }
    prefixed(word, "github_pat_", 22, |b| {
        b.is_ascii_alphanumeric() || b == b'_'
    })
}

/// A Slack token: `xox` then `b`, `a`, `p`, `r` or `s`, a dash, and at least 10 more characters.
fn slack_token(word: &str) -> Option<usize> {
    let kind = word.as_bytes().get(3)?;
    if !word.starts_with("xox") || !b"baprs".contains(kind) || word.as_bytes().get(4) != Some(&b'-')
    {
        return None;
    }
    prefixed(word, &word[..5], 10, |b| {
        b.is_ascii_alphanumeric() || b == b'-'
    })
}

/// A JWT: three base64url parts joined by dots; the first two start with `eyJ` (`{"` encoded), the
/// signature has at least 16 characters.
fn jwt(word: &str) -> Option<usize> {
    if !word.starts_with("eyJ") {
        return None;
    }
    let mut parts = word.splitn(4, '.');
    let header = parts.next()?;
    let payload = parts.next()?;
    let signature = parts.next()?;
    let base64url = |part: &str| {
        part.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    };
    let valid = header.len() >= 10
        && payload.starts_with("eyJ")
        && payload.len() >= 10
        && signature.len() >= 16
        && [header, payload, signature].into_iter().all(base64url);
    valid.then(|| header.len() + payload.len() + signature.len() + 2)
}

/// `prefix` followed by at least `minimum` bytes that satisfy `body`; the length of the whole.
fn prefixed(word: &str, prefix: &str, minimum: usize, body: impl Fn(u8) -> bool) -> Option<usize> {
    let rest = word.strip_prefix(prefix)?;
    let length = rest.bytes().take_while(|&b| body(b)).count();
    (length >= minimum).then_some(prefix.len() + length)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(line: &str) -> Vec<(SecretKind, &str)> {
        let mut out = Vec::new();
        find(line, 0, &mut out);
        out.into_iter().map(|f| (f.kind, &line[f.range])).collect()
    }

    #[test]
    fn aws_access_key_ids() {
        assert_eq!(
            found("export AWS_ACCESS_KEY_ID=AKIA2E0A8F3B244C9986."),
            [(SecretKind::AwsAccessKeyId, "AKIA2E0A8F3B244C9986")]
        );
        assert_eq!(
            found("ASIAY34FZKBOKMUTVV7A"),
            [(SecretKind::AwsAccessKeyId, "ASIAY34FZKBOKMUTVV7A")]
        );
        // Near misses: one character short, lower case, AWS's documented example.
        assert!(found("AKIA2E0A8F3B244C998").is_empty());
        assert!(found("akia2e0a8f3b244c9986").is_empty());
        assert!(found("AKIAIOSFODNN7EXAMPLE").is_empty());
        assert!(found("AKIA2E0A8F3B244C9986X").is_empty());
    }

    #[test]
    fn github_tokens() {
        let classic = "ghp_0123456789abcdefghijABCDEFGHIJ012345";
        assert_eq!(found(classic), [(SecretKind::GitHubToken, classic)]);
        let fine = "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz";
        assert_eq!(
            found(&format!("token {fine} used")),
            [(SecretKind::GitHubToken, fine)]
        );
        for prefix in ["gho_", "ghu_", "ghs_", "ghr_"] {
            let token = format!("{prefix}0123456789abcdefghijABCDEFGHIJ012345");
            assert_eq!(found(&token).len(), 1, "{token}");
        }
        // Near misses: too short, a word that merely starts like one.
        assert!(found("ghp_short").is_empty());
        assert!(found("github_pat_").is_empty());
    }

    #[test]
    fn docker_hub_tokens() {
        let token = "dckr_pat_2b3e36beeb386dfdaacb9b46004";
        assert_eq!(
            found(&format!("echo {token} | docker login")),
            [(SecretKind::DockerHubToken, token)]
        );
        assert!(found("dckr_pat_").is_empty());
    }

    #[test]
    fn slack_tokens() {
        let token = "xoxb-123456789012-1234567890123-AbCdEfGhIjKl";
        assert_eq!(found(token), [(SecretKind::SlackToken, token)]);
        assert!(found("xoxq-123456789012-1234567890123").is_empty());
        assert!(found("xoxb-1").is_empty());
    }

    #[test]
    fn jwts() {
        let token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        assert_eq!(
            found(&format!("Authorization: Bearer {token}")),
            [(SecretKind::Jwt, token)]
        );
        // Near misses: no signature, a payload that is not JSON.
        assert!(found("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.").is_empty());
        assert!(found("eyJhbGciOiJIUzI1NiJ9.abcdefghijklmnop.dozjgNryP4J3jVmNHl0w5N").is_empty());
    }
}
