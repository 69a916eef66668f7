//! The first error line of a failed phase: the line a person should read first.

use std::ops::Range;

use super::lines::LogLines;
use super::script::{is_footer, is_shell_source, read_lines, Place, ReadLine};

/// Words that make a line look like an error (compared without regard to case).
const ERROR_WORDS: &[&str] = &[
    "error",
    "err!",
    "fatal",
    "failed",
    "failure",
    "fail:",
    "exception",
    "traceback",
    "panic:",
    "command not found",
    "no such file",
    "permission denied",
    "killed",
    "cannot",
    "can't",
    "unable to",
    "not supported",
    "denied",
    "invalid",
];

/// The summary lines of test runners: they count failures that earlier lines name, so they are read
/// only when nothing before them looks like an error.
const SUMMARIES: &[&str] = &[
    "Test Suites:",
    "Tests:",
    "Snapshots:",
    "Ran all test suites",
];

/// Finds the first line in `range` that looks like an error, skipping the script a run step echoes
/// and the footers; a bare `Error:` gives the message under it, and a test runner's summary counts
/// only when no earlier line looks like an error. Without such a line, the last output line before the
/// footer is the best guess. When the whole step looks like its script and its footer comes right under
/// it (output printed with no blank line after the script, as `circleci local execute` prints it), the
/// script's lines that are not shell source are read as output; a script with nothing under it (an API
/// build, which gives the command but not its output) has no error line.
pub(crate) fn first_error_line(lines: &LogLines, range: Range<usize>) -> Option<usize> {
    scan(lines, range.clone(), false).or_else(|| {
        footer_under_the_script(lines, range.clone()).then(|| scan(lines, range, true))?
    })
}

/// Whether an exit footer is printed inside what looks like the script of `range` (no blank line
/// between the script and the output that ends with the footer).
fn footer_under_the_script(lines: &LogLines, range: Range<usize>) -> bool {
    read_lines(lines, range).any(|line| line.place != Place::Output && is_footer(line.text))
}

/// One reading of [`first_error_line`]: with `read_script`, the script's lines after its command that
/// are not shell source count as output.
fn scan(lines: &LogLines, range: Range<usize>, read_script: bool) -> Option<usize> {
    let mut last_output = None;
    let mut summary = None;
    let mut lowered = String::new();
    let end = range.end;
    for ReadLine { index, text, place } in read_lines(lines, range) {
        let skipped = match place {
            Place::Output => false,
            Place::Command => true,
            Place::Script => !read_script || is_shell_source(text),
        };
        if skipped {
            continue;
        }
        if is_footer(text) {
            if text.starts_with("Exited with code")
                || text.starts_with("Error: Exited with code")
                || text.starts_with("Step failed")
            {
                break;
            }
            continue;
        }
        if is_lint_location(text) || text.starts_with(['●', '✕']) {
            return Some(index);
        }
        if SUMMARIES.iter().any(|prefix| text.starts_with(prefix)) {
            summary = summary.or(Some(index));
            continue;
        }
        if matches!(text, "Error:" | "ERROR:" | "error:") {
            let message = (index + 1..end)
                .find(|&next| !lines.text(next).trim().is_empty())
                .filter(|&next| !is_footer(lines.text(next)));
            if message.is_some() {
                return message;
            }
            continue;
        }
        lowered.clear();
        lowered.extend(
            text.chars()
                .take(400)
                .map(|character| character.to_ascii_lowercase()),
        );
        if ERROR_WORDS.iter().any(|word| lowered.contains(word)) {
            return Some(index);
        }
        last_output = Some(index);
    }
    summary.or(last_output)
}

/// Whether a line reads `path:line:column: message`, as linters and compilers print problems.
pub(crate) fn is_lint_location(text: &str) -> bool {
    let mut parts = text.splitn(4, ':');
    let (Some(path), Some(line), Some(column), Some(message)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let is_number =
        |value: &str| !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_digit());
    !path.is_empty()
        && !path.contains(' ')
        && is_number(line)
        && is_number(column)
        && message.starts_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Option<String> {
        let lines = LogLines::render(text);
        first_error_line(&lines, 0..lines.len()).map(|index| lines.text(index).to_owned())
    }

    #[test]
    fn the_script_is_skipped() {
        let text = "#!/bin/bash -eo pipefail\necho \"error: not here\"\n\nok line\nnpm ERR! code EACCES\nExited with code exit status 243\n";
        assert_eq!(first(text).as_deref(), Some("npm ERR! code EACCES"));
    }

    #[test]
    fn lint_locations_count() {
        assert_eq!(
            first("./app.py:14:1: E303 too many blank lines (3)\nExited with code exit status 1")
                .as_deref(),
            Some("./app.py:14:1: E303 too many blank lines (3)")
        );
    }

    #[test]
    fn a_bare_error_gives_the_message_under_it() {
        let text =
            "Error:\nSkipping cache - error checking storage: not supported\n\nStep failed\n";
        assert_eq!(
            first(text).as_deref(),
            Some("Skipping cache - error checking storage: not supported")
        );
    }

    #[test]
    fn a_test_summary_counts_only_when_nothing_names_the_failure() {
        let text = "FAIL src/a.test.js\n  ● Cart › adds\n    expect(received).toBe(expected)\nTest Suites: 1 failed, 1 total\n";
        assert_eq!(
            first(text).map(|line| line.trim().to_owned()).as_deref(),
            Some("● Cart › adds")
        );
        assert_eq!(
            first("Test Suites: 1 failed, 1 total\nTests: 1 failed, 1 total\n").as_deref(),
            Some("Test Suites: 1 failed, 1 total")
        );
    }

    #[test]
    fn output_right_under_the_script_is_read() {
        let text = "#!/bin/bash -eo pipefail\ngo test ./...\n--- FAIL: TestParse (0.00s)\nFAIL\nError: Exited with code exit status 1\n";
        assert_eq!(first(text).as_deref(), Some("--- FAIL: TestParse (0.00s)"));
        let quiet = "#!/bin/bash -eo pipefail\necho \"error here is script\"\nmake\nnothing to do\nExited with code exit status 2\n";
        assert_eq!(first(quiet).as_deref(), Some("nothing to do"));
    }

    #[test]
    fn a_script_with_no_output_under_it_has_no_error_line() {
        let api_build = "#!/bin/bash -eo pipefail\n. .venv/bin/activate\npytest $(circleci tests glob \"**/tests.py\")\n";
        assert_eq!(first(api_build), None);
    }

    #[test]
    fn the_last_output_line_is_the_fallback() {
        assert_eq!(
            first(
                "W2031 something\ncloudformation/vpc.yml:102:5\n\nExited with code exit status 4\n"
            )
            .as_deref(),
            Some("cloudformation/vpc.yml:102:5")
        );
    }
}
