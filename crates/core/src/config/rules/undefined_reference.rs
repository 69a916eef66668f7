//! `undefined-reference`: an executor, command, orb, job or parameter is used but defined nowhere.
//!
//! CircleCI stops compiling the configuration at the first such name. Names from orbs
//! (`node/test`) count as defined when the orb is imported, since the orb's content is not in the
//! file; `<< parameters.x >>` must be declared by the job, command or executor that uses it, and
//! `<< pipeline.parameters.x >>` under the top-level `parameters:`.

use std::collections::{HashMap, HashSet};

use super::{diagnostic, for_each_scalar, suggest, Context, RuleInfo};
use crate::config::diagnostic::{Diagnostic, Message, ReferenceKind, Severity};
use crate::config::model::{Config, ExecutorSpec, ParameterDecl, StepKind};
use crate::config::schema_keys::builtin_steps;
use crate::config::span::Span;
use crate::config::templates::{find_references, Reference};
use crate::config::tree::Node;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "undefined-reference",
    severity: Severity::Error,
    doc: "rules/undefined-reference",
};

/// Reports every name used but not defined.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let config = context.config;
    let mut report = |kind, name: &str, span, suggestion| {
        out.push(diagnostic(
            RULE,
            span,
            Message::UndefinedReference {
                kind,
                name: name.to_owned(),
                suggestion,
            },
        ));
    };
    let executors_of_jobs = config.jobs.iter().filter_map(|j| j.executor.as_ref());
    for spec in executors_of_jobs {
        if let ExecutorSpec::Named { name } = spec {
            check_name(
                config,
                ReferenceKind::Executor,
                &name.value,
                name.span,
                config.executors.iter().map(|e| e.name.value.as_str()),
                &mut report,
            );
        }
    }
    for step in super::all_steps(config) {
        if let StepKind::Invoke { .. } = step.kind {
            let candidates = config
                .commands
                .iter()
                .map(|c| c.name.value.as_str())
                .chain(builtin_steps().map(|step| -> &str { step }));
            check_name(
                config,
                ReferenceKind::Command,
                &step.name.value,
                step.name.span,
                candidates,
                &mut report,
            );
        }
    }
    // Defined jobs are looked up in a set: scanning the job list for each workflow job is quadratic.
    let job_names: HashSet<&str> = config.jobs.iter().map(|j| j.name.value.as_str()).collect();
    for job in config.job_entries().filter(|j| !j.approval) {
        let name = job.job.value.as_str();
        let local = !name.contains('/') && !name.contains("<<");
        // A workflow entry may run a job group by its name.
        if local && (job_names.contains(name) || config.job_group(name).is_some()) {
            continue;
        }
        let candidates = config.jobs.iter().map(|j| j.name.value.as_str());
        check_name(
            config,
            ReferenceKind::Job,
            &job.job.value,
            job.job.span,
            candidates,
            &mut report,
        );
    }
    check_parameters(context, out);
}

/// Checks one name: an orb name needs its orb imported, a local name its definition.
fn check_name<'c>(
    config: &Config,
    kind: ReferenceKind,
    name: &str,
    span: Span,
    defined: impl Iterator<Item = &'c str> + Clone,
    report: &mut impl FnMut(ReferenceKind, &str, Span, Option<String>),
) {
    if name.contains("<<") {
        return;
    }
    if let Some((orb, _)) = name.split_once('/') {
        if !config.orbs.iter().any(|o| o.name.value == orb) {
            report(
                ReferenceKind::Orb,
                orb,
                span,
                suggest(orb, config.orbs.iter().map(|o| o.name.value.as_str())),
            );
        }
        return;
    }
    if !defined.clone().any(|d| d == name) {
        report(kind, name, span, suggest(name, defined));
    }
}

/// A job, command or executor: its name and declared parameters.
type Definition<'c> = (&'c str, &'c [ParameterDecl]);

/// Checks `<< parameters.x >>` in each definition and `<< pipeline.parameters.x >>` everywhere.
fn check_parameters(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let config = context.config;
    let sections: [(&str, Vec<Definition<'_>>); 3] = [
        (
            "jobs",
            config
                .jobs
                .iter()
                .map(|j| (j.name.value.as_str(), j.parameters.as_slice()))
                .collect(),
        ),
        (
            "commands",
            config
                .commands
                .iter()
                .map(|c| (c.name.value.as_str(), c.parameters.as_slice()))
                .collect(),
        ),
        (
            "executors",
            config
                .executors
                .iter()
                .map(|e| (e.name.value.as_str(), e.parameters.as_slice()))
                .collect(),
        ),
    ];
    for (section, definitions) in &sections {
        let Some(node) = context.root.get(section) else {
            continue;
        };
        // One lookup table per section: looking each name up in the mapping would be quadratic.
        let mut by_name: HashMap<&str, &Node> = HashMap::with_capacity(node.entries().len());
        for (key, value) in node.entries() {
            if let Some(name) = key.as_str() {
                by_name.entry(name).or_insert(value);
            }
        }
        for (name, declared) in definitions {
            let Some(definition) = by_name.get(name).copied() else {
                continue;
            };
            let names = || declared.iter().map(|p| p.name.value.as_str());
            scan(context.text, definition, &mut |reference, span| {
                if let Reference::Parameter(parameter) = reference {
                    if !names().any(|n| n == parameter) {
                        let message = Message::UndefinedReference {
                            kind: ReferenceKind::Parameter,
                            name: parameter.clone(),
                            suggestion: suggest(parameter, names()),
                        };
                        out.push(diagnostic(RULE, span(), message));
                    }
                }
            });
        }
    }
    let pipeline = || config.parameters.iter().map(|p| p.name.value.as_str());
    scan(context.text, context.root, &mut |reference, span| {
        if let Reference::PipelineParameter(parameter) = reference {
            if !pipeline().any(|n| n == parameter) {
                let message = Message::UndefinedReference {
                    kind: ReferenceKind::PipelineParameter,
                    name: parameter.clone(),
                    suggestion: suggest(parameter, pipeline()),
                };
                out.push(diagnostic(RULE, span(), message));
            }
        }
    });
}

/// Calls `visit` for every `<< ... >>` of the subtree with a way to find its span: finding it searches
/// the source, so it is done only for a reference that is reported.
fn scan(text: &str, node: &Node, visit: &mut dyn FnMut(&Reference, &dyn Fn() -> Span)) {
    for_each_scalar(node, &mut |scalar, span| {
        for found in find_references(scalar) {
            let written = &scalar[found.start..found.end];
            visit(&found.reference, &|| {
                span.find(text, written).unwrap_or(span)
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{diagnostics, JOB};
    use crate::config::diagnostic::{Message, ReferenceKind};

    fn kinds(yaml: &str) -> Vec<(ReferenceKind, String)> {
        diagnostics(yaml, "undefined-reference")
            .into_iter()
            .map(|d| match d.message {
                Message::UndefinedReference { kind, name, .. } => (kind, name),
                other => panic!("unexpected {other:?}"),
            })
            .collect()
    }

    #[test]
    fn undefined_names_of_every_kind_are_found() {
        let yaml = "version: 2.1\norbs:\n  node: circleci/node@5.2.0\njobs:\n  build:\n    executor: pyhton\n    steps:\n      - checkout\n      - greet\n      - aws/setup\n      - run: echo << parameters.who >> << pipeline.parameters.deploy >>\nworkflows:\n  w:\n    jobs: [build, tset]\n";
        let found = kinds(yaml);
        assert!(
            found.contains(&(ReferenceKind::Executor, "pyhton".into())),
            "{found:?}"
        );
        assert!(found.contains(&(ReferenceKind::Command, "greet".into())));
        assert!(found.contains(&(ReferenceKind::Orb, "aws".into())));
        assert!(found.contains(&(ReferenceKind::Job, "tset".into())));
        assert!(found.contains(&(ReferenceKind::Parameter, "who".into())));
        assert!(found.contains(&(ReferenceKind::PipelineParameter, "deploy".into())));
        assert_eq!(found.len(), 6);
    }

    #[test]
    fn defined_and_orb_names_pass() {
        let yaml = format!("version: 2.1\norbs:\n  node: circleci/node@5.2.0\nparameters:\n  deploy: {{type: boolean, default: false}}\ncommands:\n  greet:\n    parameters:\n      who: {{type: string}}\n    steps:\n      - run: echo << parameters.who >> << pipeline.parameters.deploy >>\njobs:\n  build:\n{JOB}      - greet: {{who: me}}\n      - node/install-packages\nworkflows:\n  w:\n    jobs: [build, node/test]\n");
        assert_eq!(kinds(&yaml), vec![]);
    }
}
