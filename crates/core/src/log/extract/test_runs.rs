//! Facts of a run step that tests: the summary line of pytest, jest, go test, rspec, mocha,
//! unittest or cargo test, and the coverage percentage (coverage.py, istanbul, go).

use super::{after, push, Fact, FactKind, LineReader};

/// Reads test summaries and coverage.
#[derive(Debug, Default)]
pub(super) struct Tests;

impl LineReader for Tests {
    fn read(&mut self, text: &str, facts: &mut Vec<Fact>) {
        if let Some(summary) = summary(text) {
            push(facts, FactKind::TestSummary, &summary);
        } else if let Some(coverage) = coverage(text) {
            push(facts, FactKind::Coverage, &coverage);
        }
    }
}

/// Whether the tests passed, from the summaries seen so far.
#[derive(Debug, Default)]
pub(crate) struct TestOutcome {
    /// Whether a passing summary was seen.
    passed: bool,
    /// Whether a failing summary was seen.
    failed: bool,
}

impl TestOutcome {
    /// Reads one trimmed line.
    pub(crate) fn read(&mut self, text: &str) {
        let Some(summary) = summary(text) else {
            return;
        };
        let failing = summary.contains("failed")
            || summary.contains("error")
            || summary.starts_with("FAIL")
            || summary.contains("failing")
            || summary.contains("FAILED")
            || failures_in_rspec(&summary) > 0;
        if failing {
            self.failed = true;
        } else {
            self.passed = true;
        }
    }

    /// `Some(false)` when a summary shows failures, `Some(true)` when summaries only show passes.
    pub(crate) fn passed(&self) -> Option<bool> {
        if self.failed {
            Some(false)
        } else if self.passed {
            Some(true)
        } else {
            None
        }
    }
}

/// The failure count of an rspec summary (`13 examples, 2 failures`), 0 otherwise.
fn failures_in_rspec(summary: &str) -> u64 {
    summary
        .split(", ")
        .nth(1)
        .and_then(|part| part.split_whitespace().next())
        .and_then(|count| count.parse().ok())
        .filter(|_| summary.contains(" example"))
        .unwrap_or(0)
}

/// Whether `text` starts with a count followed by one of `words` (`13 passed`, `2 failing`).
fn count_then(text: &str, words: &[&str]) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && words.iter().any(|word| text[digits..].starts_with(word))
}

/// The summary a test runner prints at the end, normalised to single spaces.
fn summary(text: &str) -> Option<String> {
    let first = *text.as_bytes().first()?;
    let collapse = |value: &str| value.split_whitespace().collect::<Vec<_>>().join(" ");
    match first {
        // pytest: `==== 2 failed, 11 passed in 5.13s ====` (or without the rules with -q).
        b'=' => {
            let inner = text.trim_matches('=').trim();
            is_pytest_summary(inner).then(|| collapse(inner))
        }
        b'0'..=b'9' => {
            if is_pytest_summary(text) {
                return Some(collapse(text));
            }
            // rspec `13 examples, 0 failures`; mocha `13 passing (2s)`, `2 failing`, `1 pending`.
            let is_rspec = count_then(text, &[" example"]) && text.contains(" failure");
            let is_mocha =
                count_then(text, &[" passing", " failing", " pending"]) && text.len() < 40;
            (is_rspec || is_mocha).then(|| collapse(text))
        }
        // jest `Tests:       1 failed, 12 passed, 13 total`, `Test Suites: 1 passed, 1 total`.
        b'T' if text.starts_with("Tests:") || text.starts_with("Test Suites:") => {
            Some(collapse(text))
        }
        // cargo `test result: ok. 5 passed; 0 failed`.
        b't' if text.starts_with("test result: ") => Some(collapse(text)),
        // go test `ok  \tgithub.com/x/y\t0.012s`, `FAIL\tgithub.com/x/y\t0.5s`.
        b'o' | b'F' if is_go_package_line(text) => Some(collapse(text)),
        // unittest `Ran 13 tests in 0.512s`.
        b'R' if text.starts_with("Ran ") && text.contains(" test") && text.contains(" in ") => {
            Some(collapse(text))
        }
        _ => None,
    }
}

/// Whether `text` reads like pytest's last line: `13 passed in 5.13s`, `2 failed, 11 passed in 3s`.
fn is_pytest_summary(text: &str) -> bool {
    const OUTCOMES: &[&str] = &[
        " passed",
        " failed",
        " error",
        " skipped",
        " xfailed",
        " xpassed",
        " deselected",
        " warning",
    ];
    count_then(text, OUTCOMES) && text.contains(" in ") && text.ends_with('s')
}

/// Whether `text` is a go test package result line.
fn is_go_package_line(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("ok")
        .or_else(|| text.strip_prefix("FAIL"))
    else {
        return false;
    };
    rest.starts_with('\t') || (rest.starts_with("  ") && rest.trim_start().contains('/'))
}

/// The coverage percentage a line reports.
fn coverage(text: &str) -> Option<String> {
    if let Some(rest) = text.strip_prefix("TOTAL") {
        // coverage.py: `TOTAL    1234    100    87%`.
        let last = rest.split_whitespace().last()?;
        return last.ends_with('%').then(|| last.to_owned());
    }
    if text.starts_with("All files") && text.contains('|') {
        // istanbul/jest: `All files |   91.3 |    80 |   ...`.
        let value = text.split('|').nth(1)?.trim();
        return value.parse::<f64>().ok().map(|_| format!("{value}%"));
    }
    if let Some(rest) = after(text, "coverage:") {
        // go test: `coverage: 80.0% of statements`.
        let value = rest.split_whitespace().next()?;
        return value.ends_with('%').then(|| value.to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pytest_summaries() {
        assert_eq!(
            summary(
                "============================== 13 passed in 5.13s =============================="
            ),
            Some("13 passed in 5.13s".to_owned())
        );
        assert_eq!(
            summary("=== 2 failed, 11 passed in 3.01s ==="),
            Some("2 failed, 11 passed in 3.01s".to_owned())
        );
        assert_eq!(
            summary("13 passed in 5.13s"),
            Some("13 passed in 5.13s".to_owned())
        );
        assert_eq!(
            summary(
                "============================= test session starts =============================="
            ),
            None
        );
    }

    #[test]
    fn other_runners() {
        assert_eq!(
            summary("Tests:       1 failed, 12 passed, 13 total"),
            Some("Tests: 1 failed, 12 passed, 13 total".to_owned())
        );
        assert!(summary("Test Suites: 2 passed, 2 total").is_some());
        assert_eq!(
            summary("ok  \tgithub.com/x/y\t0.012s"),
            Some("ok github.com/x/y 0.012s".to_owned())
        );
        assert!(summary("FAIL\tgithub.com/x/y\t0.5s").is_some());
        assert!(summary("13 examples, 2 failures").is_some());
        assert!(summary("13 passing (2s)").is_some());
        assert!(summary("test result: ok. 5 passed; 0 failed; 0 ignored").is_some());
        assert!(summary("Ran 13 tests in 0.512s").is_some());
        assert!(summary("ok").is_none());
        assert!(summary("2 files changed").is_none());
    }

    #[test]
    fn outcomes() {
        let mut outcome = TestOutcome::default();
        outcome.read("=== 13 passed in 5.13s ===");
        assert_eq!(outcome.passed(), Some(true));
        outcome.read("13 examples, 2 failures");
        assert_eq!(outcome.passed(), Some(false));
        let mut rspec = TestOutcome::default();
        rspec.read("13 examples, 0 failures");
        assert_eq!(rspec.passed(), Some(true));
    }

    #[test]
    fn coverage_lines() {
        assert_eq!(
            coverage("TOTAL                     412     31    92%"),
            Some("92%".to_owned())
        );
        assert_eq!(
            coverage("All files |   91.3 |    80 |   85 |   91.3 |"),
            Some("91.3%".to_owned())
        );
        assert_eq!(
            coverage("coverage: 80.0% of statements"),
            Some("80.0%".to_owned())
        );
        assert_eq!(coverage("TOTAL time 3s"), None);
    }
}
