//! Private key blocks: `-----BEGIN ... PRIVATE KEY-----`, the body, `-----END ... PRIVATE KEY-----`.
//!
//! The body is the secret (the armour lines stay visible, so the reader still sees what was there).
//! A block whose end was cut off runs to the last line that still looks like key material. Each
//! `-----END` is looked for once, so many unterminated headers cost linear time.

use super::{Found, SecretKind};

/// What opens a PEM block.
const BEGIN: &str = "-----BEGIN ";

/// The ends of private key headers (`RSA PRIVATE KEY-----`, `OPENSSH PRIVATE KEY-----`, PGP's
/// `PRIVATE KEY BLOCK-----`).
const PRIVATE_KEY_HEADER_ENDS: [&str; 2] = ["PRIVATE KEY-----", "PRIVATE KEY BLOCK-----"];

/// What closes a PEM block.
const END: &str = "-----END ";

/// The longest header accepted (`-----BEGIN ENCRYPTED PRIVATE KEY-----` is 37 bytes).
const MAX_HEADER: usize = 64;

/// Finds the body of every private key block of `text`.
pub(crate) fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut from = 0;
    // The next `-----END ` at or after `from`, found at most once per position.
    let mut next_end: Option<Option<usize>> = None;
    while let Some(found) = text[from..].find(BEGIN) {
        let begin = from + found;
        let window_end = floor_char_boundary(text, (begin + MAX_HEADER).min(text.len()));
        let window = &text[begin..window_end];
        let Some(header_end) = PRIVATE_KEY_HEADER_ENDS
            .iter()
            .find_map(|end| window.find(end).map(|at| at + end.len()))
        else {
            from = begin + BEGIN.len();
            continue;
        };
        let body_start = begin + header_end;
        if text[begin..body_start].contains('\n') {
            from = begin + BEGIN.len();
            continue;
        }
        let end = match next_end {
            Some(Some(end)) if end >= body_start => Some(end),
            Some(None) => None,
            _ => {
                let end = text[body_start..].find(END).map(|at| body_start + at);
                next_end = Some(end);
                end
            }
        };
        let body_end = match end {
            Some(end) => end,
            None => cut_body_end(text, body_start),
        };
        let body = trimmed(text, body_start..body_end);
        if !body.is_empty() {
            out.push(Found {
                kind: SecretKind::PrivateKey,
                range: body,
            });
        }
        from = body_end.max(begin + BEGIN.len());
    }
    out
}

/// The longest line of key material looked at: PEM lines have 64 characters, headers fewer than 128.
const MAX_MATERIAL_LINE: usize = 256;

/// The end of the body of a block whose `-----END` line is missing: after the last line made of key
/// material (base64, or a `Name: value` header such as `Proc-Type`), starting at `start` (just after
/// the header, where only the line break may follow). No line is read past [`MAX_MATERIAL_LINE`]
/// bytes, so a long line after a header costs constant time.
fn cut_body_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let header_rest = bytes[start..]
        .iter()
        .take(MAX_MATERIAL_LINE)
        .position(|&b| b == b'\n');
    let Some(rest) = header_rest else {
        return start;
    };
    if !text[start..start + rest].trim().is_empty() {
        return start;
    }
    let mut end = start;
    let mut offset = start + rest + 1;
    while offset < bytes.len() {
        let window = &bytes[offset..bytes.len().min(offset + MAX_MATERIAL_LINE + 1)];
        let length = window
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(window.len());
        let at_end_of_text = offset + length == bytes.len();
        if length > MAX_MATERIAL_LINE && !at_end_of_text {
            break;
        }
        let content = text[offset..offset + length].trim();
        if !(is_base64(content) || is_armour_header(content)) {
            break;
        }
        if !content.is_empty() {
            end = offset + length;
        }
        offset += length + 1;
    }
    end.min(text.len())
}

/// Whether a line is base64 (the key itself); an empty line is too.
fn is_base64(line: &str) -> bool {
    line.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

/// Whether a line is an armour header such as `Proc-Type: 4,ENCRYPTED` or `DEK-Info: AES-128-CBC,...`.
fn is_armour_header(line: &str) -> bool {
    line.split_once(": ").is_some_and(|(name, _)| {
        !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

/// `range` without the whitespace (and escaped `\n` of a JSON or YAML string) at either end.
fn trimmed(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let slice = &text[range.clone()];
    let start_trim = slice.len() - trim_start(slice).len();
    let rest = &slice[start_trim..];
    let kept = trim_end(rest).len();
    range.start + start_trim..range.start + start_trim + kept
}

/// `s` without leading whitespace and `\n` escapes.
fn trim_start(mut s: &str) -> &str {
    loop {
        let next = s.trim_start().trim_start_matches("\\n");
        if next.len() == s.len() {
            return s;
        }
        s = next;
    }
}

/// `s` without trailing whitespace and `\n` escapes.
fn trim_end(mut s: &str) -> &str {
    loop {
        let next = s.trim_end().trim_end_matches("\\n");
        if next.len() == s.len() {
            return s;
        }
        s = next;
    }
}

/// The largest char boundary of `text` at or before `index`.
fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bodies(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|f| &text[f.range]).collect()
    }

    #[test]
    fn the_body_of_a_block_is_the_secret() {
        let text = "key: |\n  -----BEGIN RSA PRIVATE KEY-----\n  MIIEpAIBAAKCAQEA\n  q1w2e3r4\n  -----END RSA PRIVATE KEY-----\nnext: 1\n";
        assert_eq!(bodies(text), ["MIIEpAIBAAKCAQEA\n  q1w2e3r4"]);
    }

    #[test]
    fn a_block_on_one_line_with_escaped_newlines() {
        let text = r#"{"key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----\n"}"#;
        assert_eq!(bodies(text), ["MIIEvQIBADANBg"]);
    }

    #[test]
    fn a_cut_block_runs_to_the_last_line_of_key_material() {
        let text = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nAAAABG5vbmUAAAAEbm9uZQ\n\nExited with code 1\n";
        assert_eq!(
            bodies(text),
            ["b3BlbnNzaC1rZXktdjEAAAAA\nAAAABG5vbmUAAAAEbm9uZQ"]
        );
    }

    #[test]
    fn an_encrypted_cut_block_keeps_its_headers_in_the_body() {
        let text = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,AB12\n\nMIIEpQIBAAKCAQEA\nnot key material here\n";
        assert_eq!(
            bodies(text),
            ["Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,AB12\n\nMIIEpQIBAAKCAQEA"]
        );
    }

    #[test]
    fn a_pgp_private_key_block() {
        let text = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF0\n-----END PGP PRIVATE KEY BLOCK-----\n";
        assert_eq!(bodies(text), ["lQOYBF0"]);
    }

    #[test]
    fn public_keys_and_certificates_are_not_secrets() {
        assert!(
            bodies("-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----\n").is_empty()
        );
        assert!(
            bodies("-----BEGIN CERTIFICATE-----\nMIID\n-----END CERTIFICATE-----\n").is_empty()
        );
        assert!(
            bodies("-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----").is_empty()
        );
    }

    #[test]
    fn many_unterminated_headers_are_each_read() {
        let text = "-----BEGIN PRIVATE KEY-----\nabc\n".repeat(3);
        assert_eq!(bodies(&text), ["abc", "abc", "abc"]);
    }
}
