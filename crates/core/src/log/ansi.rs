//! ANSI escape sequences: which ones a log line holds, and what the styling ones (SGR) mean.
//!
//! Colours (16, 256 and truecolor) and bold, dim, italic and underline are kept as a [`Style`];
//! every other sequence (cursor moves, erase, OSC titles, OSC 8 hyperlinks, DCS...) is recognised only
//! so that it can be dropped. A sequence cut by the end of the line is dropped up to the end of the line.

use serde::Serialize;

/// A colour as a terminal knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
pub enum Color {
    /// One of the 256 indexed colours: 0-7 normal, 8-15 bright, 16-255 the cube and the greys.
    Indexed {
        /// The palette index.
        index: u8,
    },
    /// A 24-bit colour.
    Rgb {
        /// Red.
        r: u8,
        /// Green.
        g: u8,
        /// Blue.
        b: u8,
    },
}

/// The look of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Style {
    /// The text colour, `None` for the terminal default.
    pub fg: Option<Color>,
    /// The background colour, `None` for the terminal default.
    pub bg: Option<Color>,
    /// Bold (SGR 1).
    pub bold: bool,
    /// Faint (SGR 2).
    pub dim: bool,
    /// Italic (SGR 3).
    pub italic: bool,
    /// Underlined (SGR 4).
    pub underline: bool,
}

impl Style {
    /// Whether this is the terminal's default look, which needs no span.
    pub fn is_plain(&self) -> bool {
        *self == Style::default()
    }
}

/// A styled run of a line's visible text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StyledSpan {
    /// Start byte offset in the line's visible text.
    pub start: u32,
    /// End byte offset (exclusive) in the line's visible text.
    pub end: u32,
    /// How this run looks.
    pub style: Style,
}

/// The escape byte that opens every sequence.
pub(crate) const ESC: u8 = 0x1b;

/// What a sequence starting at an escape byte is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Escape<'a> {
    /// A Select Graphic Rendition sequence with its parameter bytes.
    Sgr(&'a [u8]),
    /// Erase in line (`CSI n K`) with its mode: 0 to the end, 1 to the start, 2 the whole line.
    EraseLine(u8),
    /// Any other sequence, to be dropped.
    Other,
}

/// Reads the sequence that starts at `bytes[start]` (an ESC) and returns it with the index just past it.
///
/// A sequence left unfinished at the end of `bytes` ends there.
pub(crate) fn read_escape(bytes: &[u8], start: usize) -> (Escape<'_>, usize) {
    let len = bytes.len();
    let Some(&kind) = bytes.get(start + 1) else {
        return (Escape::Other, len);
    };
    match kind {
        b'[' => read_csi(bytes, start + 2),
        b']' | b'P' | b'X' | b'^' | b'_' => (Escape::Other, read_string_sequence(bytes, start + 2)),
        // Character set designations carry one more byte: `ESC ( B`.
        b'(' | b')' | b'*' | b'+' | b'-' | b'.' | b'/' | b'#' | b'%' => {
            match bytes.get(start + 2) {
                Some(byte) if byte.is_ascii_graphic() => (Escape::Other, start + 3),
                _ => (Escape::Other, start + 2),
            }
        }
        // Two-byte sequences such as `ESC =`, `ESC 7`, `ESC M`; a control byte is not consumed.
        0x20..=0x7e => (Escape::Other, start + 2),
        _ => (Escape::Other, start + 1),
    }
}

/// Reads a control sequence whose parameters start at `from`.
fn read_csi(bytes: &[u8], from: usize) -> (Escape<'_>, usize) {
    let mut index = from;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            // Parameter and intermediate bytes.
            0x20..=0x3f => index += 1,
            0x40..=0x7e => {
                let params = &bytes[from..index];
                let escape = match byte {
                    b'm' => Escape::Sgr(params),
                    b'K' => Escape::EraseLine(match params {
                        b"1" => 1,
                        b"2" => 2,
                        _ => 0,
                    }),
                    _ => Escape::Other,
                };
                return (escape, index + 1);
            }
            // A stray byte ends a malformed sequence without being part of it.
            _ => return (Escape::Other, index),
        }
    }
    (Escape::Other, bytes.len())
}

/// Finds the end of an OSC/DCS/APC string: after BEL or `ESC \`, or the end of the bytes.
fn read_string_sequence(bytes: &[u8], from: usize) -> usize {
    let mut index = from;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            0x07 => return index + 1,
            ESC => {
                return if bytes.get(index + 1) == Some(&b'\\') {
                    index + 2
                } else {
                    index + 1
                };
            }
            _ => index += 1,
        }
    }
    bytes.len()
}

/// Applies the parameters of an SGR sequence to `style`.
pub(crate) fn apply_sgr(params: &[u8], style: &mut Style) {
    if params.is_empty() {
        *style = Style::default();
        return;
    }
    let mut groups = params.split(|&byte| byte == b';');
    while let Some(group) = groups.next() {
        let mut parts = group.split(|&byte| byte == b':');
        let code = parts.next().map_or(0, number);
        match code {
            0 => *style = Style::default(),
            1 => style.bold = true,
            2 => style.dim = true,
            3 => style.italic = true,
            4 => style.underline = parts.next().is_none_or(|sub| number(sub) != 0),
            21 => style.underline = true,
            22 => {
                style.bold = false;
                style.dim = false;
            }
            23 => style.italic = false,
            24 => style.underline = false,
            30..=37 => style.fg = Some(indexed(code - 30)),
            90..=97 => style.fg = Some(indexed(code - 90 + 8)),
            39 => style.fg = None,
            40..=47 => style.bg = Some(indexed(code - 40)),
            100..=107 => style.bg = Some(indexed(code - 100 + 8)),
            49 => style.bg = None,
            38 | 48 => {
                let is_colon_form = group.contains(&b':');
                let color = if is_colon_form {
                    extended_color_colon(parts)
                } else {
                    extended_color_semicolon(&mut groups)
                };
                if let Some(color) = color {
                    if code == 38 {
                        style.fg = Some(color);
                    } else {
                        style.bg = Some(color);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Reads a decimal number, an empty or invalid one counting as 0 (as terminals do).
fn number(digits: &[u8]) -> u16 {
    digits
        .iter()
        .filter(|byte| byte.is_ascii_digit())
        .fold(0u16, |value, &byte| {
            value
                .saturating_mul(10)
                .saturating_add(u16::from(byte - b'0'))
        })
}

fn indexed(index: u16) -> Color {
    Color::Indexed {
        index: u8::try_from(index).unwrap_or(u8::MAX),
    }
}

fn channel(value: u16) -> u8 {
    u8::try_from(value).unwrap_or(u8::MAX)
}

/// Reads `5;n` or `2;r;g;b` from the groups that follow a `38` or `48`.
fn extended_color_semicolon<'a>(groups: &mut impl Iterator<Item = &'a [u8]>) -> Option<Color> {
    match number(groups.next()?) {
        5 => Some(indexed(number(groups.next()?))),
        2 => {
            let r = number(groups.next()?);
            let g = number(groups.next()?);
            let b = number(groups.next()?);
            Some(Color::Rgb {
                r: channel(r),
                g: channel(g),
                b: channel(b),
            })
        }
        _ => None,
    }
}

/// Reads `5:n`, `2:r:g:b` or `2::r:g:b` (with a colour-space id) from one colon-separated group.
fn extended_color_colon<'a>(parts: impl Iterator<Item = &'a [u8]>) -> Option<Color> {
    let mut values = [0u16; 5];
    let mut count = 0;
    for part in parts.take(5) {
        values[count] = number(part);
        count += 1;
    }
    match (values[0], count) {
        (5, 2..) => Some(indexed(values[1])),
        (2, 4) => Some(Color::Rgb {
            r: channel(values[1]),
            g: channel(values[2]),
            b: channel(values[3]),
        }),
        (2, 5) => Some(Color::Rgb {
            r: channel(values[2]),
            g: channel(values[3]),
            b: channel(values[4]),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sgr(params: &str) -> Style {
        let mut style = Style::default();
        apply_sgr(params.as_bytes(), &mut style);
        style
    }

    #[test]
    fn basic_and_bright_colours() {
        assert_eq!(sgr("31").fg, Some(Color::Indexed { index: 1 }));
        assert_eq!(sgr("1;92").fg, Some(Color::Indexed { index: 10 }));
        assert!(sgr("1;92").bold);
        assert_eq!(sgr("44").bg, Some(Color::Indexed { index: 4 }));
    }

    #[test]
    fn extended_colours_in_both_notations() {
        assert_eq!(sgr("38;5;208").fg, Some(Color::Indexed { index: 208 }));
        assert_eq!(
            sgr("38;2;255;128;0").fg,
            Some(Color::Rgb {
                r: 255,
                g: 128,
                b: 0
            })
        );
        assert_eq!(sgr("48:2::1:2:3").bg, Some(Color::Rgb { r: 1, g: 2, b: 3 }));
        assert_eq!(sgr("38:5:12").fg, Some(Color::Indexed { index: 12 }));
        let style = sgr("38;5;208;1");
        assert!(style.bold);
        assert!(!sgr("4:3").italic);
        assert!(sgr("4:3").underline);
    }

    #[test]
    fn resets() {
        let mut style = sgr("1;3;4;31;42");
        assert!(style.italic && style.underline);
        apply_sgr(b"22;23;24;39;49", &mut style);
        assert!(style.is_plain());
        apply_sgr(b"1", &mut style);
        apply_sgr(b"", &mut style);
        assert!(style.is_plain());
    }

    #[test]
    fn truncated_extended_colour_is_ignored() {
        assert_eq!(sgr("38;5").fg, None);
        assert_eq!(sgr("38;2;1").fg, None);
    }

    #[test]
    fn sequences_are_measured() {
        let text = b"\x1b[1;31mX";
        assert_eq!(read_escape(text, 0), (Escape::Sgr(b"1;31"), 7));
        let osc = b"\x1b]8;;https://x\x1b\\link";
        assert_eq!(read_escape(osc, 0), (Escape::Other, 16));
        let bel = b"\x1b]0;title\x07rest";
        assert_eq!(read_escape(bel, 0).1, 10);
        assert_eq!(read_escape(b"\x1b[2K", 0), (Escape::EraseLine(2), 4));
        assert_eq!(read_escape(b"\x1b[", 0), (Escape::Other, 2));
        assert_eq!(read_escape(b"\x1b", 0), (Escape::Other, 1));
        assert_eq!(read_escape(b"\x1b(Bx", 0), (Escape::Other, 3));
    }
}
