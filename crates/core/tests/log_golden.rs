//! Golden tests: every `.txt` log of the shared corpus parses into the JSON kept in
//! `tests/golden/logs/<same name>.json` (the JSON `pipelens log --json` prints).
//! `UPDATE_EXPECT=1 cargo test -p pipelens-core --test log_golden` rewrites the golden files.

use std::fs;
use std::path::{Path, PathBuf};

use pipelens_core::log::{parse_log, report_json};

fn corpus_logs() -> PathBuf {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/logs"
    ))
    .to_path_buf()
}

fn golden_dir() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/logs")).to_path_buf()
}

#[test]
fn every_corpus_log_matches_its_golden_file() {
    let corpus = corpus_logs();
    let entries = fs::read_dir(&corpus)
        .unwrap_or_else(|error| panic!("the corpus is missing at {}: {error}", corpus.display()));
    let mut logs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "txt"))
        .collect();
    logs.sort();
    assert!(
        logs.len() >= 40,
        "expected the whole corpus, found {} logs",
        logs.len()
    );
    let update = std::env::var_os("UPDATE_EXPECT").is_some_and(|value| value == "1");
    let mut mismatches = Vec::new();
    for log in &logs {
        let bytes =
            fs::read(log).unwrap_or_else(|error| panic!("cannot read {}: {error}", log.display()));
        let text = String::from_utf8_lossy(&bytes);
        let actual = serde_json::to_string_pretty(&report_json(&parse_log(&text)))
            .expect("the report serialises")
            + "\n";
        let name = log
            .file_name()
            .and_then(|name| name.to_str())
            .expect("a file name")
            .replace(".txt", ".json");
        let golden = golden_dir().join(&name);
        if update {
            fs::create_dir_all(golden_dir()).expect("the golden folder can be created");
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
fn no_golden_file_is_left_without_its_log() {
    let Ok(entries) = fs::read_dir(golden_dir()) else {
        panic!("the golden folder is missing");
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().replace(".json", ".txt");
        assert!(
            corpus_logs().join(&name).exists(),
            "{name} has a golden file but no log"
        );
    }
}

#[test]
fn a_corpus_log_whose_steps_all_passed_gets_no_cause() {
    use pipelens_core::log::causes::Level;
    use pipelens_core::log::PhaseStatus;

    let mut passing = 0;
    for entry in fs::read_dir(corpus_logs()).expect("the corpus") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|extension| extension != "txt") {
            continue;
        }
        let text = String::from_utf8_lossy(&fs::read(&path).expect("a readable log")).into_owned();
        let report = parse_log(&text);
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
    assert!(passing >= 20, "only {passing} passing logs");
}
