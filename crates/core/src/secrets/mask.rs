//! Masking: the text with every secret value replaced by bullets.

use super::Secret;

/// What a secret value (or each line of a multi-line one) becomes: always eight bullets, so the mask
/// gives away nothing of the value's length.
pub const MASK: &str = "••••••••";

/// `text` with the value of every secret replaced by [`MASK`]; the key names, the quotes and every
/// line break stay, so the masked text has the same lines as the original.
///
/// `secrets` may come in any order; a secret that overlaps an earlier one, lies outside `text` or
/// does not fall on character boundaries is skipped rather than trusted.
pub fn mask(text: &str, secrets: &[Secret]) -> String {
    let mut ranges: Vec<_> = secrets
        .iter()
        .map(|s| s.range.clone())
        .filter(|r| {
            r.start < r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        })
        .collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for range in ranges {
        if range.start < copied {
            continue;
        }
        out.push_str(&text[copied..range.start]);
        mask_value(&text[range.clone()], &mut out);
        copied = range.end;
    }
    out.push_str(&text[copied..]);
    out
}

/// Writes the mask of one value: each of its lines (split on `\n`, keeping a `\r` before it) becomes
/// [`MASK`], empty lines stay empty.
fn mask_value(value: &str, out: &mut String) {
    for (index, line) in value.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let (content, carriage_return) = match line.strip_suffix('\r') {
            Some(content) => (content, "\r"),
            None => (line, ""),
        };
        if !content.trim().is_empty() {
            out.push_str(MASK);
        }
        out.push_str(carriage_return);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{find_secrets, SecretKind};
    use super::*;

    #[test]
    fn values_are_masked_and_keys_kept() {
        let text = "export DB_PASSWORD=hunter2x\nTOKEN: 'abc123def'\n";
        assert_eq!(
            mask(text, &find_secrets(text)),
            "export DB_PASSWORD=••••••••\nTOKEN: '••••••••'\n"
        );
    }

    #[test]
    fn a_private_key_keeps_its_line_count() {
        let text = "-----BEGIN RSA PRIVATE KEY-----\r\nMIIEpAIB\r\n\r\nq1w2e3r4\r\n-----END RSA PRIVATE KEY-----\r\n";
        let masked = mask(text, &find_secrets(text));
        assert_eq!(
            masked,
            "-----BEGIN RSA PRIVATE KEY-----\r\n••••••••\r\n\r\n••••••••\r\n-----END RSA PRIVATE KEY-----\r\n"
        );
        assert_eq!(masked.lines().count(), text.lines().count());
    }

    #[test]
    fn untrusted_ranges_are_skipped() {
        let text = "héllo";
        let bad = [
            Secret {
                kind: SecretKind::Password,
                range: 1..2,
                line: 1,
            },
            Secret {
                kind: SecretKind::Password,
                range: 3..99,
                line: 1,
            },
        ];
        assert_eq!(mask(text, &bad), text);
        let overlapping = [
            Secret {
                kind: SecretKind::Password,
                range: 0..3,
                line: 1,
            },
            Secret {
                kind: SecretKind::Password,
                range: 1..4,
                line: 1,
            },
        ];
        assert_eq!(mask(text, &overlapping), "••••••••llo");
    }
}
