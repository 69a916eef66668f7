//! `invalid-enum-default`: an `enum` parameter whose `default` is not one of its `enum` values.
//!
//! The default is the value used whenever no argument is given, and CircleCI refuses an enum
//! parameter whose default it could never accept as an argument. Checked for pipeline parameters and
//! for the parameters of jobs, commands and executors; a templated default is not checked.

use super::{diagnostic, is_templated, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::tree::Node;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "invalid-enum-default",
    severity: Severity::Error,
    doc: "rules/invalid-enum-default",
};

/// Reports the default of each enum parameter that is not one of its values.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let root = context.root;
    let mut lists: Vec<&Node> = root.get("parameters").map(|p| &**p).into_iter().collect();
    for section in ["jobs", "commands", "executors"] {
        for (_, definition) in root.get(section).map(|s| s.entries()).unwrap_or_default() {
            lists.extend(definition.get("parameters").map(|p| &**p));
        }
    }
    for (name, declaration) in lists.iter().flat_map(|list| list.entries()) {
        let (Some(name), Some("enum")) = (name.as_str(), declaration.get_str("type")) else {
            continue;
        };
        let Some(default) = declaration.get("default") else {
            continue;
        };
        let Some(text) = default.as_str().filter(|t| !is_templated(t)) else {
            continue;
        };
        let allowed = declaration
            .get("enum")
            .map(|e| e.str_list())
            .unwrap_or_default();
        if !allowed.is_empty() && !allowed.iter().any(|(v, _)| v == text) {
            out.push(diagnostic(
                RULE,
                default.span,
                Message::InvalidEnumDefault {
                    parameter: name.to_owned(),
                    default: text.to_owned(),
                    allowed: allowed.into_iter().map(|(v, _)| v).collect(),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{diagnostics, JOB};

    fn lines(parameters: &str) -> Vec<usize> {
        let yaml = format!("version: 2.1\nparameters:\n{parameters}jobs:\n  a:\n    parameters:\n{parameters}{JOB}workflows:\n  w:\n    jobs: [a]\n");
        diagnostics(&yaml, "invalid-enum-default")
            .iter()
            .map(|d| d.span.line)
            .collect()
    }

    #[test]
    fn a_default_outside_the_list_is_reported_for_pipeline_and_job_parameters() {
        let parameters = "      env:\n        type: enum\n        enum: [staging, production]\n        default: prod\n";
        assert_eq!(lines(parameters), [6, 13]);
    }

    #[test]
    fn a_default_in_the_list_other_types_and_templates_are_fine() {
        let parameters = "      env:\n        type: enum\n        enum: [staging, production]\n        default: staging\n      name:\n        type: string\n        default: prod\n";
        assert!(lines(parameters).is_empty());
    }
}
