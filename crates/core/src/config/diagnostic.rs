//! Diagnostics: a rule, a severity, a place and a message code with its arguments.
//!
//! The sentences live in [`super::messages_en`] and [`super::messages_fr`], whose exhaustive `match`es
//! make the compiler prove that both languages cover every message.

use serde::Serialize;

use super::span::Span;
use crate::Lang;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// CircleCI rejects the configuration, or it cannot work as written.
    Error,
    /// It works, but is likely a mistake or a risk.
    Warning,
    /// Worth knowing.
    Info,
}

/// What a diagnostic says, as a code with arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Message {
    /// The YAML parser's own description of a syntax error (in English).
    YamlSyntax {
        /// The parser's text.
        detail: String,
    },
    /// An alias names no anchor defined before it.
    YamlUndefinedAlias {
        /// The alias's name.
        alias: String,
    },
    /// Aliases expand to too many nodes.
    YamlTooLarge,
    /// Mappings and sequences nest too deep.
    YamlTooDeep,
    /// The document is not a mapping of keys.
    YamlNotAMapping,
    /// `requires` names a job that is not in the workflow.
    UnknownRequires {
        /// The workflow.
        workflow: String,
        /// The job not found.
        required: String,
        /// A close name in the workflow.
        suggestion: Option<String>,
    },
    /// `requires` forms a cycle.
    WorkflowCycle {
        /// The workflow.
        workflow: String,
        /// The jobs on the cycle.
        jobs: Vec<String>,
    },
    /// A key written a second time in the same mapping.
    DuplicateKey {
        /// The key.
        key: String,
        /// The line where it is first written (1-based).
        first_line: usize,
    },
    /// A job that no workflow runs.
    UnusedJob {
        /// The job.
        job: String,
    },
    /// A name that is defined nowhere.
    UndefinedReference {
        /// What kind of thing is named.
        kind: ReferenceKind,
        /// The name.
        name: String,
        /// A close defined name.
        suggestion: Option<String>,
    },
    /// A legacy `circleci/` convenience image.
    DeprecatedImage {
        /// The image.
        image: String,
        /// The `cimg/` image to use instead.
        replacement: String,
    },
    /// An image with the `latest` tag or no tag.
    UnpinnedImage {
        /// The image.
        image: String,
    },
    /// A secret-looking variable with its value written in the configuration.
    PlaintextSecret {
        /// The variable (or `auth.password`).
        variable: String,
    },
    /// `docker login` with the password on the command line.
    DockerLoginPasswordArg,
    /// A `save_cache` key that never changes.
    CacheKeyNoChecksum {
        /// The key.
        key: String,
    },
    /// A cache that is saved but never restored.
    SaveWithoutRestore {
        /// The key.
        key: String,
    },
    /// A cache that is restored but never saved.
    RestoreWithoutSave {
        /// The key.
        key: String,
    },
    /// A 2.1 feature under `version: 2`.
    VersionMismatch {
        /// The feature (a key such as `orbs`, or `pipeline-values`).
        feature: String,
    },
    /// A key that does not exist where it is written.
    UnknownKey {
        /// The key.
        key: String,
        /// Where it is written (`job`, `step run`, `top-level`...).
        place: String,
        /// A close known key.
        suggestion: Option<String>,
    },
    /// A `deploy` step, deprecated in favour of `run`.
    DeprecatedDeploy,
    /// A `store_test_results` step without `path`.
    TestResultsWithoutPath,
    /// A `save_cache` step without `paths`.
    SaveCacheWithoutPaths,
    /// A `restore_cache` step given `paths`, which it ignores.
    RestoreCachePaths,
    /// `max_auto_reruns` outside 1–5.
    AutoRerunsOutOfRange {
        /// The value written.
        value: String,
    },
    /// `auto_rerun_delay` over ten minutes.
    AutoRerunDelayTooLong {
        /// The delay written.
        delay: String,
    },
    /// Automatic reruns on a step that runs in the background.
    BackgroundAutoRerun,
    /// A command that no step invokes.
    UnusedCommand {
        /// The command.
        command: String,
    },
    /// An executor that no job uses.
    UnusedExecutor {
        /// The executor.
        executor: String,
    },
    /// An orb imported but never used.
    UnusedOrb {
        /// The orb's alias.
        orb: String,
    },
    /// An anchor that no alias uses.
    UnusedAnchor {
        /// The anchor's name.
        anchor: String,
    },
    /// A resource class CircleCI does not offer.
    UnknownResourceClass {
        /// The class written.
        class: String,
        /// A close known class.
        suggestion: Option<String>,
    },
    /// A machine image CircleCI has removed.
    RetiredMachineImage {
        /// The image written.
        image: String,
        /// The day it was removed (`2024-09-30`).
        removed: String,
        /// An image CircleCI offers in its place.
        replacement: String,
    },
    /// A `setup_remote_docker` version CircleCI has removed.
    RetiredRemoteDocker {
        /// The version written.
        version: String,
        /// The day it was removed.
        removed: String,
        /// A version CircleCI offers.
        replacement: String,
    },
    /// An Xcode version CircleCI has removed.
    RetiredXcode {
        /// The version written.
        version: String,
        /// A version CircleCI offers.
        replacement: String,
    },
    /// A machine image CircleCI does not offer.
    UnknownMachineImage {
        /// The image written.
        image: String,
        /// A close known image family.
        suggestion: Option<String>,
    },
    /// A job filtered to run on tags that requires a job that never runs on tags.
    TagFilterRequiresUntagged {
        /// The workflow.
        workflow: String,
        /// The job with a tag filter.
        job: String,
        /// The required job without one.
        required: String,
    },
    /// A parameter without default that is not given.
    MissingArgument {
        /// The parameter.
        parameter: String,
        /// The job, command or executor that declares it.
        of: String,
    },
    /// An enum parameter whose default is not one of its values.
    InvalidEnumDefault {
        /// The parameter.
        parameter: String,
        /// The default written.
        default: String,
        /// The values of its `enum`.
        allowed: Vec<String>,
    },
    /// An argument that is not of its parameter's type.
    ArgumentType {
        /// The parameter.
        parameter: String,
        /// The value given.
        value: String,
        /// The parameter's type (`boolean`, `integer`, `enum`).
        expected: String,
        /// The values of its `enum`, for an enum.
        allowed: Vec<String>,
    },
    /// A second YAML document after the first.
    SecondDocument,
}

/// The kinds of names that [`Message::UndefinedReference`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceKind {
    /// An executor.
    Executor,
    /// A command (a step name).
    Command,
    /// An orb alias.
    Orb,
    /// A job named in a workflow.
    Job,
    /// A parameter of a job, command or executor.
    Parameter,
    /// A pipeline parameter.
    PipelineParameter,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule's stable id (`unknown-requires`).
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// Where.
    pub span: Span,
    /// What, as a code.
    pub message: Message,
    /// The page that explains the rule (`rules/unknown-requires`).
    pub doc: &'static str,
}

impl Diagnostic {
    /// The message in `language`.
    pub fn text(&self, language: Lang) -> String {
        match language {
            Lang::En => super::messages_en::message(&self.message),
            Lang::Fr => super::messages_fr::message(&self.message),
        }
    }

    /// How to fix it, in `language`.
    pub fn hint(&self, language: Lang) -> String {
        match language {
            Lang::En => super::messages_en::hint(&self.message),
            Lang::Fr => super::messages_fr::hint(&self.message),
        }
    }
}
