//! The failures issue 14 found unseen, each on the text CircleCI prints, and the promise that a log
//! whose steps all passed gets no cause.

use pipelens_core::log::causes::{CauseId, Level};
use pipelens_core::log::{parse_log, LogReport, Note, PhaseStatus};
use pipelens_core::phases::PhaseKind;

/// (title, status, first cause) of every phase.
fn summary(report: &LogReport) -> Vec<(String, PhaseStatus, Option<CauseId>)> {
    report
        .phases
        .iter()
        .map(|phase| {
            let cause = phase
                .causes
                .iter()
                .find(|cause| cause.id.level() == Level::Failure)
                .map(|cause| cause.id);
            (phase.title.clone(), phase.status, cause)
        })
        .collect()
}

#[test]
fn a_checkout_that_ends_with_the_2024_clone_error_failed() {
    let report = parse_log("Checkout code\nCreating .ssh directory\nWriting SSH key for checkout to \"/home/circleci/.ssh/id_rsa\"\nCloning git repository\nerror running git clone \"git@github.com:acme/app.git\": exit status 128\n");
    assert_eq!(
        summary(&report),
        [(
            "Checkout code".to_owned(),
            PhaseStatus::Failed,
            Some(CauseId::GitCloneFailed)
        )]
    );
}

#[test]
fn an_image_refused_while_starting_a_container_is_a_failed_spin_up() {
    let report = parse_log("Starting container quay.io/acme/builder:1.4\n  image cache not found on this host, downloading quay.io/acme/builder:1.4\nError response from daemon: unauthorized: access to the requested resource is not authorized\n");
    assert_eq!(
        summary(&report),
        [(
            "Spin up environment".to_owned(),
            PhaseStatus::Failed,
            Some(CauseId::ImagePullDenied)
        )]
    );
}

#[test]
fn a_userns_remapping_failure_fails_the_spin_up() {
    let report = parse_log("Spin up environment\nStarting container fauna/faunadb:4.23.0\nCircleCI was unable to start the container because of a userns remapping failure in Docker.\n");
    assert_eq!(report.phases[0].status, PhaseStatus::Failed);
    assert_eq!(report.phases[0].causes[0].id, CauseId::UsernsRemap);
}

#[test]
fn a_storage_error_fails_the_cache_save() {
    let report = parse_log("Saving cache\nCreating cache archive...\nUploading cache archive...\nError uploading archive: cache at :storage/caches/x/y.tar.gz failed: an unexpected storage error occurred (operation id: ccaa50b9)\n");
    assert_eq!(report.phases[0].status, PhaseStatus::Failed);
    assert_eq!(report.phases[0].causes[0].id, CauseId::CacheUploadFailed);
}

#[test]
fn a_cache_key_template_error_alone_is_seen() {
    let report = parse_log("error computing cache key: template: cacheKey:1:11: executing \"cacheKey\" at <checksum \"package-lock.json\">: error calling checksum: open /home/circleci/project/package-lock.json: no such file or directory\n");
    let phase = &report.phases[0];
    assert_eq!(phase.status, PhaseStatus::Failed);
    assert!(phase.status_inferred);
    assert_eq!(phase.causes[0].id, CauseId::CacheKeyTemplateError);
    assert!(!report.notes.contains(&Note::NothingRecognised));
}

#[test]
fn configuration_errors_say_that_no_job_ran() {
    let report = parse_log("Configuration errors: 2 errors occurred:\n\n* Configuration version 2.1 requires the \"Enable Build Processing\" project setting. Enable Build Processing under Project Settings -> Advanced Settings. In order to retrigger build processing, you must push a new commit.\n* Cannot find a job named `build` to run in the `jobs:` section of your configuration file.\n");
    let failure = report.failure().expect("a failure");
    assert!(failure.no_job_ran);
    assert!(!report.notes.contains(&Note::NothingRecognised));
}

#[test]
fn a_skipped_local_step_is_skipped_and_named() {
    let report = parse_log("  ====>> Persisting to Workspace (skipped)\n  Warning: skipping this step: Missing workflow workspace identifiers, this step must be run in the context of a workflow\n  Success!\n");
    let phase = &report.phases[0];
    assert_eq!(phase.title, "Persisting to workspace");
    assert_eq!(phase.kind, PhaseKind::BuiltIn);
    assert_eq!(phase.status, PhaseStatus::Skipped);
}

#[test]
fn the_first_error_of_a_jest_run_is_the_failing_test() {
    let report = parse_log("npm test\n#!/bin/bash -eo pipefail\nnpm test\n\nFAIL src/cart.test.js\n  ● Cart › adds an item\n\n    expect(received).toBe(expected)\n\nTest Suites: 1 failed, 1 total\nTests:       1 failed, 1 total\n\nExited with code exit status 1\n");
    let phase = &report.phases[0];
    let line = phase.error_line.expect("an error line");
    assert_eq!(report.lines.text(line).trim(), "● Cart › adds an item");
}

#[test]
fn a_skipped_local_cache_step_does_not_hide_the_failing_step_after_it() {
    let report = parse_log("====>> Restoring Cache\nError:\nSkipping cache - error checking storage: not supported\n\nStep failed\n====>> npm test\n  #!/bin/bash -eo pipefail\nnpm test\nnpm ERR! Test failed.  See above for more details.\nError: Exited with code 1\nStep failed\n");
    assert_eq!(report.phases[0].status, PhaseStatus::Skipped);
    assert_eq!(report.phases[0].causes[0].id, CauseId::LocalStepUnsupported);
    let failure = report.failure().expect("the npm test step failed");
    assert_eq!(report.phases[failure.phase].title, "npm test");
    assert_eq!(failure.exit_code, Some(1));
    let line = failure.line.expect("an error line");
    assert_eq!(
        report.lines.text(line).trim(),
        "npm ERR! Test failed.  See above for more details."
    );
}

#[test]
fn a_log_cut_in_the_middle_of_a_failing_step_is_inferred_failed() {
    let report = parse_log("Checkout code\nHEAD is now at abc123 Fix\n\nRun tests\n#!/bin/bash -eo pipefail\npytest\n\nFAILED tests/test_a.py::test_one - assert 1 == 2\n");
    let phase = &report.phases[1];
    assert_eq!(phase.status, PhaseStatus::Failed);
    assert!(phase.status_inferred);
    assert_eq!(phase.causes[0].id, CauseId::PytestFailures);
}

#[test]
fn a_step_that_later_steps_follow_is_not_inferred_failed() {
    let report = parse_log("Run tests\n#!/bin/bash -eo pipefail\npytest || true\n\nFAILED tests/test_a.py::test_one - assert 1 == 2\n\nBuild\n#!/bin/bash -eo pipefail\nmake\n\nCircleCI received exit code 0\n");
    assert_eq!(report.phases[0].status, PhaseStatus::Success);
    assert!(report.phases[0].causes.is_empty());
}

/// Every passing log of the fixtures: the seed build, job pages of 2019 (no footer on a successful step)
/// and 2024, a local run, one step downloaded alone.
const PASSING_LOGS: &[(&str, &str)] = &[
    (
        "seed-build-and-test.log",
        include_str!("../../../samples/seed-build-and-test.log"),
    ),
    (
        "job-page-passing.txt",
        include_str!("fixtures/logs/job-page-passing.txt"),
    ),
    (
        "job-page-markdown.txt",
        include_str!("fixtures/logs/job-page-markdown.txt"),
    ),
    (
        "passing-noisy.txt",
        include_str!("fixtures/logs/passing-noisy.txt"),
    ),
    (
        "passing-2019-no-footers.txt",
        include_str!("fixtures/logs/passing-2019-no-footers.txt"),
    ),
    (
        "passing-2019-build-last.txt",
        include_str!("fixtures/logs/passing-2019-build-last.txt"),
    ),
    (
        "passing-2019-install-last.txt",
        include_str!("fixtures/logs/passing-2019-install-last.txt"),
    ),
    (
        "passing-2019-install-last-blank.txt",
        include_str!("fixtures/logs/passing-2019-install-last-blank.txt"),
    ),
    (
        "single-step-output.txt",
        include_str!("fixtures/logs/single-step-output.txt"),
    ),
];

#[test]
fn passing_logs_get_no_cause() {
    for (name, text) in PASSING_LOGS {
        let report = parse_log(text);
        assert!(report.failure().is_none(), "{name}: {:?}", report.failure());
        for phase in &report.phases {
            assert!(
                phase
                    .causes
                    .iter()
                    .all(|cause| cause.id.level() == Level::Notice),
                "{name}, {}: {:?}",
                phase.title,
                phase.causes
            );
        }
    }
}

#[test]
fn a_blank_line_under_the_shebang_keeps_the_step_named_after_its_command() {
    let report = parse_log("#!/bin/bash -eo pipefail\n\nggshield secret scan -v ci\n\nNo secrets have been found\n\nCircleCI received exit code 0\n");
    assert_eq!(
        summary(&report),
        [(
            "ggshield secret scan -v ci".to_owned(),
            PhaseStatus::Success,
            None
        )]
    );
}

#[test]
fn an_excerpt_that_ends_on_a_tool_giving_up_failed() {
    let report = parse_log("bundle doctor\nTraceback (most recent call last):\n/opt/bin/bundle:23:in `load': cannot load such file -- /opt/gems/rake-12/exe/rake (LoadError)\nrake aborted!\n");
    let phase = &report.phases[0];
    assert_eq!(phase.status, PhaseStatus::Failed);
    assert!(phase.status_inferred);
    let failure = report.failure().expect("a failure");
    assert!(failure.inferred && failure.causes.is_empty());
}

#[test]
fn an_excerpt_of_calm_output_stays_unknown() {
    let report = parse_log("Downloading error-stack-parser-2.1.4.tgz\nResolving dependencies\n");
    assert!(report.failure().is_none());
}

#[test]
fn a_configuration_the_cli_compiles_in_a_step_is_not_the_pipeline_s() {
    let report = parse_log("Error: config compilation contains errors: config compilation contains errors:\n        - ERROR IN CONFIG FILE:\n        - [#/workflows/build] only 1 subschema matches out of 2\n\nExited with code exit status 255\n");
    let failure = report.failure().expect("a failure");
    assert_eq!(
        failure.causes.first().map(|cause| cause.id),
        Some(CauseId::ConfigInvalid)
    );
    assert!(!failure.no_job_ran);
}

/// Every audited real log that an auditor judged green ("success", "no failure" in `AUDIT-SOURCES.tsv`)
/// gets no failure and no cause of failure, whatever alarming lines it prints (retries, `ERROR` logged by
/// the code under test, a database's `FATAL:` at start, pip's resolver notice, `fatal: No names found`).
#[test]
fn the_audited_green_logs_raise_no_alarm() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/logs");
    let sources =
        std::fs::read_to_string(format!("{folder}/AUDIT-SOURCES.tsv")).expect("AUDIT-SOURCES.tsv");
    let mut green = 0;
    for row in sources.lines().skip(1) {
        let columns: Vec<&str> = row.split('\t').collect();
        let (Some(file), Some(expected)) = (columns.first(), columns.get(3)) else {
            continue;
        };
        let verdict = expected.to_ascii_lowercase();
        if !(verdict.starts_with("success") || verdict.starts_with("no failure")) {
            continue;
        }
        green += 1;
        let bytes = std::fs::read(format!("{folder}/{file}")).expect("the audited log");
        let report = parse_log(&String::from_utf8_lossy(&bytes));
        assert!(report.failure().is_none(), "{file}: {:?}", summary(&report));
        for phase in &report.phases {
            assert!(
                phase
                    .causes
                    .iter()
                    .all(|cause| cause.id.level() == Level::Notice),
                "{file}: {} has {:?}",
                phase.title,
                phase
                    .causes
                    .iter()
                    .map(|cause| cause.id)
                    .collect::<Vec<_>>()
            );
        }
    }
    assert!(
        green >= 30,
        "only {green} green logs found in AUDIT-SOURCES.tsv"
    );
}
