//! `pipelens log`: JSON on a file, standard input, and the exit codes.

use std::io::Write;
use std::process::{Command, Stdio};

/// A 2018 job page ending with a flake8 failure, from the core's fixtures.
const FIXTURE_LOG: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/tests/fixtures/logs/failing-run-old-footer.txt"
);

fn pipelens() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pipelens"))
}

#[test]
fn json_on_a_file() {
    let output = pipelens()
        .args(["log", FIXTURE_LOG, "--json"])
        .output()
        .expect("the binary runs");
    assert!(output.status.success());
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the output is JSON");
    assert_eq!(json["format"], "job-page");
    let phases = json["phases"].as_array().expect("a list of phases");
    let titles: Vec<&str> = phases
        .iter()
        .filter_map(|phase| phase["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Spin up environment",
            "Checkout code",
            "Install dependencies",
            "Run flake8"
        ]
    );
    let last = &phases[3];
    assert_eq!(last["status"], "failed");
    assert_eq!(last["exit_code"], 1);
    assert_eq!(last["lines"], serde_json::json!([47, 54]));
    assert_eq!(last["doc"], "phases/run-step");
    assert_eq!(last["causes"][0]["id"], "lint-findings");
    assert!(phases[0]["facts"].as_array().is_some_and(|facts| facts
        .iter()
        .any(|fact| fact["label"] == "image" && fact["value"] == "circleci/python:3.6.5")));
}

#[test]
fn standard_input_and_the_readable_summary() {
    let mut child = pipelens()
        .args(["log", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("a standard input")
        .write_all(b"Skipping cache generation, cache already exists for key: v1-deps\nFound one created at 2022-02-22 21:03:08 +0000 UTC\n")
        .expect("the log is written");
    let output = child.wait_with_output().expect("the binary ends");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("format: single-step\n"), "{text}");
    assert!(
        text.contains("↷ Saving cache  [built-in]  lines 1-2  skipped"),
        "{text}"
    );
    assert!(
        text.contains("cache already exists: 2022-02-22 21:03:08 +0000 UTC"),
        "{text}"
    );
}

#[test]
fn exit_codes_for_a_missing_file_and_misuse() {
    let missing = pipelens()
        .args(["log", "/nonexistent/build.log"])
        .output()
        .expect("the binary runs");
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
    let misuse = pipelens().args(["log"]).output().expect("the binary runs");
    assert_eq!(misuse.status.code(), Some(2));
    let extra = pipelens()
        .args(["log", "a", "b"])
        .output()
        .expect("the binary runs");
    assert_eq!(extra.status.code(), Some(2));
}
