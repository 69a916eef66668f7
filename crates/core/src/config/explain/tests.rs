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

const LANGUAGE_2024_2026: &str =
    include_str!("../../../tests/fixtures/configs/language-2024-2026.yml");

/// The notes of the part written at `line`:`column` of the 2024–2026 fixture.
fn explained_at(line: usize, column: usize) -> Vec<PartNote> {
    let report = analyse_config(LANGUAGE_2024_2026);
    let part = part_at(&report, line, column).expect("a part");
    explain_part(&report, part)
}

#[test]
fn a_workflow_entry_running_a_job_group_says_so_with_its_serial_group_and_expression() {
    let notes = explained_at(105, 9);
    assert_eq!(
        notes[0],
        PartNote::RunsJobGroup {
            workflow: "build-test-deploy".into(),
            group: "release-train".into(),
            jobs: vec![
                "migrate-db".into(),
                "deploy-web".into(),
                "smoke-test".into()
            ],
        }
    );
    assert!(notes.contains(&PartNote::FiltersExpression {
        expression: r#"pipeline.git.branch == "main""#.into()
    }));
    assert!(notes.contains(&PartNote::SerialGroup {
        group: "<< pipeline.project.slug >>/staging".into()
    }));
    for note in &notes {
        assert_ne!(note.text(Lang::En), note.text(Lang::Fr));
    }
}

#[test]
fn requires_with_statuses_name_them_and_terminal_is_spelled_out() {
    let notes = explained_at(97, 9);
    assert!(notes.contains(&PartNote::Requires {
        jobs: vec!["test-arm".into()]
    }));
    let terminal = PartNote::RequiresStatuses {
        job: "lint".into(),
        statuses: vec!["terminal".into()],
    };
    assert!(notes.contains(&terminal), "{notes:?}");
    assert!(terminal.text(Lang::En).contains("any end"));
    assert!(terminal.text(Lang::Fr).contains("toute fin"));
}

#[test]
fn job_groups_their_entries_and_the_new_keys_are_explained() {
    assert_eq!(
        explained_at(12, 3),
        [
            PartNote::JobGroup {
                name: "release-train".into(),
                jobs: 3
            },
            PartNote::JobGroupRunBy {
                workflows: vec!["build-test-deploy".into()]
            }
        ]
    );
    assert!(
        matches!(&explained_at(15, 9)[0], PartNote::JobGroupJob { group, job, .. } if group == "release-train" && job == "deploy-web")
    );
    let about = |line, column| explained_at(line, column).last().cloned();
    assert_eq!(about(11, 1), Some(PartNote::About(LanguageKey::JobGroups)));
    assert_eq!(about(27, 5), Some(PartNote::About(LanguageKey::Retention)));
    assert_eq!(
        about(31, 11),
        Some(PartNote::About(LanguageKey::CheckoutMethod))
    );
    assert_eq!(
        about(38, 11),
        Some(PartNote::About(LanguageKey::StepReruns))
    );
    assert_eq!(
        about(39, 11),
        Some(PartNote::About(LanguageKey::RerunDelay))
    );
    assert_eq!(about(61, 5), Some(PartNote::About(LanguageKey::IpRanges)));
    assert_eq!(about(76, 5), Some(PartNote::About(LanguageKey::JobType)));
    assert_eq!(
        about(89, 5),
        Some(PartNote::About(LanguageKey::WorkflowReruns))
    );
    assert_eq!(
        about(93, 11),
        Some(PartNote::About(LanguageKey::OverrideWith))
    );
    assert_eq!(
        about(106, 11),
        Some(PartNote::About(LanguageKey::SerialGroup))
    );
}

#[test]
fn a_job_says_its_type_class_retention_and_ip_ranges() {
    let build = explained_at(23, 3);
    assert!(build.contains(&PartNote::ResourceClass {
        class: "medium.gen2".into(),
        family: ClassFamily::Gen2
    }));
    assert!(build.contains(&PartNote::RetentionCaches { days: "7d".into() }));
    let arm = explained_at(44, 3);
    assert!(arm.contains(&PartNote::ResourceClass {
        class: "arm.medium".into(),
        family: ClassFamily::Arm
    }));
    assert!(arm.contains(&PartNote::MachineImage {
        image: "ubuntu-2404:current".into(),
        family: ImageFamily::Ubuntu {
            release: "24.04".into()
        },
        current: true
    }));
    assert_eq!(ImageFamily::of("android:2025.10.1"), ImageFamily::Android);
    assert_eq!(
        ImageFamily::of("windows-server-2022-gui:current"),
        ImageFamily::Windows
    );
    assert_eq!(
        ImageFamily::of("<< parameters.image >>"),
        ImageFamily::Other
    );
    assert!(explained_at(58, 3).contains(&PartNote::IpRanges));
    assert!(explained_at(77, 3).contains(&PartNote::JobType {
        kind: "release".into()
    }));
    for kind in [
        "build", "approval", "release", "lock", "unlock", "no-op", "nightly",
    ] {
        let note = PartNote::JobType { kind: kind.into() };
        assert!(note.text(Lang::En).contains(kind));
        assert!(note.text(Lang::Fr).contains(kind));
    }
    assert_eq!(ClassFamily::of("acme/gpu-runner"), ClassFamily::Runner);
    assert_eq!(ClassFamily::of("2xlarge+.gen2"), ClassFamily::Gen2);
    assert_eq!(ClassFamily::of("large"), ClassFamily::Standard);
}

#[test]
fn a_workflow_says_its_expression_and_its_reruns() {
    let nightly = explained_at(116, 3);
    assert!(
        matches!(&nightly[1], PartNote::WorkflowCondition { when: true, expression } if expression.starts_with("pipeline.parameters.run-nightly"))
    );
    let main = explained_at(88, 3);
    assert!(main.contains(&PartNote::WorkflowReruns { count: "2".into() }));
}
