//! Step titles in text copied from the CircleCI job page.
//!
//! A title is a line of its own: a catalogued title (`Spin up environment`, `Checkout code`...), or
//! any line followed by a run step's shebang (`#!/bin/bash -eo pipefail`). People paste logs into
//! READMEs, so a title may be wrapped in markdown (`**Spin up environment**`, `## Run tests`); a
//! markdown heading the catalogue does not know still starts a step when lines follow it.

use super::lines::LogLines;
use super::progress::{Progress, LINES_PER_REPORT};
use super::script::{is_footer, is_shebang};
use crate::phases::{self, KnownPhase};

/// A line that starts a titled step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TitleMarker {
    /// The 0-based line of the title.
    pub(crate) line: usize,
    /// The title, markdown removed.
    pub(crate) title: String,
    /// A duration printed on the line after the title (`2s`, `1m 3s`), in milliseconds.
    pub(crate) duration_ms: Option<u64>,
}

/// Looks a title up in the catalogue, whatever the era's spelling (see [`phases::find_by_title`]).
pub(crate) fn find_known_title(title: &str) -> Option<&'static KnownPhase> {
    phases::find_by_title(title)
}

/// What `circleci local execute` appends to the title of a step it did not run.
const SKIPPED_SUFFIX: &str = "(skipped)";

/// A title without the `(skipped)` that the local CLI appends to a step it did not run, and whether
/// it had it.
pub(crate) fn split_skipped(title: &str) -> (&str, bool) {
    let title = title.trim();
    match title
        .len()
        .checked_sub(SKIPPED_SUFFIX.len())
        .filter(|&cut| title.is_char_boundary(cut))
    {
        Some(cut) if title[cut..].eq_ignore_ascii_case(SKIPPED_SUFFIX) && cut > 0 => {
            (title[..cut].trim_end(), true)
        }
        _ => (title, false),
    }
}

/// A line with its markdown wrapper removed, and whether it had one.
fn strip_markdown(line: &str) -> (&str, bool) {
    let mut text = line.trim();
    let mut wrapped = false;
    let hashes = text.bytes().take_while(|&byte| byte == b'#').count();
    if (1..=6).contains(&hashes) && text[hashes..].starts_with(' ') {
        text = text[hashes..].trim();
        // A single `#` is also how a shell comment starts: only `##` and deeper count as headings.
        wrapped = hashes >= 2;
    }
    for marker in ["**", "__"] {
        if text.len() > 2 * marker.len() && text.starts_with(marker) && text.ends_with(marker) {
            let inner = text[marker.len()..text.len() - marker.len()].trim();
            // `____ ERROR collecting x ____` (pytest) is a rule, not bold text.
            if inner.starts_with(['_', '*']) || inner.ends_with(['_', '*']) {
                return (text, false);
            }
            text = inner;
            wrapped = true;
        }
    }
    (text, wrapped)
}

/// Reads a duration as the job page prints it beside a step (`2s`, `1m 3s`, `450ms`, `1h 2m`).
pub(crate) fn parse_duration(text: &str) -> Option<u64> {
    let text = text.trim();
    if text.is_empty() || text.len() > 20 {
        return None;
    }
    let mut total: u64 = 0;
    for token in text.split_whitespace() {
        let digits = token
            .bytes()
            .take_while(|byte| byte.is_ascii_digit() || *byte == b'.')
            .count();
        if digits == 0 {
            return None;
        }
        let value: f64 = token[..digits].parse().ok()?;
        let unit_ms = match &token[digits..] {
            "ms" => 1.0,
            "s" => 1_000.0,
            "m" | "min" => 60_000.0,
            "h" => 3_600_000.0,
            _ => return None,
        };
        total = total.saturating_add((value * unit_ms).round() as u64);
    }
    Some(total)
}

/// The index of the first non-blank line at or after `from`, looking at most `limit` lines ahead.
fn next_non_blank(lines: &LogLines, from: usize, limit: usize) -> Option<usize> {
    (from..lines.len().min(from.saturating_add(limit)))
        .find(|&index| !lines.text(index).trim().is_empty())
}

/// The duration of a line the job page prints under a title (`1m 3s`, or `1m 3s\t...` when copied
/// from a table).
fn duration_of(line: &str) -> Option<u64> {
    // A duration is short: look for the tab only in the first bytes, not along a long line.
    const LONGEST: usize = 20;
    let line = line.trim_start();
    if !line.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let end = line
        .bytes()
        .take(LONGEST + 1)
        .position(|byte| byte == b'\t')
        .unwrap_or(line.len());
    if end > LONGEST {
        return None;
    }
    parse_duration(&line[..end])
}

/// The most lines of page chrome (line numbers, buttons) read between a title and its script.
const MOST_CHROME_LINES: usize = 400;

/// Whether `text` is what the job page prints around a step that is neither its title nor its output:
/// the buttons of the 2024 page ("Explain this error", "AI Experiment") and the script's line numbers
/// in the gutter, copied one per line.
pub(crate) fn is_page_chrome(text: &str) -> bool {
    matches!(text, "Explain this error" | "AI Experiment")
        || (!text.is_empty() && text.len() <= 6 && text.bytes().all(|byte| byte.is_ascii_digit()))
}

/// Whether a run step's script starts within the next few lines from `from`: a shebang, maybe after the
/// step's duration, or after the 2024 page's buttons and line numbers.
fn script_follows(lines: &LogLines, from: usize) -> bool {
    let Some(next) = next_non_blank(lines, from, 3) else {
        return false;
    };
    let text = lines.text(next);
    if is_shebang(text) {
        return true;
    }
    let end = lines.len().min(next.saturating_add(MOST_CHROME_LINES));
    (next..end)
        .map(|index| lines.text(index).trim())
        .find(|text| !text.is_empty() && !is_page_chrome(text) && duration_of(text).is_none())
        .is_some_and(is_shebang)
        && (is_page_chrome(text.trim()) || duration_of(text.trim()).is_some())
}

/// The duration the job page prints under the title at `title`, maybe after its buttons.
fn duration_under(lines: &LogLines, title: usize) -> Option<u64> {
    (title + 1..lines.len().min(title + 6))
        .map(|index| lines.text(index).trim())
        .find(|text| !text.is_empty() && !is_page_chrome(text))
        .and_then(duration_of)
}

/// Finds the step titles of a job-page log, in order.
#[cfg(test)]
pub(crate) fn job_page_titles(lines: &LogLines) -> Vec<TitleMarker> {
    let mut ignore = |_: f32| {};
    job_page_titles_with_progress(lines, &mut Progress::new(&mut ignore))
}

/// Finds the step titles of a job-page log, in order, reporting its advance every
/// [`LINES_PER_REPORT`] lines.
pub(crate) fn job_page_titles_with_progress(
    lines: &LogLines,
    progress: &mut Progress<'_>,
) -> Vec<TitleMarker> {
    let mut markers: Vec<TitleMarker> = Vec::new();
    let mut heading_lines: Vec<usize> = Vec::new();
    let mut in_script = false;
    for index in 0..lines.len() {
        if index % LINES_PER_REPORT == 0 {
            progress.advance(index, lines.len());
        }
        let raw = lines.text(index);
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            in_script = false;
            continue;
        }
        if is_shebang(trimmed) {
            in_script = true;
            continue;
        }
        if in_script || trimmed.len() > 200 || is_footer(trimmed) {
            continue;
        }
        let (text, wrapped) = strip_markdown(trimmed);
        if text.is_empty() {
            continue;
        }
        let is_known = find_known_title(text).is_some();
        // A line ending with a colon (`Input:`, `Output:`) labels what follows; it is no step name, and
        // neither is the duration the job page prints under a title, nor its buttons and line numbers.
        if !is_known && (text.ends_with(':') || duration_of(text).is_some() || is_page_chrome(text))
        {
            continue;
        }
        let is_title = is_known || script_follows(lines, index + 1);
        if is_title || wrapped {
            if !is_title {
                heading_lines.push(markers.len());
            }
            let duration_ms = duration_under(lines, index);
            markers.push(TitleMarker {
                line: index,
                title: text.to_owned(),
                duration_ms,
            });
        }
    }
    drop_empty_headings(lines, markers, &heading_lines)
}

/// Drops the markdown headings the catalogue does not know that no line follows before the next title.
fn drop_empty_headings(
    lines: &LogLines,
    markers: Vec<TitleMarker>,
    heading_positions: &[usize],
) -> Vec<TitleMarker> {
    if heading_positions.is_empty() {
        return markers;
    }
    let starts: Vec<usize> = markers.iter().map(|marker| marker.line).collect();
    markers
        .into_iter()
        .enumerate()
        .filter(|(position, marker)| {
            if heading_positions.binary_search(position).is_err() {
                return true;
            }
            let end = starts.get(position + 1).copied().unwrap_or(lines.len());
            (marker.line + 1..end).any(|index| !lines.text(index).trim().is_empty())
        })
        .map(|(_, marker)| marker)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str) -> Vec<String> {
        job_page_titles(&LogLines::render(text))
            .into_iter()
            .map(|marker| marker.title)
            .collect()
    }

    #[test]
    fn catalogued_titles_in_any_case_and_markdown() {
        let text = "**Spin up environment**\nBuild-agent version 1\n\n## Checkout Code\nCloning git repository\n";
        assert_eq!(titles(text), ["Spin up environment", "Checkout Code"]);
    }

    #[test]
    fn a_line_before_a_shebang_titles_a_run_step() {
        let text = "Run tests\n#!/bin/bash -eo pipefail\npytest\n\n13 passed\n";
        assert_eq!(titles(text), ["Run tests"]);
    }

    #[test]
    fn script_comments_are_not_headings() {
        let text = "Checkout code\n#!/bin/sh\nset -e\n# Workaround old docker images\n\n# use git+ssh\ngit config\n";
        assert_eq!(titles(text), ["Checkout code"]);
    }

    #[test]
    fn empty_unknown_headings_are_dropped() {
        let text =
            "## Results\n\n**Spin up environment**\nBuild-agent version\n## Notes\nsome text\n";
        assert_eq!(titles(text), ["Spin up environment", "Notes"]);
    }

    #[test]
    fn the_2024_page_s_buttons_and_line_numbers_are_not_titles() {
        let text = "Deploy\n#!/bin/bash -eo pipefail\n./deploy.sh\n\nExited with code exit status 1\nCircleCI received exit code 1\n\nInstall AWS cli\n\nExplain this error\nAI Experiment\n0s\n1\n2\n#!/bin/bash -eo pipefail\nchmod +x ./install.sh\n./install.sh\n\nExited with code exit status 1\n";
        let markers = job_page_titles(&LogLines::render(text));
        let found: Vec<(&str, Option<u64>)> = markers
            .iter()
            .map(|marker| (marker.title.as_str(), marker.duration_ms))
            .collect();
        assert_eq!(found, [("Deploy", None), ("Install AWS cli", Some(0))]);
    }

    #[test]
    fn a_run_step_title_above_its_duration_is_its_title() {
        let markers = job_page_titles(&LogLines::render(
            "Install dependencies\n1m 3s\n#!/bin/bash -eo pipefail\npip install -r requirements.txt\n\nRun tests\n14s\n#!/bin/bash -eo pipefail\npytest\n",
        ));
        let found: Vec<_> = markers
            .iter()
            .map(|marker| (marker.title.as_str(), marker.duration_ms))
            .collect();
        assert_eq!(
            found,
            [
                ("Install dependencies", Some(63_000)),
                ("Run tests", Some(14_000))
            ]
        );
    }

    #[test]
    fn a_duration_after_a_title_is_read() {
        let markers = job_page_titles(&LogLines::render("Checkout code\n1m 3s\nCloning\n"));
        assert_eq!(markers[0].duration_ms, Some(63_000));
        assert_eq!(parse_duration("450ms"), Some(450));
        assert_eq!(parse_duration("Cloning"), None);
        assert_eq!(parse_duration("2 files"), None);
    }

    #[test]
    fn other_spellings() {
        assert_eq!(
            find_known_title("Setup Remote Docker").map(|phase| phase.doc),
            Some("phases/setup-remote-docker")
        );
        assert_eq!(
            find_known_title("Restoring Cache").map(|phase| phase.title),
            Some("Restoring cache")
        );
    }

    #[test]
    fn the_skipped_suffix() {
        assert_eq!(
            split_skipped("Persisting to Workspace (skipped)"),
            ("Persisting to Workspace", true)
        );
        assert_eq!(split_skipped("npm test"), ("npm test", false));
        assert_eq!(split_skipped("(skipped)"), ("(skipped)", false));
        assert_eq!(split_skipped("é (skipped)"), ("é", true));
    }
}
