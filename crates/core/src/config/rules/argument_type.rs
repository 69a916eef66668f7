//! `argument-type`: an argument that is not of its parameter's type: a `boolean` given `maybe`, an
//! `integer` given `two`, an `enum` given a value outside its list.
//!
//! CircleCI checks every argument against its parameter's declaration when it compiles the
//! configuration, and stops at the first that does not fit. Matrix values are checked one by one.
//! A value holding a `<< ... >>` template is known only once expanded and is not checked; a boolean
//! is any YAML 1.1 boolean (`true`, `no`, `on`...), quoted or not, and an integer any whole number.

use super::invocations::{declared, invocations};
use super::{diagnostic, is_templated, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::tree::Node;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "argument-type",
    severity: Severity::Error,
    doc: "rules/argument-type",
};

/// Reports each argument, and each matrix value, that its parameter's type refuses.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for use_ in invocations(context.root) {
        let declarations = declared(use_.definition);
        let values = use_
            .arguments
            .iter()
            .map(|&(name, value)| (name, value))
            .chain(
                use_.matrix
                    .iter()
                    .flat_map(|&(name, list)| list.items().iter().map(move |v| (name, &**v))),
            );
        for (parameter, value) in values {
            let Some((_, declaration)) = declarations.iter().find(|(name, _)| *name == parameter)
            else {
                continue;
            };
            if let Some(message) = mismatch(parameter, declaration, value) {
                out.push(diagnostic(RULE, value.span, message));
            }
        }
    }
}

/// The message for `value` when the declaration's type refuses it.
fn mismatch(parameter: &str, declaration: &Node, value: &Node) -> Option<Message> {
    let text = value.as_str()?.trim();
    if is_templated(text) {
        return None;
    }
    let expected = declaration.get_str("type")?;
    let allowed: Vec<String> = match expected {
        "boolean" if !is_boolean(text) => Vec::new(),
        "integer" if text.parse::<i64>().is_err() => Vec::new(),
        "enum" => {
            let values = declaration.get("enum")?.str_list();
            if values.is_empty() || values.iter().any(|(v, _)| v == text) {
                return None;
            }
            values.into_iter().map(|(v, _)| v).collect()
        }
        _ => return None,
    };
    Some(Message::ArgumentType {
        parameter: parameter.to_owned(),
        value: text.to_owned(),
        expected: expected.to_owned(),
        allowed,
    })
}

/// Whether `text` is a YAML 1.1 boolean, as CircleCI's reader takes it.
pub(crate) fn is_boolean(text: &str) -> bool {
    matches!(
        text.to_ascii_lowercase().as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_support::diagnostics;

    const JOB: &str = "version: 2.1\njobs:\n  test:\n    parameters:\n      coverage: {type: boolean, default: false}\n      shards: {type: integer, default: 1}\n      python: {type: enum, enum: [\"3.11\", \"3.12\"], default: \"3.12\"}\n    docker: [{image: cimg/python:3.12}]\n    steps: [checkout]\n";

    fn found(workflow_jobs: &str) -> Vec<usize> {
        let yaml = format!("{JOB}workflows:\n  w:\n    jobs:\n{workflow_jobs}");
        diagnostics(&yaml, "argument-type")
            .iter()
            .map(|d| d.span.line)
            .collect()
    }

    #[test]
    fn values_of_the_wrong_type_are_reported_at_the_value() {
        let jobs = "      - test:\n          coverage: sometimes\n          shards: two\n          python: \"3.9\"\n      - test:\n          name: m\n          matrix:\n            parameters:\n              python: [\"3.11\", \"3.10\"]\n";
        assert_eq!(found(jobs), [14, 15, 16, 21]);
    }

    #[test]
    fn values_of_the_right_type_and_templates_are_fine() {
        let jobs = "      - test:\n          coverage: yes\n          shards: 4\n          python: \"3.11\"\n      - test:\n          name: p\n          coverage: << pipeline.parameters.coverage >>\n";
        assert!(found(jobs).is_empty(), "{:?}", found(jobs));
    }
}
