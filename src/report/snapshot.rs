//! What a screenshot shows: a title bar, then the lines of one log phase (with their ANSI looks) or of
//! one part of the configuration (with its syntax colours), at most [`MAX_LINES`], secrets masked.
//! The page draws it on a canvas (`crate::report::canvas`).

use std::ops::Range;

use pipelens_core::config::{Part, PartKind};
use pipelens_core::highlight::TokenKind;
use pipelens_core::log::{LogReport, Style};

use super::log_report::phase_heading;
use super::redact::Redaction;
use crate::format::{fill, format_count, format_duration};
use crate::i18n::{Lang, Msg};
use crate::state::source_lines::SourceLine;
use crate::wording::config_parts::kind_label as part_kind_label;
use crate::wording::status::{kind_label, status_label};

/// At most this many lines are drawn; the rest are counted.
pub(crate) const MAX_LINES: usize = 120;

/// How many lines of a long phase's head a screenshot keeps; the rest of [`MAX_LINES`] is its tail.
const HEAD_LINES: usize = 40;

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ink {
    /// A log's ANSI style.
    Ansi(Style),
    /// A configuration's syntax token.
    Token(TokenKind),
}

/// One drawn line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SnapshotLine {
    /// Its 1-based number in the pasted text.
    pub(crate) number: usize,
    /// Its text in runs of one look, masked.
    pub(crate) runs: Vec<(String, Ink)>,
    /// Whether it is the first error.
    pub(crate) marked: bool,
}

/// Everything a screenshot draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Snapshot {
    /// The title bar's first line: the site and what is shown.
    pub(crate) title: String,
    /// The title bar's second line: status and duration, or the part's path and kind.
    pub(crate) subtitle: String,
    /// The lines drawn.
    pub(crate) lines: Vec<SnapshotLine>,
    /// "… 12 more lines" when some were left out.
    pub(crate) more: Option<String>,
    /// Where those lines were left out: [`Snapshot::more`] is drawn before the line of this index (the
    /// length of `lines` to draw it after them all).
    pub(crate) elided_at: usize,
    /// What was masked (or included unmasked), when the lines hold secrets.
    pub(crate) note: Option<String>,
    /// The name of the downloaded file.
    pub(crate) file_name: String,
}

/// The screenshot of phase `index` of `report`; `None` when there is no such phase.
pub(crate) fn phase_snapshot(
    report: &LogReport,
    index: usize,
    lang: Lang,
    mask_secrets: bool,
) -> Option<Snapshot> {
    let phase = report.phases.get(index)?;
    let text = phase
        .lines
        .clone()
        .map(|line| report.lines.text(line))
        .collect::<Vec<_>>()
        .join("\n");
    let redaction = Redaction::new(&text, mask_secrets);
    let heading = phase_heading(phase, index, lang, &redaction);
    let duration = phase.duration_ms.map_or_else(
        || lang.text(Msg::ExportNoDuration).to_owned(),
        |ms| format_duration(ms, lang),
    );
    // The head and the tail, where the error and the exit code are: the middle is left out.
    let total = phase.lines.len();
    let head = if total > MAX_LINES { HEAD_LINES } else { total };
    let tail_start = phase.lines.end - (MAX_LINES - head).min(total - head);
    let drawn = (phase.lines.start..phase.lines.start + head).chain(tail_start..phase.lines.end);
    let lines = drawn
        .map(|line| {
            let text = report.lines.text(line);
            let runs = covering_runs(
                text.len(),
                report
                    .lines
                    .spans(line)
                    .iter()
                    .map(|span| (span.start as usize..span.end as usize, span.style)),
                Style::default(),
            );
            let runs: Vec<(Range<usize>, Ink)> = runs
                .into_iter()
                .map(|(range, style)| (range, Ink::Ansi(style)))
                .collect();
            SnapshotLine {
                number: line + 1,
                runs: redaction.runs(text, &runs),
                marked: phase.error_line == Some(line),
            }
        })
        .collect();
    let title = redaction.apply(&display_name(&phase.title));
    Some(Snapshot {
        title: format!("{} — {heading}", lang.text(Msg::ExportSiteName)),
        subtitle: format!(
            "{} · {} · {duration}",
            kind_label(phase.kind, lang),
            status_label(phase.status, lang)
        ),
        lines,
        more: more_lines(total, lang),
        elided_at: head,
        note: redaction.note(lang, phase.first_line()),
        file_name: format!(
            "pipeline-lens-phase-{}{}.png",
            index + 1,
            with_dash(&slug(&title))
        ),
    })
}

/// The screenshot of part `part_index` of a configuration: the block of lines it heads, found by
/// indentation. `lines` are the analysed text's lines (`Analysis::lines`).
pub(crate) fn part_snapshot(
    lines: &[SourceLine],
    parts: &[Part],
    part_index: usize,
    lang: Lang,
    mask_secrets: bool,
) -> Option<Snapshot> {
    let part = parts.get(part_index)?;
    let texts: Vec<&str> = lines.iter().map(|line| line.text.as_str()).collect();
    let first = part.span.line.checked_sub(1)?;
    let block = block_of(&texts, first);
    let block_text = texts.get(block.clone())?.join("\n");
    let redaction = Redaction::new(&block_text, mask_secrets);
    let path = redaction.apply(&yaml_path(&texts, first).join(" › "));
    let drawn: Vec<SnapshotLine> = lines
        .get(block.clone())?
        .iter()
        .take(MAX_LINES)
        .map(|line| {
            let runs: Vec<(Range<usize>, Ink)> = line
                .pieces
                .iter()
                .flat_map(|piece| piece.tokens.iter())
                .map(|(range, kind)| (range.clone(), Ink::Token(*kind)))
                .collect();
            SnapshotLine {
                number: line.number,
                runs: redaction.runs(&line.text, &runs),
                marked: false,
            }
        })
        .collect();
    let name = redaction.apply(&part.detail);
    let file_stem = if part.kind == PartKind::Key {
        path.replace(" › ", "-")
    } else {
        name.clone()
    };
    Some(Snapshot {
        title: format!("{} — {name}", lang.text(Msg::ExportSiteName)),
        subtitle: format!(
            "{path} · {} · {}",
            lang.text(part_kind_label(part.kind)),
            fill(
                lang.text(Msg::ConfigExplainAt),
                &[
                    ("line", part.span.line.to_string()),
                    ("column", part.span.column.to_string())
                ]
            )
        ),
        elided_at: drawn.len(),
        lines: drawn,
        more: more_lines(block.len(), lang),
        note: redaction.note(lang, block.start + 1),
        file_name: format!(
            "pipeline-lens-config-line-{}{}.png",
            part.span.line,
            with_dash(&slug(&file_stem))
        ),
    })
}

/// "… 12 more lines" when `total` exceeds [`MAX_LINES`].
fn more_lines(total: usize, lang: Lang) -> Option<String> {
    (total > MAX_LINES).then(|| {
        fill(
            lang.text(Msg::ExportMoreLines),
            &[("count", format_count(total - MAX_LINES, lang))],
        )
    })
}

fn display_name(title: &str) -> String {
    title.trim().to_owned()
}

fn with_dash(slug: &str) -> String {
    if slug.is_empty() {
        String::new()
    } else {
        format!("-{slug}")
    }
}

/// Runs that cover `0..length` in order: the styled `spans`, and `plain` between them.
fn covering_runs<S: Copy>(
    length: usize,
    spans: impl Iterator<Item = (Range<usize>, S)>,
    plain: S,
) -> Vec<(Range<usize>, S)> {
    let mut out = Vec::new();
    let mut at = 0;
    for (range, look) in spans {
        let range = range.start.max(at).min(length)..range.end.min(length);
        if range.start > at {
            out.push((at..range.start, plain));
        }
        if range.start < range.end {
            at = range.end;
            out.push((range, look));
        }
    }
    if at < length {
        out.push((at..length, plain));
    }
    out
}

/// A file-name-safe form of `text`: lowercase ASCII letters and digits joined by single dashes, at most
/// 48 characters (`Run tests (unit)` → `run-tests-unit`).
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 48 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The indentation of a line, or `None` for a blank or comment-only line.
fn indent(line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    (!trimmed.is_empty() && !trimmed.starts_with('#')).then(|| line.len() - trimmed.len())
}

/// The lines (0-based) of the YAML block that starts at line `first`: it and every following line
/// indented deeper, trailing blank lines left out.
pub(crate) fn block_of(lines: &[&str], first: usize) -> Range<usize> {
    let Some(own) = lines.get(first).and_then(|line| indent(line)) else {
        return first..(first + 1).min(lines.len());
    };
    let mut end = first + 1;
    for (index, line) in lines.iter().enumerate().skip(first + 1) {
        match indent(line) {
            Some(depth) if depth <= own => break,
            Some(_) => end = index + 1,
            None => {}
        }
    }
    first..end
}

/// The keys leading to line `line` (0-based): `jobs › build › steps › run`.
pub(crate) fn yaml_path(lines: &[&str], line: usize) -> Vec<String> {
    let Some(mut depth) = lines.get(line).and_then(|text| indent(text)) else {
        return Vec::new();
    };
    let mut path = vec![key_of(lines[line])];
    for text in lines[..line].iter().rev() {
        if depth == 0 {
            break;
        }
        if let Some(found) = indent(text).filter(|&found| found < depth) {
            path.push(key_of(text));
            depth = found;
        }
    }
    path.retain(|key| !key.is_empty());
    path.reverse();
    path
}

/// The key a YAML line starts (`  - run:` → `run`), or its trimmed text when it has none.
fn key_of(line: &str) -> String {
    let item = line.trim().trim_start_matches("- ").trim();
    let key = item.split_once(':').map_or(item, |(key, _)| key);
    key.trim_matches(['"', '\'']).chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use pipelens_core::config::analyse_config;
    use pipelens_core::log::parse_log;

    use super::*;
    use crate::state::source_lines::source_lines;

    const CONFIG: &str = "version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/base:2024.01\n    steps:\n      - checkout\n      - run:\n          name: Deploy\n          command: aws s3 sync . s3://b --key AKIAIOSFODNN7ABCDEFG\n\n  test:\n    steps: [checkout]\n";

    #[test]
    fn blocks_and_paths_follow_indentation() {
        let lines: Vec<&str> = CONFIG.lines().collect();
        assert_eq!(
            block_of(&lines, 2),
            2..10,
            "the build job, without the blank line"
        );
        assert_eq!(block_of(&lines, 7), 7..10, "the run step and its keys");
        assert_eq!(block_of(&lines, 6), 6..7, "a one-line step");
        assert_eq!(yaml_path(&lines, 7), ["jobs", "build", "steps", "run"]);
        assert_eq!(yaml_path(&lines, 0), ["version"]);
        assert_eq!(
            block_of(&lines, 10),
            10..11,
            "a blank line is its own block"
        );
    }

    #[test]
    fn a_part_screenshot_masks_the_key_and_names_the_file() {
        let report = analyse_config(CONFIG);
        let lines = source_lines(CONFIG, &report.parts);
        let part = report
            .parts
            .iter()
            .position(|p| p.kind == PartKind::Job && p.detail == "build")
            .expect("the build job is a part");
        let shot = part_snapshot(&lines, &report.parts, part, Lang::En, true).expect("a snapshot");
        assert_eq!(shot.lines.len(), 8);
        assert_eq!(shot.lines[0].number, 3);
        let text: String = shot
            .lines
            .iter()
            .flat_map(|l| l.runs.iter().map(|(t, _)| t.as_str()))
            .collect();
        assert!(
            !text.contains("AKIA") && text.contains("••••••••"),
            "{text}"
        );
        assert_eq!(
            shot.note.as_deref(),
            Some("1 secret masked: an AWS access key id (line 10).")
        );
        assert_eq!(shot.file_name, "pipeline-lens-config-line-3-build.png");
        assert!(
            shot.subtitle.starts_with("jobs › build · "),
            "{}",
            shot.subtitle
        );
        let unmasked =
            part_snapshot(&lines, &report.parts, part, Lang::En, false).expect("a snapshot");
        let text: String = unmasked
            .lines
            .iter()
            .flat_map(|l| l.runs.iter().map(|(t, _)| t.as_str()))
            .collect();
        assert!(text.contains("AKIAIOSFODNN7ABCDEFG"));
    }

    #[test]
    fn a_phase_screenshot_keeps_colours_and_cuts_long_phases() {
        let mut log = vec![
            "Spin up environment".to_owned(),
            "Build-agent version 1.0.220236-88f9a5ed (2024-02-23T14:32:07+0000)".to_owned(),
            "Run tests".to_owned(),
            "#!/bin/bash -eo pipefail".to_owned(),
            "\u{1b}[31mred\u{1b}[0m and plain".to_owned(),
        ];
        log.extend((0..200).map(|n| format!("line {n}")));
        let report = parse_log(&log.join("\n"));
        let index = report
            .phases
            .iter()
            .position(|p| p.title == "Run tests")
            .expect("the phase");
        let shot = phase_snapshot(&report, index, Lang::En, true).expect("a snapshot");
        assert_eq!(shot.lines.len(), MAX_LINES);
        let coloured = shot
            .lines
            .iter()
            .find(|line| line.runs.iter().any(|(text, _)| text == "red"))
            .expect("the coloured line");
        assert!(matches!(coloured.runs[0].1, Ink::Ansi(style) if style.fg.is_some()));
        assert_eq!(coloured.runs[1].0, " and plain");
        assert!(shot
            .more
            .as_deref()
            .is_some_and(|more| more.ends_with("more lines")));
        // The head, then the tail: the end of the step, where the error is, is drawn.
        assert_eq!(shot.elided_at, HEAD_LINES);
        let last = report.phases[index].last_line();
        assert_eq!(shot.lines.last().map(|line| line.number), Some(last));
        assert_eq!(
            shot.lines[HEAD_LINES].number,
            last + 1 - (MAX_LINES - HEAD_LINES)
        );
        assert_eq!(
            shot.file_name,
            format!("pipeline-lens-phase-{}-run-tests.png", index + 1)
        );
        assert_eq!(shot.note, None);
    }

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slug("Run tests (unit)"), "run-tests-unit");
        assert_eq!(slug("  ../../etc/passwd "), "etc-passwd");
        assert_eq!(slug("Été"), "t");
    }
}
