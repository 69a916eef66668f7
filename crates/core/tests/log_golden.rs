//! Golden tests: every log parses into the JSON kept beside it (the JSON `pipelens log --json` prints):
//! the fixtures `tests/fixtures/logs/<name>.txt` into `tests/golden/fixtures/<name>.json`, always (the
//! hand-written ones, and `audit-*.txt` to `audit5-*.txt`: 146 real excerpts from public issues and
//! pages, 2016–2026, gathered by five audits (the fifth of green and noisy logs), whose sources and
//! expected diagnoses are in `AUDIT-SOURCES.tsv`); the `.txt` logs of the real-world corpus into `tests/golden/logs/<name>.json`, when the corpus
//! is here (see `support/corpus.rs`).
//! `UPDATE_EXPECT=1 cargo test -p pipelens-core --test log_golden` rewrites the golden files.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use pipelens_core::log::causes::Level;
use pipelens_core::log::{parse_log, report_json, PhaseStatus};
use support::corpus;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/logs");
const FIXTURE_GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/fixtures");
const CORPUS_GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/logs");

/// The `.txt` files of a folder, sorted.
fn logs_in(dir: &Path) -> Vec<PathBuf> {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()));
    let mut logs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "txt"))
        .collect();
    logs.sort();
    logs
}

fn read_log(path: &Path) -> String {
    let bytes =
        fs::read(path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Compares each log's JSON with its golden file in `golden_dir` (or rewrites them with
/// `UPDATE_EXPECT=1`), and fails with every difference at once.
fn check_goldens(logs: &[PathBuf], golden_dir: &Path) {
    let update = std::env::var_os("UPDATE_EXPECT").is_some_and(|value| value == "1");
    let mut mismatches = Vec::new();
    for log in logs {
        let actual = serde_json::to_string_pretty(&report_json(&parse_log(&read_log(log))))
            .expect("the report serialises")
            + "\n";
        let name = log
            .file_name()
            .and_then(|name| name.to_str())
            .expect("a file name");
        let name = format!("{}.json", name.strip_suffix(".txt").unwrap_or(name));
        let golden = golden_dir.join(&name);
        if update {
            fs::create_dir_all(golden_dir).expect("the golden folder can be created");
            fs::write(&golden, &actual).expect("the golden file can be written");
            continue;
        }
        match fs::read_to_string(&golden) {
            Ok(expected) if expected == actual => {}
            Ok(_) => mismatches.push(format!(
                "{name} differs (rerun with UPDATE_EXPECT=1 and review the diff)"
            )),
            Err(_) => mismatches.push(format!("{name} is missing (run with UPDATE_EXPECT=1)")),
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn every_fixture_log_matches_its_golden_file() {
    let logs = logs_in(Path::new(FIXTURES));
    assert!(logs.len() >= 20, "only {} fixture logs", logs.len());
    check_goldens(&logs, Path::new(FIXTURE_GOLDEN));
}

#[test]
fn every_corpus_log_matches_its_golden_file() {
    let Some(logs) = corpus::files("logs", &[".txt"]) else {
        return;
    };
    check_goldens(&logs, Path::new(CORPUS_GOLDEN));
}

/// The name of the log a golden file is for: `x.json` is for `x.txt`.
fn log_name(golden: &str) -> String {
    format!("{}.txt", golden.strip_suffix(".json").unwrap_or(golden))
}

#[test]
fn every_golden_file_belongs_to_a_log() {
    for entry in fs::read_dir(FIXTURE_GOLDEN)
        .expect("the fixtures' golden folder")
        .filter_map(Result::ok)
    {
        let name = log_name(&entry.file_name().to_string_lossy());
        assert!(
            Path::new(FIXTURES).join(&name).exists(),
            "{name} has a golden file but no fixture"
        );
    }
    // The corpus may be partial on this machine: its goldens must name a file the manifest lists.
    let manifest = corpus::manifest();
    for entry in fs::read_dir(CORPUS_GOLDEN)
        .expect("the corpus' golden folder")
        .filter_map(Result::ok)
    {
        let name = log_name(&entry.file_name().to_string_lossy());
        assert!(
            manifest.contains(&format!("logs/{name}")),
            "{name} has a golden file but corpus-manifest.tsv lists no such log"
        );
    }
}

/// Fails when a log whose steps all passed (none failed) gets a failure cause or a failure summary;
/// returns how many such logs there were.
fn assert_passing_logs_get_no_cause(logs: &[PathBuf]) -> usize {
    let mut passing = 0;
    for path in logs {
        let report = parse_log(&read_log(path));
        if report
            .phases
            .iter()
            .any(|phase| phase.status == PhaseStatus::Failed)
        {
            continue;
        }
        passing += 1;
        let causes: Vec<_> = report
            .phases
            .iter()
            .flat_map(|phase| &phase.causes)
            .filter(|cause| cause.id.level() == Level::Failure)
            .map(|cause| cause.id.id())
            .collect();
        assert!(causes.is_empty(), "{}: {causes:?}", path.display());
        assert!(report.failure().is_none(), "{}", path.display());
    }
    passing
}

#[test]
fn a_fixture_log_whose_steps_all_passed_gets_no_cause() {
    let passing = assert_passing_logs_get_no_cause(&logs_in(Path::new(FIXTURES)));
    assert!(passing >= 8, "only {passing} passing fixture logs");
}

#[test]
fn a_corpus_log_whose_steps_all_passed_gets_no_cause() {
    let Some(logs) = corpus::files("logs", &[".txt"]) else {
        return;
    };
    assert_passing_logs_get_no_cause(&logs);
}
