//! Properties of the log parser over arbitrary input: it never panics, and its phases hold every
//! line once, in order.

use pipelens_core::log::causes::Level;
use pipelens_core::log::{parse_log, PhaseStatus};
use proptest::prelude::*;

/// Lines that look like CircleCI output, mixed with escapes, redraws and noise.
fn log_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Spin up environment".to_owned()),
        Just("**Checkout code**".to_owned()),
        Just("## Run tests".to_owned()),
        Just("#!/bin/bash -eo pipefail".to_owned()),
        Just("====>> Preparing environment variables".to_owned()),
        Just("Exited with code exit status 1".to_owned()),
        Just("CircleCI received exit code 0".to_owned()),
        Just("Found a cache from build 3 at key".to_owned()),
        Just("No cache is found for key: key".to_owned()),
        Just("Creating cache archive...".to_owned()),
        Just("Uploading /tmp/a to a".to_owned()),
        Just("Total size uploaded: 3 MiB".to_owned()),
        Just("=== 1 failed, 2 passed in 0.10s ===".to_owned()),
        Just("FAILED tests/test_a.py::test_one - assert 1 == 2".to_owned()),
        Just("/bin/bash: line 1:  2440 Killed                  python x.py".to_owned()),
        Just("Exited with code exit status 137".to_owned()),
        Just("error running git clone \"git@github.com:o/r.git\": exit status 128".to_owned()),
        Just(
            "Error response from daemon: manifest for cimg/x:1 not found: manifest unknown"
                .to_owned()
        ),
        Just("Too long with no output (exceeded 10m0s): context deadline exceeded".to_owned()),
        Just("# Unable to parse YAML".to_owned()),
        Just("Configuration errors: 1 error occurred:".to_owned()),
        Just("Error:".to_owned()),
        Just("  ● Suite › does it".to_owned()),
        Just("./app.py:3:1: E302 expected 2 blank lines".to_owned()),
        Just("\u{1b}[1;31merror\u{1b}[0m\r".to_owned()),
        Just("50%\r100%".to_owned()),
        Just("\u{1b}]8;;http://x\u{1b}\\link".to_owned()),
        Just(String::new()),
        "[ -~]{0,40}",
        "\\PC{0,20}",
    ]
}

/// The number of lines `parse_log` sees in text input: `\n`-separated, a final newline ends the last.
fn line_count(text: &str) -> usize {
    if text.is_empty() {
        0
    } else {
        text.split('\n').count() - usize::from(text.ends_with('\n'))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn phases_hold_every_line_once_in_order(lines in prop::collection::vec(log_line(), 0..40), final_newline: bool) {
        let mut text = lines.join("\n");
        if final_newline && !text.is_empty() {
            text.push('\n');
        }
        prop_assume!(!text.trim_start().starts_with(['{', '[']));
        let report = parse_log(&text);
        prop_assert_eq!(report.lines.len(), line_count(&text));
        let mut next = 0;
        for phase in &report.phases {
            prop_assert_eq!(phase.lines.start, next);
            prop_assert!(phase.lines.end > phase.lines.start);
            next = phase.lines.end;
        }
        prop_assert_eq!(next, report.lines.len());
    }

    #[test]
    fn causes_explain_failed_phases_with_lines_of_their_own(lines in prop::collection::vec(log_line(), 0..40)) {
        let text = lines.join("\n");
        prop_assume!(!text.trim_start().starts_with(['{', '[']));
        let report = parse_log(&text);
        for phase in &report.phases {
            let mut rank = 0;
            for cause in &phase.causes {
                if cause.id.level() == Level::Failure {
                    prop_assert_eq!(phase.status, PhaseStatus::Failed);
                }
                prop_assert!(phase.lines.contains(&cause.line));
                prop_assert_eq!(cause.evidence.first(), Some(&cause.line));
                prop_assert!(cause.id.rank() >= rank);
                rank = cause.id.rank();
            }
            if let Some(line) = phase.error_line {
                prop_assert!(phase.lines.contains(&line));
            }
        }
        if report.phases.iter().all(|phase| phase.status != PhaseStatus::Failed) {
            prop_assert!(report.failure().is_none());
        }
    }

    #[test]
    fn arbitrary_input_never_panics(text in "\\PC{0,300}|[\\x00-\\x7f]{0,300}") {
        let report = parse_log(&text);
        let covered: usize = report.phases.iter().map(|phase| phase.lines.len()).sum();
        prop_assert_eq!(covered, report.lines.len());
    }

    #[test]
    fn arbitrary_bytes_with_escapes_never_panic(bytes in prop::collection::vec(prop_oneof![Just(0x1bu8), Just(b'['), Just(b']'), Just(b'\r'), Just(b'\n'), Just(b';'), Just(b'm'), any::<u8>()], 0..300)) {
        let text = String::from_utf8_lossy(&bytes);
        let report = parse_log(&text);
        let covered: usize = report.phases.iter().map(|phase| phase.lines.len()).sum();
        prop_assert_eq!(covered, report.lines.len());
    }
}

/// The report the log worker sends comes back equal on the page, whatever the log: the visible text
/// goes as pieces of the raw log (`log::transfer`), so any input that renders differently from its
/// raw text (escapes, redraws, JSON) must still rebuild byte for byte.
#[cfg(feature = "transfer")]
mod transfer {
    use super::log_line;
    use pipelens_core::log::{decode_report, encode_report, parse_log};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn a_report_comes_back_equal(lines in prop::collection::vec(log_line(), 0..40), noise in "\\PC{0,80}") {
            let text = format!("{}{noise}", lines.join("\n"));
            let report = parse_log(&text);
            let bytes = encode_report(&report, &text);
            prop_assert_eq!(decode_report(&bytes, &text), Ok(report));
        }

        #[test]
        fn an_api_json_report_comes_back_equal(messages in prop::collection::vec("\\PC{0,30}|\u{1b}\\[3[0-7]m|\r\n", 0..12)) {
            let output: Vec<_> = messages.iter().map(|message| serde_json::json!({ "message": message, "type": "out" })).collect();
            let text = serde_json::Value::from(output).to_string();
            let report = parse_log(&text);
            let bytes = encode_report(&report, &text);
            prop_assert_eq!(decode_report(&bytes, &text), Ok(report));
        }
    }
}
