//! Text cut to a length a person can read: a title in a box, a log line quoted as evidence.

use std::borrow::Cow;

/// The most characters of a log line quoted as evidence (a summary, a fact, a copied comment): a
/// minified bundle or a progress bar can print megabytes on one line.
pub const EXCERPT_CHARS: usize = 500;

/// `text` cut to at most `max` characters, the last one an ellipsis when it was cut; never splits a
/// character.
pub fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some(_) => {
            let keep = max.saturating_sub(1);
            let cut = text
                .char_indices()
                .nth(keep)
                .map_or(text.len(), |(at, _)| at);
            Cow::Owned(format!("{}…", &text[..cut]))
        }
    }
}

/// A log line as evidence: trimmed, and cut to [`EXCERPT_CHARS`] characters.
pub fn excerpt(line: &str) -> Cow<'_, str> {
    shorten(line.trim(), EXCERPT_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_whole() {
        assert_eq!(shorten("checkout", 8), "checkout");
        assert!(matches!(shorten("checkout", 8), Cow::Borrowed(_)));
    }

    #[test]
    fn long_text_ends_with_an_ellipsis_within_the_limit() {
        assert_eq!(shorten("checkout", 5), "chec…");
        assert_eq!(shorten("étéétéété", 4), "été…");
        assert_eq!(shorten("abc", 0), "…");
    }

    #[test]
    fn an_excerpt_of_a_huge_line_is_bounded() {
        let line = format!("  {}  ", "é".repeat(1_000_000));
        let cut = excerpt(&line);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS);
        assert!(cut.starts_with('é') && cut.ends_with('…'));
    }
}
