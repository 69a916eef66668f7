//! Test runners: the lines that show failing tests, and the names of those tests.
//!
//! Each runner has checks for its needles (a summary with a non-zero failure count, a line that names a
//! failing test) and a reader that names the failing tests, at most [`MOST_TESTS`], in the order the
//! runner prints them.

use super::args::{arg, first_word, Evidence};
use super::catalogue::LineContext;
use super::{ArgName, CauseArg, MOST_TESTS};

/// The number just before `word` in `text` (`3 failed` → 3), if any.
fn count_before(text: &str, word: &str) -> Option<u64> {
    let at = text.find(word)?;
    text[..at]
        .split([' ', ',', '(', '='])
        .next_back()?
        .parse()
        .ok()
}

/// The number just after `label` in `text` (`Failures: 2` → 2), if any.
fn count_after(text: &str, label: &str) -> Option<u64> {
    let at = text.find(label)? + label.len();
    let digits: String = text[at..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Whether the token looks like a test file or a test id (`tests/test_x.py::test_y`).
fn is_test_path(token: &str) -> bool {
    token.contains("::") || token.contains(".py") || token.contains('/')
}

/// pytest's short summary: `FAILED tests/test_api.py::test_get - AssertionError: ...`.
pub(crate) fn pytest_failed_line(line: &LineContext<'_>) -> bool {
    is_test_path(first_word(line.rest()))
}

/// pytest's collection errors: `ERROR tests/test_api.py - ModuleNotFoundError: ...`.
pub(crate) fn pytest_error_line(line: &LineContext<'_>) -> bool {
    is_test_path(first_word(line.rest()))
}

/// pytest's final line: `==== 4 failed, 1 passed, 1 warning in 10.44s ====`.
pub(crate) fn pytest_summary_failed(line: &LineContext<'_>) -> bool {
    line.text.starts_with('=')
        && line.text.ends_with('=')
        && count_before(line.text, " failed").is_some_and(|count| count > 0)
}

/// unittest's `FAILED (failures=1, errors=2)`.
pub(crate) fn unittest_summary(line: &LineContext<'_>) -> bool {
    line.text.contains("failures=") || line.text.contains("errors=")
}

/// unittest's `FAIL: test_login (accounts.tests.LoginTests)` or `ERROR: ...`.
pub(crate) fn unittest_test_line(line: &LineContext<'_>) -> bool {
    let rest = line.rest();
    let name = first_word(rest);
    !name.is_empty() && rest.trim_end().ends_with(')') && rest.contains(" (")
}

/// jest's `Tests:       3 failed, 1416 passed, 1419 total` or `Test Suites: 2 failed, ...`.
pub(crate) fn jest_summary_failed(line: &LineContext<'_>) -> bool {
    count_before(line.text, " failed").is_some_and(|count| count > 0)
}

/// jest's `● Suite › does this`, `● adds tax` (a test outside any `describe`), or `● Test suite failed to
/// run`; not its console blocks nor jest-validate's warnings (`● Validation Warning:`).
pub(crate) fn jest_test_line(line: &LineContext<'_>) -> bool {
    is_jest_test_title(line.rest().trim_start())
}

/// Whether the text after a `●` names a failing test (or a suite that could not run).
fn is_jest_test_title(title: &str) -> bool {
    !title.is_empty()
        && !title.starts_with("Console")
        && !title.starts_with("Validation")
        && !title.starts_with("Deprecation")
        && !title.ends_with(':')
}

/// jest's `FAIL src/app.test.js (5.2 s)`.
pub(crate) fn jest_fail_file(line: &LineContext<'_>) -> bool {
    let file = first_word(line.rest());
    [".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs"]
        .iter()
        .any(|extension| file.ends_with(extension))
}

/// mocha's `  1 failing`.
pub(crate) fn mocha_summary(line: &LineContext<'_>) -> bool {
    line.rest().trim().is_empty()
        && line
            .before()
            .trim()
            .parse::<u64>()
            .is_ok_and(|count| count > 0)
}

/// rspec's `340 examples, 1 failure, 10 pending`.
pub(crate) fn rspec_summary(line: &LineContext<'_>) -> bool {
    count_before(line.text, " failure").is_some_and(|count| count > 0)
}

/// go's `FAIL\tgithub.com/org/pkg\t0.123s`; not a package that did not build (`[build failed]`).
pub(crate) fn go_fail_package(line: &LineContext<'_>) -> bool {
    let rest = line.rest();
    !rest.trim().is_empty() && !rest.contains("[build failed]") && !rest.contains("[setup failed]")
}

/// cargo's `test parser::tests::reads_titles ... FAILED`.
pub(crate) fn cargo_test_failed(line: &LineContext<'_>) -> bool {
    line.text.ends_with(" ... FAILED")
}

/// Surefire's `[ERROR] testBar(com.x.FooTest)  Time elapsed: 0.01 s  <<< FAILURE!`.
pub(crate) fn maven_failure_line(line: &LineContext<'_>) -> bool {
    !strip_maven_level(line.text).starts_with("Tests run:")
}

/// Surefire's `Tests run: 5, Failures: 1, Errors: 0, Skipped: 0`.
pub(crate) fn maven_summary_failed(line: &LineContext<'_>) -> bool {
    count_after(line.text, "Failures:").is_some_and(|count| count > 0)
        || count_after(line.text, "Errors:").is_some_and(|count| count > 0)
}

/// Gradle's `FooTest > testBar FAILED`.
pub(crate) fn gradle_test_line(line: &LineContext<'_>) -> bool {
    line.rest().trim().is_empty() && line.before().contains(" > ")
}

/// Gradle's `5 tests completed, 1 failed`.
pub(crate) fn gradle_summary_failed(line: &LineContext<'_>) -> bool {
    count_before(line.text, " failed").is_some_and(|count| count > 0)
}

/// `[ERROR] text` without its level.
fn strip_maven_level(text: &str) -> &str {
    text.strip_prefix("[ERROR] ")
        .or_else(|| text.strip_prefix("[INFO] "))
        .unwrap_or(text)
        .trim_start()
}

/// The name of the failing test a line shows, for the runner whose needle found it.
fn test_name(text: &str) -> Option<&str> {
    if let Some(rest) = text
        .strip_prefix("FAILED ")
        .or_else(|| text.strip_prefix("ERROR "))
    {
        // pytest: `FAILED tests/x.py::test_y - AssertionError`.
        let name = rest.split(" - ").next().unwrap_or(rest).trim();
        return is_test_path(first_word(name)).then_some(name);
    }
    if let Some(rest) = text
        .strip_prefix("FAIL: ")
        .or_else(|| text.strip_prefix("ERROR: "))
    {
        return Some(rest.trim());
    }
    if let Some(rest) = text.strip_prefix('●') {
        let rest = rest.trim();
        return is_jest_test_title(rest).then_some(rest);
    }
    if let Some(rest) = text.strip_prefix("--- FAIL: ") {
        return Some(first_word(rest));
    }
    if let Some(rest) = text
        .strip_prefix("rspec ./")
        .or_else(|| text.strip_prefix("rspec './"))
    {
        return Some(rest.split_once(" # ").map_or(rest, |(_, name)| name).trim());
    }
    if let Some(name) = text
        .strip_prefix("test ")
        .and_then(|rest| rest.strip_suffix(" ... FAILED"))
    {
        return Some(name.trim());
    }
    let maven = strip_maven_level(text);
    if maven.contains("<<< FAILURE!") || maven.contains("<<< ERROR!") {
        if maven.starts_with("Tests run:") {
            return None;
        }
        return Some(first_word(maven));
    }
    if let Some(name) = text
        .strip_suffix(" FAILED")
        .filter(|name| name.contains(" > "))
    {
        return Some(name.trim());
    }
    None
}

/// A mocha failure in its detailed list: `1) Suite name` after `N failing`.
fn mocha_test_name(text: &str) -> Option<&str> {
    let (number, name) = text.split_once(") ")?;
    (!number.is_empty() && number.bytes().all(|byte| byte.is_ascii_digit())).then_some(name.trim())
}

/// The lines of the phase that name a failing test, in order.
fn test_lines<'a>(evidence: &'a Evidence<'a>) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let hits = evidence.hits;
    hits.iter()
        .filter_map(move |&index| test_name(evidence.text(index)).map(|name| (index, name)))
}

/// The mocha failures listed after the line `N failing`: `1) Suite` then, on the next lines, each
/// deeper title, the last one ending with `:` (older mocha: the whole title on one line, with its `:`).
fn mocha_lines(evidence: &Evidence<'_>) -> Vec<(usize, String)> {
    let Some(&summary) = evidence.hits.first() else {
        return Vec::new();
    };
    let end = evidence.range.end;
    let mut found = Vec::new();
    for index in summary + 1..end {
        let Some(first) = mocha_test_name(evidence.text(index)) else {
            continue;
        };
        let mut parts = vec![first.trim_end_matches(':').to_owned()];
        if !first.ends_with(':') {
            for next in index + 1..end.min(index + 8) {
                let text = evidence.text(next);
                if text.is_empty() || mocha_test_name(text).is_some() {
                    break;
                }
                parts.push(text.trim_end_matches(':').to_owned());
                if text.ends_with(':') {
                    break;
                }
            }
        }
        found.push((index, parts.join(" › ")));
        if found.len() == MOST_TESTS {
            break;
        }
    }
    found
}

/// The first line that names a failing test (mocha: after its summary), for the failure summary.
pub(crate) fn first_test_line(evidence: &Evidence<'_>) -> Option<usize> {
    test_lines(evidence)
        .map(|(index, _)| index)
        .next()
        .or_else(|| mocha_lines(evidence).first().map(|(index, _)| *index))
}

/// The failing tests and their count: `Test` once per test (no repeats), then `Count`.
fn named(names: impl Iterator<Item = String>, count: Option<u64>) -> Vec<CauseArg> {
    let mut seen: Vec<String> = Vec::new();
    for name in names {
        if !seen.contains(&name) {
            seen.push(name);
        }
        if seen.len() == MOST_TESTS {
            break;
        }
    }
    let count = count.or_else(|| (!seen.is_empty()).then_some(seen.len() as u64));
    seen.iter()
        .filter_map(|name| arg(ArgName::Test, name))
        .chain(count.and_then(|count| arg(ArgName::Count, &count.to_string())))
        .collect()
}

/// The names of the tests the hits name.
fn hit_names(evidence: &Evidence<'_>) -> Vec<String> {
    test_lines(evidence)
        .map(|(_, name)| name.to_owned())
        .collect()
}

/// The first count of `word` on a hit that has one (`N failed`).
fn hit_count(evidence: &Evidence<'_>, read: impl Fn(&str) -> Option<u64>) -> Option<u64> {
    evidence.hit_texts().find_map(read)
}

/// pytest: the `FAILED` and `ERROR` lines, and the count of its last line.
pub(crate) fn pytest(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let count = hit_count(evidence, |text| {
        text.starts_with('=')
            .then(|| count_before(text, " failed"))
            .flatten()
    });
    named(hit_names(evidence).into_iter(), count)
}

/// unittest: the `FAIL:` and `ERROR:` lines, and the sum of `FAILED (failures=1, errors=2)`.
pub(crate) fn unittest(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let count = hit_count(evidence, |text| {
        let failures = count_after(text, "failures=");
        let errors = count_after(text, "errors=");
        (failures.is_some() || errors.is_some())
            .then(|| failures.unwrap_or(0) + errors.unwrap_or(0))
    });
    named(hit_names(evidence).into_iter(), count)
}

/// jest: the `●` lines, and the count of `Tests: N failed`.
pub(crate) fn jest(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let count = hit_count(evidence, |text| {
        text.starts_with("Tests:")
            .then(|| count_before(text, " failed"))
            .flatten()
    });
    named(hit_names(evidence).into_iter(), count)
}

/// mocha: the numbered failures after `N failing`, and N.
pub(crate) fn mocha(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let count = hit_count(evidence, |text| count_before(text, " failing"));
    let names = mocha_lines(evidence).into_iter().map(|(_, name)| name);
    named(names, count)
}

/// rspec: the `rspec ./spec/x_spec.rb:12 # Foo does bar` lines, and the count of its summary.
pub(crate) fn rspec(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let count = hit_count(evidence, |text| count_before(text, " failure"));
    named(hit_names(evidence).into_iter(), count)
}

/// go test: the `--- FAIL: TestX` lines.
pub(crate) fn go(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let mut args = named(hit_names(evidence).into_iter(), None);
    if let Some(limit) = evidence
        .after("panic: test timed out after ")
        .map(first_word)
    {
        args.extend(arg(ArgName::Limit, limit));
    }
    args
}

/// cargo test: the `test x ... FAILED` lines, and the count of `test result: FAILED. 0 passed; 1 failed`.
pub(crate) fn cargo(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let count = hit_count(evidence, |text| {
        text.contains("test result: FAILED")
            .then(|| count_before(text, " failed"))
            .flatten()
    });
    named(hit_names(evidence).into_iter(), count)
}

/// Maven: the `<<< FAILURE!` lines of tests, and the count of its summary.
pub(crate) fn maven(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let count = hit_count(evidence, |text| {
        let failures = count_after(text, "Failures:")?;
        Some(failures + count_after(text, "Errors:").unwrap_or(0))
    });
    named(hit_names(evidence).into_iter(), count)
}

/// Gradle: the `FooTest > testBar FAILED` lines, and the count of `N tests completed, M failed`.
pub(crate) fn gradle(evidence: &Evidence<'_>) -> Vec<CauseArg> {
    let count = hit_count(evidence, |text| {
        text.contains("tests completed")
            .then(|| count_before(text, " failed"))
            .flatten()
    });
    named(hit_names(evidence).into_iter(), count)
}
