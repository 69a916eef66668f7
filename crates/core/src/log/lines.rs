//! The visible lines of a log: what a terminal would show, with the styled spans of each line.
//!
//! 1. The input is split on `\n`; a `\r` just before it (CRLF) is part of the line end.
//! 2. A line holding other `\r`s was redrawn in place (progress bars): the last redraw that shows
//!    something wins, and the styles set by the earlier ones still apply after it.
//! 3. Escape sequences are removed; the SGR ones become [`StyledSpan`]s. A style carries over to the
//!    next lines until it is reset, as in a terminal.
//!
//! All the text lives in one `String` and all the spans in one `Vec`: a line is a pair of ranges, so
//! building a million lines allocates nothing per line. Plain lines (no escape, no `\r`) are copied as
//! they are.

use super::ansi::{apply_sgr, read_escape, Escape, Style, StyledSpan, ESC};
use super::progress::{Progress, BYTES_PER_REPORT};

/// Where one visible line sits in the shared buffers. The lines are back to back in both buffers:
/// each starts where the previous one ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LineEntry {
    text_start: usize,
    text_end: usize,
    spans_start: usize,
    spans_end: usize,
}

/// The visible lines of a log, each with its styled spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogLines {
    text: String,
    entries: Vec<LineEntry>,
    spans: Vec<StyledSpan>,
}

impl LogLines {
    /// Renders raw log text (escape sequences, `\r` redraws, CRLF) into visible lines.
    pub fn render(input: &str) -> Self {
        let mut builder = LinesBuilder::with_capacity(input.len());
        builder.push_text(input);
        builder.finish()
    }

    /// [`LogLines::render`], reporting its advance through the input to `progress` about every
    /// [`BYTES_PER_REPORT`] bytes (pieces end at a newline, so no line is split between two pieces).
    pub(crate) fn render_with_progress(input: &str, progress: &mut Progress<'_>) -> Self {
        let mut builder = LinesBuilder::with_capacity(input.len());
        let mut done = 0;
        while done < input.len() {
            let rest = &input[done..];
            let piece_end = if rest.len() <= BYTES_PER_REPORT {
                rest.len()
            } else {
                rest.as_bytes()[BYTES_PER_REPORT..]
                    .iter()
                    .position(|&byte| byte == b'\n')
                    .map_or(rest.len(), |offset| BYTES_PER_REPORT + offset + 1)
            };
            builder.push_text(&rest[..piece_end]);
            done += piece_end;
            progress.advance(done, input.len());
        }
        builder.finish()
    }

    /// How many lines there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no line at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The visible text of line `index` (0-based), empty past the end.
    pub fn text(&self, index: usize) -> &str {
        self.entries
            .get(index)
            .map_or("", |entry| &self.text[entry.text_start..entry.text_end])
    }

    /// The styled spans of line `index` (0-based): byte ranges into [`LogLines::text`]; empty for a
    /// line without styles.
    pub fn spans(&self, index: usize) -> &[StyledSpan] {
        self.entries
            .get(index)
            .map_or(&[], |entry| &self.spans[entry.spans_start..entry.spans_end])
    }

    /// The text of every line back to back, for `transfer` (see [`LinesAssembler`]).
    #[cfg(feature = "transfer")]
    pub(crate) fn text_buffer(&self) -> &str {
        &self.text
    }

    /// The spans of every line back to back, for `transfer`.
    #[cfg(feature = "transfer")]
    pub(crate) fn span_buffer(&self) -> &[StyledSpan] {
        &self.spans
    }

    /// How many bytes of text and how many spans each line has, in order, for `transfer`.
    #[cfg(feature = "transfer")]
    pub(crate) fn line_sizes(&self) -> impl ExactSizeIterator<Item = (usize, usize)> + '_ {
        self.entries.iter().map(|entry| {
            (
                entry.text_end - entry.text_start,
                entry.spans_end - entry.spans_start,
            )
        })
    }

    /// The visible text of every line, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator + '_ {
        self.entries
            .iter()
            .map(|entry| &self.text[entry.text_start..entry.text_end])
    }
}

/// Puts [`LogLines`] back together from the parts [`LogLines::text_buffer`], [`LogLines::line_sizes`]
/// and [`LogLines::span_buffer`] gave, a line at a time, for `transfer`. Read back from bytes, the
/// parts are not trusted: every line and span must fall inside the buffers, at character boundaries,
/// and the lines must use the buffers up exactly.
#[cfg(feature = "transfer")]
#[derive(Debug, Default)]
pub(crate) struct LinesAssembler {
    entries: Vec<LineEntry>,
    text_start: usize,
    spans_start: usize,
}

#[cfg(feature = "transfer")]
impl LinesAssembler {
    /// An assembler of `count` lines (the caller bounds it: it is reserved).
    pub(crate) fn with_capacity(count: usize) -> Self {
        Self {
            entries: Vec::with_capacity(count),
            ..Self::default()
        }
    }

    /// Adds the next line, of `text_len` bytes of `text` and `spans_len` of `spans`; `None` if it
    /// does not fit in them.
    pub(crate) fn push(
        &mut self,
        (text_len, spans_len): (usize, usize),
        text: &str,
        spans: &[StyledSpan],
    ) -> Option<()> {
        let (text_start, spans_start) = (self.text_start, self.spans_start);
        let text_end = text_start.checked_add(text_len)?;
        let spans_end = spans_start.checked_add(spans_len)?;
        let line = text.get(text_start..text_end)?;
        let spans_fit = spans.get(spans_start..spans_end)?.iter().all(|span| {
            span.start <= span.end
                && line.is_char_boundary(span.start as usize)
                && line.is_char_boundary(span.end as usize)
        });
        if !spans_fit {
            return None;
        }
        self.entries.push(LineEntry {
            text_start,
            text_end,
            spans_start,
            spans_end,
        });
        (self.text_start, self.spans_start) = (text_end, spans_end);
        Some(())
    }

    /// How many lines there are so far.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The lines over `text` and `spans`, which they must use up exactly.
    pub(crate) fn finish(self, text: String, spans: Vec<StyledSpan>) -> Option<LogLines> {
        let used_up = self.text_start == text.len() && self.spans_start == spans.len();
        used_up.then_some(LogLines {
            text,
            entries: self.entries,
            spans,
        })
    }
}

/// Builds [`LogLines`] from pieces of raw text.
#[derive(Debug, Default)]
pub(crate) struct LinesBuilder {
    lines: LogLines,
    style: Style,
    /// The last raw line pushed when it had no newline yet: it may continue in the next piece.
    open_line: Option<String>,
}

impl LinesBuilder {
    /// A builder that expects about `bytes` bytes of text.
    pub(crate) fn with_capacity(bytes: usize) -> Self {
        let mut builder = Self::default();
        builder.lines.text.reserve(bytes);
        builder.lines.entries.reserve(bytes / 48 + 1);
        builder
    }

    /// Adds raw text; a last line without `\n` stays open and continues with the next piece.
    pub(crate) fn push_text(&mut self, text: &str) {
        let mut rest = text;
        if let Some(mut open) = self.open_line.take() {
            match rest.find('\n') {
                Some(end) => {
                    open.push_str(&rest[..end]);
                    self.push_raw_line(&open);
                    rest = &rest[end + 1..];
                }
                None => {
                    open.push_str(rest);
                    self.open_line = Some(open);
                    return;
                }
            }
        }
        let mut pieces = rest.split('\n');
        let last = pieces.next_back().unwrap_or("");
        for raw in pieces {
            self.push_raw_line(raw);
        }
        if !last.is_empty() {
            self.open_line = Some(last.to_owned());
        }
    }

    /// Ends the line in progress, if any, as if a newline followed.
    pub(crate) fn end_line(&mut self) {
        if let Some(open) = self.open_line.take() {
            self.push_raw_line(&open);
        }
    }

    /// Returns the lines, closing the last one.
    pub(crate) fn finish(mut self) -> LogLines {
        self.end_line();
        self.lines
    }

    /// Renders one raw line (no `\n` inside) and appends it.
    fn push_raw_line(&mut self, raw: &str) {
        let raw = raw.trim_end_matches('\r');
        let text_start = self.lines.text.len();
        let spans_start = self.lines.spans.len();
        let bytes = raw.as_bytes();
        let needs_rendering = bytes.iter().any(|&byte| byte == ESC || byte == b'\r');
        if !needs_rendering {
            self.lines.text.push_str(raw);
            self.close_run(text_start, self.style);
        } else if !raw.contains('\r') {
            self.render_segment(raw, text_start, true);
        } else {
            let winner = raw
                .split('\r')
                .enumerate()
                .filter(|(_, segment)| has_visible_text(segment))
                .last()
                .map(|(position, _)| position);
            for (position, segment) in raw.split('\r').enumerate() {
                self.render_segment(segment, text_start, Some(position) == winner);
            }
        }
        self.lines.entries.push(LineEntry {
            text_start,
            text_end: self.lines.text.len(),
            spans_start,
            spans_end: self.lines.spans.len(),
        });
    }

    /// Applies a segment's styles and, when `shown`, appends its visible text with spans.
    fn render_segment(&mut self, segment: &str, line_start: usize, shown: bool) {
        let bytes = segment.as_bytes();
        let mut index = 0;
        let mut run_start = 0;
        while index < bytes.len() {
            if bytes[index] != ESC {
                index += 1;
                continue;
            }
            if shown && run_start < index {
                self.push_run(&segment[run_start..index], line_start);
            }
            let (escape, end) = read_escape(bytes, index);
            if let Escape::Sgr(params) = escape {
                apply_sgr(params, &mut self.style);
            }
            index = end;
            run_start = end;
        }
        if shown && run_start < bytes.len() {
            self.push_run(&segment[run_start..], line_start);
        }
    }

    /// Appends visible text in the current style.
    fn push_run(&mut self, text: &str, line_start: usize) {
        let start = self.lines.text.len();
        self.lines.text.push_str(text);
        self.close_run_from(start, line_start, self.style);
    }

    /// Records a span over the whole line just pushed when a style is in force.
    fn close_run(&mut self, line_start: usize, style: Style) {
        self.close_run_from(line_start, line_start, style);
    }

    /// Records a span for the text from `start` to the end of the buffer, merging with the previous
    /// span of the same line when it touches it and looks the same.
    fn close_run_from(&mut self, start: usize, line_start: usize, style: Style) {
        let end = self.lines.text.len();
        if style.is_plain() || start == end {
            return;
        }
        let offset = |position: usize| u32::try_from(position - line_start).unwrap_or(u32::MAX);
        let (start, end) = (offset(start), offset(end));
        let line_spans_start = self.lines.entries.last().map_or(0, |entry| entry.spans_end);
        let has_span_in_line = self.lines.spans.len() > line_spans_start;
        if let Some(previous) = self.lines.spans.last_mut().filter(|_| has_span_in_line) {
            if previous.end == start && previous.style == style {
                previous.end = end;
                return;
            }
        }
        self.lines.spans.push(StyledSpan { start, end, style });
    }
}

/// Whether a redraw segment shows any character once its escape sequences are removed.
fn has_visible_text(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == ESC {
            index = read_escape(bytes, index).1;
        } else {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::ansi::Color;

    fn texts(lines: &LogLines) -> Vec<&str> {
        lines.iter().collect()
    }

    #[test]
    fn lines_split_on_newlines_and_crlf() {
        let lines = LogLines::render("one\r\ntwo\nthree");
        assert_eq!(texts(&lines), ["one", "two", "three"]);
        assert_eq!(LogLines::render("a\n").len(), 1);
        assert_eq!(LogLines::render("").len(), 0);
        assert_eq!(texts(&LogLines::render("\n\n")), ["", ""]);
    }

    #[test]
    fn carriage_returns_keep_the_last_redraw() {
        let lines = LogLines::render("10%\r50%\r100% done\r\nnext\n");
        assert_eq!(texts(&lines), ["100% done", "next"]);
        let erased = LogLines::render("progress 99%\r\x1b[K");
        assert_eq!(texts(&erased), ["progress 99%"]);
    }

    #[test]
    fn colours_become_spans() {
        let lines = LogLines::render("\x1b[1;31mError:\x1b[0m bad thing\nplain");
        assert_eq!(lines.text(0), "Error: bad thing");
        let spans = lines.spans(0);
        assert_eq!(spans.len(), 1);
        assert_eq!((spans[0].start, spans[0].end), (0, 6));
        assert_eq!(spans[0].style.fg, Some(Color::Indexed { index: 1 }));
        assert!(spans[0].style.bold);
        assert!(lines.spans(1).is_empty());
    }

    #[test]
    fn a_style_carries_over_to_the_next_line() {
        let lines = LogLines::render("\x1b[32mgreen\nstill green\x1b[0m\nplain");
        assert_eq!(lines.spans(1).len(), 1);
        assert_eq!(lines.spans(1)[0].end, 11);
        assert!(lines.spans(2).is_empty());
    }

    #[test]
    fn other_sequences_are_dropped_and_link_text_kept() {
        let lines = LogLines::render(
            "\x1b]0;title\x07\x1b[2J\x1b[1;1H\x1b]8;;https://x.y\x1b\\the link\x1b]8;;\x1b\\ end",
        );
        assert_eq!(lines.text(0), "the link end");
        assert!(lines.spans(0).is_empty());
    }

    #[test]
    fn truncated_sequences_are_dropped_safely() {
        for input in [
            "abc\x1b",
            "abc\x1b[",
            "abc\x1b[38;5",
            "abc\x1b]8;;http",
            "abc\x1b(",
            "é\x1b(é",
        ] {
            let lines = LogLines::render(input);
            assert!(
                lines.text(0).starts_with("abc") || lines.text(0).starts_with('é'),
                "{input:?}"
            );
        }
    }

    #[test]
    fn pieces_join_into_lines() {
        let mut builder = LinesBuilder::with_capacity(0);
        builder.push_text("hel");
        builder.push_text("lo\nwor");
        builder.push_text("ld");
        builder.end_line();
        builder.push_text("next\n");
        assert_eq!(texts(&builder.finish()), ["hello", "world", "next"]);
    }
}
