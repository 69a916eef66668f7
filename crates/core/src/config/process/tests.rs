//! Processing checked against what CircleCI documents for each construct.

use super::*;

/// The processed text, lines joined.
fn processed(text: &str) -> String {
    processed_with(text, &[])
}

fn processed_with(text: &str, values: &[(&str, &str)]) -> String {
    let values: Vec<(String, String)> = values
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    let config = process_config(text, &values);
    let mut out = String::new();
    for line in &config.lines {
        out.push_str(&line.text);
        out.push('\n');
    }
    out
}

#[test]
fn commands_are_inlined_with_their_arguments_and_defaults() {
    let text = "\
version: 2.1
commands:
  greet:
    parameters:
      who: {type: string, default: world}
      loud: {type: boolean, default: false}
    steps:
      - run: echo hello << parameters.who >>
jobs:
  build:
    docker:
      - image: cimg/base:stable
    steps:
      - checkout
      - greet
      - greet:
          who: team
workflows:
  main:
    jobs:
      - build
";
    assert_eq!(
        processed(text),
        "\
version: 2
jobs:
  build:
    docker:
    - image: cimg/base:stable
    steps:
    - checkout
    - run:
        command: echo hello world
    - run:
        command: echo hello team
workflows:
  main:
    jobs:
    - build
  version: 2
"
    );
}

#[test]
fn executors_are_written_into_the_job_with_their_parameters() {
    let text = "\
version: 2.1
executors:
  py:
    parameters:
      tag: {type: string, default: '3.12'}
    docker:
      - image: cimg/python:<< parameters.tag >>
    working_directory: ~/app
jobs:
  test:
    executor:
      name: py
      tag: '3.11'
    working_directory: ~/src
    steps: [checkout]
workflows:
  w:
    jobs: [test]
";
    let out = processed(text);
    assert!(
        out.contains("    docker:\n    - image: cimg/python:3.11\n"),
        "{out}"
    );
    assert!(out.contains("    working_directory: ~/src\n"), "{out}");
    assert!(!out.contains("~/app"), "the job's own key wins: {out}");
    assert!(!out.contains("executor"), "{out}");
}

#[test]
fn a_matrix_becomes_named_jobs_and_its_alias_is_required_as_all_of_them() {
    let text = "\
version: 2.1
jobs:
  test:
    parameters:
      python: {type: string}
      os: {type: string}
    docker: [{image: 'cimg/python:<< parameters.python >>'}]
    steps:
      - run: pytest on << parameters.os >>
  deploy:
    docker: [{image: cimg/base:stable}]
    steps: [checkout]
workflows:
  ci:
    jobs:
      - test:
          matrix:
            parameters:
              python: ['3.11', '3.12']
              os: [linux, arm]
            exclude:
              - python: '3.11'
                os: arm
      - deploy:
          requires: [test]
";
    let out = processed(text);
    for name in ["test-linux-3.11", "test-arm-3.12", "test-linux-3.12"] {
        assert!(out.contains(&format!("  {name}:\n")), "{name} in {out}");
        assert!(
            out.contains(&format!("        - {name}\n")),
            "{name} required: {out}"
        );
    }
    assert!(!out.contains("test-arm-3.11"), "excluded: {out}");
    assert!(out.contains("image: cimg/python:3.12"), "{out}");
    assert!(out.contains("command: pytest on arm"), "{out}");
    assert!(!out.contains("matrix"), "{out}");
}

#[test]
fn matrix_names_and_requires_use_matrix_values() {
    let text = "\
version: 2.1
jobs:
  build:
    parameters: {v: {type: string}}
    docker: [{image: x}]
    steps: [checkout]
  test:
    parameters: {v: {type: string}}
    docker: [{image: x}]
    steps: [checkout]
workflows:
  w:
    jobs:
      - build:
          name: build-v<< matrix.v >>
          matrix: {parameters: {v: ['1', '2']}, alias: all-builds}
      - test:
          name: test-v<< matrix.v >>
          matrix: {parameters: {v: ['1', '2']}}
          requires: [build-v<< matrix.v >>]
";
    let out = processed(text);
    assert!(
        out.contains("    - test-v2:\n        requires:\n        - build-v2\n"),
        "{out}"
    );
    assert!(out.contains("  build-v1:\n"), "{out}");
}

#[test]
fn when_steps_and_workflows_follow_pipeline_parameters() {
    let text = "\
version: 2.1
parameters:
  deploy: {type: boolean, default: false}
  env: {type: enum, enum: [staging, prod], default: staging}
jobs:
  ship:
    docker: [{image: x}]
    steps:
      - when:
          condition: << pipeline.parameters.deploy >>
          steps:
            - run: ./deploy << pipeline.parameters.env >>
      - unless:
          condition:
            equal: [prod, << pipeline.parameters.env >>]
          steps:
            - run: echo not prod
      - when:
          condition:
            equal: [main, << pipeline.git.branch >>]
          steps:
            - run: echo main
workflows:
  release:
    when: << pipeline.parameters.deploy >>
    jobs: [ship]
  always:
    jobs: [ship]
";
    let off = process_config(text, &[]);
    let text_off: String = off.lines.iter().map(|l| format!("{}\n", l.text)).collect();
    assert!(!text_off.contains("./deploy"), "{text_off}");
    assert!(text_off.contains("echo not prod"), "{text_off}");
    assert!(!text_off.contains("  release:"), "{text_off}");
    assert!(off.notes.iter().any(|n| n.message
        == ProcessMessage::WorkflowSkipped {
            workflow: "release".into()
        }));
    let undecided = off
        .lines
        .iter()
        .find(|l| l.text.trim() == "- when:")
        .expect("the branch condition stays");
    assert_eq!(undecided.note, Some(LineNote::DecidedWhenRunning));

    let on = processed_with(text, &[("deploy", "true"), ("env", "prod")]);
    assert!(on.contains("command: ./deploy prod"), "{on}");
    assert!(!on.contains("echo not prod"), "{on}");
    assert!(on.contains("  release:"), "{on}");
    let parameters = process_config(text, &[("deploy".into(), "true".into())]).pipeline_parameters;
    assert_eq!(parameters[0].value.as_deref(), Some("true"));
    assert_eq!(parameters[1].choices, ["staging", "prod"]);
}

#[test]
fn orb_calls_stay_calls_marked_as_the_orbs() {
    let text = "\
version: 2.1
orbs:
  python: circleci/python@2.1.1
jobs:
  test:
    executor: python/default
    steps:
      - checkout
      - python/install-packages:
          pkg-manager: pip
workflows:
  main:
    jobs:
      - test
      - python/test:
          version: '3.12'
";
    let config = process_config(text, &[]);
    let orb = Some(LineNote::Orb {
        orb: "circleci/python@2.1.1".into(),
    });
    let marked: Vec<&str> = config
        .lines
        .iter()
        .filter(|l| l.note == orb)
        .map(|l| l.text.trim())
        .collect();
    assert_eq!(
        marked,
        [
            "executor: python/default",
            "- python/install-packages:",
            "- python/test:"
        ]
    );
}

#[test]
fn steps_parameters_splice_and_pre_and_post_steps_surround_the_job() {
    let text = "\
version: 2.1
commands:
  wrap:
    parameters:
      inner: {type: steps}
    steps:
      - run: echo before
      - << parameters.inner >>
      - run: echo after
jobs:
  job:
    docker: [{image: x}]
    steps:
      - wrap:
          inner:
            - run: echo middle
workflows:
  w:
    jobs:
      - job:
          pre-steps: [{run: echo first}]
          post-steps: [{run: echo last}]
";
    let out = processed(text);
    let commands: Vec<&str> = out
        .lines()
        .filter_map(|l| l.trim().strip_prefix("command: echo "))
        .collect();
    assert_eq!(commands, ["first", "before", "middle", "after", "last"]);
    assert!(!out.contains("pre-steps"), "{out}");
}

#[test]
fn a_job_run_twice_with_names_becomes_two_jobs() {
    let text = "\
version: 2.1
jobs:
  deploy:
    parameters: {to: {type: string}}
    docker: [{image: x}]
    steps: [{run: 'deploy << parameters.to >>'}]
workflows:
  w:
    jobs:
      - deploy: {name: staging, to: staging}
      - deploy: {name: prod, to: prod, requires: [staging], context: [aws]}
";
    let out = processed(text);
    assert!(out.contains("  staging:\n"), "{out}");
    assert!(out.contains("command: deploy prod"), "{out}");
    assert!(
        out.contains(
            "    - prod:\n        requires:\n        - staging\n        context:\n        - aws\n"
        ),
        "{out}"
    );
}

#[test]
fn every_line_points_into_the_source() {
    let text = include_str!("../../../../../samples/seed-config.yml");
    let config = process_config(text, &[]);
    assert!(!config.lines.is_empty());
    for line in &config.lines {
        let span = line.source.expect("a source");
        assert!(span.end <= text.len() && span.start <= span.end, "{line:?}");
    }
}

#[test]
fn missing_arguments_and_unknown_parameters_are_noted() {
    let text = "\
version: 2.1
commands:
  c:
    parameters: {needed: {type: string}}
    steps: [{run: 'echo << parameters.needed >> << parameters.typo >>'}]
jobs:
  j:
    docker: [{image: x}]
    steps: [c]
workflows:
  w:
    jobs: [j]
";
    let config = process_config(text, &[("nope".into(), "1".into())]);
    let messages: Vec<_> = config.notes.iter().map(|n| n.message.clone()).collect();
    assert!(messages.contains(&ProcessMessage::MissingArgument {
        parameter: "needed".into(),
        owner: "c".into()
    }));
    assert!(messages.contains(&ProcessMessage::UnknownParameter {
        name: "typo".into()
    }));
    assert!(
        messages.contains(&ProcessMessage::UnknownPipelineParameter {
            name: "nope".into()
        })
    );
}

#[test]
fn recursive_commands_stop_with_a_note() {
    let text = "\
version: 2.1
commands:
  a:
    steps: [b, b]
  b:
    steps: [a, a]
jobs:
  j:
    docker: [{image: x}]
    steps: [a]
workflows:
  w:
    jobs: [j]
";
    let config = process_config(text, &[]);
    assert!(config
        .notes
        .iter()
        .any(|n| matches!(n.message, ProcessMessage::TooDeep { .. })));
    assert!(config.lines.len() < 200_000);
}

#[test]
fn unreadable_text_gives_one_note_and_no_lines() {
    let config = process_config("jobs: [unclosed", &[]);
    assert!(config.lines.is_empty());
    assert_eq!(config.notes[0].message, ProcessMessage::Unreadable);
}

#[test]
fn an_empty_text_says_there_is_nothing_to_process() {
    for text in ["", "# only a comment\n", "~\n"] {
        let config = process_config(text, &[]);
        assert!(config.lines.is_empty());
        assert_eq!(config.notes[0].message, ProcessMessage::Empty, "{text:?}");
    }
}

#[test]
fn a_steps_step_splices_its_parameter_as_circleci_documents() {
    // CircleCI's "Reusing config": `- steps: << parameters.after-deps >>` resolves to the steps given.
    let text = "\
version: 2.1
commands:
  build:
    parameters:
      after-deps: {type: steps, default: []}
    steps:
      - run: make deps
      - steps: << parameters.after-deps >>
      - run: make test
jobs:
  job:
    docker: [{image: x}]
    steps:
      - build:
          after-deps:
            - run: echo one
            - run: echo two
  bare:
    docker: [{image: x}]
    steps:
      - build
workflows:
  w:
    jobs: [job, bare]
";
    let out = processed(text);
    let commands: Vec<&str> = out
        .lines()
        .filter_map(|l| l.trim().strip_prefix("command: "))
        .collect();
    assert_eq!(
        commands,
        [
            "make deps",
            "echo one",
            "echo two",
            "make test",
            "make deps",
            "make test"
        ]
    );
    assert!(!out.contains("- steps:"), "{out}");
}

#[test]
fn conditional_sections_follow_their_boolean_parameters() {
    // CircleCI's "Reusing config", boolean parameters: `ls <<# parameters.all >> -a <</ parameters.all >>`.
    let text = "\
version: 2.1
jobs:
  list:
    parameters:
      all: {type: boolean, default: false}
      short: {type: boolean, default: true}
    docker: [{image: x}]
    steps:
      - run: ls<<# parameters.all >> -a<</ parameters.all >><<^ parameters.short >> -l<</ parameters.short >>
      - run: echo <<# pipeline.parameters.deploy >>deploy<</ pipeline.parameters.deploy >><<# pipeline.git.tag >>tag<</ pipeline.git.tag >>
workflows:
  w:
    jobs:
      - list:
          name: every
          all: true
          short: false
      - list:
          name: default
parameters:
  deploy: {type: boolean, default: true}
";
    let config = process_config(text, &[]);
    let commands: Vec<&str> = config
        .lines
        .iter()
        .filter_map(|line| line.text.trim().strip_prefix("command: "))
        .collect();
    // Each job: its `ls`, then the pipeline's sections: `deploy` is known, the tag only when it runs.
    let tag_kept = "echo deploy<<# pipeline.git.tag >>tag<</ pipeline.git.tag >>";
    assert_eq!(
        commands,
        ["ls -a -l", tag_kept, "ls", tag_kept],
        "{commands:?}"
    );
    let undecided = config
        .lines
        .iter()
        .find(|line| line.text.contains(tag_kept))
        .expect("the kept section");
    assert_eq!(undecided.note, Some(LineNote::DecidedWhenRunning));
}
