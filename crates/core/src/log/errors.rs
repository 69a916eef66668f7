//! The first error line of a failed phase: the line a person should read first.

use std::ops::Range;

use super::lines::LogLines;
use super::script::{is_footer, is_shell_source, read_lines, Place, ReadLine};
use super::titles::is_page_chrome;

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
    "is a directory",
    "permission denied",
    "killed",
    "cannot",
    "can't",
    "unable to",
    "not supported",
    "denied",
    "invalid",
];

/// The marks test runners and scanners put before a failure (`● Cart › adds`, `✕ adds`, `✗ Critical
/// severity vulnerability found`).
const FAILURE_MARKS: [char; 6] = ['●', '✕', '✗', '✖', '×', '❌'];

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
/// footer is the best guess ([`Pick::Guess`]). Output printed right under the script, with no blank line
/// between (as `circleci local execute` prints it), is read too: an error there beats a guess, wherever
/// the footer is. A step that printed nothing but its script (an API build, which gives the command but
/// not its output) has no error line.
pub(crate) fn first_error_line(lines: &LogLines, range: Range<usize>) -> Option<Pick> {
    let output = scan(lines, range.clone(), false);
    if let Some(Pick::Error(_)) = output {
        return output;
    }
    let with_script = scan(lines, range.clone(), true);
    let under = beyond_the_script(lines, range);
    if matches!(with_script, Some(Pick::Error(_))) && (under.footer || under.output) {
        return with_script;
    }
    output.or_else(|| under.footer.then_some(with_script)?)
}

/// What a step printed besides its script, read in one pass.
struct BeyondTheScript {
    /// An exit footer printed inside what looks like the script (no blank line between the script and
    /// the output that ends with the footer).
    footer: bool,
    /// Any line after the script's closing blank line.
    output: bool,
}

/// Reads `range` once for [`BeyondTheScript`].
fn beyond_the_script(lines: &LogLines, range: Range<usize>) -> BeyondTheScript {
    let mut found = BeyondTheScript {
        footer: false,
        output: false,
    };
    for line in read_lines(lines, range) {
        if line.place == Place::Output {
            found.output = true;
        } else if is_footer(line.text) {
            found.footer = true;
        }
        if found.footer && found.output {
            break;
        }
    }
    found
}

/// The line of `range` that shows plainly that something failed, when one does: one that opens with
/// what a tool prints when it gives up (`Error:`, `fatal:`, `npm ERR!`, `Traceback`, `rake aborted!`,
/// `Error response from daemon:`) or that ends naming an exception (`(Gem::GemNotFoundException)`),
/// and after which the work did not go on to succeed (`Successfully installed`, `BUILD SUCCESSFUL`,
/// `Done in 12.3s.`, a test summary with no failure): pip prints `ERROR:` about its resolver and then
/// installs everything, a test suite logs a traceback and passes. A log cut before its step's footer
/// that shows such a line failed.
pub(crate) fn decisive_error_line(lines: &LogLines, range: Range<usize>) -> Option<usize> {
    let mut first = None;
    for line in read_lines(lines, range) {
        let output = line.place == Place::Output
            || (line.place == Place::Script && !is_shell_source(line.text));
        if !output {
            continue;
        }
        if is_decisive(line.text) {
            first = first.or(Some(line.index));
        } else if first.is_some() && ends_well(line.text) {
            first = None;
        }
    }
    first
}

/// Whether a line says that the work it ends succeeded: pip's `Successfully installed ...`, Gradle's
/// `BUILD SUCCESSFUL in 4s`, yarn's `Done in 12.3s.`, a test that passed or a summary with no failure
/// (`test_x (tests.T) ... ok`, `OK (49 tests, 71 assertions)`, `=== 10 passed in 2.1s ===`, `0 failures`).
fn ends_well(text: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "Successfully installed ",
        "Successfully built ",
        "Successfully tagged ",
        "BUILD SUCCESSFUL",
        "Done in ",
        "OK (",
        "All specs passed!",
        "All tests passed",
    ];
    let lowered = text.to_ascii_lowercase();
    OPENINGS.iter().any(|opening| text.starts_with(opening))
        || text.eq_ignore_ascii_case("ok")
        || lowered.ends_with(" ... ok")
        || (lowered.contains(" passed")
            && !lowered.contains("failed")
            && !lowered.contains("error"))
        || lowered.contains(" 0 failures")
}

/// A line that opens with an error's name, in at most three words: `TypeError: x is undefined`,
/// `Unhandled rejection Error: connect ECONNREFUSED`, `Code Signing Error: No profile for team`.
fn names_an_error_first(text: &str) -> bool {
    let Some((name, _)) = text.split_once("Error: ") else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() <= 3
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && words
            .iter()
            .all(|word| word.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Whether a line is one a tool prints when it gives up (see [`decisive_error_line`]).
fn is_decisive(text: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "Error:",
        "ERROR:",
        "error:",
        "error[",
        "Error response from daemon:",
        "fatal:",
        "FATAL ERROR",
        "npm ERR!",
        "panic:",
        "Traceback (most recent call last)",
        "rake aborted!",
        "make: *** ",
        "E: ",
        "FAILURE: Build failed",
        "BUILD FAILED",
        "** BUILD FAILED **",
        "** TEST FAILED **",
        "** ARCHIVE FAILED **",
        "SECURITY ERROR",
    ];
    // What a service or an app logs at its own level (`FATAL:  role "root" does not exist` from a
    // database container, `ERROR StatusLogger ...`) and notices that fail nothing are not a tool giving up.
    const NOTICES: &[&str] = &[
        "fatal: No names found",
        "fatal: no tag exactly matches",
        "ERROR: After October 2020 you may experience errors",
    ];
    if NOTICES.iter().any(|notice| text.starts_with(notice)) {
        return false;
    }
    OPENINGS.iter().any(|opening| text.starts_with(opening))
        || names_an_error_first(text)
        || text
            .strip_suffix(')')
            .and_then(|rest| rest.rsplit_once('('))
            .is_some_and(|(_, name)| {
                !name.contains(' ') && (name.ends_with("Error") || name.ends_with("Exception"))
            })
}

/// The line a person should read first in a failed phase, and whether it looks like an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pick {
    /// A line that looks like an error.
    Error(usize),
    /// No line looks like one: a test runner's summary, or the last line the phase printed.
    Guess(usize),
}

impl Pick {
    /// The line's index.
    pub(crate) fn line(self) -> usize {
        match self {
            Pick::Error(index) | Pick::Guess(index) => index,
        }
    }
}

/// One reading of [`first_error_line`]: with `read_script`, the script's lines after its command that
/// are not shell source count as output.
fn scan(lines: &LogLines, range: Range<usize>, read_script: bool) -> Option<Pick> {
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
        if skipped || is_page_chrome(text) {
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
        if is_lint_location(text) || text.starts_with(FAILURE_MARKS) {
            return Some(Pick::Error(index));
        }
        if SUMMARIES.iter().any(|prefix| text.starts_with(prefix)) {
            summary = summary.or(Some(index));
            continue;
        }
        if matches!(text, "Error:" | "ERROR:" | "error:") {
            let message = (index + 1..end)
                .find(|&next| !lines.text(next).trim().is_empty())
                .filter(|&next| !is_footer(lines.text(next)));
            if let Some(message) = message {
                return Some(Pick::Error(message));
            }
            continue;
        }
        lowered.clear();
        lowered.extend(
            text.chars()
                .take(400)
                .map(|character| character.to_ascii_lowercase()),
        );
        if names_an_error(&lowered) {
            return Some(Pick::Error(index));
        }
        if !is_progress_bar(text) {
            last_output = Some(index);
        }
    }
    summary.or(last_output).map(Pick::Guess)
}

/// Whether a line only draws progress (`.........10%.........20%`, `[=====>    ] 45%`, `████ 100%`):
/// nothing to read there.
fn is_progress_bar(text: &str) -> bool {
    text.contains(['%', '.', '=', '#', '█'])
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || ".%=#>-|[]█░▏▎▍▌▋▊▉/".contains(c))
}

/// Whether a lowercased line holds one of the [`ERROR_WORDS`], other than in a count of none
/// (`0 failures`, `Errors: 0`, `failed=0`) or inside a name (`test_error_handling`).
fn names_an_error(lowered: &str) -> bool {
    ERROR_WORDS.iter().any(|word| {
        lowered.match_indices(word).any(|(at, _)| {
            !counts_none(lowered, at, word.len()) && !in_an_identifier(lowered, at, word.len())
        })
    })
}

/// Whether the word at `at..at + len` is part of a name joined by underscores (`test_error_handling`,
/// `on_failure_callback`): a test's or a function's name, not an error.
fn in_an_identifier(lowered: &str, at: usize, len: usize) -> bool {
    lowered[..at].ends_with('_') || lowered[at + len..].starts_with('_')
}

/// Whether the word at `at..at + len` of `lowered` is counted as zero: `0 failures`, `errors: 0`.
fn counts_none(lowered: &str, at: usize, len: usize) -> bool {
    let numeric = |c: char| c.is_ascii_alphanumeric() || c == '.';
    let zero_before = lowered[..at]
        .trim_end()
        .strip_suffix('0')
        .is_some_and(|rest| !rest.ends_with(numeric));
    let zero_after = lowered[at + len..]
        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .trim_start_matches([':', '=', ' '])
        .strip_prefix('0')
        .is_some_and(|rest| !rest.starts_with(numeric));
    zero_before || zero_after
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
        first_error_line(&lines, 0..lines.len()).map(|pick| lines.text(pick.line()).to_owned())
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
        let words_of_error = "#!/bin/bash -eo pipefail\nset -o errexit\npython -m pytest --log-level ERROR tests/failing\n";
        assert_eq!(first(words_of_error), None);
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

    #[test]
    fn a_count_of_none_is_no_error() {
        let text = "[ 1]   8753 examples, 0 failures, 9 pending\nTests run: 5, Failures: 0, Errors: 0\nError: json: cannot unmarshal object\nExited with code exit status 255\n";
        assert_eq!(
            first(text).as_deref(),
            Some("Error: json: cannot unmarshal object")
        );
        assert_eq!(
            first("Tests run: 5, Failures: 1, Errors: 0\nExited with code exit status 1\n")
                .as_deref(),
            Some("Tests run: 5, Failures: 1, Errors: 0")
        );
    }

    #[test]
    fn a_scanner_s_cross_marks_a_failure() {
        let text = "Testing image...\n\n✗ Critical severity vulnerability found in openssl\n\nYou are using the most secure version of the base image\n\nExited with code exit status 1\n";
        assert_eq!(
            first(text).as_deref(),
            Some("✗ Critical severity vulnerability found in openssl")
        );
    }

    #[test]
    fn output_under_the_script_is_read_before_guessing_whatever_the_footer() {
        let text = "#!/bin/bash -eo pipefail\nbundle install\nTraceback (most recent call last):\nCould not find 'bundler' (1.16.4) (Gem::GemNotFoundException)\n\nExited with code exit status 1\n";
        assert_eq!(
            first(text).as_deref(),
            Some("Traceback (most recent call last):")
        );
    }

    #[test]
    fn the_job_page_s_buttons_are_not_errors() {
        let text = "Explain this error\nAI Experiment\n0s\n1\n#!/bin/bash -eo pipefail\n./install.sh\n\nNot a valid environment\n\nExited with code exit status 1\n";
        assert_eq!(first(text).as_deref(), Some("Not a valid environment"));
    }

    #[test]
    fn decisive_lines_are_what_tools_print_when_they_give_up() {
        let decisive = |text: &str| {
            let lines = LogLines::render(text);
            decisive_error_line(&lines, 0..lines.len()).map(|index| lines.text(index).to_owned())
        };
        for line in [
            "Error response from daemon: Get https://registry-1.docker.io/v2/: unauthorized",
            "rake aborted!",
            "/usr/lib/ruby/rubygems.rb:275:in `find_spec_for_exe': Could not find 'bundler' (1.16.4) (Gem::GemNotFoundException)",
            "fatal: not a git repository (or any of the parent directories): .git",
            "npm ERR! code ENOENT",
        ] {
            assert_eq!(decisive(&format!("step output\n{line}\n")).as_deref(), Some(line));
        }
        for calm in [
            "Tests: 3 passed (no errors found)",
            "Downloading error-stack-parser-2.1.4.tgz",
            "echo \"Error: not here\"",
        ] {
            assert_eq!(decisive(&format!("step output\n{calm}\n")), None, "{calm}");
        }
    }

    #[test]
    fn a_guess_is_told_apart_from_an_error_and_never_a_progress_bar() {
        let pick = |text: &str| {
            let lines = LogLines::render(text);
            first_error_line(&lines, 0..lines.len())
        };
        assert_eq!(
            pick("Downloading https://services.gradle.org/gradle-6.3-bin.zip\n.........10%.........20%.........100%\n\nExited with code exit status 1\n"),
            Some(Pick::Guess(0))
        );
        assert_eq!(
            pick("Resolving\nfatal: not a git repository\n\nExited with code exit status 128\n"),
            Some(Pick::Error(1))
        );
    }

    #[test]
    fn build_tools_giving_up_are_decisive() {
        let decisive = |text: &str| {
            let lines = LogLines::render(text);
            decisive_error_line(&lines, 0..lines.len()).is_some()
        };
        for line in [
            "FAILURE: Build failed with an exception.",
            "** ARCHIVE FAILED **",
            "Unhandled rejection Error: connect ECONNREFUSED 127.0.0.1:5432",
            "Code Signing Error: No profile for team 'X' matching 'Y' found",
            "TypeError: Cannot read properties of undefined",
            "#16 ERROR: failed to push registry.example.com/app:1",
            "SECURITY ERROR",
        ] {
            assert!(decisive(&format!("output\n{line}\n")), "{line}");
        }
        assert!(!decisive(
            "output\nNote: a line that mentions Error: in passing is no error\n"
        ));
    }

    #[test]
    fn a_tool_that_goes_on_to_succeed_did_not_give_up() {
        let decisive = |text: &str| {
            let lines = LogLines::render(text);
            decisive_error_line(&lines, 0..lines.len()).map(|index| lines.text(index).to_owned())
        };
        for green in [
            "ERROR: pip's dependency resolver does not currently take into account all the packages\nSuccessfully installed django-4.2\n",
            "test_bad_config (tests.T) ... \nTraceback (most recent call last):\nException: demo or files is required\nok\n",
            "fatal: No names found, cannot describe anything.\nBuilding the site\n",
            "FATAL:  role \"root\" does not exist\nRan 12 tests in 0.4s\n",
            "Error: Cannot find module 'x' (retrying)\n=== 10 passed in 2.1s ===\n",
        ] {
            assert_eq!(decisive(green), None, "{green}");
        }
        assert_eq!(
            decisive("Successfully installed rake-13\nrake aborted!\nActiveRecord::NoDatabaseError: role \"circleci\" does not exist\n")
                .as_deref(),
            Some("rake aborted!")
        );
    }

    #[test]
    fn an_error_word_inside_a_name_is_no_error() {
        assert_eq!(
            first("test_bad_config_html_error_true (tests.T) ... ok\nAttributeError: no attribute 'files'\n\nExited with code exit status 1\n")
                .as_deref(),
            Some("AttributeError: no attribute 'files'")
        );
    }
}
