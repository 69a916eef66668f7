//! Config and log together: the seed job's log links to the configuration that produced it, phase by
//! phase; a log of another job does not link; the corpus pairs link to their job; nothing panics.

mod support;

use pipelens_core::config::{analyse_config, ConfigReport};
use pipelens_core::crosslink::{candidates, link_log_to_config, JobLink, Origin, MIN_SCORE};
use pipelens_core::log::{parse_log, LogReport};
use proptest::prelude::*;
use support::corpus;

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples");

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("cannot read {path}: {error}"))
}

fn seed_log() -> LogReport {
    parse_log(&read(&format!("{SAMPLES}/seed-build-and-test.log")))
}

fn seed_job_config() -> (String, ConfigReport) {
    let text = read(&format!("{SAMPLES}/seed-build-and-test.config.yml"));
    let report = analyse_config(&text);
    (text, report)
}

/// Each phase as `title -> step` where step is `job`, `#<index> <name> @line:column` or `-`.
fn describe(log: &LogReport, link: &JobLink, config: &ConfigReport) -> Vec<String> {
    let job = config.config.job(&link.job).expect("the linked job exists");
    log.phases
        .iter()
        .zip(&link.phases)
        .map(|(phase, origin)| {
            let target = match origin {
                None => "-".to_owned(),
                Some(Origin::Job { span }) => format!("job @{}:{}", span.line, span.column),
                Some(Origin::Step { index, span, .. }) => format!(
                    "#{index} {} @{}:{}",
                    job.steps[*index].name.value, span.line, span.column
                ),
            };
            format!("{} -> {target}", phase.title)
        })
        .collect()
}

/// The phase table of the seed log against the seed job's configuration, checked by eye against
/// `samples/seed-build-and-test.config.yml` (line 12: the image; 14: `checkout`; 15: the orb command;
/// 17: `run`; 20: `persist_to_workspace`).
#[test]
fn every_phase_of_the_seed_log_comes_from_its_step() {
    let log = seed_log();
    let (_, config) = seed_job_config();
    let link = link_log_to_config(&log, &config).expect("the seed job produced the seed log");
    assert_eq!(link.job, "build_and_test");
    assert_eq!((link.job_span.line, link.job_span.column), (10, 3));
    let install = "#1 python/install-packages @15:9";
    assert_eq!(
        describe(&log, &link, &config),
        [
            "Spin up environment -> job @12:16".to_owned(),
            "Preparing environment variables -> job @10:3".to_owned(),
            "Checkout code -> #0 checkout @14:9".to_owned(),
            format!("Link lockfile -> {install}"),
            format!("Save python version -> {install}"),
            format!("Restoring cache -> {install}"),
            format!("Move restored cache -> {install}"),
            format!(
                "Install dependencies with pipenv using project Pipfile or inline packages -> {install}"
            ),
            format!("Copy to cache directory -> {install}"),
            format!("Saving cache -> {install}"),
            "Run tests -> #2 run @17:9".to_owned(),
            "Persisting to workspace -> #3 persist_to_workspace @20:9".to_owned(),
        ]
    );
    let steps: Vec<(usize, &str, Vec<usize>)> = link
        .steps
        .iter()
        .map(|step| (step.index, step.name.as_str(), step.phases.clone()))
        .collect();
    assert_eq!(
        steps,
        [
            (0, "checkout", vec![2]),
            (1, "python/install-packages", (3..=9).collect()),
            (2, "run", vec![10]),
            (3, "persist_to_workspace", vec![11]),
        ]
    );
    let coverage = link.coverage;
    assert_eq!(
        (
            coverage.step_phases,
            coverage.linked_phases,
            coverage.steps,
            coverage.linked_steps
        ),
        (10, 10, 4, 4)
    );
    assert_eq!(
        coverage.name_matches,
        Some(true),
        "the log's CIRCLE_JOB is build_and_test"
    );
    assert!((coverage.score - 1.0).abs() < 1e-9, "{coverage:?}");
    assert_eq!(link.phases_at(link.steps[2].span), [10]);
}

/// The site's example configuration tests the same project with other jobs (`pytest`, `coverage`,
/// `linting`, `container`): none of them printed the seed log, whose orb phases and `Run tests` they
/// do not have, so nothing links, and every job scores low.
#[test]
fn the_example_config_did_not_produce_the_seed_log() {
    let log = seed_log();
    let config = analyse_config(&read(&format!("{SAMPLES}/seed-config.yml")));
    assert_eq!(link_log_to_config(&log, &config), None);
    let ranked = candidates(&log, &config);
    assert!(!ranked.is_empty(), "checkout and the caches match by kind");
    for link in &ranked {
        assert!(
            link.coverage.score < MIN_SCORE,
            "{}: {:?}",
            link.job,
            link.coverage
        );
        assert_eq!(link.coverage.name_matches, Some(false));
        assert_eq!(
            link.coverage.linked_phases, 3,
            "{}: checkout and the two caches",
            link.job
        );
    }
}

/// Configurations that come with a log of theirs in the corpus: each log links to its job, and every
/// phase of a step is explained.
#[test]
fn the_corpus_pairs_link_to_their_job() {
    let pairs = [
        ("cloud__SamiNenno__NewsPoll__full-job", 3),
        ("local-execute__ys-office__5.6-job", 2),
        ("local-execute__ys-office__5.6-step", 2),
        ("local-execute__nakamasato__circle-ci-test", 1),
        (
            "local-execute__findstring__27396916473__circleci-build-2017",
            2,
        ),
    ];
    for (name, steps) in pairs {
        let (Some(log), Some(config)) = (
            corpus::text(&format!("logs/{name}.txt")),
            corpus::text(&format!("logs/{name}.config.yml")),
        ) else {
            continue;
        };
        let log = parse_log(&log);
        let config = analyse_config(&config);
        let link = link_log_to_config(&log, &config).unwrap_or_else(|| panic!("{name} links"));
        assert_eq!(link.job, "build", "{name}");
        let coverage = link.coverage;
        assert_eq!(
            coverage.linked_phases, coverage.step_phases,
            "{name}: {coverage:?}"
        );
        assert_eq!(
            (coverage.linked_steps, coverage.steps),
            (steps, steps),
            "{name}"
        );
        for (phase, origin) in log.phases.iter().zip(&link.phases) {
            let expected_link = !phase.title.is_empty();
            assert_eq!(origin.is_some(), expected_link, "{name}: {}", phase.title);
        }
    }
}

/// A log of one project against the configuration of another: no link.
#[test]
fn a_log_of_another_job_does_not_link() {
    let (Some(newspoll), Some(other)) = (
        corpus::text("logs/cloud__SamiNenno__NewsPoll__full-job.txt"),
        corpus::text("logs/local-execute__ys-office__5.6-job.config.yml"),
    ) else {
        return;
    };
    let newspoll = parse_log(&newspoll);
    let (_, seed_job) = seed_job_config();
    assert_eq!(link_log_to_config(&newspoll, &seed_job), None);
    let other = analyse_config(&other);
    assert_eq!(link_log_to_config(&seed_log(), &other), None);
    assert_eq!(link_log_to_config(&newspoll, &other), None);
}

/// Input with no step phase, or a configuration with no job, gives no link.
#[test]
fn nothing_to_link_gives_none() {
    let (_, seed_job) = seed_job_config();
    assert_eq!(link_log_to_config(&parse_log(""), &seed_job), None);
    assert_eq!(
        link_log_to_config(&parse_log("npm test\nok\n"), &seed_job),
        None
    );
    assert_eq!(
        link_log_to_config(&seed_log(), &analyse_config("version: 2.1\n")),
        None
    );
}

fn title() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Spin up environment".to_owned()),
        Just("Preparing environment variables".to_owned()),
        Just("Checkout code".to_owned()),
        Just("Restoring cache".to_owned()),
        Just("Saving cache".to_owned()),
        Just("Link lockfile".to_owned()),
        Just("Container mongo".to_owned()),
        "[a-z ]{1,12}",
    ]
}

fn step() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("- checkout".to_owned()),
        Just("- restore_cache: {key: k}".to_owned()),
        Just("- save_cache: {key: k, paths: [a]}".to_owned()),
        Just("- python/install-packages".to_owned()),
        Just("- cmd".to_owned()),
        Just("- other/thing".to_owned()),
        Just("- when: {condition: true, steps: [checkout, cmd]}".to_owned()),
        "[a-z ]{1,12}".prop_map(|name| format!("- run: {{name: \"{name}\", command: x}}")),
        "[a-z ]{1,12}".prop_map(|command| format!("- run: \"{command}\"")),
    ]
}

proptest! {
    /// Whatever the two inputs, linking returns, and what it returns points inside both.
    #[test]
    fn linking_never_panics(
        titles in prop::collection::vec(title(), 0..16),
        steps in prop::collection::vec(step(), 0..10),
        command in prop::collection::vec(step(), 0..4),
    ) {
        let log_text: String = titles.iter().map(|t| format!("{t}\nsome output\n\n")).collect();
        let indent = |lines: &[String], by: &str| -> String {
            lines.iter().map(|l| format!("{by}{l}\n")).collect()
        };
        let config_text = format!(
            "version: 2.1\norbs:\n  python: circleci/python@2\ncommands:\n  cmd:\n    steps:\n{}      - cmd\njobs:\n  a:\n    docker: [{{image: x}}]\n    steps:\n{}      - checkout\n",
            indent(&command, "      "),
            indent(&steps, "      "),
        );
        let log = parse_log(&log_text);
        let config = analyse_config(&config_text);
        for link in candidates(&log, &config) {
            prop_assert_eq!(link.phases.len(), log.phases.len());
            prop_assert!((0.0..=1.0).contains(&link.coverage.score));
            prop_assert!(link.coverage.linked_phases <= link.coverage.step_phases);
            for step in &link.steps {
                prop_assert!(step.phases.iter().all(|&p| p < log.phases.len()));
            }
        }
        let _ = link_log_to_config(&log, &config);
    }
}
