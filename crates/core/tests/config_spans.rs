//! Spans, parts and documentation ids of the configuration analyser.

mod support;

use pipelens_core::config::{analyse_config, doc_ids, PartKind};
use support::corpus;

const SEED: &str = include_str!("../../../samples/seed-config.yml");

#[test]
fn a_job_span_points_at_its_key() {
    let report = analyse_config(SEED);
    let job = report.config.job("container").expect("the container job");
    assert_eq!((job.name.span.line, job.name.span.column), (79, 3));
    assert_eq!(&SEED[job.name.span.start..job.name.span.end], "container");
    assert!(SEED[job.span.start..job.span.end].ends_with("- /caches/app.tar"));
}

#[test]
fn steps_workflow_jobs_and_keys_are_parts_with_their_pages() {
    let report = analyse_config(SEED);
    let find = |kind: PartKind, detail: &str| {
        report
            .parts
            .iter()
            .find(|p| p.kind == kind && p.detail == detail)
    };
    let restore = find(PartKind::Step, "restore_cache").expect("a restore_cache part");
    assert_eq!(restore.doc, "keys/restore_cache");
    assert_eq!(&SEED[restore.span.start..restore.span.end], "restore_cache");
    assert_eq!(
        find(PartKind::Key, "requires").map(|p| p.doc),
        Some("keys/requires")
    );
    let docker_lines: Vec<usize> = report
        .parts
        .iter()
        .filter(|p| p.kind == PartKind::Key && p.detail == "docker")
        .map(|p| p.span.line)
        .collect();
    assert_eq!(docker_lines, [13, 80]);
    let checksum = find(PartKind::CacheKeyTemplate, "checksum").expect("a checksum template part");
    assert_eq!(
        &SEED[checksum.span.start..checksum.span.end],
        "{{ checksum \"requirements.txt\" }}"
    );
    let commit = find(
        PartKind::PipelineValue,
        "pipeline.trigger_parameters.github_app.commit_sha",
    )
    .expect("a pipeline value");
    assert_eq!(
        &SEED[commit.span.start..commit.span.end],
        "<< pipeline.trigger_parameters.github_app.commit_sha >>"
    );
}

#[test]
fn every_emitted_doc_id_is_listed() {
    let ids = doc_ids();
    for id in [
        "keys/restore_cache",
        "keys/requires",
        "keys/windows",
        "concepts/cache-key-templates",
        "concepts/pipeline-values",
        "rules/unknown-requires",
        "rules/yaml-syntax",
    ] {
        assert!(ids.contains(&id), "{id} missing");
    }
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/configs"
    ))
    .expect("the fixtures are readable")
    .map(|entry| entry.expect("an entry").path())
    .collect();
    files.extend(corpus::files("configs", &[".yml"]).unwrap_or_default());
    for path in files {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let report = analyse_config(&text);
        for doc in report
            .parts
            .iter()
            .map(|p| p.doc)
            .chain(report.diagnostics.iter().map(|d| d.doc))
        {
            assert!(ids.contains(&doc), "{doc} is emitted but not in doc_ids()");
        }
    }
}

#[test]
fn merge_keys_bring_in_the_anchor_content() {
    let yaml = "version: 2.1\ndefaults: &defaults\n  docker: [{image: cimg/base:2024.01}]\n  working_directory: ~/app\njobs:\n  a:\n    <<: *defaults\n    steps: [checkout]\n";
    let report = analyse_config(yaml);
    let job = report.config.job("a").expect("job a");
    assert_eq!(
        job.working_directory.as_ref().map(|w| w.value.as_str()),
        Some("~/app")
    );
    assert!(job.executor.is_some());
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
}

#[test]
fn french_messages_use_guillemets() {
    let report = analyse_config("version: 2.1\njobs:\n  a:\n    steps: [checkout]\n  b:\n    steps: [checkout]\nworkflows:\n  w:\n    jobs: [a]\n");
    let unused = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "unused-job")
        .expect("b is unused");
    assert_eq!(
        unused.text(pipelens_core::Lang::Fr),
        "le job «\u{a0}b\u{a0}» est défini, mais aucun workflow ne l’exécute"
    );
    assert_eq!(
        unused.hint(pipelens_core::Lang::En),
        "add the job to a workflow, or delete it"
    );
}
