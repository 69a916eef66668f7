use super::*;
use crate::config::analyse_config;

const SEED: &str = include_str!("../../../../../samples/seed-config.yml");

/// The notes of the first part of `kind` whose detail is `detail` in the seed configuration.
fn explained(kind: PartKind, detail: &str) -> Vec<PartNote> {
    let report = analyse_config(SEED);
    let part = report
        .parts
        .iter()
        .find(|p| p.kind == kind && p.detail == detail)
        .unwrap_or_else(|| panic!("no {kind:?} part {detail}"));
    explain_part(&report, part)
}

#[test]
fn a_checksum_template_names_its_file_and_the_key_is_explained_piece_by_piece() {
    let notes = explained(PartKind::CacheKeyTemplate, "checksum");
    assert!(
        matches!(&notes[0], PartNote::Template(KeyTemplate::Checksum(file)) if file == "requirements.txt"),
        "{notes:?}"
    );
    assert!(notes
        .iter()
        .any(|n| matches!(n, PartNote::KeyLiteral { text } if text == "deps1-")));
    let branch = notes
        .iter()
        .find(|n| {
            matches!(
                n,
                PartNote::KeyTemplatePiece {
                    template: KeyTemplate::Branch,
                    ..
                }
            )
        })
        .expect("the branch piece");
    assert!(branch.is_detail());
    assert!(branch.text(Lang::En).starts_with("`{{ .Branch }}`: "));
    assert!(branch.text(Lang::Fr).starts_with("`{{ .Branch }}`\u{a0}: "));
    assert!(notes[0].text(Lang::En).contains("`requirements.txt`"));
    assert_ne!(notes[0].text(Lang::En), notes[0].text(Lang::Fr));
}

#[test]
fn a_pipeline_value_says_what_it_expands_to() {
    let notes = explained(
        PartKind::PipelineValue,
        "pipeline.trigger_parameters.github_app.commit_sha",
    );
    assert_eq!(
        notes,
        [
            PartNote::ValueCompiled {
                name: "pipeline.trigger_parameters.github_app.commit_sha".to_owned()
            },
            PartNote::PipelineValueMeaning(PipelineValue::TriggerParameter)
        ]
    );
}

#[test]
fn a_pipeline_parameter_is_typed_not_parsed_from_its_name() {
    let text = "version: 2.1\nparameters:\n  deploy:\n    type: boolean\n    default: false\njobs:\n  a:\n    docker: [{image: cimg/base:2024.01}]\n    steps:\n      - run: echo << pipeline.parameters.deploy >> << pipeline.parameters.nope >>\n";
    let report = analyse_config(text);
    let notes: Vec<Vec<PartNote>> = report
        .parts
        .iter()
        .filter(|p| p.kind == PartKind::PipelineValue)
        .map(|p| explain_part(&report, p))
        .collect();
    assert_eq!(
        notes,
        [
            vec![
                PartNote::PipelineParameter {
                    name: "deploy".to_owned()
                },
                PartNote::ValueDefault {
                    default: "false".to_owned()
                }
            ],
            vec![
                PartNote::PipelineParameter {
                    name: "nope".to_owned()
                },
                PartNote::ValueUndeclared
            ]
        ]
    );
}

#[test]
fn a_workflow_job_tells_what_it_waits_for_and_where_it_runs() {
    let text: String = explained(PartKind::WorkflowJob, "container")
        .iter()
        .map(|note| note.text(Lang::En))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("`pytest`, `coverage`, `linting`"), "{text}");
    assert!(text.contains("`docker_hub_creds`"), "{text}");
    assert!(text.contains("`master`"), "{text}");
}

#[test]
fn a_job_names_the_workflows_that_run_it() {
    let notes = explained(PartKind::Job, "pytest");
    assert_eq!(
        notes[1],
        PartNote::JobRunBy {
            workflows: vec!["test_build_and_push".to_owned()]
        }
    );
}

#[test]
fn steps_say_what_they_run() {
    let text = "version: 2.1\norbs:\n  python: circleci/python@2.1.1\ncommands:\n  lint:\n    steps: [checkout]\njobs:\n  a:\n    docker: [{image: cimg/base:2024.01}]\n    steps:\n      - checkout\n      - lint\n      - deploy-it\n      - python/install-packages\n";
    let report = analyse_config(text);
    let notes: Vec<PartNote> = report
        .parts
        .iter()
        .filter(|p| p.kind == PartKind::Step)
        .flat_map(|p| explain_part(&report, p))
        .collect();
    assert_eq!(
        notes,
        [
            PartNote::BuiltinStep {
                name: "checkout".to_owned()
            },
            PartNote::BuiltinStep {
                name: "checkout".to_owned()
            },
            PartNote::CommandStep {
                name: "lint".to_owned()
            },
            PartNote::UndefinedCommandStep {
                name: "deploy-it".to_owned()
            },
            PartNote::OrbStep {
                orb: "python".to_owned(),
                command: "install-packages".to_owned()
            },
        ]
    );
}

#[test]
fn the_innermost_part_at_a_position_is_found() {
    let report = analyse_config(SEED);
    let template = report
        .parts
        .iter()
        .find(|p| p.kind == PartKind::CacheKeyTemplate)
        .expect("a template");
    let found = part_at(&report, template.span.line, template.span.column + 1).expect("a part");
    assert_eq!(found, template);
    assert_eq!(part_at(&report, 10_000, 1), None);
}
