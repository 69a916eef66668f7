//! Places in the pasted text: 1-based lines and columns plus byte offsets.

use serde::Serialize;

/// A range of the pasted text.
///
/// Lines and columns are 1-based and count characters; `start` and `end` are byte offsets into the
/// text, so `&text[span.start..span.end]` is the spanned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Span {
    /// The line where the range starts (1-based).
    pub line: usize,
    /// The column where the range starts (1-based, in characters).
    pub column: usize,
    /// The line where the range ends (1-based).
    pub end_line: usize,
    /// The column just after the range (1-based, in characters).
    pub end_column: usize,
    /// The byte offset where the range starts.
    pub start: usize,
    /// The byte offset just after the range.
    pub end: usize,
}

impl Span {
    /// The smallest span that covers both `self` and `other`.
    #[must_use]
    pub fn to(self, other: Span) -> Span {
        let (first, last) = if self.start <= other.start {
            (self, other)
        } else {
            (other, self)
        };
        let end = if first.end >= last.end { first } else { last };
        Span {
            line: first.line,
            column: first.column,
            end_line: end.end_line,
            end_column: end.end_column,
            start: first.start,
            end: end.end,
        }
    }

    /// A sub-range of a single-line span, from byte `from` to byte `to` relative to its start.
    ///
    /// Used for pieces of a plain or quoted scalar (a template, a pipeline value); when the span does
    /// not hold exactly `text` on one line (a folded or escaped scalar), the whole span is returned.
    #[must_use]
    pub fn slice(self, source: &str, text: &str, from: usize, to: usize) -> Span {
        let Some(found) = source.get(self.start..self.end) else {
            return self;
        };
        let Some(offset) = found.find(text) else {
            return self;
        };
        if text.contains('\n') || from > to || to > text.len() {
            return self;
        }
        let (Some(before), Some(piece)) = (text.get(..from), text.get(from..to)) else {
            return self;
        };
        let column = self.column + found[..offset].chars().count() + before.chars().count();
        Span {
            line: self.line,
            column,
            end_line: self.line,
            end_column: column + piece.chars().count(),
            start: self.start + offset + from,
            end: self.start + offset + to,
        }
    }
}

impl Span {
    /// The first occurrence of `needle` written inside this span, on one line; `None` if absent.
    ///
    /// Works for every scalar style, since a needle without line breaks or escapes is written
    /// verbatim in the source even inside a block scalar.
    #[must_use]
    pub fn find(self, source: &str, needle: &str) -> Option<Span> {
        let region = source.get(self.start..self.end)?;
        let offset = region.find(needle)?;
        let before = &region[..offset];
        let newlines = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = if newlines == 0 {
            self.column + before.chars().count()
        } else {
            before[line_start..].chars().count() + 1
        };
        let line = self.line + newlines;
        Some(Span {
            line,
            column,
            end_line: line,
            end_column: column + needle.chars().count(),
            start: self.start + offset,
            end: self.start + offset + needle.len(),
        })
    }
}

/// Converts the parser's character positions into byte offsets.
#[derive(Debug)]
pub(crate) struct CharToByte {
    /// Byte offset of each character, or empty when the text is ASCII (then both are equal).
    offsets: Vec<usize>,
    len: usize,
}

impl CharToByte {
    /// Indexes `text`; costs nothing for ASCII text.
    pub(crate) fn new(text: &str) -> Self {
        let offsets = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().map(|(i, _)| i).collect()
        };
        Self {
            offsets,
            len: text.len(),
        }
    }

    /// The byte offset of the character at `index` (the end of the text past the last character).
    pub(crate) fn byte(&self, index: usize) -> usize {
        if self.offsets.is_empty() {
            index.min(self.len)
        } else {
            self.offsets.get(index).copied().unwrap_or(self.len)
        }
    }
}
