//! The seed sample (`samples/seed-build-and-test.log`, the site's example) parses into the twelve
//! phases of the seed job, with their facts.

use pipelens_core::log::{parse_log, FactKind, LogFormat, LogReport, PhaseStatus};
use pipelens_core::phases::PhaseKind;

fn seed() -> LogReport {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../samples/seed-build-and-test.log"
    );
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("the seed sample is missing at {path}: {error}"));
    parse_log(&text)
}

fn fact(report: &LogReport, phase: usize, kind: FactKind) -> Vec<&str> {
    report.phases[phase]
        .facts
        .iter()
        .filter(|fact| fact.kind == kind)
        .map(|fact| fact.value.as_str())
        .collect()
}

#[test]
fn the_seed_has_the_twelve_phases_of_the_job() {
    let report = seed();
    assert_eq!(report.format, LogFormat::JobPage);
    assert!(report.notes.is_empty(), "{:?}", report.notes);
    let phases: Vec<(&str, PhaseKind, &str)> = report
        .phases
        .iter()
        .map(|phase| (phase.title.as_str(), phase.kind, phase.doc.unwrap_or("")))
        .collect();
    assert_eq!(
        phases,
        [
            (
                "Spin up environment",
                PhaseKind::BuiltIn,
                "phases/spin-up-environment"
            ),
            (
                "Preparing environment variables",
                PhaseKind::BuiltIn,
                "phases/preparing-environment-variables"
            ),
            ("Checkout code", PhaseKind::BuiltIn, "phases/checkout-code"),
            ("Link lockfile", PhaseKind::Orb, "phases/link-lockfile"),
            (
                "Save python version",
                PhaseKind::Orb,
                "phases/save-python-version"
            ),
            (
                "Restoring cache",
                PhaseKind::BuiltIn,
                "phases/restoring-cache"
            ),
            (
                "Move restored cache",
                PhaseKind::Orb,
                "phases/move-restored-cache"
            ),
            (
                "Install dependencies with pipenv using project Pipfile or inline packages",
                PhaseKind::Orb,
                "phases/install-dependencies-pipenv"
            ),
            (
                "Copy to cache directory",
                PhaseKind::Orb,
                "phases/copy-to-cache-directory"
            ),
            ("Saving cache", PhaseKind::BuiltIn, "phases/saving-cache"),
            ("Run tests", PhaseKind::Run, "phases/run-step"),
            (
                "Persisting to workspace",
                PhaseKind::BuiltIn,
                "phases/persisting-to-workspace"
            ),
        ]
    );
    let covered: usize = report.phases.iter().map(|phase| phase.lines.len()).sum();
    assert_eq!(covered, report.lines.len());
}

#[test]
fn the_seed_phases_end_as_the_job_did() {
    let report = seed();
    for (index, phase) in report.phases.iter().enumerate() {
        let expected = if phase.title == "Saving cache" {
            PhaseStatus::Skipped
        } else {
            PhaseStatus::Success
        };
        assert_eq!(phase.status, expected, "phase {index} {}", phase.title);
        assert_eq!(phase.exit_code, None);
    }
}

#[test]
fn the_seed_facts_are_rich() {
    let report = seed();
    assert_eq!(fact(&report, 0, FactKind::Image), ["cimg/python:3.12.0"]);
    assert_eq!(
        fact(&report, 0, FactKind::OperatingSystem),
        ["Ubuntu 20.04.6 LTS"]
    );
    assert_eq!(fact(&report, 0, FactKind::Kernel), ["5.15.0-1053-aws"]);
    assert_eq!(fact(&report, 0, FactKind::BuildAgentVersion).len(), 1);
    assert_eq!(fact(&report, 0, FactKind::ImageDigest).len(), 1);
    assert_eq!(fact(&report, 1, FactKind::Job), ["build_and_test"]);
    assert_eq!(fact(&report, 1, FactKind::Branch), ["master"]);
    assert_eq!(fact(&report, 5, FactKind::CacheSourceBuild), ["75"]);
    assert_eq!(fact(&report, 5, FactKind::CacheSize), ["94 MiB"]);
    assert_eq!(fact(&report, 5, FactKind::CachedPath), ["/tmp/cci_pycache"]);
    assert_eq!(fact(&report, 7, FactKind::LockfileHash), ["bbdd7e"]);
    assert_eq!(fact(&report, 9, FactKind::CacheAlreadyExists).len(), 1);
    assert_eq!(
        fact(&report, 10, FactKind::TestSummary),
        ["13 passed in 5.13s"]
    );
    assert_eq!(fact(&report, 10, FactKind::Coverage), ["91%"]);
    assert_eq!(fact(&report, 11, FactKind::WorkspaceSize), ["36 MiB"]);
}
