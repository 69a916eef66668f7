//! Secrets as a flat list of numbers, the shape the log worker posts them in (a `Uint32Array`): four
//! numbers per secret — the kind's index in [`SecretKind::ALL`], the line, the start and the end byte.

use super::{Secret, SecretKind};

/// How many numbers one secret takes.
const WORDS_PER_SECRET: usize = 4;

/// The secrets as numbers; `None` if an offset does not fit in 32 bits (a text over 4 GB).
pub fn secrets_to_words(secrets: &[Secret]) -> Option<Vec<u32>> {
    let mut words = Vec::with_capacity(secrets.len() * WORDS_PER_SECRET);
    for secret in secrets {
        let kind = SecretKind::ALL
            .iter()
            .position(|&kind| kind == secret.kind)?;
        for number in [kind, secret.line, secret.range.start, secret.range.end] {
            words.push(u32::try_from(number).ok()?);
        }
    }
    Some(words)
}

/// The secrets read back from numbers, checked against the `text` they were found in: `None` if the
/// numbers do not describe secrets of that text (an unknown kind, a range outside it or not on
/// character boundaries, a count that is not a multiple of four).
pub fn secrets_from_words(words: &[u32], text: &str) -> Option<Vec<Secret>> {
    if words.len() % WORDS_PER_SECRET != 0 {
        return None;
    }
    words
        .chunks_exact(WORDS_PER_SECRET)
        .map(|secret| {
            let [kind, line, start, end] = [0, 1, 2, 3].map(|i| secret[i] as usize);
            let kind = *SecretKind::ALL.get(kind)?;
            let fits = start < end && text.get(start..end).is_some();
            (fits && line >= 1).then_some(Secret {
                kind,
                range: start..end,
                line,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::find_secrets;

    const TEXT: &str =
        "Run deploy\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPL3\né password=hunter2xyz\n";

    #[test]
    fn secrets_survive_the_round_trip() {
        let found = find_secrets(TEXT);
        assert_eq!(found.len(), 2, "{found:?}");
        let words = secrets_to_words(&found).unwrap_or_default();
        assert_eq!(words.len(), 8);
        assert_eq!(secrets_from_words(&words, TEXT), Some(found));
        assert_eq!(secrets_from_words(&[], TEXT), Some(Vec::new()));
    }

    #[test]
    fn numbers_that_do_not_fit_the_text_are_refused() {
        let found = find_secrets(TEXT);
        let words = secrets_to_words(&found).unwrap_or_default();
        assert_eq!(secrets_from_words(&words[..7], TEXT), None, "a cut list");
        let mut unknown = words.clone();
        unknown[0] = 99;
        assert_eq!(secrets_from_words(&unknown, TEXT), None, "an unknown kind");
        let mut outside = words.clone();
        outside[7] = TEXT.len() as u32 + 1;
        assert_eq!(secrets_from_words(&outside, TEXT), None, "past the end");
        let inside_e_acute = TEXT.find('é').unwrap_or_default() as u32 + 1;
        let mut split = words.clone();
        split[6] = inside_e_acute;
        assert_eq!(secrets_from_words(&split, TEXT), None, "inside a character");
        let mut line_zero = words;
        line_zero[1] = 0;
        assert_eq!(secrets_from_words(&line_zero, TEXT), None, "line 0");
    }
}
