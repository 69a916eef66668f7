//! `unknown-machine-image`: a `machine` image that is none of the images CircleCI offers.
//!
//! A machine job starts from one of CircleCI's virtual machine images (`ubuntu-2404:current`,
//! `android:2024.11.1`, `windows-server-2022-gui:current`...); a name that is not one of them, a typo
//! or an unknown family, stops the job before its first step (an image CircleCI has removed is
//! `retired-image`'s). Only the image's family
//! (before the `:`) is checked, since new dated tags come out every few months, and families that
//! follow the pattern of the known ones (`ubuntu-2604`, the next LTS; `windows-server-2028-gui`) are
//! taken as new offerings, as is `default`; a templated value is known only once expanded and is not
//! reported.

use super::retired_image::retired_machine_image;
use super::{diagnostic, is_templated, suggest, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::model::ExecutorSpec;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "unknown-machine-image",
    severity: Severity::Warning,
    doc: "rules/unknown-machine-image",
};

/// The image families of CircleCI's cloud (the part of an image before its `:`).
const FAMILIES: &[&str] = &[
    "ubuntu-2004",
    "ubuntu-2204",
    "ubuntu-2404",
    "android",
    "windows-server-2019-vs2019",
    "windows-server-2022-gui",
    "windows-server-2025-gui",
    "linux-cuda-11",
    "linux-cuda-12",
    "linux-cuda-13",
    "windows-server-2019-cuda",
    "windows-server-2022-cuda",
    "windows-server-2025-cuda",
];

/// Reports each machine image of a job or an executor whose family is unknown.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let config = context.config;
    let specs = config
        .jobs
        .iter()
        .filter_map(|j| j.executor.as_ref())
        .chain(config.executors.iter().filter_map(|e| e.spec.as_ref()));
    for spec in specs {
        let ExecutorSpec::Machine {
            image: Some(image), ..
        } = spec
        else {
            continue;
        };
        let value = image.value.trim();
        if value.is_empty() || is_templated(value) {
            continue;
        }
        let family = value.split_once(':').map_or(value, |(family, _)| family);
        // A removed image is `retired-image`'s, which says when it was removed.
        if !is_offered(family) && retired_machine_image(value).is_none() {
            out.push(diagnostic(
                RULE,
                image.span,
                Message::UnknownMachineImage {
                    image: value.to_owned(),
                    suggestion: suggest(family, FAMILIES.iter().copied()),
                },
            ));
        }
    }
}

/// Whether `family` is a known family, `default`, or one of the same pattern: an Ubuntu LTS from
/// 20.04 on (`ubuntu-YY04`, YY even), a Windows Server or CUDA family of a newer number.
fn is_offered(family: &str) -> bool {
    if family == "default" || FAMILIES.contains(&family) {
        return true;
    }
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    if let Some(version) = family.strip_prefix("ubuntu-") {
        let year = version
            .strip_suffix("04")
            .filter(|y| y.len() == 2 && digits(y));
        return year
            .and_then(|y| y.parse::<u32>().ok())
            .is_some_and(|y| y >= 20 && y % 2 == 0);
    }
    if let Some(rest) = family.strip_prefix("windows-server-") {
        let (year, kind) = rest.split_once('-').unwrap_or((rest, ""));
        return digits(year) && matches!(kind, "gui" | "cuda" | "vs2019" | "vs2022");
    }
    family.strip_prefix("linux-cuda-").is_some_and(digits)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::diagnostics;

    fn found(image: &str) -> usize {
        let yaml = format!("version: 2.1\nexecutors:\n  vm:\n    machine:\n      image: {image}\njobs:\n  a:\n    executor: vm\n    steps: [checkout]\n  b:\n    machine:\n      image: {image}\n    steps: [checkout]\nworkflows:\n  w:\n    jobs: [a, b]\n");
        diagnostics(&yaml, "unknown-machine-image").len()
    }

    #[test]
    fn unknown_images_are_reported_in_jobs_and_executors() {
        assert_eq!(found("ubuntu-2024:current"), 2);
        assert_eq!(found("ubunty-2204:current"), 2);
        assert_eq!(found("windows-server-2019:2024.01.1"), 2);
    }

    #[test]
    fn removed_images_are_left_to_retired_image() {
        assert_eq!(found("ubuntu-1604:202007-01"), 0);
        assert_eq!(found("circleci/classic:latest"), 0);
        assert_eq!(found("windows-server-2019:201908-06"), 0);
    }

    #[test]
    fn known_families_with_any_tag_and_templates_are_fine() {
        for image in [
            "ubuntu-2204:2024.01.1",
            "ubuntu-2404:current",
            "android:2024.11.1",
            "windows-server-2022-gui:current",
            "linux-cuda-12:default",
            "ubuntu-2604:current",
            "windows-server-2028-gui:current",
            "default",
            "<< parameters.image >>",
        ] {
            assert_eq!(found(image), 0, "{image}");
        }
    }
}
