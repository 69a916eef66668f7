//! French typography in the prose of the documentation: a no-break space before `:` `;` `!` `?`, the
//! typographic apostrophe `’`, and no-break spaces inside « guillemets ». Code, code blocks and URLs are
//! never touched: only the prose that [`super::render`] collects, and the `title` and `summary` values of the
//! front matter.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::front_matter::prose_value_ranges;
use super::render::parse;

/// A mistake of French typography.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypographyMistake {
    /// A plain space before `:`, `;`, `!` or `?` (the mark is given).
    PlainSpaceBefore(char),
    /// A straight apostrophe `'`.
    StraightApostrophe,
    /// A `«` not followed, or a `»` not preceded, by a no-break space (the mark is given).
    GuillemetSpacing(char),
}

impl std::fmt::Display for TypographyMistake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TypographyMistake::PlainSpaceBefore(mark) => write!(
                f,
                "plain space before `{mark}`: use a no-break space (U+00A0)"
            ),
            TypographyMistake::StraightApostrophe => write!(f, "straight apostrophe: use ’"),
            TypographyMistake::GuillemetSpacing(mark) => {
                write!(f, "`{mark}` needs a no-break space on its inner side")
            }
        }
    }
}

/// Whether `c` is a no-break space (U+00A0 or the narrow U+202F).
fn is_no_break(c: char) -> bool {
    c == '\u{a0}' || c == '\u{202f}'
}

/// The mistakes in a run of French prose, with their byte offsets in it.
pub fn french_mistakes(text: &str) -> Vec<(usize, TypographyMistake)> {
    let mut mistakes = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (index, &(at, c)) in chars.iter().enumerate() {
        let before = index.checked_sub(1).map(|i| chars[i].1);
        let after = chars.get(index + 1).map(|&(_, c)| c);
        match c {
            ':' | ';' | '!' | '?'
                if before.is_some_and(char::is_whitespace) && !before.is_some_and(is_no_break) =>
            {
                mistakes.push((at, TypographyMistake::PlainSpaceBefore(c)));
            }
            '\'' => mistakes.push((at, TypographyMistake::StraightApostrophe)),
            '«' if !after.is_some_and(is_no_break) => {
                mistakes.push((at, TypographyMistake::GuillemetSpacing(c)))
            }
            '»' if !before.is_some_and(is_no_break) => {
                mistakes.push((at, TypographyMistake::GuillemetSpacing(c)))
            }
            _ => {}
        }
    }
    mistakes
}

/// Fixes what can be fixed without doubt in a run of French prose: a plain space before `:` `;` `!` `?`
/// becomes a no-break space, an apostrophe after a letter and before a letter or the end of the run becomes
/// `’`, and the spaces inside
/// « guillemets » become no-break spaces (inserted where missing).
pub fn fix_french(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (index, &c) in chars.iter().enumerate() {
        let before = index.checked_sub(1).map(|i| chars[i]);
        let after = chars.get(index + 1).copied();
        match c {
            ' ' if after.is_some_and(|next| matches!(next, ':' | ';' | '!' | '?' | '»')) => {
                out.push('\u{a0}')
            }
            ' ' if before == Some('«') => out.push('\u{a0}'),
            // An elision: between two letters, or after an elided word at the end of a run, before code or
            // a link (`l'`run``).
            '\'' if before.is_some_and(char::is_alphabetic)
                && after.map_or_else(
                    || ends_with_elided_word(&chars[..index]),
                    char::is_alphabetic,
                ) =>
            {
                out.push('’')
            }
            '«' => {
                out.push(c);
                if after.is_some_and(|next| !next.is_whitespace()) {
                    out.push('\u{a0}');
                }
            }
            '»' => {
                if before.is_some_and(|previous| !previous.is_whitespace()) {
                    out.push('\u{a0}');
                }
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The French words that elide their vowel before another word (`l’`, `qu’`...).
const ELIDED_WORDS: [&str; 13] = [
    "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Whether `chars` ends with one of [`ELIDED_WORDS`], as a whole word.
fn ends_with_elided_word(chars: &[char]) -> bool {
    let start = chars
        .iter()
        .rposition(|c| !c.is_alphabetic())
        .map_or(0, |at| at + 1);
    let word: String = chars[start..].iter().collect::<String>().to_lowercase();
    ELIDED_WORDS.contains(&word.as_str())
}

/// Applies [`fix_french`] to the prose of a whole page source (front matter included): the title and
/// summary values and the text of the Markdown body, never code, code blocks, link destinations or HTML.
/// A line break before `:` `;` `!` `?` is replaced by a no-break space.
pub fn fix_french_source(source: &str) -> String {
    let mut ranges: Vec<Range<usize>> = prose_value_ranges(source);
    let body_start =
        super::front_matter::split_front_matter(source).map_or(0, |page| page.body_offset);
    let body = &source[body_start..];
    let mut replacements: Vec<(Range<usize>, String)> = Vec::new();
    let events: Vec<(Event<'_>, Range<usize>)> = parse(body).collect();
    let mut in_code = 0usize;
    let mut run: Option<Range<usize>> = None;
    for (index, (event, range)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)) => {
                in_code += 1
            }
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)) => {
                in_code = in_code.saturating_sub(1)
            }
            Event::Text(text) if in_code == 0 && &body[range.clone()] == text.as_ref() => {
                run = match run.take() {
                    Some(open) if open.end == range.start => Some(open.start..range.end),
                    Some(open) => {
                        ranges.push(body_start + open.start..body_start + open.end);
                        Some(range.clone())
                    }
                    None => Some(range.clone()),
                };
                continue;
            }
            Event::SoftBreak if in_code == 0 => {
                if let Some((Event::Text(next), next_range)) = events.get(index + 1) {
                    if next.starts_with([':', ';', '!', '?', '»']) {
                        replacements.push((
                            body_start + range.start..body_start + next_range.start,
                            "\u{a0}".to_owned(),
                        ));
                    }
                }
            }
            _ => {}
        }
        if let Some(open) = run.take() {
            ranges.push(body_start + open.start..body_start + open.end);
        }
    }
    if let Some(open) = run.take() {
        ranges.push(body_start + open.start..body_start + open.end);
    }
    for range in ranges {
        let fixed = fix_french(&source[range.clone()]);
        if fixed != source[range.clone()] {
            replacements.push((range, fixed));
        }
    }
    replacements.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(source.len() + 64);
    let mut at = 0;
    for (range, text) in replacements {
        if range.start < at {
            continue;
        }
        out.push_str(&source[at..range.start]);
        out.push_str(&text);
        at = range.end;
    }
    out.push_str(&source[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mistakes_are_found_with_their_offsets() {
        assert_eq!(
            french_mistakes("Voici : l'étape « cache »"),
            vec![
                (6, TypographyMistake::PlainSpaceBefore(':')),
                (9, TypographyMistake::StraightApostrophe),
                (17, TypographyMistake::GuillemetSpacing('«')),
                (26, TypographyMistake::GuillemetSpacing('»')),
            ]
        );
        assert!(french_mistakes("Voici\u{a0}: l’étape «\u{a0}cache\u{a0}» ; non").len() == 1);
        assert!(french_mistakes("Voici\u{a0}: l’étape «\u{a0}cache\u{a0}»\u{202f}!").is_empty());
    }

    #[test]
    fn prose_is_fixed_without_doubtful_changes() {
        assert_eq!(
            fix_french("Voici : l'étape « cache » ; 'x'"),
            "Voici\u{a0}: l’étape «\u{a0}cache\u{a0}»\u{a0}; 'x'"
        );
        assert_eq!(fix_french("«mot»"), "«\u{a0}mot\u{a0}»");
        assert_eq!(fix_french("dans l'"), "dans l’");
        assert_eq!(fix_french("jusqu'"), "jusqu’");
        assert_eq!(fix_french("la branche 'main'"), "la branche 'main'");
        assert!(french_mistakes(&fix_french("Et alors ? Oui ! l'eau")).is_empty());
    }

    #[test]
    fn sources_are_fixed_outside_code_and_urls() {
        let source = "---\nid: a\ntitle: \"L'étape : checkout\"\nsummary: Résumé.\norder: 1\n---\n\nTexte : `echo 'x' : y` et [l'aide](https://x.org/a'b).\nSuite\n! fin\n\n```shell\necho 'a' : b\n```\n";
        let fixed = fix_french_source(source);
        assert!(
            fixed.contains("title: \"L’étape\u{a0}: checkout\""),
            "{fixed}"
        );
        assert!(
            fixed.contains("Texte\u{a0}: `echo 'x' : y` et [l’aide](https://x.org/a'b)."),
            "{fixed}"
        );
        assert!(fixed.contains("Suite\u{a0}! fin"), "{fixed}");
        assert!(fixed.contains("echo 'a' : b\n"), "{fixed}");
        assert_eq!(
            fix_french_source(&fixed),
            fixed,
            "fixing twice changes nothing"
        );
    }
}
