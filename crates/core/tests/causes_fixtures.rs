//! Every cause of the catalogue on a real-shaped log: `tests/fixtures/causes/<id>[--variant].log`.
//!
//! Each fixture starts with a header, then `---`, then the log:
//!
//! ```text
//! # source: where its lines come from (an issue, a support article, a corpus log)
//! # expect: the cause id that the first phase with causes must show first
//! # status: the status of that phase (optional)
//! # line: the 1-based line of the log the cause points at (optional)
//! # arg: name=value (any number: each must be among the cause's arguments)
//! ---
//! ```

use std::fs;
use std::path::{Path, PathBuf};

use pipelens_core::log::causes::CauseId;
use pipelens_core::log::{parse_log, PhaseStatus};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/causes"
    ));
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("the fixtures folder")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "log"))
        .collect();
    files.sort();
    files
}

struct Fixture {
    name: String,
    source: String,
    expect: String,
    status: Option<String>,
    line: Option<usize>,
    args: Vec<(String, String)>,
    log: String,
}

fn read(path: &Path) -> Fixture {
    let text = fs::read_to_string(path).expect("a readable fixture");
    let (head, log) = text
        .split_once("\n---\n")
        .unwrap_or_else(|| panic!("{}: no --- line", path.display()));
    let mut fixture = Fixture {
        name: path.file_stem().unwrap().to_string_lossy().into_owned(),
        source: String::new(),
        expect: String::new(),
        status: None,
        line: None,
        args: Vec::new(),
        log: log.to_owned(),
    };
    for line in head.lines() {
        let (key, value) = line
            .strip_prefix("# ")
            .and_then(|rest| rest.split_once(": "))
            .unwrap_or_else(|| panic!("{}: bad header line {line:?}", fixture.name));
        match key {
            "source" => fixture.source = value.to_owned(),
            "expect" => fixture.expect = value.to_owned(),
            "status" => fixture.status = Some(value.to_owned()),
            "line" => fixture.line = Some(value.parse().expect("a line number")),
            "arg" => {
                let (name, value) = value.split_once('=').expect("name=value");
                fixture.args.push((name.to_owned(), value.to_owned()));
            }
            other => panic!("{}: unknown header {other}", fixture.name),
        }
    }
    fixture
}

#[test]
fn every_fixture_shows_its_cause_first_with_its_evidence_and_arguments() {
    let mut problems = Vec::new();
    for path in fixtures() {
        let fixture = read(&path);
        assert!(!fixture.source.is_empty(), "{}: no source", fixture.name);
        let report = parse_log(&fixture.log);
        let Some(phase) = report.phases.iter().find(|phase| !phase.causes.is_empty()) else {
            problems.push(format!("{}: no cause at all", fixture.name));
            continue;
        };
        let cause = &phase.causes[0];
        if cause.id.id() != fixture.expect {
            let found: Vec<&str> = phase.causes.iter().map(|cause| cause.id.id()).collect();
            problems.push(format!(
                "{}: expected {}, found {found:?}",
                fixture.name, fixture.expect
            ));
            continue;
        }
        if let Some(status) = &fixture.status {
            if phase.status.id() != status {
                problems.push(format!(
                    "{}: status {} not {status}",
                    fixture.name,
                    phase.status.id()
                ));
            }
        }
        if let Some(line) = fixture.line {
            if cause.line + 1 != line {
                problems.push(format!(
                    "{}: points at line {} ({:?}), not {line}",
                    fixture.name,
                    cause.line + 1,
                    report.lines.text(cause.line)
                ));
            }
        }
        assert!(cause.evidence.contains(&cause.line), "{}", fixture.name);
        assert!(phase.lines.contains(&cause.line), "{}", fixture.name);
        for (name, value) in &fixture.args {
            let found = cause
                .args
                .iter()
                .any(|arg| arg.name.id() == name && arg.value == *value);
            if !found {
                problems.push(format!(
                    "{}: no argument {name}={value} in {:?}",
                    fixture.name, cause.args
                ));
            }
        }
        if phase.status == PhaseStatus::Failed {
            assert_eq!(
                phase.error_line,
                Some(cause.line),
                "{}: the first error line is the cause's",
                fixture.name
            );
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_cause_has_a_fixture() {
    let names: Vec<String> = fixtures()
        .iter()
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    let missing: Vec<&str> = CauseId::ALL
        .iter()
        .map(|id| id.id())
        .filter(|id| {
            !names
                .iter()
                .any(|name| name == id || name.starts_with(&format!("{id}--")))
        })
        .collect();
    assert!(missing.is_empty(), "causes without a fixture: {missing:?}");
}
