//! The pasted text as the config view draws it: lines, each cut into pieces that belong to one
//! highlightable part (or none), each piece cut into coloured tokens.
//!
//! 1. Split the text into lines (a `\r` before `\n` is dropped) and remember where each starts.
//! 2. Put every part in the lines its span covers.
//! 3. In each line, give every character to the innermost part covering it, and group runs of characters
//!    with the same part into pieces.
//! 4. Cut each piece along the colour tokens of [`crate::state::config_tokens`].

use std::ops::Range;

use pipelens_core::config::Part;

use pipelens_core::highlight::TokenKind;

use crate::state::config_tokens::tokenize;

/// A run of a line that belongs to one part, or to none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    /// The index of the part in the report's `parts`, if the run belongs to one.
    pub(crate) part: Option<usize>,
    /// Its tokens, as byte ranges of the line.
    pub(crate) tokens: Vec<(Range<usize>, TokenKind)>,
}

/// One line of the text, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceLine {
    /// Its 1-based number.
    pub(crate) number: usize,
    /// Its text, without the line break.
    pub(crate) text: String,
    /// Its pieces, covering the whole text in order.
    pub(crate) pieces: Vec<Piece>,
}

/// Cuts `text` into lines of pieces for `parts` (whose spans index into `text`).
pub(crate) fn source_lines(text: &str, parts: &[Part]) -> Vec<SourceLine> {
    let mut starts = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let mut at = 0;
    for raw in text.split('\n') {
        starts.push(at);
        at += raw.len() + 1;
        lines.push(raw.strip_suffix('\r').unwrap_or(raw));
    }
    if lines.len() > 1 && lines.last() == Some(&"") {
        lines.pop();
        starts.pop();
    }
    let mut parts_of_line: Vec<Vec<usize>> = vec![Vec::new(); lines.len()];
    for (index, part) in parts.iter().enumerate() {
        let first = part.span.line.max(1) - 1;
        let last = part.span.end_line.max(part.span.line).min(lines.len());
        for bucket in parts_of_line.iter_mut().take(last).skip(first) {
            bucket.push(index);
        }
    }
    let tokens = tokenize(text, &lines);
    lines
        .iter()
        .zip(starts)
        .zip(tokens)
        .zip(parts_of_line)
        .enumerate()
        .map(|(index, (((line, start), tokens), in_line))| {
            let owners = owners(line.len(), start, &in_line, parts);
            SourceLine {
                number: index + 1,
                text: (*line).to_owned(),
                pieces: pieces(&owners, &tokens),
            }
        })
        .collect()
}

/// Runs of the line `[0, len)` (at byte `start` of the text) and the innermost part covering each.
fn owners(
    len: usize,
    start: usize,
    in_line: &[usize],
    parts: &[Part],
) -> Vec<(Range<usize>, Option<usize>)> {
    let local = |offset: usize| offset.saturating_sub(start).min(len);
    let clipped: Vec<(Range<usize>, usize, usize)> = in_line
        .iter()
        .map(|&index| {
            let span = parts[index].span;
            (
                local(span.start)..local(span.end),
                span.end.saturating_sub(span.start),
                index,
            )
        })
        .filter(|(range, _, _)| range.start < range.end)
        .collect();
    let mut bounds: Vec<usize> = vec![0, len];
    for (range, _, _) in &clipped {
        bounds.push(range.start);
        bounds.push(range.end);
    }
    bounds.sort_unstable();
    bounds.dedup();
    let mut runs: Vec<(Range<usize>, Option<usize>)> = Vec::new();
    for pair in bounds.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let owner = clipped
            .iter()
            .filter(|(range, _, _)| range.start <= from && to <= range.end)
            .min_by_key(|(_, size, index)| (*size, *index))
            .map(|(_, _, index)| *index);
        match runs.last_mut() {
            Some((range, last)) if *last == owner => range.end = to,
            _ => runs.push((from..to, owner)),
        }
    }
    runs
}

/// Cuts the runs along the tokens.
fn pieces(
    owners: &[(Range<usize>, Option<usize>)],
    tokens: &[(Range<usize>, TokenKind)],
) -> Vec<Piece> {
    owners
        .iter()
        .map(|(run, part)| Piece {
            part: *part,
            tokens: tokens
                .iter()
                .filter_map(|(range, token)| {
                    let from = range.start.max(run.start);
                    let to = range.end.min(run.end);
                    (from < to).then_some((from..to, *token))
                })
                .collect(),
        })
        .collect()
}

/// The innermost part written at `line` and `column` (1-based, in characters), if any.
pub(crate) fn part_at(parts: &[Part], line: usize, column: usize) -> Option<usize> {
    parts
        .iter()
        .enumerate()
        .filter(|(_, part)| {
            let span = part.span;
            (span.line, span.column) <= (line, column)
                && (line, column) < (span.end_line, span.end_column)
        })
        .min_by_key(|(_, part)| part.span.end.saturating_sub(part.span.start))
        .map(|(index, _)| index)
}

#[cfg(test)]
mod tests {
    use pipelens_core::config::{analyse_config, PartKind};

    use super::*;

    /// The pieces of a line as `text` or `[text]` when they belong to a part.
    fn show(line: &SourceLine) -> String {
        line.pieces
            .iter()
            .map(|piece| {
                let text: String = piece
                    .tokens
                    .iter()
                    .map(|(range, _)| &line.text[range.clone()])
                    .collect();
                if piece.part.is_some() {
                    format!("[{text}]")
                } else {
                    text
                }
            })
            .collect()
    }

    const CONFIG: &str = "version: 2.1\r\njobs:\r\n  build:\r\n    docker: [{image: cimg/base:2024.01}]\r\n    steps:\r\n      - save_cache:\r\n          key: v1-{{ checksum \"a.txt\" }}-x\r\n          paths: [a]\r\n";

    #[test]
    fn parts_become_pieces_of_their_lines() {
        let report = analyse_config(CONFIG);
        let lines = source_lines(CONFIG, &report.parts);
        assert_eq!(lines.len(), 8);
        assert_eq!(show(&lines[0]), "[version]: 2.1");
        assert_eq!(show(&lines[2]), "  [build]:");
        assert_eq!(show(&lines[5]), "      - [save_cache]:");
        assert_eq!(
            show(&lines[6]),
            "          key: v1-[{{ checksum \"a.txt\" }}]-x"
        );
        assert_eq!(lines[6].number, 7);
        assert!(lines.iter().all(|line| !line.text.ends_with('\r')));
    }

    #[test]
    fn the_innermost_part_wins_and_part_at_finds_it() {
        let report = analyse_config(CONFIG);
        let template = part_at(&report.parts, 7, 20).expect("a part at the template");
        assert_eq!(report.parts[template].kind, PartKind::CacheKeyTemplate);
        assert_eq!(report.parts[template].detail, "checksum");
        assert_eq!(part_at(&report.parts, 7, 2), None);
        let lines = source_lines(CONFIG, &report.parts);
        let owner = lines[6].pieces.iter().find_map(|piece| piece.part);
        assert_eq!(owner, Some(template));
    }

    #[test]
    fn an_unreadable_text_keeps_every_line_without_parts() {
        let text = "a: [\nb: c\n\n";
        let report = analyse_config(text);
        let lines = source_lines(text, &report.parts);
        assert_eq!(
            lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(),
            ["a: [", "b: c", ""]
        );
        assert!(lines
            .iter()
            .flat_map(|l| &l.pieces)
            .all(|piece| piece.part.is_none()));
    }
}
