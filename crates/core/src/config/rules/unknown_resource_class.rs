//! `unknown-resource-class`: a `resource_class` that is none of the classes CircleCI offers.
//!
//! The class chooses the size of the machine a job runs on; a misspelt one (`larg`, `xlarge+`,
//! `arm-medium`) is refused when the job starts. The list below gathers the classes of CircleCI's
//! documentation and of its YAML language server for every executor (Docker and Linux machines, Arm,
//! the `.gen2` Docker classes, GPU, Windows, macOS); it errs on the side of silence: a value holding
//! a `<< ... >>` template is known only once expanded, and `namespace/name` is a self-hosted runner,
//! whose names are the organisation's own. A Docker or Linux class on a later generation of hardware
//! (`large.gen3`) is taken as a new offering. The class is not checked against its executor.

use super::{diagnostic, is_templated, suggest, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::model::Spanned;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "unknown-resource-class",
    severity: Severity::Warning,
    doc: "rules/unknown-resource-class",
};

/// Every resource class of CircleCI's cloud, for any executor, current or recently retired.
const KNOWN: &[&str] = &[
    // Docker and Linux machines.
    "small",
    "medium",
    "medium+",
    "large",
    "xlarge",
    "2xlarge",
    "2xlarge+",
    // Docker on the second generation of hardware.
    "small.gen2",
    "medium.gen2",
    "medium+.gen2",
    "large.gen2",
    "xlarge.gen2",
    "2xlarge.gen2",
    "2xlarge+.gen2",
    // Arm.
    "arm.medium",
    "arm.large",
    "arm.xlarge",
    "arm.2xlarge",
    // GPU.
    "gpu.nvidia.small",
    "gpu.nvidia.small.gen2",
    "gpu.nvidia.small.multi",
    "gpu.nvidia.medium",
    "gpu.nvidia.medium.multi",
    "gpu.nvidia.large",
    "windows.gpu.nvidia.medium",
    // Windows.
    "windows.small",
    "windows.medium",
    "windows.large",
    "windows.xlarge",
    "windows.2xlarge",
    // macOS.
    "m4pro.medium",
    "m4pro.large",
    "m2pro.medium",
    "m2pro.large",
    "macos.m1.medium.gen1",
    "macos.m1.large.gen1",
    "macos.x86.medium.gen2",
    "macos.x86.metal.gen1",
];

/// The Docker and Linux classes that come in generations of hardware (`large.gen2`, `large.gen3`).
const GENERATION_BASES: &[&str] = &[
    "small", "medium", "medium+", "large", "xlarge", "2xlarge", "2xlarge+",
];

/// Reports each `resource_class` of a job or an executor that is not a known class.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let config = context.config;
    let classes = config
        .jobs
        .iter()
        .filter_map(|j| j.resource_class.as_ref())
        .chain(
            config
                .executors
                .iter()
                .filter_map(|e| e.resource_class.as_ref()),
        );
    for class in classes {
        if let Some(diagnostic) = unknown(class) {
            out.push(diagnostic);
        }
    }
}

/// The diagnostic for `class`, when it is neither known, templated nor a runner's.
fn unknown(class: &Spanned<String>) -> Option<Diagnostic> {
    let value = class.value.trim();
    if value.is_empty() || is_templated(value) || value.contains('/') || KNOWN.contains(&value) {
        return None;
    }
    let later_generation = value.rsplit_once(".gen").is_some_and(|(base, generation)| {
        GENERATION_BASES.contains(&base) && generation.parse::<u32>().is_ok_and(|g| g >= 2)
    });
    if later_generation {
        return None;
    }
    Some(diagnostic(
        RULE,
        class.span,
        Message::UnknownResourceClass {
            class: value.to_owned(),
            suggestion: suggest(value, KNOWN.iter().copied()),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::diagnostics;
    use crate::config::diagnostic::Message;

    fn found(class: &str) -> Vec<Message> {
        let yaml = format!("version: 2.1\njobs:\n  a:\n    docker: [{{image: cimg/base:2024.01}}]\n    resource_class: {class}\n    steps: [checkout]\nworkflows:\n  w:\n    jobs: [a]\n");
        diagnostics(&yaml, "unknown-resource-class")
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn a_misspelt_class_is_reported_with_the_closest_one() {
        assert_eq!(
            found("xlarg"),
            [Message::UnknownResourceClass {
                class: "xlarg".into(),
                suggestion: Some("xlarge".into()),
            }]
        );
        assert_eq!(found("huge").len(), 1);
        assert_eq!(found("huge.gen3").len(), 1);
    }

    #[test]
    fn known_classes_runners_and_templates_are_fine() {
        for class in [
            "medium",
            "arm.large",
            "2xlarge+.gen2",
            "large.gen3",
            "m4pro.medium",
            "windows.medium",
            "gpu.nvidia.medium",
            "my-org/my-runner",
            "<< parameters.size >>",
        ] {
            assert!(found(class).is_empty(), "{class}");
        }
    }
}
