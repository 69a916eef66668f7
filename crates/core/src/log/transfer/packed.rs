//! The three long lists of a report (pieces of text, line sizes, styled spans) as plain bytes.
//!
//! A 100 MB log has millions of them. Through serde, each item is a few calls per field on the page's
//! thread, in a module built for size, and serde's `Vec` grows by doubling (it does not trust a length
//! read from the input): 0.3 s of the page's 0.8 s task when the report arrived. Here each list is one
//! byte string in the postcard message, written and read by the loops below: LEB128 varints, and a
//! flags byte per style. Reading never trusts a count beyond what the bytes can hold.

use super::text_pieces::Piece;
use crate::log::ansi::{Color, Style, StyledSpan};

/// Appends `value` as an unsigned LEB128 varint.
fn push_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads bytes written by the `pack_*` functions; every read is `None` past the end or on a varint
/// that does not fit.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// A reader of `bytes` at `at`, where an earlier reader stopped ([`Reader::position`]).
    pub(super) fn resume(bytes: &'a [u8], at: usize) -> Self {
        Self {
            bytes,
            at: at.min(bytes.len()),
        }
    }

    /// How many bytes have been read.
    pub(super) fn position(&self) -> usize {
        self.at
    }

    /// Whether every byte has been read.
    pub(super) fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }

    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    /// The next varint.
    pub(super) fn varint(&mut self) -> Option<usize> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return usize::try_from(value).ok();
            }
        }
        None
    }
}

/// The pieces of text: a copy as `skip << 1` then `len`, a literal as `len << 1 | 1` (its characters
/// go, back to back, in the returned string).
pub(super) fn pack_pieces<'a>(pieces: &[Piece<'a>]) -> (Vec<u8>, String) {
    let mut out = Vec::with_capacity(pieces.len() * 3);
    let mut literals = String::new();
    for piece in pieces {
        match piece {
            Piece::Copy { skip, len } => {
                push_varint(&mut out, (*skip as u64) << 1);
                push_varint(&mut out, *len as u64);
            }
            Piece::Literal(text) => {
                push_varint(&mut out, ((text.len() as u64) << 1) | 1);
                literals.push_str(text);
            }
        }
    }
    (out, literals)
}

/// The next piece [`pack_pieces`] wrote, a literal borrowed from `literals` at `literal_at` (which it
/// moves on); `None` if the bytes or the literals do not fit together.
pub(super) fn read_piece<'l>(
    reader: &mut Reader<'_>,
    literals: &'l str,
    literal_at: &mut usize,
) -> Option<Piece<'l>> {
    let head = reader.varint()?;
    if head & 1 == 0 {
        let len = reader.varint()?;
        Some(Piece::Copy {
            skip: head >> 1,
            len,
        })
    } else {
        let end = literal_at.checked_add(head >> 1)?;
        let literal = literals.get(*literal_at..end)?;
        *literal_at = end;
        Some(Piece::Literal(literal))
    }
}

/// Each line's text length and span count, as two varints.
pub(super) fn pack_sizes(sizes: impl ExactSizeIterator<Item = (usize, usize)>) -> Vec<u8> {
    let mut out = Vec::with_capacity(sizes.len() * 3);
    for (text_len, spans_len) in sizes {
        push_varint(&mut out, text_len as u64);
        push_varint(&mut out, spans_len as u64);
    }
    out
}

/// The next size [`pack_sizes`] wrote. Each takes two bytes at least, so `bytes` holds at most half
/// as many.
pub(super) fn read_size(reader: &mut Reader<'_>) -> Option<(usize, usize)> {
    Some((reader.varint()?, reader.varint()?))
}

/// Style flags: the four attributes, then two bits of colour kind each for the text and the background.
const BOLD: u8 = 1;
const DIM: u8 = 1 << 1;
const ITALIC: u8 = 1 << 2;
const UNDERLINE: u8 = 1 << 3;
const FG_SHIFT: u8 = 4;
const BG_SHIFT: u8 = 6;
const NO_COLOR: u8 = 0;
const INDEXED: u8 = 1;
const RGB: u8 = 2;

/// The spans: start and length as varints, a flags byte, then each colour's one or three bytes.
pub(super) fn pack_spans(spans: &[StyledSpan]) -> Vec<u8> {
    let mut out = Vec::with_capacity(spans.len() * 4);
    for span in spans {
        push_varint(&mut out, u64::from(span.start));
        push_varint(&mut out, u64::from(span.end.saturating_sub(span.start)));
        let style = &span.style;
        let attributes = [
            (style.bold, BOLD),
            (style.dim, DIM),
            (style.italic, ITALIC),
            (style.underline, UNDERLINE),
        ];
        let flags = attributes
            .iter()
            .filter(|(set, _)| *set)
            .fold(0, |flags, (_, bit)| flags | bit)
            | (color_kind(style.fg) << FG_SHIFT)
            | (color_kind(style.bg) << BG_SHIFT);
        out.push(flags);
        for color in [style.fg, style.bg].into_iter().flatten() {
            match color {
                Color::Indexed { index } => out.push(index),
                Color::Rgb { r, g, b } => out.extend_from_slice(&[r, g, b]),
            }
        }
    }
    out
}

/// The two bits that say what a colour is.
fn color_kind(color: Option<Color>) -> u8 {
    match color {
        None => NO_COLOR,
        Some(Color::Indexed { .. }) => INDEXED,
        Some(Color::Rgb { .. }) => RGB,
    }
}

/// The next span [`pack_spans`] wrote (three bytes at least); `None` if the bytes are not a span.
pub(super) fn read_span(reader: &mut Reader<'_>) -> Option<StyledSpan> {
    let start = u32::try_from(reader.varint()?).ok()?;
    let end = start.checked_add(u32::try_from(reader.varint()?).ok()?)?;
    let flags = reader.byte()?;
    let fg = read_color(reader, (flags >> FG_SHIFT) & 0b11)?;
    let bg = read_color(reader, (flags >> BG_SHIFT) & 0b11)?;
    let style = Style {
        fg,
        bg,
        bold: flags & BOLD != 0,
        dim: flags & DIM != 0,
        italic: flags & ITALIC != 0,
        underline: flags & UNDERLINE != 0,
    };
    Some(StyledSpan { start, end, style })
}

/// A colour of the kind `kind`: `Some(None)` for none, `None` for bytes that are not a colour.
fn read_color(reader: &mut Reader<'_>, kind: u8) -> Option<Option<Color>> {
    match kind {
        NO_COLOR => Some(None),
        INDEXED => Some(Some(Color::Indexed {
            index: reader.byte()?,
        })),
        RGB => Some(Some(Color::Rgb {
            r: reader.byte()?,
            g: reader.byte()?,
            b: reader.byte()?,
        })),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every piece of `bytes`; `None` unless they read to the end and use the literals up.
    fn unpack_pieces<'l>(bytes: &[u8], literals: &'l str) -> Option<Vec<Piece<'l>>> {
        let mut reader = Reader::resume(bytes, 0);
        let mut literal_at = 0;
        let mut pieces = Vec::new();
        while !reader.is_done() {
            pieces.push(read_piece(&mut reader, literals, &mut literal_at)?);
        }
        (literal_at == literals.len()).then_some(pieces)
    }

    /// Every span of `bytes`; `None` unless they read to the end.
    fn unpack_spans(bytes: &[u8]) -> Option<Vec<StyledSpan>> {
        let mut reader = Reader::resume(bytes, 0);
        let mut spans = Vec::new();
        while !reader.is_done() {
            spans.push(read_span(&mut reader)?);
        }
        Some(spans)
    }

    #[test]
    fn varints_round_trip_at_their_edges() {
        for value in [
            0,
            1,
            127,
            128,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut bytes = Vec::new();
            push_varint(&mut bytes, value);
            let mut reader = Reader::resume(&bytes, 0);
            assert_eq!(reader.varint().map(|read| read as u64), Some(value));
            assert!(reader.is_done());
        }
        // Eleven continuation bytes: no such varint.
        assert_eq!(Reader::resume(&[0xff; 11], 0).varint(), None);
        assert_eq!(Reader::resume(&[0x80], 0).varint(), None);
    }

    #[test]
    fn every_style_round_trips() {
        let colors = [
            None,
            Some(Color::Indexed { index: 0 }),
            Some(Color::Indexed { index: 255 }),
            Some(Color::Rgb { r: 1, g: 2, b: 3 }),
        ];
        let mut spans = Vec::new();
        for (index, (fg, bg)) in colors
            .iter()
            .flat_map(|fg| colors.iter().map(move |bg| (*fg, *bg)))
            .enumerate()
        {
            let bits = index as u32;
            spans.push(StyledSpan {
                start: bits * 300,
                end: bits * 300 + bits,
                style: Style {
                    fg,
                    bg,
                    bold: bits & 1 != 0,
                    dim: bits & 2 != 0,
                    italic: bits & 4 != 0,
                    underline: bits & 8 != 0,
                },
            });
        }
        assert_eq!(unpack_spans(&pack_spans(&spans)), Some(spans));
    }

    #[test]
    fn pieces_and_sizes_round_trip() {
        let pieces = [
            Piece::Copy { skip: 0, len: 300 },
            Piece::Literal("é"),
            Piece::Copy {
                skip: 70_000,
                len: 1,
            },
            Piece::Literal("ok"),
        ];
        let (bytes, literals) = pack_pieces(&pieces);
        assert_eq!(literals, "éok");
        assert_eq!(
            unpack_pieces(&bytes, &literals).as_deref(),
            Some(&pieces[..])
        );
        let sizes = [(0, 0), (200, 3), (5, 0)];
        let packed = pack_sizes(sizes.into_iter());
        let mut reader = Reader::resume(&packed, 0);
        let read: Vec<_> = std::iter::from_fn(|| read_size(&mut reader)).collect();
        assert_eq!(read, sizes);
        assert!(reader.is_done());
    }

    #[test]
    fn bytes_that_do_not_fit_are_refused() {
        let (bytes, literals) = pack_pieces(&[Piece::Literal("é")]);
        // A literal that cuts a character, or literals left over.
        assert_eq!(unpack_pieces(&[0b11], &literals), None);
        assert_eq!(unpack_pieces(&[], &literals), None);
        assert_eq!(unpack_pieces(&bytes, "éé"), None);
        // A span cut after its flags, and a colour kind that does not exist.
        assert_eq!(unpack_spans(&[0, 1, INDEXED << FG_SHIFT]), None);
        assert_eq!(unpack_spans(&[0, 1, 0b11 << BG_SHIFT]), None);
        // A span whose end overflows.
        assert_eq!(unpack_spans(&[0xff, 0xff, 0xff, 0xff, 0x0f, 1, 0]), None);
    }
}
