//! The processed view over every fixture and corpus configuration.
//!
//! - Golden files: each configuration's processed YAML (remarks as comments, notes after it) is
//!   compared with `tests/golden/processed/<name>.yml`; `UPDATE_EXPECT=1` rewrites them, to be read
//!   and judged by eye.
//! - The processed text is itself a valid configuration: it parses, and processing it again changes
//!   nothing (CircleCI's processed output is a fixed point too).
//! - Every processed line points into its source.

mod support;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use pipelens_core::config::{analyse_config, process_config, ProcessedConfig};
use pipelens_core::Lang;
use support::corpus;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/configs");
const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/processed");

/// The hand-written fixtures and, when present, the corpus configurations.
fn all_configs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .expect("the fixtures are readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yml"))
        .collect();
    files.extend(corpus::files("configs", &[".yml"]).unwrap_or_default());
    files.push(
        Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../samples/seed-config.yml"
        ))
        .into(),
    );
    files.sort();
    files
}

/// The processed YAML as the CLI prints it, then the notes.
fn written(config: &ProcessedConfig) -> String {
    let mut out = String::new();
    for line in &config.lines {
        match &line.note {
            Some(note) => writeln!(out, "{}  # {}", line.text, note.text(Lang::En)),
            None => writeln!(out, "{}", line.text),
        }
        .expect("writing to a string");
    }
    for note in &config.notes {
        let at = note
            .span
            .map(|s| format!("{}:{}: ", s.line, s.column))
            .unwrap_or_default();
        writeln!(out, "# note: {at}{}", note.message.text(Lang::En)).expect("writing to a string");
    }
    out
}

/// The YAML lines alone.
fn plain(config: &ProcessedConfig) -> String {
    config
        .lines
        .iter()
        .map(|line| format!("{}\n", line.text))
        .collect()
}

/// The golden file's name: where the configuration comes from, then its name.
fn name_of(path: &Path) -> String {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("a file name");
    let origin = if path.starts_with(FIXTURES) {
        "fixture"
    } else if stem.starts_with("seed-") {
        "sample"
    } else {
        "corpus"
    };
    format!("{origin}__{stem}")
}

#[test]
fn every_config_matches_its_processed_golden_file() {
    let update = std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1");
    let mut mismatches = Vec::new();
    for path in all_configs() {
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("readable")).into_owned();
        let actual = written(&process_config(&text, &[]));
        let golden = Path::new(GOLDEN).join(format!("{}.yml", name_of(&path)));
        if update {
            std::fs::create_dir_all(GOLDEN).expect("the golden folder can be created");
            std::fs::write(&golden, &actual).expect("the golden file is writable");
        } else if std::fs::read_to_string(&golden).ok().as_deref() != Some(actual.as_str()) {
            mismatches.push(name_of(&path));
        }
    }
    assert!(
        mismatches.is_empty(),
        "processed configurations differ (rerun with UPDATE_EXPECT=1 and review): {mismatches:?}"
    );
}

#[test]
fn processed_text_is_a_configuration_that_processes_to_itself() {
    for path in all_configs() {
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("readable")).into_owned();
        let first = process_config(&text, &[]);
        if first.lines.is_empty() {
            continue;
        }
        let once = plain(&first);
        let report = analyse_config(&once);
        assert!(
            report.syntax_error().is_none(),
            "{}: the processed text does not parse: {:?}",
            path.display(),
            report.syntax_error()
        );
        let twice = plain(&process_config(&once, &[]));
        if once != twice {
            let line = once
                .lines()
                .zip(twice.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            panic!(
                "{}: processing the processed text changes line {}:\n{:?}\n{:?}",
                path.display(),
                line + 1,
                once.lines().nth(line),
                twice.lines().nth(line)
            );
        }
    }
}

#[test]
fn every_processed_line_points_into_its_source() {
    for path in all_configs() {
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("readable")).into_owned();
        for line in process_config(&text, &[]).lines {
            let span = line.source.expect("every line has a source");
            assert!(
                span.start <= span.end && span.end <= text.len() && span.line >= 1,
                "{}: {line:?}",
                path.display()
            );
        }
    }
}
