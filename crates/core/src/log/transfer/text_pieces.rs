//! The visible text of a log described against the raw text it came from, so that it need not be sent.
//!
//! The page that receives a report already holds the raw log it pasted, and the visible text is that
//! log with bytes left out (escape sequences, line ends, the overwritten parts of `\r` redraws) and, for
//! API JSON, a few characters decoded. So the text goes as [`Piece`]s: "copy these bytes of the raw
//! text", or, for what the raw text does not hold, the characters themselves. For the generated 100 MB
//! log that is about three pieces per line instead of the 96 MB of text.
//!
//! [`describe`] finds the pieces greedily: it copies the longest run the two texts share, then skips
//! an escape sequence or looks a little further in the raw text for where the visible text resumes.
//! Whatever it finds, the pieces rebuild the text exactly (they only ever copy equal bytes), and its
//! work is linear in the length of both texts: looking ahead has a budget proportional to the text.
//! Every piece starts and ends at a character boundary, which [`TextBuilder::push`] checks.

use std::ops::Range;

use memchr::{memchr, memmem};

use crate::log::ansi::{read_escape, ESC};
use crate::log::LogLines;

/// One part of the visible text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    /// The next `len` bytes of the raw text, `skip` bytes after where the previous copy ended (or
    /// after its start, for the first).
    Copy {
        /// Bytes of the raw text left out before this copy.
        skip: usize,
        /// Bytes copied.
        len: usize,
    },
    /// Characters the raw text does not hold at that place.
    Literal(&'a str),
}

/// How far past the current place [`describe`] looks in the raw text for where the visible text
/// resumes: longer than any escape sequence, and than most progress redraws.
const LOOK_AHEAD: usize = 16 * 1024;

/// How many bytes must match for [`describe`] to resume there: a single byte would also match inside
/// escape sequences (`\x1b[31m` before a `3`), which is correct but gives more pieces.
const RESUME_MATCH: usize = 4;

/// The pieces that rebuild the text of `lines` from `source`, the raw text they were rendered from.
///
/// With `by_line` (text input: line `n` was rendered from raw line `n`), each line is looked for in its
/// own raw line, so that a line the search misses costs that line only, and a line equal to its raw
/// line is one copy found without searching. Otherwise (API JSON, whose lines are the output it
/// carries) the whole text is looked for in the whole source.
pub(super) fn describe<'a>(lines: &'a LogLines, source: &str, by_line: bool) -> Vec<Piece<'a>> {
    let text = lines.text_buffer();
    let mut describer = Describer::new(text, source);
    if by_line {
        let (mut at, mut line_start) = (0, 0);
        for (line_len, _) in lines.line_sizes() {
            line_start = describer.describe_line(at..at + line_len, line_start);
            at += line_len;
        }
    } else {
        describer.describe(0..text.len(), 0..source.len());
    }
    describer.finish()
}

/// The state of [`describe`]: the pieces so far, and how far it has copied.
struct Describer<'a, 's> {
    text: &'a str,
    raw: &'s [u8],
    pieces: Vec<Piece<'a>>,
    /// Where the last copy ended in the raw text.
    copied_to: usize,
    /// Where the literal in progress started in the text.
    literal_from: Option<usize>,
    /// Bytes of the raw text that looking ahead may still read: linear in the input whatever it holds.
    budget: usize,
}

impl<'a, 's> Describer<'a, 's> {
    fn new(text: &'a str, source: &'s str) -> Self {
        Self {
            text,
            raw: source.as_bytes(),
            pieces: Vec::new(),
            copied_to: 0,
            literal_from: None,
            budget: 2 * source.len() + 2 * text.len() + LOOK_AHEAD,
        }
    }

    /// Adds the pieces of line `text[visible]`, rendered from the raw line at `line_start`, and
    /// returns where the next raw line starts.
    fn describe_line(&mut self, visible: Range<usize>, line_start: usize) -> usize {
        let line_start = line_start.min(self.raw.len());
        let line = &self.text.as_bytes()[visible.clone()];
        // A plain line: its text, then `\r`s, then the end of the line.
        if common_length(line, &self.raw[line_start..]) == line.len() {
            let after = line_start + line.len();
            let line_end = after
                + self.raw[after..]
                    .iter()
                    .take_while(|&&byte| byte == b'\r')
                    .count();
            if self.raw.get(line_end).is_none_or(|&byte| byte == b'\n') {
                self.copy(visible.start, line_start, line.len());
                return line_end + 1;
            }
        }
        let line_end =
            memchr(b'\n', &self.raw[line_start..]).map_or(self.raw.len(), |end| line_start + end);
        self.describe(visible, line_start..line_end);
        line_end + 1
    }

    /// Adds the pieces of `text[visible]`, looked for in `raw[raw]`, which starts at or after the
    /// end of the last copy and at a character boundary.
    fn describe(&mut self, visible: Range<usize>, raw: Range<usize>) {
        let (mut at, mut cursor) = (visible.start, raw.start);
        while at < visible.end {
            let shared = shared_prefix(self.text, at..visible.end, &self.raw[cursor..raw.end]);
            if shared > 0 {
                self.copy(at, cursor, shared);
                at += shared;
                cursor += shared;
                continue;
            }
            // What the renderer leaves out most: escape sequences, skipped in one step.
            if self.raw.get(cursor) == Some(&ESC) {
                cursor = read_escape(&self.raw[..raw.end], cursor).1;
                continue;
            }
            match self.resume(at..visible.end, cursor, raw.end) {
                Some(found) => cursor = found,
                None => {
                    self.literal_from.get_or_insert(at);
                    at += self.text[at..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
    }

    /// Where, after `cursor` and before `end`, the raw text holds the start of `text[visible]`,
    /// tried in this order, each within [`LOOK_AHEAD`] bytes and the budget:
    ///
    /// 1. the next [`RESUME_MATCH`] bytes, just after `cursor`;
    /// 2. the next character alone (a coloured `✓` between two escapes), just after `cursor`;
    /// 3. the next [`RESUME_MATCH`] bytes, before `end`: the shown part of a long `\r` redraw is its
    ///    last one.
    fn resume(&mut self, visible: Range<usize>, cursor: usize, end: usize) -> Option<usize> {
        let rest = &self.text.as_bytes()[visible.clone()];
        let next_char = self.text[visible].chars().next().map_or(1, char::len_utf8);
        let tail = end.saturating_sub(LOOK_AHEAD).max(cursor + 1);
        let tries = [
            (&rest[..rest.len().min(RESUME_MATCH)], cursor + 1),
            (&rest[..next_char], cursor + 1),
            (&rest[..rest.len().min(RESUME_MATCH)], tail),
        ];
        for (needle, from) in tries {
            let window = LOOK_AHEAD.min(self.budget);
            let until = end.min(from.saturating_add(window));
            let found = find(needle, &self.raw[..until], from);
            self.budget -= found.unwrap_or(until).saturating_sub(from).min(self.budget);
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// Adds a copy of `len` bytes from `cursor` in the raw text, for the text at `at`.
    fn copy(&mut self, at: usize, cursor: usize, len: usize) {
        if let Some(from) = self.literal_from.take() {
            self.pieces.push(Piece::Literal(&self.text[from..at]));
        }
        if len > 0 {
            self.pieces.push(Piece::Copy {
                skip: cursor - self.copied_to,
                len,
            });
            self.copied_to = cursor + len;
        }
    }

    /// The pieces, the literal in progress closed.
    fn finish(mut self) -> Vec<Piece<'a>> {
        if let Some(from) = self.literal_from {
            self.pieces.push(Piece::Literal(&self.text[from..]));
        }
        self.pieces
    }
}

/// How many bytes `text[visible]` shares with the start of `raw`, cut back to a character boundary.
fn shared_prefix(text: &str, visible: Range<usize>, raw: &[u8]) -> usize {
    let at = visible.start;
    let mut shared = common_length(&text.as_bytes()[visible], raw);
    while !text.is_char_boundary(at + shared) {
        shared -= 1;
    }
    shared
}

/// How many bytes `left` and `right` have in common at their start: sixteen at a time, as the common
/// case is a whole line in common.
fn common_length(left: &[u8], right: &[u8]) -> usize {
    let mut common = 0;
    while let (Some(left_block), Some(right_block)) = (
        left[common..].first_chunk::<16>(),
        right[common..].first_chunk::<16>(),
    ) {
        let differing = u128::from_le_bytes(*left_block) ^ u128::from_le_bytes(*right_block);
        if differing != 0 {
            return common + differing.trailing_zeros() as usize / 8;
        }
        common += 16;
    }
    common
        + left[common..]
            .iter()
            .zip(&right[common..])
            .take_while(|(left, right)| left == right)
            .count()
}

/// The first place at or after `from` where `raw` starts with `needle`, which starts at a character
/// boundary: so does the place found.
fn find(needle: &[u8], raw: &[u8], from: usize) -> Option<usize> {
    memmem::find(raw.get(from..)?, needle).map(|place| from + place)
}

/// Rebuilds the text [`describe`] described, a piece at a time.
pub(super) struct TextBuilder {
    text: String,
    /// Where the last copy ended in the source.
    cursor: usize,
}

impl TextBuilder {
    /// A builder of a text of `len` bytes (the caller bounds it: it is reserved).
    pub(super) fn with_capacity(len: usize) -> Self {
        Self {
            text: String::with_capacity(len),
            cursor: 0,
        }
    }

    /// Appends `piece`, copied from `source`; `None` if it points outside the source or inside a
    /// character. Copies only go forward, so the text is at most the source plus the literals.
    pub(super) fn push(&mut self, piece: Piece<'_>, source: &str) -> Option<()> {
        match piece {
            Piece::Copy { skip, len } => {
                let start = self.cursor.checked_add(skip)?;
                let end = start.checked_add(len)?;
                self.text.push_str(source.get(start..end)?);
                self.cursor = end;
            }
            Piece::Literal(literal) => self.text.push_str(literal),
        }
        Some(())
    }

    /// The text so far.
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// The text.
    pub(super) fn finish(self) -> String {
        self.text
    }
}

/// The text `pieces` describe, copied from `source`; `None` if a piece points outside the source or
/// inside a character.
#[cfg(test)]
fn rebuild(pieces: &[Piece<'_>], source: &str) -> Option<String> {
    let mut builder = TextBuilder::with_capacity(0);
    for piece in pieces {
        builder.push(*piece, source)?;
    }
    Some(builder.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::parse_log;

    /// The pieces of the whole of `text` looked for in the whole of `source`, checked to rebuild it.
    fn text_round_trip<'a>(text: &'a str, source: &str) -> Vec<Piece<'a>> {
        let mut describer = Describer::new(text, source);
        describer.describe(0..text.len(), 0..source.len());
        let pieces = describer.finish();
        assert_eq!(
            rebuild(&pieces, source).as_deref(),
            Some(text),
            "{source:?}"
        );
        pieces
    }

    /// The pieces of the lines of `source` as the parser renders them, checked to rebuild them.
    fn lines_round_trip(source: &str) -> Vec<Piece<'static>> {
        let lines = parse_log(source).lines;
        let pieces = describe(&lines, source, !source.starts_with('['));
        let rebuilt = rebuild(&pieces, source);
        assert_eq!(rebuilt.as_deref(), Some(lines.text_buffer()), "{source:?}");
        // Owned copies of the literals, so that the lines can go.
        pieces
            .into_iter()
            .map(|piece| match piece {
                Piece::Copy { skip, len } => Piece::Copy { skip, len },
                Piece::Literal(text) => Piece::Literal(String::leak(text.to_owned())),
            })
            .collect()
    }

    #[test]
    fn plain_lines_are_one_copy_each() {
        let pieces = lines_round_trip("first line\nsecond line\r\nthird");
        assert_eq!(
            pieces,
            [
                Piece::Copy { skip: 0, len: 10 },
                Piece::Copy { skip: 1, len: 11 },
                Piece::Copy { skip: 2, len: 5 },
            ]
        );
    }

    #[test]
    fn escapes_and_redraws_are_skipped_not_sent() {
        let redraws: String = (0..=2000)
            .map(|percent| format!("{percent}/2000\r"))
            .collect();
        let source = format!(
            "\x1b[1;31m31 failed\x1b[0m in 3s\n10%\r50%\r100% done\n{redraws}\x1b[32mdone\x1b[0m\n"
        );
        let pieces = lines_round_trip(&source);
        assert!(
            pieces
                .iter()
                .all(|piece| matches!(piece, Piece::Copy { .. })),
            "{pieces:?}"
        );
    }

    #[test]
    fn what_the_source_lacks_goes_as_literals() {
        let pieces = text_round_trip("café au lait", "caf\\u00e9 au lait");
        assert!(pieces.contains(&Piece::Literal("é")));
        text_round_trip("ééé", "èèè");
        text_round_trip("anything", "");
        text_round_trip("", "source");
    }

    #[test]
    fn a_line_the_search_misses_costs_that_line_only() {
        // A redraw whose shown part is further than the look-ahead: sent as a literal, and the next
        // line is found again in its own raw line.
        let far = format!("{}\rshown\nnext line\n", "x".repeat(LOOK_AHEAD + 10));
        let pieces = lines_round_trip(&far);
        assert_eq!(pieces.last(), Some(&Piece::Copy { skip: 1, len: 9 }));
    }

    #[test]
    fn the_sample_logs_and_api_json_rebuild_exactly() {
        let mut sources: Vec<String> = super::super::tests::sample_logs()
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        sources.push(include_str!("../../../../../samples/seed-build-and-test.log").to_owned());
        sources.push(
            r#"[{"message":"caf\u00e9 \u001b[32mok\u001b[0m\r\nnext\n","type":"out"}]"#.to_owned(),
        );
        for source in &sources {
            lines_round_trip(source);
        }
    }

    #[test]
    fn pieces_pointing_outside_or_inside_a_character_are_refused() {
        let source = "é and more";
        assert_eq!(rebuild(&[Piece::Copy { skip: 0, len: 1 }], source), None);
        assert_eq!(rebuild(&[Piece::Copy { skip: 12, len: 0 }], source), None);
        assert_eq!(
            rebuild(
                &[Piece::Copy {
                    skip: usize::MAX,
                    len: 2
                }],
                source
            ),
            None
        );
        assert_eq!(
            rebuild(
                &[Piece::Copy {
                    skip: 0,
                    len: usize::MAX
                }],
                source
            ),
            None
        );
        assert_eq!(
            rebuild(&[Piece::Copy { skip: 2, len: 4 }], source).as_deref(),
            Some(" and")
        );
    }

    #[test]
    fn text_with_nothing_in_common_costs_a_bounded_look_ahead() {
        // Every character is a literal: without the budget, each would scan the whole window.
        let source = "x".repeat(100_000);
        let text = "y".repeat(100_000);
        assert_eq!(
            text_round_trip(&text, &source),
            [Piece::Literal(text.as_str())]
        );
    }
}
