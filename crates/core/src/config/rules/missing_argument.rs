//! `missing-argument`: a parameter without a default that is not given where its job, command or
//! executor is used.
//!
//! A parameter declared without `default:` must be given by every use; CircleCI stops compiling the
//! configuration at the first use that leaves one out. A parameter that a workflow's `matrix` gives
//! counts as given. Only this configuration's own jobs, commands and executors are checked: an
//! orb's declarations are not in the file.

use super::invocations::{declared, invocations};
use super::{diagnostic, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, Severity};

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "missing-argument",
    severity: Severity::Error,
    doc: "rules/missing-argument",
};

/// Reports each required parameter that a use leaves out, at the use.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for use_ in invocations(context.root) {
        for (parameter, declaration) in declared(use_.definition) {
            let required = declaration.is_map() && declaration.get("default").is_none();
            let given = use_.arguments.iter().any(|(name, _)| *name == parameter)
                || use_.matrix.iter().any(|(name, _)| *name == parameter);
            if required && !given {
                out.push(diagnostic(
                    RULE,
                    use_.at.span,
                    Message::MissingArgument {
                        parameter: parameter.to_owned(),
                        of: use_.name.to_owned(),
                    },
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::diagnostics;

    const DEFINITIONS: &str = "version: 2.1\nexecutors:\n  vm:\n    parameters:\n      size: {type: string}\n    docker: [{image: cimg/base:2024.01}]\n    resource_class: << parameters.size >>\ncommands:\n  greet:\n    parameters:\n      who: {type: string}\n      loud: {type: boolean, default: false}\n    steps:\n      - run: echo << parameters.who >>\njobs:\n  build:\n    parameters:\n      target: {type: string}\n    executor:\n      name: vm\n      size: large\n    steps:\n      - greet: {who: me}\n      - run: make << parameters.target >>\n";

    fn found(rest: &str) -> Vec<(usize, String)> {
        diagnostics(&format!("{DEFINITIONS}{rest}"), "missing-argument")
            .into_iter()
            .map(|d| (d.span.line, format!("{:?}", d.message)))
            .collect()
    }

    #[test]
    fn a_required_parameter_left_out_is_reported_at_each_use() {
        let rest = "  other:\n    executor: vm\n    steps:\n      - greet\n      - greet: {loud: true}\nworkflows:\n  w:\n    jobs:\n      - build\n      - other\n";
        let lines: Vec<usize> = found(rest).into_iter().map(|(line, _)| line).collect();
        assert_eq!(lines, [26, 28, 29, 33], "{:?}", found(rest));
    }

    #[test]
    fn arguments_given_directly_or_by_a_matrix_are_fine() {
        let rest = "workflows:\n  w:\n    jobs:\n      - build:\n          target: all\n      - build:\n          name: matrix\n          matrix:\n            parameters:\n              target: [a, b]\n";
        assert!(found(rest).is_empty(), "{:?}", found(rest));
    }
}
