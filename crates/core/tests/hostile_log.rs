//! Hostile logs: each is parsed in bounded time, keeps the parser's promise (the phases hold every
//! line once, in order) and, where the input is odd, says so with a note.
//!
//! The time bound is a hang guard (60 s in a debug build), not a benchmark.

use std::time::{Duration, Instant};

use pipelens_core::log::{parse_log, LogFormat, LogReport, Note};

/// The most one parse may take before the test calls it a hang.
const HANG_GUARD: Duration = Duration::from_secs(60);

/// Parses `text` within [`HANG_GUARD`] and checks that the phases cover every line once, in order.
fn parse(text: &str) -> LogReport {
    let started = Instant::now();
    let report = parse_log(text);
    let took = started.elapsed();
    assert!(took < HANG_GUARD, "the parse took {took:?}");
    let mut next = 0;
    for phase in &report.phases {
        assert_eq!(phase.lines.start, next, "{:?}", phase.lines);
        assert!(phase.lines.end > phase.lines.start);
        next = phase.lines.end;
    }
    assert_eq!(next, report.lines.len());
    report
}

/// The visible text of line `index` (0-based).
fn line_text(report: &LogReport, index: usize) -> String {
    report.lines.text(index).to_owned()
}

#[test]
fn a_million_carriage_returns_on_one_line_collapse_to_the_last_redraw() {
    let mut text = "progress\r".repeat(1_000_000);
    text.push_str("done\n");
    let report = parse(&text);
    assert_eq!(report.lines.len(), 1);
    assert_eq!(line_text(&report, 0), "done");
    let bare = parse(&"\r".repeat(1_000_000));
    assert_eq!(bare.lines.len(), 1);
}

#[test]
fn a_10_mb_line_is_one_line() {
    let text = format!(
        "Run tests\n{}\nExited with code exit status 1\n",
        "x".repeat(10 * 1024 * 1024)
    );
    let report = parse(&text);
    assert_eq!(report.lines.len(), 3);
    assert_eq!(report.lines.text(1).len(), 10 * 1024 * 1024);
}

#[test]
fn a_hundred_thousand_escape_sequences_are_removed() {
    let text = "\u{1b}[1;31mred\u{1b}[0m ".repeat(50_000);
    let report = parse(&text);
    assert_eq!(report.lines.len(), 1);
    assert_eq!(line_text(&report, 0), "red ".repeat(50_000));
}

#[test]
fn truncated_escapes_at_the_end_are_dropped() {
    for tail in [
        "\u{1b}",
        "\u{1b}[",
        "\u{1b}[1;3",
        "\u{1b}]8;;http://example.com",
        "\u{1b}]0;title\u{1b}",
    ] {
        let text = format!("Exited with code exit status 1\nlast words{tail}");
        let report = parse(&text);
        assert_eq!(report.lines.len(), 2, "{tail:?}");
        assert_eq!(line_text(&report, 1), "last words", "{tail:?}");
    }
}

#[test]
fn nul_bytes_are_kept_as_text() {
    let text = "a\0b\n\0\0\0\nExited with code exit status 1\n";
    let report = parse(text);
    assert_eq!(report.lines.len(), 3);
    assert_eq!(line_text(&report, 0), "a\0b");
}

#[test]
fn lone_surrogates_in_json_make_it_invalid_and_it_is_read_as_text() {
    let text = "[{\"message\": \"\\ud800 lone\", \"type\": \"out\"}]";
    let report = parse(text);
    assert_eq!(report.format, LogFormat::SingleStep);
    assert!(
        matches!(
            report.notes.first(),
            Some(Note::InvalidJson { line: 1, .. })
        ),
        "{:?}",
        report.notes
    );
    assert_eq!(report.lines.len(), 1);
}

#[test]
fn json_nested_100000_deep_is_invalid_and_read_as_text() {
    let text = format!(
        "[{{\"message\": {}{}}}]",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let report = parse(&text);
    // serde_json refuses the 128th nested value: after `[`, `{` and the 11 other characters of
    // `[{"message": ` (columns 1 to 13), that is the 126th `[`, at column 139.
    assert_eq!(
        report.notes.first(),
        Some(&Note::InvalidJson {
            line: 1,
            column: 139
        })
    );
    assert_eq!(report.format, LogFormat::SingleStep);
    assert_eq!(report.lines.len(), 1);
}

#[test]
fn huge_numbers_in_json_are_read_or_reported() {
    // 300 digits still fit in a float: the JSON is read.
    let message = |number: &str| {
        format!("[{{\"message\": \"hello\\n\", \"time\": \"2024-01-01T00:00:00Z\", \"type\": \"out\", \"n\": {number}}}]")
    };
    let report = parse(&message(&"9".repeat(300)));
    assert_eq!(report.format, LogFormat::ApiJson);
    assert_eq!(line_text(&report, 0), "hello");
    // Past the largest float, serde_json refuses the number: the note points at its end.
    for number in ["9".repeat(10_000), "1e999999".to_owned()] {
        let text = message(&number);
        let report = parse(&text);
        let end = text.find(&number).unwrap_or_default() + number.len();
        assert_eq!(
            report.notes.first(),
            Some(&Note::InvalidJson {
                line: 1,
                column: end
            }),
            "{}",
            &number[..8]
        );
        assert_eq!(report.format, LogFormat::SingleStep);
    }
}
