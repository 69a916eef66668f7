//! `retired-image`: a machine image or an Xcode version that CircleCI has removed.
//!
//! A job that names a removed image fails before its first step ("This job was rejected because the
//! image is unavailable"; for Xcode, "failed to create host: Image xcode:X is not supported"): CircleCI
//! does not move it to a newer image. The table holds what CircleCI announced, as of August 2026:
//!
//! - Ubuntu 14.04 and 16.04 machine images and `circleci/classic`, removed on 2022-05-31
//!   (<https://circleci.com/blog/ubuntu-14-16-image-deprecation/>);
//! - the dated machine tags and the `setup_remote_docker` versions removed on 2024-09-30 (the Linux,
//!   Android, Windows and Remote Docker deprecation posts of discuss.circleci.com, 50177, 50180, 50179
//!   and 50176, as listed by CircleCI-Public/image-updater);
//! - the Xcode versions whose `major.minor` CircleCI no longer offers (its Xcode image policy and the
//!   history of its list of versions). An old patch of a version still offered (`26.1.0` for `26.1.1`)
//!   is moved to the newest patch, so only `major.minor` is compared.
//!
//! Tags announced since, `current`, `edge` and `default` are not judged, nor images named in orbs.

use super::{all_steps, diagnostic, is_templated, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::model::{ExecutorSpec, StepKind};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "retired-image",
    severity: Severity::Error,
    doc: "rules/retired-image",
};

/// The machine image families removed whole on 2022-05-31.
const RETIRED_FAMILIES: &[&str] = &["circleci/classic", "ubuntu-1404", "ubuntu-1604"];

/// The dated machine tags removed on 2024-09-30, by family.
const RETIRED_TAGS: &[(&str, &[&str])] = &[
    (
        "ubuntu-2004",
        &[
            "202008-01",
            "202011-01",
            "202101-01",
            "202104-01",
            "202107-01",
            "202107-02",
            "202111-01",
            "202201-01",
            "202201-02",
            "2022.04.1",
            "2022.04.2",
            "2022.07.1",
            "2023.04.1",
        ],
    ),
    (
        "ubuntu-2204",
        &[
            "2022.04.1",
            "2022.04.2",
            "2022.07.1",
            "2022.07.2",
            "2022.10.1",
            "2023.04.1",
            "2023.07.2",
        ],
    ),
    (
        "android",
        &[
            "202102-01",
            "2021.12.1",
            "2022.01.1",
            "2022.03.1",
            "2022.04.1",
            "2022.06.1",
            "2022.06.2",
            "2022.07.1",
            "2022.08.1",
            "2022.09.1",
            "2023.03.1",
            "2023.04.1",
            "2023.06.1",
            "2023.07.1",
            "2023.09.1",
            "2023.11.1",
        ],
    ),
    ("windows-server-2019", &["201908-06", "201908-08"]),
    (
        "windows-server-2019-vs2019",
        &["201908-02", "201908-06", "201909-25", "201911-06"],
    ),
    (
        "windows-server-2019-nvidia",
        &["201908-28", "201909-25", "201911-06"],
    ),
    (
        "windows-server-2022-gui",
        &[
            "2022.04.1",
            "2022.07.1",
            "2022.08.1",
            "2022.09.1",
            "2023.03.1",
            "2023.04.1",
            "2023.06.1",
            "2023.07.1",
            "2023.09.1",
            "2023.11.1",
        ],
    ),
];

/// The `major.minor` Xcode versions removed after 13.x (every version up to 13.x is removed too).
const RETIRED_XCODE: &[(u32, u32)] = &[
    (14, 0),
    (14, 1),
    (14, 2),
    (15, 0),
    (15, 1),
    (15, 2),
    (15, 3),
    (16, 0),
    (16, 1),
    (16, 2),
    (16, 3),
    (26, 0),
];

/// The Docker versions of `setup_remote_docker` removed on 2024-09-30 (the Remote Docker deprecation
/// post, 50176). `20.10.24` is still offered, as CircleCI's deprecated Docker 20.
const RETIRED_REMOTE_DOCKER: &[&str] = &[
    "17.03.0-ce",
    "17.05.0-ce",
    "17.06.0-ce",
    "17.06.1-ce",
    "17.07.0-ce",
    "17.09.0-ce",
    "17.10.0-ce",
    "17.11.0-ce",
    "17.12.0-ce",
    "17.12.1-ce",
    "18.01.0-ce",
    "18.02.0-ce",
    "18.03.0-ce",
    "18.03.1-ce",
    "18.04.0-ce",
    "18.05.0-ce",
    "18.06.0-ce",
    "18.09.3",
    "19.03.8",
    "19.03.12",
    "19.03.13",
    "19.03.14",
    "20.10.2",
    "20.10.6",
    "20.10.7",
    "20.10.11",
    "20.10.12",
    "20.10.14",
    "20.10.17",
    "20.10.18",
    "20.10.23",
];

/// When a retired image was removed, and what to write instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Retirement {
    /// The day CircleCI removed it (`2024-09-30`).
    pub(crate) removed: &'static str,
    /// An image or version CircleCI offers in its place.
    pub(crate) replacement: &'static str,
}

/// The retirement of a machine image (`ubuntu-1604:202007-01`, `ubuntu-2004:202101-01`), if CircleCI
/// removed it.
pub(crate) fn retired_machine_image(image: &str) -> Option<Retirement> {
    let (family, tag) = image.split_once(':').unwrap_or((image, ""));
    if RETIRED_FAMILIES.contains(&family) {
        return Some(Retirement {
            removed: "2022-05-31",
            replacement: "ubuntu-2404:current",
        });
    }
    let (_, tags) = RETIRED_TAGS.iter().find(|(name, _)| *name == family)?;
    tags.contains(&tag).then_some(Retirement {
        removed: "2024-09-30",
        replacement: match family {
            "ubuntu-2004" => "ubuntu-2404:current",
            "ubuntu-2204" => "ubuntu-2204:current",
            "android" => "android:default",
            _ => "windows-server-2022-gui:current",
        },
    })
}

/// The retirement of a `setup_remote_docker` version, if CircleCI removed it.
pub(crate) fn retired_remote_docker(version: &str) -> Option<Retirement> {
    RETIRED_REMOTE_DOCKER
        .contains(&version)
        .then_some(Retirement {
            removed: "2024-09-30",
            replacement: "default",
        })
}

/// Whether CircleCI removed the Xcode `version` (`13.2.1`, `16.2.0`): its `major.minor` is no longer
/// offered.
pub(crate) fn retired_xcode(version: &str) -> bool {
    let mut parts = version.trim().split('.');
    let (Some(Ok(major)), Some(Ok(minor))) = (
        parts.next().map(str::parse::<u32>),
        parts.next().map(str::parse::<u32>),
    ) else {
        return false;
    };
    major <= 13 || RETIRED_XCODE.contains(&(major, minor))
}

/// Reports each retired machine image and Xcode version of a job or an executor.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let config = context.config;
    let specs = config
        .jobs
        .iter()
        .filter_map(|j| j.executor.as_ref())
        .chain(config.executors.iter().filter_map(|e| e.spec.as_ref()));
    for spec in specs {
        let (written, retirement) = match spec {
            ExecutorSpec::Machine {
                image: Some(image), ..
            } => (image, retired_machine_image(image.value.trim())),
            ExecutorSpec::Macos {
                xcode: Some(xcode), ..
            } => {
                let retired = retired_xcode(&xcode.value).then_some(Retirement {
                    removed: "",
                    replacement: "16.4.0",
                });
                (xcode, retired)
            }
            _ => continue,
        };
        let value = written.value.trim();
        let Some(retirement) = retirement else {
            continue;
        };
        if value.is_empty() || is_templated(value) {
            continue;
        }
        let message = if matches!(spec, ExecutorSpec::Macos { .. }) {
            Message::RetiredXcode {
                version: value.to_owned(),
                replacement: retirement.replacement.to_owned(),
            }
        } else {
            Message::RetiredMachineImage {
                image: value.to_owned(),
                removed: retirement.removed.to_owned(),
                replacement: retirement.replacement.to_owned(),
            }
        };
        out.push(diagnostic(RULE, written.span, message));
    }
    for step in all_steps(config) {
        let StepKind::SetupRemoteDocker {
            version: Some(version),
        } = &step.kind
        else {
            continue;
        };
        let value = version.value.trim();
        if let Some(retirement) = retired_remote_docker(value) {
            out.push(diagnostic(
                RULE,
                version.span,
                Message::RetiredRemoteDocker {
                    version: value.to_owned(),
                    removed: retirement.removed.to_owned(),
                    replacement: retirement.replacement.to_owned(),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::diagnostics;
    use super::*;

    fn found(executor: &str) -> usize {
        let yaml = format!("version: 2.1\nexecutors:\n  vm:\n{executor}\njobs:\n  a:\n    executor: vm\n    steps: [checkout]\nworkflows:\n  w:\n    jobs: [a]\n");
        diagnostics(&yaml, "retired-image").len()
    }

    #[test]
    fn removed_machine_images_are_reported_and_current_ones_are_not() {
        for image in [
            "ubuntu-1604:202007-01",
            "circleci/classic:latest",
            "circleci/classic",
            "ubuntu-2004:202101-01",
            "ubuntu-2204:2022.10.1",
            "android:2023.11.1",
            "windows-server-2022-gui:2023.09.1",
        ] {
            assert_eq!(
                found(&format!("    machine:\n      image: {image}")),
                1,
                "{image}"
            );
        }
        for image in [
            "ubuntu-2404:current",
            "ubuntu-2204:2024.05.1",
            "ubuntu-2004:202010-01",
            "android:default",
            "windows-server-2022-gui:current",
            "<< parameters.image >>",
        ] {
            assert_eq!(
                found(&format!("    machine:\n      image: {image}")),
                0,
                "{image}"
            );
        }
    }

    #[test]
    fn removed_xcode_versions_are_compared_by_major_and_minor() {
        for version in ["13.2.1", "12.5.1", "14.2.0", "15.3.0", "16.2.0", "26.0.1"] {
            assert_eq!(
                found(&format!("    macos:\n      xcode: {version}")),
                1,
                "{version}"
            );
        }
        for version in [
            "14.3.1",
            "15.4.0",
            "16.4.0",
            "26.1.0",
            "26.6.0",
            "<< parameters.xcode >>",
        ] {
            assert_eq!(
                found(&format!("    macos:\n      xcode: \"{version}\"")),
                0,
                "{version}"
            );
        }
        assert!(retired_xcode("9.4"));
        assert!(!retired_xcode("latest"));
    }

    #[test]
    fn removed_remote_docker_versions_are_reported_in_any_step() {
        let yaml = |version: &str| {
            format!("version: 2.1\njobs:\n  a:\n    docker: [{{image: cimg/base:2024.01}}]\n    steps:\n      - checkout\n      - when:\n          condition: true\n          steps:\n            - setup_remote_docker:\n                version: {version}\nworkflows:\n  w:\n    jobs: [a]\n")
        };
        for (version, count) in [
            ("20.10.7", 1),
            ("17.09.0-ce", 1),
            ("20.10.24", 0),
            ("docker27", 0),
            ("default", 0),
        ] {
            assert_eq!(
                diagnostics(&yaml(version), "retired-image").len(),
                count,
                "{version}"
            );
        }
    }

    #[test]
    fn a_retired_image_names_its_removal_and_a_replacement() {
        assert_eq!(
            retired_machine_image("android:2022.06.2"),
            Some(Retirement {
                removed: "2024-09-30",
                replacement: "android:default"
            })
        );
        assert_eq!(retired_machine_image("ubuntu-2404:2022.04.1"), None);
    }
}
