//! Text made safe to show: cut to a length a person can read (a title in a box, a log line quoted as
//! evidence), or escaped for HTML.

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

/// `text` with the characters that mean something in HTML escaped, for content and attribute values;
/// control characters other than tabs and line ends become U+FFFD (they have no business in a page).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
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
    fn html_is_escaped_and_control_characters_replaced() {
        assert_eq!(
            escape_html("<a href=\"x\">Tom & Jerry's</a>\u{1b}[31m\tok\n"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;\u{fffd}[31m\tok\n"
        );
    }

    #[test]
    fn an_excerpt_of_a_huge_line_is_bounded() {
        let line = format!("  {}  ", "é".repeat(1_000_000));
        let cut = excerpt(&line);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS);
        assert!(cut.starts_with('é') && cut.ends_with('…'));
    }
}
