//! Passwords written in URLs: `scheme://user:password@host`.
//!
//! Each `://` is followed by its authority (up to `/`, `?`, `#`, a space or a quote), read once: the
//! authorities of one line never overlap, so the work is linear in the line.

use super::placeholder::is_placeholder;
use super::{Found, SecretKind};

/// Adds the URL passwords of `line` (which starts at byte `offset` of the text).
pub(super) fn find(line: &str, offset: usize, out: &mut Vec<Found>) {
    let bytes = line.as_bytes();
    let mut from = 0;
    while let Some(found) = line[from..].find("://") {
        let start = from + found + 3;
        let length = bytes[start..]
            .iter()
            .position(|&b| ends_authority(b))
            .unwrap_or(bytes.len() - start);
        let authority = &line[start..start + length];
        if let Some(password) = password_range(authority) {
            if !is_placeholder(&authority[password.clone()]) {
                out.push(Found {
                    kind: SecretKind::UrlPassword,
                    range: offset + start + password.start..offset + start + password.end,
                });
            }
        }
        from = start + length;
    }
}

/// Whether a byte ends the authority part of a URL.
fn ends_authority(byte: u8) -> bool {
    byte.is_ascii_whitespace()
        || matches!(byte, b'/' | b'?' | b'#' | b'"' | b'\'' | b'`' | b'<' | b'>')
}

/// The range of the password in `user:password@host`, if the authority has one.
fn password_range(authority: &str) -> Option<std::ops::Range<usize>> {
    let at = authority.rfind('@')?;
    let colon = authority[..at].find(':')?;
    Some(colon + 1..at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(line: &str) -> Vec<&str> {
        let mut out = Vec::new();
        find(line, 0, &mut out);
        out.into_iter().map(|f| &line[f.range]).collect()
    }

    #[test]
    fn the_password_of_a_url_is_found() {
        assert_eq!(
            found("git clone https://deploy:s3cr3tPass@github.com/org/repo.git"),
            ["s3cr3tPass"]
        );
        assert_eq!(
            found("DATABASE_URL=postgres://app:Zq9!x@db:5432/app and redis://:hunter22@cache"),
            ["Zq9!x", "hunter22"]
        );
    }

    #[test]
    fn urls_without_passwords_or_with_references_are_not() {
        assert!(found("https://user@github.com/org/repo").is_empty());
        assert!(found("https://github.com:443/org/repo").is_empty());
        assert!(found("https://x-access-token:${GITHUB_TOKEN}@github.com/o/r").is_empty());
        assert!(found("postgres://postgres:postgres@localhost/db").is_empty());
        assert!(found("http://user:@host/").is_empty());
    }
}
