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
