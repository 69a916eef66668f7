//! The catalogue is complete and consistent; each cause is recognised on the lines it names.

use super::catalogue::{At, Level};
use super::*;
use crate::log::parse_log;

#[test]
fn ids_are_unique_kebab_case_and_docs_follow_them() {
    let mut ids: Vec<&str> = CauseId::ALL.iter().map(|id| id.id()).collect();
    for id in CauseId::ALL {
        assert!(
            id.id()
                .bytes()
                .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-'),
            "{}",
            id.id()
        );
        assert_eq!(id.doc(), format!("causes/{}", id.id()));
        let json = serde_json::to_value(id).expect("a cause id serialises");
        assert_eq!(json, id.id());
    }
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count);
    assert!(count >= 40, "only {count} causes");
}

#[test]
fn every_cause_can_be_seen() {
    for &id in CauseId::ALL {
        let spec = id.spec();
        assert!(
            !spec.needles.is_empty() || !spec.exit_codes.is_empty() || spec.line_test.is_some(),
            "{} has no way to be seen",
            id.id()
        );
        for needle in spec.needles {
            assert!(!needle.text.trim().is_empty(), "{}", id.id());
            assert!(
                needle.at == At::Anywhere || needle.text.trim_start() == needle.text,
                "{}: {:?}",
                id.id(),
                needle.text
            );
        }
    }
    assert!(needles::count() > 150);
}

#[test]
fn every_summary_names_its_arguments_and_reads_well_in_both_languages() {
    for &id in CauseId::ALL {
        let bare = Cause {
            id,
            line: 0,
            evidence: vec![0],
            args: Vec::new(),
        };
        let full = Cause {
            args: ArgName::ALL
                .iter()
                .map(|&name| CauseArg {
                    name,
                    value: format!("<{}>", name.id()),
                })
                .collect(),
            ..bare.clone()
        };
        for lang in Lang::ALL {
            for cause in [&bare, &full] {
                let text = cause.summary(lang);
                assert!(text.ends_with('.'), "{} {lang:?}: {text}", id.id());
                assert!(!text.contains("{}"), "{} {lang:?}: {text}", id.id());
                assert!(!text.contains("  "), "{} {lang:?}: {text}", id.id());
                assert!(
                    text.chars()
                        .next()
                        .is_some_and(|first| !first.is_lowercase())
                        || text.starts_with("git ")
                        || text.starts_with("docker ")
                        || text.starts_with("store_")
                        || text.starts_with("setup_")
                        || text.starts_with("persist_")
                        || text.starts_with("circleci ")
                        || text.starts_with("npm ")
                        || text.starts_with("pip ")
                        || text.starts_with("pytest ")
                        || text.starts_with("cargo ")
                        || text.starts_with("go ")
                        || text.starts_with("$"),
                    "{} {lang:?}: {text}",
                    id.id()
                );
            }
        }
        assert_ne!(
            bare.summary(Lang::En),
            bare.summary(Lang::Fr),
            "{}",
            id.id()
        );
    }
}

#[cfg(feature = "render")]
#[test]
fn french_summaries_follow_french_typography() {
    use crate::docs::typography::french_mistakes;
    for &id in CauseId::ALL {
        let cause = Cause {
            id,
            line: 0,
            evidence: vec![0],
            args: vec![CauseArg {
                name: ArgName::Detail,
                value: "x".to_owned(),
            }],
        };
        let text = cause.summary(Lang::Fr);
        assert!(french_mistakes(&text).is_empty(), "{}: {text}", id.id());
    }
}

#[test]
fn failures_rank_before_notices() {
    let ranks = |level: Level| {
        CauseId::ALL
            .iter()
            .filter(move |id| id.level() == level)
            .map(|id| id.rank())
    };
    let last_failure = ranks(Level::Failure).max().expect("failures");
    let first_notice = ranks(Level::Notice).min().expect("notices");
    assert!(
        last_failure < first_notice,
        "a failure ranks {last_failure}, a notice {first_notice}"
    );
}

/// The causes of the first failed phase of `text`, or of every phase for notices.
fn causes_of(text: &str) -> Vec<(CauseId, String)> {
    let report = parse_log(text);
    report
        .phases
        .iter()
        .flat_map(|phase| phase.causes.iter())
        .map(|cause| (cause.id, report.lines.text(cause.line).trim().to_owned()))
        .collect()
}

#[test]
fn a_passing_step_has_no_cause() {
    let text = "Run tests\n#!/bin/bash -eo pipefail\npytest\n\n=== 3 passed in 0.50s ===\nCircleCI received exit code 0\n";
    assert!(causes_of(text).is_empty());
}

#[test]
fn the_most_specific_cause_comes_first() {
    let text = "Run tests\n#!/bin/bash -eo pipefail\npython -m pytest\n\n/bin/bash: line 1:  2440 Killed                  python -m pytest\n\nExited with code exit status 137\nCircleCI received exit code 137\n";
    let found = causes_of(text);
    assert_eq!(found[0].0, CauseId::OutOfMemory, "{found:?}");
    assert!(found[0].1.contains("Killed"));
}

/// The causes of a run step with `command` and `output`, ending with exit code `code`, and the command
/// or path each names.
fn step_causes(output: &str, code: u8) -> Vec<(CauseId, Option<String>)> {
    let text = format!(
        "Build\n#!/bin/bash -eo pipefail\n./ci.sh\n\n{output}\n\nExited with code exit status {code}\nCircleCI received exit code {code}\n"
    );
    parse_log(&text)
        .phases
        .iter()
        .flat_map(|phase| phase.causes.iter())
        .map(|cause| {
            let named = cause
                .arg(ArgName::Command)
                .or_else(|| cause.arg(ArgName::Path))
                .map(str::to_owned);
            (cause.id, named)
        })
        .collect()
}

#[test]
fn a_program_the_shell_cannot_find_by_its_path_is_a_command_not_found() {
    for line in [
        "/bin/bash: ./deploy.sh: No such file or directory",
        "/bin/bash: line 1: ./deploy.sh: No such file or directory",
    ] {
        assert_eq!(
            step_causes(line, 127),
            vec![(CauseId::CommandNotFound, Some("./deploy.sh".to_owned()))],
            "{line}"
        );
    }
}

#[test]
fn a_path_a_command_needed_is_named() {
    for (line, path) in [
        (
            "/bin/bash: line 0: cd: ./src/api: No such file or directory",
            "./src/api",
        ),
        (
            "cat: .ci-temp/skip_ci: No such file or directory",
            ".ci-temp/skip_ci",
        ),
        (
            "ls: cannot access 'dist': No such file or directory",
            "dist",
        ),
        (
            "cp: cannot stat ‘build/app.jar’: No such file or directory",
            "build/app.jar",
        ),
    ] {
        assert_eq!(
            step_causes(line, 1),
            vec![(CauseId::PathNotFound, Some(path.to_owned()))],
            "{line}"
        );
    }
    // A broken $BASH_ENV and npm's own report are other stories.
    let bash_env = step_causes(
        "cat: /tmp/.bash_env-6391e7-0-build: No such file or directory",
        1,
    );
    assert!(
        !bash_env.iter().any(|(id, _)| *id == CauseId::PathNotFound),
        "{bash_env:?}"
    );
    let npm = step_causes(
        "npm ERR! enoent ENOENT: no such file or directory, open 'package.json'",
        1,
    );
    assert!(
        !npm.iter().any(|(id, _)| *id == CauseId::PathNotFound),
        "{npm:?}"
    );
}

#[test]
fn dash_and_powershell_say_command_not_found_their_own_way() {
    assert_eq!(
        step_causes("./build.sh: 47: ./build.sh: g++: not found", 127),
        vec![(CauseId::CommandNotFound, Some("g++".to_owned()))]
    );
    assert_eq!(
        step_causes("/bin/sh: 1: yarn: not found", 127),
        vec![(CauseId::CommandNotFound, Some("yarn".to_owned()))]
    );
    let powershell = "npm : The term 'npm' is not recognized as the name of a cmdlet, function, script file, or operable program.";
    assert_eq!(
        step_causes(powershell, 1),
        vec![(CauseId::CommandNotFound, Some("npm".to_owned()))]
    );
    // Two different scripts: not dash's form, so no command is read from it.
    assert!(step_causes("./a.sh: 3: ./b.sh: g++: not found", 1).is_empty());
}

#[test]
fn a_concurrent_files_report_is_one_cause_not_two() {
    // CircleCI-Public/orb-tools-orb issue 195: the report, then the line that closes it.
    let text = "Attaching workspace\nDownloading workspace layers\n  workspaces/ed1e4069/0/104.tar.gz - 7.5 kB\nTotal size downloaded: 9.2 KiB\nApplying workspace layers\n  587e1c44-1efc-441a-8feb-5ee64dde4570\nConcurrent upstream jobs persisted the same file(s) into the workspace:\n  - orb.yml\n\nError applying workspace layer for job 587e1c44-1efc-441a-8feb-5ee64dde4570: Concurrent upstream jobs persisted the same file(s)\n";
    let found: Vec<CauseId> = causes_of(text).into_iter().map(|(id, _)| id).collect();
    assert_eq!(found, vec![CauseId::WorkspaceConcurrentFiles]);
}
