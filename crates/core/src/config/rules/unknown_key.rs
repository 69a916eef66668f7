//! `unknown-key`: a key that does not exist where it is written, usually a typo.
//!
//! Key lists come from CircleCI's official schema (see `schema_keys`). At the top level any key
//! is allowed, since projects keep YAML anchors there, so only near-misses of real keys
//! (`workflow:` for `workflows:`) are reported. Arguments given to a command or a job of this
//! configuration must be among its declared parameters. Each report suggests the closest key.

use super::{diagnostic, suggest, Context, RuleInfo};
use crate::config::build_workflows::WORKFLOW_JOB_KEYS;
use crate::config::diagnostic::{Diagnostic, Message, Severity};
use crate::config::schema_keys::{is_builtin_step, known_keys, MappingKind};
use crate::config::tree::Node;

/// The rule.
pub(crate) const RULE: RuleInfo = RuleInfo {
    id: "unknown-key",
    severity: Severity::Warning,
    doc: "rules/unknown-key",
};

/// Walks the known structure and reports unknown keys.
pub(crate) fn check(context: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let root = context.root;
    let mut walker = Walker { context, out };
    for (key, _) in root.entries() {
        let Some(name) = key.as_str() else { continue };
        let known = known_keys(MappingKind::TopLevel);
        if !known.contains(&name) && name.len() >= 4 {
            if let Some(suggestion) = suggest(name, known.iter().copied()) {
                walker.report(key, name, "top-level", Some(suggestion));
            }
        }
    }
    for (_, job) in root.get("jobs").map(|j| j.entries()).unwrap_or_default() {
        walker.mapping(job, MappingKind::Job, "job");
        if let Some(retention) = job.get("retention") {
            walker.mapping(retention, MappingKind::Retention, "retention");
        }
        walker.runtime(job);
        walker.parameters(job.get("parameters"));
        walker.steps(job.get("steps"));
    }
    for (_, executor) in root
        .get("executors")
        .map(|e| e.entries())
        .unwrap_or_default()
    {
        walker.mapping(executor, MappingKind::Executor, "executor");
        walker.runtime(executor);
        walker.parameters(executor.get("parameters"));
    }
    for (_, command) in root
        .get("commands")
        .map(|c| c.entries())
        .unwrap_or_default()
    {
        walker.mapping(command, MappingKind::Command, "command");
        walker.parameters(command.get("parameters"));
        walker.steps(command.get("steps"));
    }
    walker.parameters(root.get("parameters"));
    for (name, workflow) in root
        .get("workflows")
        .map(|w| w.entries())
        .unwrap_or_default()
    {
        if name.as_str() == Some("version") {
            continue;
        }
        // CircleCI's schema leaves a workflow open to other keys (`description` is common): only a
        // near-miss of a known key is reported there.
        walker.typos_only(workflow, MappingKind::Workflow, "workflow");
        for item in workflow.get("jobs").map(|j| j.items()).unwrap_or_default() {
            walker.workflow_job(item);
        }
    }
    for (_, group) in root
        .get("job-groups")
        .map(|g| g.entries())
        .unwrap_or_default()
    {
        walker.mapping(group, MappingKind::JobGroup, "job-group");
        for item in group.get("jobs").map(|j| j.items()).unwrap_or_default() {
            walker.workflow_job(item);
        }
    }
}

/// The keys of a workflow entry that runs a job group (the language server refuses `matrix`,
/// `override-with`, `type`, `context`, `pre-steps`, `post-steps` and parameters there).
const JOB_GROUP_ENTRY_KEYS: &[&str] = &["requires", "name", "filters", "serial-group"];

/// Walks the tree, pushing diagnostics.
struct Walker<'c, 'a> {
    context: &'c Context<'a>,
    out: &'c mut Vec<Diagnostic>,
}

impl Walker<'_, '_> {
    fn report(&mut self, key: &Node, name: &str, place: &str, suggestion: Option<String>) {
        let message = Message::UnknownKey {
            key: name.to_owned(),
            place: place.to_owned(),
            suggestion,
        };
        self.out.push(diagnostic(RULE, key.span, message));
    }

    /// Checks the keys of a mapping against a known list.
    fn mapping(&mut self, node: &Node, kind: MappingKind, place: &str) {
        let known = known_keys(kind);
        self.allowed(node, known, place);
    }

    /// Reports only the keys of a mapping that look like a misspelt known key: for the places CircleCI
    /// leaves open to other keys.
    fn typos_only(&mut self, node: &Node, kind: MappingKind, place: &str) {
        let known = known_keys(kind);
        for (key, _) in node.entries() {
            let Some(name) = key.as_str() else { continue };
            if !known.contains(&name) && !name.contains("<<") {
                if let Some(suggestion) = suggest(name, known.iter().copied()) {
                    self.report(key, name, place, Some(suggestion));
                }
            }
        }
    }

    /// Checks the keys of a mapping against `allowed`.
    fn allowed(&mut self, node: &Node, allowed: &[&str], place: &str) {
        for (key, _) in node.entries() {
            let Some(name) = key.as_str() else { continue };
            if !allowed.contains(&name) && !name.contains("<<") {
                self.report(key, name, place, suggest(name, allowed.iter().copied()));
            }
        }
    }

    /// Checks `docker` images, `machine` and `macos` of a job or executor.
    fn runtime(&mut self, node: &Node) {
        for image in node.get("docker").map(|d| d.items()).unwrap_or_default() {
            self.mapping(image, MappingKind::DockerImage, "docker-image");
        }
        if let Some(machine) = node.get("machine") {
            self.mapping(machine, MappingKind::Machine, "machine");
        }
        if let Some(macos) = node.get("macos") {
            self.mapping(macos, MappingKind::Macos, "macos");
        }
    }

    fn parameters(&mut self, node: Option<&std::rc::Rc<Node>>) {
        for (_, declaration) in node.map(|n| n.entries()).unwrap_or_default() {
            self.mapping(declaration, MappingKind::ParameterDecl, "parameter");
        }
    }

    fn steps(&mut self, node: Option<&std::rc::Rc<Node>>) {
        for step in node.map(|n| n.items()).unwrap_or_default() {
            let Some((key, args)) = step.entries().first() else {
                continue;
            };
            let Some(name) = key.as_str() else { continue };
            let place = format!("step {name}");
            if is_builtin_step(name) {
                self.mapping(args, MappingKind::Step(builtin_name(name)), &place);
                if matches!(name, "when" | "unless") {
                    self.steps(args.get("steps"));
                }
            } else if let Some(command) = self
                .context
                .config
                .commands
                .iter()
                .find(|c| c.name.value == name)
            {
                let declared: Vec<&str> = command
                    .parameters
                    .iter()
                    .map(|p| p.name.value.as_str())
                    .collect();
                self.allowed(args, &declared, &place);
            }
        }
    }

    fn workflow_job(&mut self, item: &Node) {
        let Some((key, args)) = item.entries().first() else {
            return;
        };
        let Some(name) = key.as_str() else { return };
        if let Some(job) = self.context.config.job(name) {
            let mut allowed: Vec<&str> = WORKFLOW_JOB_KEYS.to_vec();
            allowed.extend(job.parameters.iter().map(|p| p.name.value.as_str()));
            self.allowed(args, &allowed, "workflow-job");
        } else if self.context.config.job_group(name).is_some() {
            self.allowed(args, JOB_GROUP_ENTRY_KEYS, "workflow-job");
        }
        if let Some(filters) = args.get("filters") {
            self.mapping(filters, MappingKind::Filters, "filters");
            for group in ["branches", "tags"] {
                if let Some(group) = filters.get(group) {
                    self.mapping(group, MappingKind::FilterGroup, "filters");
                }
            }
        }
        if let Some(matrix) = args.get("matrix") {
            self.mapping(matrix, MappingKind::Matrix, "matrix");
        }
    }
}

/// The `'static` name of a built-in step.
fn builtin_name(name: &str) -> &'static str {
    crate::config::schema_keys::builtin_step(name).unwrap_or("run")
}

#[cfg(test)]
mod tests {
    use super::super::test_support::diagnostics;
    use crate::config::diagnostic::Message;

    fn keys(yaml: &str) -> Vec<(String, Option<String>)> {
        diagnostics(yaml, "unknown-key")
            .into_iter()
            .map(|d| match d.message {
                Message::UnknownKey {
                    key, suggestion, ..
                } => (key, suggestion),
                other => panic!("unexpected {other:?}"),
            })
            .collect()
    }

    #[test]
    fn a_workflow_takes_other_keys_but_not_a_misspelt_one() {
        // hashicorp/consul-k8s: `description` on a scheduled workflow, which CircleCI accepts.
        let config = "version: 2.1\njobs:\n  a:\n    docker: [{image: cimg/base:2024.01}]\n    steps: [checkout]\nworkflows:\n  nightly:\n    description: Tests of a release branch, nightly.\n    trigers:\n      - schedule: {cron: \"0 3 * * *\", filters: {branches: {only: main}}}\n    jobs: [a]\n";
        assert_eq!(
            keys(config),
            vec![("trigers".to_owned(), Some("triggers".to_owned()))]
        );
    }

    #[test]
    fn typos_are_reported_with_a_suggestion() {
        let yaml = "version: 2.1\nworkflow: {}\njobs:\n  a:\n    docker: [{image: cimg/base:2024.01}]\n    step: []\n    steps:\n      - save_cache: {key: x, path: [y]}\n";
        assert_eq!(
            keys(yaml),
            vec![
                ("workflow".into(), Some("workflows".into())),
                ("step".into(), Some("steps".into())),
                ("path".into(), Some("paths".into())),
            ]
        );
    }

    #[test]
    fn anchors_at_the_top_and_declared_arguments_pass() {
        let yaml = "version: 2.1\ndefaults: &defaults {docker: [{image: cimg/base:2024.01}]}\ncommands:\n  greet:\n    parameters: {who: {type: string}}\n    steps: [{run: echo << parameters.who >>}]\njobs:\n  a:\n    <<: *defaults\n    parameters: {n: {type: integer, default: 1}}\n    steps: [{greet: {who: me}}]\nworkflows:\n  w:\n    jobs: [{a: {n: 2, requires: []}}]\n";
        assert_eq!(keys(yaml), vec![]);
    }

    /// A configuration written with the whole 2024–2026 language (CircleCI's configuration reference
    /// and the language server's schema, 2026).
    const LANGUAGE_2024_2026: &str =
        include_str!("../../../tests/fixtures/configs/language-2024-2026.yml");

    #[test]
    fn the_2024_2026_language_raises_no_unknown_key() {
        assert_eq!(keys(LANGUAGE_2024_2026), vec![]);
    }

    #[test]
    fn a_typo_in_each_new_key_is_still_reported() {
        let typos = [
            ("job-groups:", "job-group:", "job-groups"),
            (
                "  release-train:\n    jobs:",
                "  release-train:\n    job:",
                "jobs",
            ),
            (
                "    retention:\n      caches: 7d",
                "    retention:\n      cache: 7d",
                "caches",
            ),
            (
                "    circleci_ip_ranges: true",
                "    circleci_ip_range: true",
                "circleci_ip_ranges",
            ),
            (
                "          method: blobless",
                "          metod: blobless",
                "method",
            ),
            (
                "          max_auto_reruns: 3",
                "          max_auto_rerun: 3",
                "max_auto_reruns",
            ),
            (
                "          auto_rerun_delay: 30s",
                "          auto_rerun_dely: 30s",
                "auto_rerun_delay",
            ),
            (
                "    max_auto_reruns: 2",
                "    max_auto_rerun: 2",
                "max_auto_reruns",
            ),
            (
                "          override-with: platform/lint",
                "          overide-with: platform/lint",
                "override-with",
            ),
            (
                "          serial-group: <<",
                "          serial-grup: <<",
                "serial-group",
            ),
            (
                "    plan_name: web-app",
                "    plan-name: web-app",
                "plan_name",
            ),
        ];
        for (right, wrong, suggestion) in typos {
            assert!(LANGUAGE_2024_2026.contains(right), "{right}");
            let yaml = LANGUAGE_2024_2026.replacen(right, wrong, 1);
            let found = keys(&yaml);
            assert_eq!(found.len(), 1, "{wrong}: {found:?}");
            assert_eq!(
                found[0].1.as_deref(),
                Some(suggestion),
                "{wrong}: {found:?}"
            );
        }
    }

    #[test]
    fn a_job_group_entry_takes_only_the_keys_of_a_group() {
        let yaml = LANGUAGE_2024_2026.replacen(
            "      - release-train:\n",
            "      - release-train:\n          context: [deploy]\n",
            1,
        );
        assert_eq!(keys(&yaml), vec![("context".into(), None)]);
    }
}
