//! Values assigned to secret-named keys, in logs, shell and YAML.
//!
//! Forms read, the key's name compared without case, `_`, `-` or `.`:
//! - `KEY=value` anywhere on a line (shell, `env` dumps, `--token=value`, `.npmrc`, URL queries);
//! - `KEY: value` at the start of a line (YAML, a list item `- KEY: value`), when nothing but a
//!   comment follows the value (so prose such as `token: expired since May` is left alone);
//! - `"key": "value"` anywhere (JSON);
//! - `--password value`, `--token value`, `aws_secret_access_key value` (a command's argument);
//! - `-p value` after `docker login` on the same line.
//!
//! A key is secret-named when it ends with one of [`SECRET_SUFFIXES`]. Each separator looks back at
//! most [`MAX_KEY`] bytes, and the scan resumes after the value it read, so the work is linear.

use super::placeholder::is_placeholder;
use super::{Found, SecretKind};

/// The longest key name looked at, in bytes.
const MAX_KEY: usize = 64;

/// The endings of secret-named keys (lower case, without `_`, `-`, `.`) and what their value is.
const SECRET_SUFFIXES: &[(&str, SecretKind)] = &[
    ("secretaccesskey", SecretKind::AwsSecretAccessKey),
    ("password", SecretKind::Password),
    ("passwd", SecretKind::Password),
    ("secret", SecretKind::AssignedSecret),
    ("secretkey", SecretKind::AssignedSecret),
    ("privatekey", SecretKind::AssignedSecret),
    ("token", SecretKind::AssignedSecret),
    ("apikey", SecretKind::AssignedSecret),
];

/// Command-line options and words whose next argument is a secret.
const SECRET_FLAGS: &[(&str, SecretKind)] = &[
    ("--password", SecretKind::Password),
    ("--passwd", SecretKind::Password),
    ("--token", SecretKind::AssignedSecret),
    ("--api-key", SecretKind::AssignedSecret),
    ("--api_key", SecretKind::AssignedSecret),
    ("aws_secret_access_key", SecretKind::AwsSecretAccessKey),
];

/// Adds the assigned secrets of `line` (which starts at byte `offset` of the text).
pub(super) fn find(line: &str, offset: usize, out: &mut Vec<Found>) {
    find_separated(line, offset, out);
    find_arguments(line, offset, out);
}

/// `KEY=value`, `KEY: value` and `"key": "value"`.
fn find_separated(line: &str, offset: usize, out: &mut Vec<Found>) {
    let bytes = line.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let separator = bytes[at];
        if separator != b'=' && separator != b':' {
            at += 1;
            continue;
        }
        let Some(key) = key_before(line, at) else {
            at += 1;
            continue;
        };
        let Some(kind) = secret_kind(key.name) else {
            at += 1;
            continue;
        };
        let value_from = if separator == b'=' {
            at + 1
        } else {
            let spaces = bytes[at + 1..]
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
            let quote_follows = matches!(bytes.get(at + 1 + spaces), Some(b'"' | b'\''));
            if spaces == 0 && !quote_follows {
                at += 1;
                continue;
            }
            at + 1 + spaces
        };
        let value = value_at(line, value_from);
        let yaml_key = separator == b':' && !key.quoted;
        let accepted = if yaml_key {
            key.starts_line && only_comment_after(line, value.end_of_value)
        } else {
            separator == b'=' || key.quoted
        };
        if accepted {
            push(
                line,
                offset,
                value.range.clone(),
                refine(kind, &line[value.range.clone()]),
                out,
            );
        }
        at = value.end_of_value.max(at + 1);
    }
}

/// `--password value`, `aws_secret_access_key value`, `docker login ... -p value`.
fn find_arguments(line: &str, offset: usize, out: &mut Vec<Found>) {
    let mut words = words(line).peekable();
    let mut after_docker_login = false;
    let mut previous = "";
    while let Some((_, word)) = words.next() {
        if previous == "docker" && word == "login" {
            after_docker_login = true;
        }
        previous = word;
        let kind = SECRET_FLAGS
            .iter()
            .find(|(flag, _)| word.eq_ignore_ascii_case(flag))
            .map(|&(_, kind)| kind)
            .or_else(|| (after_docker_login && word == "-p").then_some(SecretKind::Password));
        let Some(kind) = kind else { continue };
        let Some(&(start, value)) = words.peek() else {
            continue;
        };
        if value.starts_with('-') {
            continue;
        }
        let unquoted = value.trim_matches(['"', '\'']);
        let inner = start + value.find(unquoted).unwrap_or(0);
        push(
            line,
            offset,
            inner..inner + unquoted.len(),
            refine(kind, unquoted),
            out,
        );
    }
}

/// The whitespace-separated words of `line`, with their byte offsets.
fn words(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split([' ', '\t'])
        .scan(0, |offset, word| {
            let start = *offset;
            *offset += word.len() + 1;
            Some((start, word))
        })
        .filter(|(_, word)| !word.is_empty())
}

/// Records a value unless it is a placeholder.
fn push(
    line: &str,
    offset: usize,
    range: std::ops::Range<usize>,
    kind: SecretKind,
    out: &mut Vec<Found>,
) {
    if !is_placeholder(&line[range.clone()]) {
        out.push(Found {
            kind,
            range: offset + range.start..offset + range.end,
        });
    }
}

/// A value assigned to `aws_secret_access_key` is an AWS secret key only when it has that shape
/// (40 characters of base64); otherwise it is a generic assigned secret.
fn refine(kind: SecretKind, value: &str) -> SecretKind {
    let aws_shaped = value.len() == 40
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'+' | b'='));
    match kind {
        SecretKind::AwsSecretAccessKey if !aws_shaped => SecretKind::AssignedSecret,
        other => other,
    }
}

/// A key written just before a separator.
struct Key<'a> {
    /// The key's name, without quotes.
    name: &'a str,
    /// Whether the name is in quotes (JSON).
    quoted: bool,
    /// Whether only indentation or a list dash comes before it on the line.
    starts_line: bool,
}

/// The key that ends just before the separator at `separator`, if any.
fn key_before(line: &str, separator: usize) -> Option<Key<'_>> {
    let bytes = line.as_bytes();
    let quote = separator
        .checked_sub(1)
        .map(|i| bytes[i])
        .filter(|b| matches!(b, b'"' | b'\''));
    let end = separator - usize::from(quote.is_some());
    let lowest = end.saturating_sub(MAX_KEY);
    let start = (lowest..end)
        .rev()
        .take_while(|&i| is_key_byte(bytes[i]))
        .last()?;
    if start == lowest && lowest > 0 && is_key_byte(bytes[lowest - 1]) {
        return None;
    }
    let before = start.checked_sub(1).map(|i| bytes[i]);
    let quoted = match (quote, before) {
        (Some(close), Some(open)) => close == open,
        (None, _) => false,
        (Some(_), None) => return None,
    };
    if quote.is_some() && !quoted {
        return None;
    }
    if !quoted && matches!(before, Some(b'$' | b'{')) {
        return None;
    }
    let key_start = start - usize::from(quoted);
    let starts_line = line[..key_start]
        .bytes()
        .all(|b| b == b' ' || b == b'\t' || b == b'-');
    Some(Key {
        name: &line[start..end],
        quoted,
        starts_line,
    })
}

/// Whether a byte can be part of a key name.
fn is_key_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-' | b'.')
}

/// The kind of secret a key's value is, if the key is secret-named.
fn secret_kind(name: &str) -> Option<SecretKind> {
    let normal: String = name
        .bytes()
        .filter(|b| !matches!(b, b'_' | b'-' | b'.'))
        .map(|b| char::from(b.to_ascii_lowercase()))
        .collect();
    SECRET_SUFFIXES
        .iter()
        .find(|(suffix, _)| normal.ends_with(suffix))
        .map(|&(_, kind)| kind)
}

/// A value read after a separator.
struct Value {
    /// The value itself, without quotes.
    range: std::ops::Range<usize>,
    /// Where the scan resumes (after the closing quote, if any).
    end_of_value: usize,
}

/// The value that starts at `from`: quoted (to the closing quote or the end of the line) or bare
/// (to a space, a quote or a shell or flow-collection delimiter).
fn value_at(line: &str, from: usize) -> Value {
    let bytes = line.as_bytes();
    match bytes.get(from) {
        Some(&quote @ (b'"' | b'\'')) => {
            let inner = from + 1;
            let close = bytes[inner..].iter().position(|&b| b == quote);
            match close {
                Some(length) => Value {
                    range: inner..inner + length,
                    end_of_value: inner + length + 1,
                },
                None => Value {
                    range: inner..bytes.len(),
                    end_of_value: bytes.len(),
                },
            }
        }
        _ => {
            let length = bytes[from..]
                .iter()
                .position(|&b| {
                    b.is_ascii_whitespace()
                        || matches!(
                            b,
                            b'"' | b'\'' | b';' | b'&' | b'|' | b')' | b',' | b'}' | b']' | b'`'
                        )
                })
                .unwrap_or(bytes.len() - from);
            Value {
                range: from..from + length,
                end_of_value: from + length,
            }
        }
    }
}

/// Whether nothing but spaces, a comment or a flow-collection delimiter follows `at`.
fn only_comment_after(line: &str, at: usize) -> bool {
    let rest = line[at..].trim();
    rest.is_empty() || rest.starts_with(['#', ',', '}', ']'])
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
    fn shell_assignments() {
        assert_eq!(
            found("export DB_PASSWORD=hunter2x"),
            [(SecretKind::Password, "hunter2x")]
        );
        assert_eq!(
            found("NPM_TOKEN=\"npm_abc123\" npm publish"),
            [(SecretKind::AssignedSecret, "npm_abc123")]
        );
        assert_eq!(
            found("//registry.npmjs.org/:_authToken=abc123def"),
            [(SecretKind::AssignedSecret, "abc123def")]
        );
        assert_eq!(
            found("mytool --token=t0k3n-v4lue"),
            [(SecretKind::AssignedSecret, "t0k3n-v4lue")]
        );
        // Near misses: a reference, a comparison, a key that only contains the word.
        assert!(found("export DB_PASSWORD=$DB_PASSWORD").is_empty());
        assert!(found("[ \"$TOKEN\" = \"\" ] && exit 1").is_empty());
        assert!(found("TOKEN_FILE=/tmp/token").is_empty());
        assert!(found("echo ${TOKEN:-unset}").is_empty());
    }

    #[test]
    fn yaml_assignments() {
        assert_eq!(
            found("      CODECOV_TOKEN: fb4c4a94-72d7-4743"),
            [(SecretKind::AssignedSecret, "fb4c4a94-72d7-4743")]
        );
        assert_eq!(
            found("  - password: 's3cr3t'  # local"),
            [(SecretKind::Password, "s3cr3t")]
        );
        assert_eq!(
            found("    passwd: \"p4ss w0rd\""),
            [(SecretKind::Password, "p4ss w0rd")]
        );
        // Near misses: prose, an env var name, a parameter reference, an empty value, a boolean.
        assert!(found("Error: token: expired since May").is_empty());
        assert!(found("token: expired since May").is_empty());
        assert!(found("      token: CODECOV_TOKEN").is_empty());
        assert!(found("      token: << parameters.token >>").is_empty());
        assert!(found("      password:").is_empty());
        assert!(found("      MYSQL_ALLOW_EMPTY_PASSWORD: true").is_empty());
    }

    #[test]
    fn json_assignments() {
        assert_eq!(
            found(r#"{"user": "me", "api_key": "k-123456", "x": 1}"#),
            [(SecretKind::AssignedSecret, "k-123456")]
        );
        assert!(found(r#"{"api_key": null}"#).is_empty());
    }

    #[test]
    fn aws_secret_access_keys() {
        let key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzzzzzzzz";
        assert_eq!(
            found(&format!(
                "aws_secret_access_key = x; AWS_SECRET_ACCESS_KEY={key}"
            )),
            [(SecretKind::AwsSecretAccessKey, key)]
        );
        assert_eq!(
            found(&format!("aws configure set aws_secret_access_key {key}")),
            [(SecretKind::AwsSecretAccessKey, key)]
        );
        assert_eq!(
            found("AWS_SECRET_ACCESS_KEY=short1"),
            [(SecretKind::AssignedSecret, "short1")]
        );
    }

    #[test]
    fn command_arguments() {
        assert_eq!(
            found("docker login -u bot -p d0ck3rPass registry.example.com"),
            [(SecretKind::Password, "d0ck3rPass")]
        );
        assert_eq!(
            found("docker login --username bot --password 'pa55word!'"),
            [(SecretKind::Password, "pa55word!")]
        );
        // Near misses: `-p` of another command, a reference, `--password-stdin`.
        assert!(found("docker run -p 8080:80 nginx").is_empty());
        assert!(found("docker login --password \"${DOCKER_PASSWORD_RW}\"").is_empty());
        assert!(found("echo \"$T\" | docker login -u bot --password-stdin").is_empty());
    }

    #[test]
    fn a_long_run_of_separators_is_read_once() {
        let line = "password=".repeat(10_000);
        assert_eq!(found(&line).len(), 1);
    }
}
