//! From the YAML tree to the typed [`Config`], collecting the highlightable [`Part`]s on the way.

use super::model::{
    Command, Config, DockerImage, EnvVar, Executor, ExecutorSpec, Job, Orb, ParameterDecl, Spanned,
    Step, StepKind,
};
use super::parts::{key_doc, Part, PartKind, PartSubject, CACHE_KEY_TEMPLATES_DOC};
use super::span::Span;
use super::templates::CacheKey;
use super::tree::Node;

/// Builds the model of a configuration.
pub(crate) struct Builder<'a> {
    /// The pasted text, for spans inside scalars.
    pub(crate) text: &'a str,
    /// The parts found so far.
    pub(crate) parts: Vec<Part>,
}

/// A scalar node as a spanned string.
pub(crate) fn spanned(node: &Node) -> Option<Spanned<String>> {
    node.as_str().map(|s| Spanned {
        value: s.to_owned(),
        span: node.span,
    })
}

impl<'a> Builder<'a> {
    /// A builder over `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            text,
            parts: Vec::new(),
        }
    }

    /// Records a part that its name explains.
    pub(crate) fn part(&mut self, span: Span, kind: PartKind, doc: &'static str, detail: &str) {
        self.part_about(span, kind, doc, detail, PartSubject::Named);
    }

    /// Records a part and what it refers to.
    pub(crate) fn part_about(
        &mut self,
        span: Span,
        kind: PartKind,
        doc: &'static str,
        detail: &str,
        subject: PartSubject,
    ) {
        self.parts.push(Part {
            span,
            kind,
            doc,
            detail: detail.to_owned(),
            subject,
        });
    }

    /// Records a key part when the key has a page.
    pub(crate) fn key(&mut self, key: &Node) {
        if let Some(name) = key.as_str() {
            if let Some(doc) = key_doc(name) {
                self.part(key.span, PartKind::Key, doc, name);
            }
        }
    }

    /// Builds the whole configuration from its root mapping.
    pub(crate) fn config(&mut self, root: &Node) -> Config {
        let mut config = Config::default();
        for (key, value) in root.entries() {
            let Some(name) = key.as_str() else { continue };
            self.key(key);
            match name {
                "version" => config.version = spanned(value),
                "setup" => config.setup = value.as_str() == Some("true"),
                "orbs" => config.orbs = self.orbs(value),
                "parameters" => config.parameters = self.parameters(value),
                "executors" => config.executors = self.executors(value),
                "commands" => config.commands = self.commands(value),
                "jobs" => config.jobs = self.jobs(value),
                "workflows" => config.workflows = self.workflows(value),
                "job-groups" => config.job_groups = self.job_groups(value),
                _ => {}
            }
        }
        config
    }

    fn orbs(&mut self, node: &Node) -> Vec<Orb> {
        let mut orbs = Vec::new();
        for (key, value) in node.entries() {
            let Some(name) = spanned(key) else { continue };
            let reference = spanned(value);
            self.part(key.span, PartKind::Orb, "keys/orbs", &name.value);
            orbs.push(Orb { name, reference });
        }
        orbs
    }

    /// Reads a `parameters:` mapping of declarations.
    pub(crate) fn parameters(&mut self, node: &Node) -> Vec<ParameterDecl> {
        let mut declared = Vec::new();
        for (key, value) in node.entries() {
            let Some(name) = spanned(key) else { continue };
            self.part(
                key.span,
                PartKind::Parameter,
                "keys/parameters",
                &name.value,
            );
            declared.push(ParameterDecl {
                name,
                kind: value.get_str("type").map(str::to_owned),
                default: value.get_str("default").map(str::to_owned),
            });
        }
        declared
    }

    fn executors(&mut self, node: &Node) -> Vec<Executor> {
        let mut executors = Vec::new();
        for (key, value) in node.entries() {
            let Some(name) = spanned(key) else { continue };
            self.part(key.span, PartKind::Executor, "keys/executors", &name.value);
            let spec = self.executor_spec(value);
            let mut resource_class = None;
            let mut parameters = Vec::new();
            for (k, v) in value.entries() {
                match k.as_str() {
                    Some("resource_class") => {
                        self.key(k);
                        resource_class = spanned(v);
                    }
                    Some("parameters") => {
                        self.key(k);
                        parameters = self.parameters(v);
                    }
                    Some("environment" | "working_directory") => self.key(k),
                    _ => {}
                }
            }
            executors.push(Executor {
                name,
                spec,
                resource_class,
                parameters,
            });
        }
        executors
    }

    /// Reads where a job or executor runs (`docker`, `machine`, `macos` or `executor`).
    fn executor_spec(&mut self, node: &Node) -> Option<ExecutorSpec> {
        let mut spec = None;
        let class_is_windows = node
            .get_str("resource_class")
            .is_some_and(|c| c.starts_with("windows"));
        for (key, value) in node.entries() {
            match key.as_str() {
                Some("docker") => {
                    self.key(key);
                    let images = value
                        .items()
                        .iter()
                        .filter_map(|item| self.docker_image(item))
                        .collect();
                    spec = Some(ExecutorSpec::Docker { images });
                }
                Some("machine") => {
                    let image = value.get("image").and_then(|i| spanned(i));
                    let windows = class_is_windows
                        || image
                            .as_ref()
                            .is_some_and(|i| i.value.starts_with("windows"));
                    let doc = if windows {
                        "keys/windows"
                    } else {
                        "keys/machine"
                    };
                    self.part(key.span, PartKind::Key, doc, "machine");
                    spec = Some(ExecutorSpec::Machine { image, windows });
                }
                Some("macos") => {
                    self.key(key);
                    spec = Some(ExecutorSpec::Macos {
                        xcode: value.get("xcode").and_then(|x| spanned(x)),
                    });
                }
                Some("executor") => {
                    let name = value.as_str().map(|_| value).or_else(|| value.get("name"));
                    if let Some(name) = name.and_then(|n| spanned(n)) {
                        self.part(key.span, PartKind::Key, "keys/executors", "executor");
                        spec = Some(ExecutorSpec::Named { name });
                    }
                }
                _ => {}
            }
        }
        spec
    }

    fn docker_image(&mut self, item: &Node) -> Option<DockerImage> {
        let image = spanned(item.get("image")?)?;
        let auth = item.get("auth");
        Some(DockerImage {
            image,
            has_auth: auth.is_some(),
            auth_password: auth
                .and_then(|a| a.get("password"))
                .and_then(|p| spanned(p)),
            environment: self.environment(item.get("environment")),
        })
    }

    /// Reads an `environment:` mapping (or a list of `NAME=value` / one-key mappings).
    pub(crate) fn environment(&mut self, node: Option<&std::rc::Rc<Node>>) -> Vec<EnvVar> {
        let Some(node) = node else { return Vec::new() };
        let mut vars = Vec::new();
        for (key, value) in node.entries() {
            if let Some(name) = spanned(key) {
                vars.push(EnvVar {
                    name,
                    value: spanned(value),
                });
            }
        }
        for item in node.items() {
            if let Some((key, value)) = item.entries().first() {
                if let Some(name) = spanned(key) {
                    vars.push(EnvVar {
                        name,
                        value: spanned(value),
                    });
                }
            } else if let Some((name, value)) = item.as_str().and_then(|s| s.split_once('=')) {
                let span = item.span;
                vars.push(EnvVar {
                    name: Spanned {
                        value: name.to_owned(),
                        span,
                    },
                    value: Some(Spanned {
                        value: value.to_owned(),
                        span,
                    }),
                });
            }
        }
        vars
    }

    fn commands(&mut self, node: &Node) -> Vec<Command> {
        let mut commands = Vec::new();
        for (key, value) in node.entries() {
            let Some(name) = spanned(key) else { continue };
            self.part(key.span, PartKind::Command, "keys/commands", &name.value);
            let mut parameters = Vec::new();
            let mut steps = Vec::new();
            for (k, v) in value.entries() {
                match k.as_str() {
                    Some("parameters") => {
                        self.key(k);
                        parameters = self.parameters(v);
                    }
                    Some("steps") => {
                        self.key(k);
                        steps = self.steps(v);
                    }
                    _ => {}
                }
            }
            commands.push(Command {
                name,
                parameters,
                steps,
            });
        }
        commands
    }

    fn jobs(&mut self, node: &Node) -> Vec<Job> {
        let mut jobs = Vec::with_capacity(node.entries().len());
        for (key, value) in node.entries() {
            let Some(name) = spanned(key) else { continue };
            self.part(key.span, PartKind::Job, "keys/jobs", &name.value);
            let mut job = Job {
                span: key.span.to(value.span),
                executor: self.executor_spec(value),
                environment: Vec::new(),
                working_directory: None,
                resource_class: None,
                parallelism: None,
                parameters: Vec::new(),
                steps: Vec::new(),
                job_type: None,
                retention_caches: None,
                circleci_ip_ranges: None,
                name,
            };
            for (k, v) in value.entries() {
                let Some(field) = k.as_str() else { continue };
                if matches!(
                    field,
                    "environment"
                        | "working_directory"
                        | "resource_class"
                        | "parallelism"
                        | "parameters"
                        | "steps"
                        | "type"
                        | "retention"
                        | "circleci_ip_ranges"
                ) {
                    self.key(k);
                }
                match field {
                    "environment" => job.environment = self.environment(Some(v)),
                    "working_directory" => job.working_directory = spanned(v),
                    "resource_class" => job.resource_class = spanned(v),
                    "parallelism" => job.parallelism = spanned(v),
                    "parameters" => job.parameters = self.parameters(v),
                    "steps" => job.steps = self.steps(v),
                    "type" => job.job_type = spanned(v),
                    "retention" => job.retention_caches = v.get("caches").and_then(|c| spanned(c)),
                    "circleci_ip_ranges" => job.circleci_ip_ranges = spanned(v),
                    _ => {}
                }
            }
            jobs.push(job);
        }
        jobs
    }

    /// Reads a list of steps.
    pub(crate) fn steps(&mut self, node: &Node) -> Vec<Step> {
        node.items()
            .iter()
            .filter_map(|item| self.step(item))
            .collect()
    }

    fn step(&mut self, item: &Node) -> Option<Step> {
        let (key, args) = match item.entries().first() {
            Some((key, args)) => (&**key, Some(&**args)),
            None => (item, None),
        };
        let name = spanned(key)?;
        let kind = self.step_kind(&name.value, args);
        let about = match &kind {
            StepKind::Invoke { orb: Some(orb), .. } => Some((
                "keys/orbs",
                PartSubject::OrbStep {
                    orb: orb.clone(),
                    command: name
                        .value
                        .split_once('/')
                        .map_or("", |(_, command)| command)
                        .to_owned(),
                },
            )),
            StepKind::Invoke { orb: None, .. } => Some(("keys/commands", PartSubject::CommandStep)),
            StepKind::Parameterised => Some(("keys/steps", PartSubject::ParameterSteps)),
            _ => key_doc(&name.value).map(|doc| (doc, PartSubject::BuiltinStep)),
        };
        if let Some((doc, subject)) = about {
            self.part_about(key.span, PartKind::Step, doc, &name.value, subject);
        }
        Some(Step {
            span: item.span,
            name,
            kind,
        })
    }

    fn step_kind(&mut self, name: &str, args: Option<&Node>) -> StepKind {
        let args_map = args.filter(|a| a.is_map());
        match name {
            "checkout" => {
                let method = args_map.and_then(|a| a.entry("method"));
                if let Some((key, _)) = method {
                    self.part(key.span, PartKind::Key, "keys/checkout", "method");
                }
                StepKind::Checkout {
                    method: method.and_then(|(_, value)| spanned(value)),
                }
            }
            "run" => {
                let short = args.and_then(|a| a.as_str().map(|_| a));
                let command =
                    short.or_else(|| args_map.and_then(|a| a.get("command")).map(|c| &**c));
                for field in ["when", "max_auto_reruns", "auto_rerun_delay"] {
                    if let Some((key, _)) = args_map.and_then(|a| a.entry(field)) {
                        self.key(key);
                    }
                }
                let field =
                    |name: &str| args_map.and_then(|a| a.get(name)).and_then(|v| spanned(v));
                StepKind::Run {
                    title: args_map.and_then(|a| a.get_str("name")).map(str::to_owned),
                    command: command.and_then(spanned),
                    environment: self.environment(args_map.and_then(|a| a.get("environment"))),
                    max_auto_reruns: field("max_auto_reruns"),
                    auto_rerun_delay: field("auto_rerun_delay"),
                }
            }
            "restore_cache" => {
                let mut keys = Vec::new();
                if let Some(a) = args_map {
                    if let Some(k) = a.get("key").and_then(|k| spanned(k)) {
                        keys.push(k);
                    }
                    if let Some(list) = a.get("keys") {
                        keys.extend(
                            list.str_list()
                                .into_iter()
                                .map(|(value, span)| Spanned { value, span }),
                        );
                    }
                }
                for key in &keys {
                    self.key_templates(key, true);
                }
                StepKind::RestoreCache { keys }
            }
            "save_cache" => {
                let key = args_map.and_then(|a| a.get("key")).and_then(|k| spanned(k));
                if let Some(key) = &key {
                    self.key_templates(key, false);
                }
                let paths = args_map
                    .and_then(|a| a.get("paths"))
                    .map(|p| p.str_list().into_iter().map(|(s, _)| s).collect())
                    .unwrap_or_default();
                StepKind::SaveCache { key, paths }
            }
            "persist_to_workspace" => StepKind::PersistToWorkspace,
            "attach_workspace" => StepKind::AttachWorkspace,
            "store_artifacts" => StepKind::StoreArtifacts,
            "store_test_results" => StepKind::StoreTestResults,
            "setup_remote_docker" => StepKind::SetupRemoteDocker {
                version: args_map
                    .and_then(|a| a.get("version"))
                    .and_then(|v| spanned(v)),
            },
            "add_ssh_keys" => StepKind::AddSshKeys,
            "deploy" => StepKind::Deploy,
            "when" | "unless" => {
                let steps = args_map
                    .and_then(|a| a.get("steps"))
                    .map(|s| self.steps(s))
                    .unwrap_or_default();
                StepKind::Conditional {
                    when: name == "when",
                    steps,
                }
            }
            "steps" => StepKind::Parameterised,
            _ if name.contains("<<") => StepKind::Parameterised,
            _ => StepKind::Invoke {
                orb: name.split_once('/').map(|(orb, _)| orb.to_owned()),
                arguments: args_map
                    .map(|a| a.entries().iter().filter_map(|(k, _)| spanned(k)).collect())
                    .unwrap_or_default(),
            },
        }
    }

    /// Records a part for each `{{ ... }}` template of a cache key (`restore_cache`'s when `restore`).
    fn key_templates(&mut self, key: &Spanned<String>, restore: bool) {
        let parsed = CacheKey::parse(&key.value);
        for (template, start, end) in parsed.templates() {
            let span = key.span.slice(self.text, &key.value, start, end);
            self.part_about(
                span,
                PartKind::CacheKeyTemplate,
                CACHE_KEY_TEMPLATES_DOC,
                template.code(),
                PartSubject::CacheKeyTemplate {
                    template: template.clone(),
                    key: key.value.clone(),
                    restore,
                },
            );
        }
    }
}
