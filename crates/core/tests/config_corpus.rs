//! Golden tests over every configuration of the shared corpus.
//!
//! For each `corpus/configs/<name>.yml`, a summary of the analysis (version, counts, workflow stages,
//! every diagnostic) is compared with `tests/golden/configs/<name>.json`; `UPDATE_EXPECT=1` rewrites
//! the golden files, which must then be read and judged by eye.

mod support;

use std::path::{Path, PathBuf};

use pipelens_core::config::{analyse_config, ConfigReport, Severity};
use pipelens_core::Lang;
use serde_json::{json, Value};
use support::corpus;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/configs");

/// The corpus configurations, sorted; `None` when the corpus is not on this machine.
fn corpus_files() -> Option<Vec<PathBuf>> {
    corpus::files("configs", &[".yml"])
}

/// The hand-written configurations of `tests/fixtures/configs`, sorted.
fn fixture_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .expect("the fixtures are readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yml"))
        .collect();
    files.sort();
    files
}

/// The part of a report that the golden files pin down.
fn summary(report: &ConfigReport) -> Value {
    let config = &report.config;
    let workflows: Vec<Value> = report
        .graphs
        .iter()
        .map(|graph| {
            let stages: Vec<Vec<&str>> =
                graph.stages.iter().map(|s| s.iter().map(|&i| graph.nodes[i].name.as_str()).collect()).collect();
            json!({ "name": graph.workflow, "jobs": graph.nodes.len(), "edges": graph.edges.len(), "stages": stages })
        })
        .collect();
    let diagnostics: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| json!({ "rule": d.rule, "severity": d.severity, "line": d.span.line, "column": d.span.column, "message": d.text(Lang::En) }))
        .collect();
    json!({
        "version": config.version.as_ref().map(|v| v.value.clone()),
        "setup": config.setup,
        "orbs": config.orbs.iter().map(|o| o.name.value.clone()).collect::<Vec<_>>(),
        "executors": config.executors.len(),
        "commands": config.commands.len(),
        "jobs": config.jobs.len(),
        "steps": config.jobs.iter().map(|j| j.steps.len()).sum::<usize>(),
        "parts": report.parts.len(),
        "workflows": workflows,
        "diagnostics": diagnostics,
    })
}

/// Compares each configuration's summary with its golden file in `golden_dir` (or rewrites them with
/// `UPDATE_EXPECT=1`).
fn check_goldens(files: &[PathBuf], golden_dir: &Path) {
    let update = std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1");
    let mut mismatches = Vec::new();
    for path in files {
        let bytes = std::fs::read(path).expect("a configuration is readable");
        let text = String::from_utf8_lossy(&bytes);
        let actual = serde_json::to_string_pretty(&summary(&analyse_config(&text)))
            .expect("a summary serialises")
            + "\n";
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a file name");
        let golden = golden_dir.join(format!("{stem}.json"));
        if update {
            std::fs::create_dir_all(golden_dir).expect("the golden folder can be created");
            std::fs::write(&golden, &actual).expect("the golden file is writable");
        } else if std::fs::read_to_string(&golden).ok().as_deref() != Some(actual.as_str()) {
            mismatches.push(stem.to_owned());
        }
    }
    assert!(
        mismatches.is_empty(),
        "golden summaries differ (rerun with UPDATE_EXPECT=1 and review): {mismatches:?}"
    );
}

#[test]
fn every_fixture_config_matches_its_golden_summary() {
    let files = fixture_files();
    assert!(files.len() >= 14, "only {} fixture configs", files.len());
    check_goldens(
        &files,
        Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/golden/fixture-configs"
        )),
    );
}

#[test]
fn every_corpus_config_matches_its_golden_summary() {
    let Some(files) = corpus_files() else {
        return;
    };
    check_goldens(
        &files,
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/configs")),
    );
}

/// The line of the first YAML error of each fixture that is invalid on purpose (see its README).
const BROKEN_FIXTURES: &[(&str, usize)] = &[
    ("undefined-alias.yml", 17),
    ("alias-before-anchor.yml", 5),
    ("tabs-and-bad-indentation.yml", 9),
];

#[test]
fn only_the_fixtures_broken_on_purpose_fail_to_parse_and_where_they_are_broken() {
    for path in fixture_files() {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).expect("a fixture is UTF-8");
        let report = analyse_config(&text);
        let first_yaml_error = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == "yaml-syntax")
            .map(|d| d.span.line)
            .min();
        let expected = BROKEN_FIXTURES
            .iter()
            .find(|(broken, _)| *broken == name)
            .map(|&(_, line)| line);
        assert_eq!(
            first_yaml_error, expected,
            "{name}: {:?}",
            report.diagnostics
        );
    }
}

#[test]
fn only_the_broken_alias_config_fails_to_parse() {
    let Some(files) = corpus_files() else {
        return;
    };
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a corpus file is UTF-8");
        let report = analyse_config(&text);
        let yaml_errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == "yaml-syntax")
            .collect();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name == "mui__material-ui__2018-broken-alias.yml" {
            assert_eq!(yaml_errors.len(), 1, "{name}");
            assert!(report.config.jobs.is_empty());
        } else {
            assert!(yaml_errors.is_empty(), "{name}: {yaml_errors:?}");
            assert!(
                !report.config.jobs.is_empty() || report.config.setup,
                "{name} has no jobs"
            );
        }
    }
}

#[test]
fn orb_jobs_and_commands_are_never_undefined() {
    let Some(files) = corpus_files() else {
        return;
    };
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a corpus file is UTF-8");
        for d in analyse_config(&text)
            .diagnostics
            .iter()
            .filter(|d| d.rule == "undefined-reference")
        {
            let message = d.text(Lang::En);
            assert!(
                !message.contains('/'),
                "{}: an orb name reported undefined: {message}",
                path.display()
            );
        }
    }
}

#[test]
fn errors_in_the_corpus_are_only_the_known_real_ones() {
    let Some(files) = corpus_files() else {
        return;
    };
    let mut errors = Vec::new();
    let mut known = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a corpus file is UTF-8");
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        known.extend(
            KNOWN_ERRORS
                .iter()
                .filter(|error| error.starts_with(&format!("{name}:")))
                .copied(),
        );
        for d in analyse_config(&text)
            .diagnostics
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
        {
            errors.push(format!(
                "{name}:{}:{} [{}]",
                d.span.line, d.span.column, d.rule
            ));
        }
    }
    assert_eq!(errors, known, "errors found in the corpus");
}

/// The error-severity diagnostics of the corpus, each read and confirmed real:
/// - electron's `config/base.yml` is one file of a configuration packed from a folder
///   (`circleci config pack`); its `lint` workflow runs a job defined in another file of that folder,
///   so the file on its own names an undefined job;
/// - the material-ui file uses the alias `*default` that no anchor defines (broken on purpose);
/// - the configs taken at older commits name machine images and Xcode versions CircleCI has since
///   removed (`retired-image`): babashka's `ubuntu-2004:202101-01` and its remote Docker 19.03.12
///   (both removed 2024-09-30), Xcode 9.0
///   (rust-openssl, 2020), 12.4.0 (electron, 2021), 14.2.0 (remix, 2025), 15.0.0 (solidity, 2024) and
///   16.3.0 (node-orb, 2025, removed in June 2026): a job naming them is rejected today.
const KNOWN_ERRORS: &[&str] = &[
    "CircleCI-Public__node-orb__test-deploy:21:14 [retired-image]",
    "babashka__babashka:239:14 [retired-image]",
    "babashka__babashka:328:14 [retired-image]",
    "babashka__babashka:418:14 [retired-image]",
    "babashka__babashka:514:20 [retired-image]",
    "electron__electron:88:12 [retired-image]",
    "electron__electron:93:12 [retired-image]",
    "electron__electron:98:12 [retired-image]",
    "electron__electron__config-base-2024:1642:9 [undefined-reference]",
    "ethereum__remix-project:568:14 [retired-image]",
    "ethereum__remix-project:654:14 [retired-image]",
    "ethereum__solidity:499:16 [retired-image]",
    "mui__material-ui__2018-broken-alias:209:9 [yaml-syntax]",
    "sfackler__rust-openssl:180:14 [retired-image]",
];
