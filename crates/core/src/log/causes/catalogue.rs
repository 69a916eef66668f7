//! Every cause Pipeline Lens recognises: its id, what it is, how specific it is, the lines that give it
//! away and the phases it can explain.
//!
//! Each needle is a piece of a line CircleCI or a tool really prints; where each wording comes from is
//! in the fixtures (`tests/fixtures/causes/`), one real-shaped log per cause with its source.

use serde::Serialize;

use super::args::{self, ArgReader, LinePicker};
use super::checks::{
    always, broken_bash_env, bundler_executable, command_not_found, coverage_does_not_meet,
    coverage_not_met, coverage_not_reached, docker_socket_missing, errno_of_a_tool,
    eslint_problems, generic_host_failure, http_error, http_request, invalid_key,
    killed_by_the_kernel, lint_found_errors, local_address, manifest_not_found, missing_path,
    mypy_error, node_module_missing, not_a_pull, not_concurrent_files, not_file_watchers,
    not_in_spin_up, not_on_plan, npm_prefixed, pipfile_out_of_date, program_path_missing,
    refused_in_spin_up, resource_class_refused, rubocop_offenses, script_permission_denied,
    sh_not_found, some_found, unsupported_machine_image, unsupported_remote_docker, wget_error,
    whole_line,
};
use super::tests_named;
use crate::phases::{KnownPhase, PhaseKind};

/// What a cause explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Why a step failed.
    Failure,
    /// A line that looks alarming but is not a failure (a cache miss, a step a laptop cannot run).
    Notice,
}

/// Causes that tell the same story at different depths: of a family, only the most specific is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    /// No other cause tells the same story.
    Alone,
    /// The configuration was refused: no job ran.
    Config,
    /// The job's image could not be pulled.
    ImagePull,
    /// CircleCI could not create or keep the machine.
    Infrastructure,
    /// Memory ran out.
    Memory,
    /// A time limit was reached.
    Timeout,
    /// `git clone` or another SSH access to the Git host failed.
    Git,
    /// The shell could not run a command.
    Shell,
    /// Docker credentials were refused.
    DockerAuth,
    /// A compiler's errors, and the tool that ran the build (pip building a wheel from source).
    Build,
    /// A connection that failed: a service of the job not ready, or a host not reached.
    Connection,
}

/// Which phases a cause can explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Any phase.
    Any,
    /// The phases of these catalogue titles.
    Steps(&'static [&'static str]),
    /// The phases of these catalogue titles, and the phases with no title at all (an excerpt).
    StepsOrUntitled(&'static [&'static str]),
    /// The phases that run commands: run steps, orb steps, untitled phases.
    Commands,
}

/// Where on a trimmed line a needle must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum At {
    /// At the very start.
    Start,
    /// Anywhere.
    Anywhere,
}

/// What a needle's check sees of the line it was found on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineContext<'a> {
    /// The line, trimmed.
    pub(crate) text: &'a str,
    /// Where the needle starts in `text`.
    pub(crate) at: usize,
    /// Where it ends.
    pub(crate) end: usize,
    /// The catalogue entry of the phase, when the parser named its step.
    pub(crate) phase: Option<&'static KnownPhase>,
}

impl LineContext<'_> {
    /// Whether the phase is the catalogue's step of this title.
    pub(crate) fn is_step(&self, title: &str) -> bool {
        self.phase.is_some_and(|phase| phase.title == title)
    }

    /// What follows the needle on the line.
    pub(crate) fn rest(&self) -> &str {
        self.text.get(self.end..).unwrap_or("")
    }

    /// What precedes the needle on the line.
    pub(crate) fn before(&self) -> &str {
        self.text.get(..self.at).unwrap_or("")
    }
}

/// A piece of a line that shows a cause. A needle at the start of a line is compared exactly (`FAIL: `
/// is unittest's, `Fail: ` is not); one anywhere in a line, without regard to ASCII case.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Needle {
    /// The text.
    pub(crate) text: &'static str,
    /// Where it must be.
    pub(crate) at: At,
    /// A further check of the line, when the text alone is not enough.
    pub(crate) check: Option<fn(&LineContext<'_>) -> bool>,
    /// Whether it counts inside the script a run step echoes (the configuration errors CircleCI writes
    /// as shell comments of a job it makes up).
    pub(crate) in_script: bool,
}

/// A needle found anywhere on a line.
const fn anywhere(text: &'static str) -> Needle {
    Needle {
        text,
        at: At::Anywhere,
        check: None,
        in_script: false,
    }
}

/// A needle at the start of a line.
const fn start(text: &'static str) -> Needle {
    Needle {
        text,
        at: At::Start,
        check: None,
        in_script: false,
    }
}

/// A needle anywhere, with a further check.
const fn checked(text: &'static str, check: fn(&LineContext<'_>) -> bool) -> Needle {
    Needle {
        text,
        at: At::Anywhere,
        check: Some(check),
        in_script: false,
    }
}

/// A needle at the start, with a further check.
const fn start_checked(text: &'static str, check: fn(&LineContext<'_>) -> bool) -> Needle {
    Needle {
        text,
        at: At::Start,
        check: Some(check),
        in_script: false,
    }
}

/// A needle anywhere, also in an echoed script.
const fn in_script(text: &'static str) -> Needle {
    Needle {
        text,
        at: At::Anywhere,
        check: None,
        in_script: true,
    }
}

/// How a cause is recognised and read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spec {
    /// The phases it can explain.
    pub(crate) scope: Scope,
    /// The lines that show it.
    pub(crate) needles: &'static [Needle],
    /// Exit codes that show it alone, without a line.
    pub(crate) exit_codes: &'static [i32],
    /// A test of whole lines for causes no fixed text shows (`path:line:column: message`).
    pub(crate) line_test: Option<fn(&str) -> bool>,
    /// Reads its arguments.
    pub(crate) args: ArgReader,
    /// Picks the line a person should read first, when it is not the first evidence line (a test
    /// runner's first failing test rather than its summary).
    pub(crate) line: Option<LinePicker>,
}

const CHECKOUT: &str = "Checkout code";
const RESTORE: &str = "Restoring cache";
const SAVE: &str = "Saving cache";
const ATTACH: &str = "Attaching workspace";
const PERSIST: &str = "Persisting to workspace";
const ARTIFACTS: &str = "Uploading artifacts";
const TEST_RESULTS: &str = "Uploading test results";

macro_rules! causes {
    ($($(#[$doc:meta])* $variant:ident => $id:literal, $level:ident, $rank:literal, $family:ident;)*) => {
        /// A cause of failure, or a line worth explaining. Its page is `causes/<id>`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum CauseId {
            $($(#[$doc])* $variant,)*
        }

        impl CauseId {
            /// Every cause, in catalogue order.
            pub const ALL: &'static [CauseId] = &[$(CauseId::$variant,)*];

            /// The stable kebab-case id, as in the JSON output.
            pub fn id(self) -> &'static str {
                match self {
                    $(CauseId::$variant => $id,)*
                }
            }

            /// The documentation id of its page.
            pub fn doc(self) -> &'static str {
                match self {
                    $(CauseId::$variant => concat!("causes/", $id),)*
                }
            }

            /// Whether it explains a failure or a line that is not one.
            pub fn level(self) -> Level {
                match self {
                    $(CauseId::$variant => Level::$level,)*
                }
            }

            /// How specific it is: when several causes explain one phase, the lowest rank comes first.
            pub fn rank(self) -> u8 {
                match self {
                    $(CauseId::$variant => $rank,)*
                }
            }

            /// The family it belongs to.
            pub(crate) fn family(self) -> Family {
                match self {
                    $(CauseId::$variant => Family::$family,)*
                }
            }
        }
    };
}

causes! {
    /// The configuration is not valid YAML: no job ran.
    ConfigYamlInvalid => "config-yaml-invalid", Failure, 1, Config;
    /// A workflow names a job that no `jobs:` entry defines (or there is no `workflows:`): no job ran.
    ConfigJobNotFound => "config-job-not-found", Failure, 1, Config;
    /// A config of version 2.1 in a project without pipelines enabled (2018–2019): no job ran.
    ConfigPipelinesNotEnabled => "config-pipelines-not-enabled", Failure, 1, Config;
    /// An orb that the registry does not have: no job ran.
    ConfigOrbNotFound => "config-orb-not-found", Failure, 1, Config;
    /// An orb the organization does not allow (uncertified or third-party): no job ran.
    ConfigOrbNotAllowed => "config-orb-not-allowed", Failure, 1, Config;
    /// The compiled configuration is too large: no job ran.
    ConfigTooLarge => "config-too-large", Failure, 1, Config;
    /// The configuration breaks the schema (a key in the wrong place, a required key missing).
    ConfigInvalid => "config-invalid", Failure, 3, Config;
    /// An old local CLI was given a version 2.1 configuration without processing it first.
    LocalConfigUnprocessed => "local-config-unprocessed", Failure, 2, Config;
    /// CircleCI could not create the machine or the containers of the job.
    InfrastructureFailure => "infrastructure-failure", Failure, 30, Infrastructure;
    /// The machine or macOS image named by the config is retired or misspelled.
    MachineImageUnsupported => "machine-image-unsupported", Failure, 8, Infrastructure;
    /// The Docker version asked of `setup_remote_docker` is no longer offered.
    RemoteDockerVersionUnsupported => "remote-docker-version-unsupported", Failure, 8, Infrastructure;
    /// The resource class does not exist for this executor, or the plan does not include it.
    ResourceClassUnavailable => "resource-class-unavailable", Failure, 8, Infrastructure;
    /// Docker layer caching was asked for on a plan that did not offer it (2019–2021).
    DockerLayerCachingUnavailable => "docker-layer-caching-unavailable", Failure, 8, Infrastructure;
    /// The image's tag (or the image) does not exist in its registry.
    ImageNotFound => "image-not-found", Failure, 12, ImagePull;
    /// The registry refused to give the image: private, or wrong credentials.
    ImagePullDenied => "image-pull-denied", Failure, 14, ImagePull;
    /// Docker Hub refused more anonymous pulls from this address.
    DockerHubRateLimit => "docker-hub-rate-limit", Failure, 10, ImagePull;
    /// The image name is not a valid image reference.
    ImageReferenceInvalid => "image-reference-invalid", Failure, 11, ImagePull;
    /// The image was built for another processor (ARM on x86 or the reverse).
    ImageWrongPlatform => "image-wrong-platform", Failure, 11, ImagePull;
    /// A file of the image belongs to a user id too high for CircleCI's user-namespace remapping.
    UsernsRemap => "userns-remap", Failure, 9, ImagePull;
    /// The container's entrypoint or command failed to start.
    ContainerStartFailed => "container-start-failed", Failure, 13, ImagePull;
    /// The job ran out of memory and was killed.
    OutOfMemory => "out-of-memory", Failure, 5, Memory;
    /// Node.js reached its own heap limit.
    NodeHeapExhausted => "node-heap-exhausted", Failure, 4, Memory;
    /// The Java virtual machine reached its own heap limit (`-Xmx`).
    JvmHeapExhausted => "jvm-heap-exhausted", Failure, 4, Memory;
    /// The agent that runs the job was killed midway, usually for lack of memory.
    AgentKilled => "agent-killed", Failure, 6, Memory;
    /// The step printed nothing for longer than its `no_output_timeout`.
    NoOutputTimeout => "no-output-timeout", Failure, 7, Timeout;
    /// The job reached the longest run time of its plan.
    JobRuntimeLimit => "job-runtime-limit", Failure, 7, Timeout;
    /// The step's process was stopped by a signal from outside (TERM or INT): the job was canceled.
    StepTerminated => "step-terminated", Failure, 9, Timeout;
    /// The disk of the machine, container or remote Docker engine is full.
    NoSpaceLeft => "no-space-left", Failure, 8, Alone;
    /// Something appended to `$BASH_ENV` that is not shell: every later step runs it first.
    BashEnvBroken => "bash-env-broken", Failure, 12, Shell;
    /// The Git host refused the SSH key the job used to check the code out.
    CheckoutPublickey => "checkout-publickey", Failure, 12, Git;
    /// The Git host refused the SSH key of a command of the job (a private dependency, a second clone).
    GitSshKeyRefused => "git-ssh-key-refused", Failure, 13, Git;
    /// The Git host's SSH key is not the one the job knows.
    CheckoutHostKey => "checkout-host-key", Failure, 11, Git;
    /// The repository does not exist for the key the job used.
    CheckoutRepositoryNotFound => "checkout-repository-not-found", Failure, 13, Git;
    /// The checkout directory already holds files.
    CheckoutDirectoryNotEmpty => "checkout-directory-not-empty", Failure, 10, Git;
    /// The commit to build no longer exists in the repository.
    CheckoutCommitMissing => "checkout-commit-missing", Failure, 14, Git;
    /// `git clone` failed, for a reason the log does not say.
    GitCloneFailed => "git-clone-failed", Failure, 40, Git;
    /// A push with the checkout key, which is read-only.
    GitPushReadOnlyKey => "git-push-read-only-key", Failure, 10, Git;
    /// A `{{ checksum }}` (or another template) of a cache key could not be computed.
    CacheKeyTemplateError => "cache-key-template-error", Failure, 10, Alone;
    /// The restored cache archive could not be unpacked.
    CacheExtractFailed => "cache-extract-failed", Failure, 20, Alone;
    /// The cache archive could not be stored.
    CacheUploadFailed => "cache-upload-failed", Failure, 20, Alone;
    /// Two jobs that ran side by side persisted the same file to the workspace.
    WorkspaceConcurrentFiles => "workspace-concurrent-files", Failure, 10, Alone;
    /// `persist_to_workspace` names a root or paths that do not exist.
    WorkspacePathMissing => "workspace-path-missing", Failure, 10, Alone;
    /// The workspace could not be downloaded or unpacked.
    WorkspaceDownloadFailed => "workspace-download-failed", Failure, 20, Alone;
    /// The workspace could not be uploaded.
    WorkspaceUploadFailed => "workspace-upload-failed", Failure, 20, Alone;
    /// The test results are not JUnit XML CircleCI can read.
    TestResultsInvalid => "test-results-invalid", Failure, 20, Alone;
    /// The job runs `docker` with no Docker engine to talk to.
    DockerDaemonUnavailable => "docker-daemon-unavailable", Failure, 10, Alone;
    /// `docker login` was refused, or got no password.
    DockerLoginFailed => "docker-login-failed", Failure, 12, DockerAuth;
    /// The registry refused the push.
    DockerPushDenied => "docker-push-denied", Failure, 13, DockerAuth;
    /// A host could not be found or reached, or its certificate was refused.
    NetworkFailure => "network-failure", Failure, 37, Connection;
    /// The shell could not find a command.
    CommandNotFound => "command-not-found", Failure, 25, Shell;
    /// A file was run that is not executable.
    NotExecutable => "not-executable", Failure, 26, Shell;
    /// A command needed a file or directory that is not there.
    PathNotFound => "path-not-found", Failure, 38, Alone;
    /// The Bundler version the lock file names is not installed.
    BundlerVersionMismatch => "bundler-version-mismatch", Failure, 20, Alone;
    /// Composer found no set of package versions that fits the constraints and the platform.
    ComposerUnresolvable => "composer-unresolvable", Failure, 22, Alone;
    /// pip had to build a package from source, and the build failed.
    PipWheelBuildFailed => "pip-wheel-build-failed", Failure, 21, Build;
    /// A security scanner found vulnerabilities or secrets, and failed the step on purpose.
    SecurityScanFindings => "security-scan-findings", Failure, 30, Alone;
    /// A Kubernetes deployment did not become ready before its progress deadline.
    KubectlRolloutTimeout => "kubectl-rollout-timeout", Failure, 20, Alone;
    /// The remote refused a `git push`.
    GitPushRejected => "git-push-rejected", Failure, 30, Alone;
    /// A setup configuration tried to continue the pipeline, but setup workflows are not enabled.
    SetupWorkflowsDisabled => "setup-workflows-disabled", Failure, 8, Alone;
    /// A download got an HTTP error answer (404, 403, 429, 5xx).
    HttpErrorStatus => "http-error-status", Failure, 36, Alone;
    /// A database or server of the job was not accepting connections yet, or is not there.
    ServiceNotReady => "service-not-ready", Failure, 15, Connection;
    /// A build tool could not download or resolve a dependency (Gradle, Maven).
    DependencyResolutionFailed => "dependency-resolution-failed", Failure, 22, Alone;
    /// A downloaded dependency does not match the checksum its lock file recorded.
    DependencyChecksumMismatch => "dependency-checksum-mismatch", Failure, 18, Alone;
    /// Xcode could not sign the app: no certificate, no profile, or a locked keychain.
    CodeSigningFailed => "code-signing-failed", Failure, 15, Alone;
    /// A cloud provider's command-line tool had no valid credentials.
    CloudAuthFailed => "cloud-auth-failed", Failure, 15, Alone;
    /// A command of a Dockerfile (`RUN`) failed, so `docker build` stopped.
    DockerBuildFailed => "docker-build-failed", Failure, 34, Alone;
    /// git talked to a host over HTTPS and had no usable credentials.
    GitHttpsAuthFailed => "git-https-auth-failed", Failure, 12, Git;
    /// A lock file no longer matches the dependencies it locks.
    LockfileOutOfDate => "lockfile-out-of-date", Failure, 20, Alone;
    /// npm could not resolve the dependency tree.
    NpmDependencyConflict => "npm-dependency-conflict", Failure, 22, Alone;
    /// pip found no release that satisfies a requirement.
    PipNoMatchingDistribution => "pip-no-matching-distribution", Failure, 22, Alone;
    /// The system Python refuses `pip install` outside a virtual environment.
    PipExternallyManaged => "pip-externally-managed", Failure, 20, Alone;
    /// Python could not import a module.
    PythonModuleNotFound => "python-module-not-found", Failure, 27, Alone;
    /// Node.js could not find a module.
    NodeModuleNotFound => "node-module-not-found", Failure, 27, Alone;
    /// pytest reported failing tests.
    PytestFailures => "pytest-failures", Failure, 35, Alone;
    /// unittest (or Django's test runner) reported failing tests.
    UnittestFailures => "unittest-failures", Failure, 35, Alone;
    /// Jest reported failing tests.
    JestFailures => "jest-failures", Failure, 35, Alone;
    /// Mocha reported failing tests.
    MochaFailures => "mocha-failures", Failure, 35, Alone;
    /// RSpec reported failing examples.
    RspecFailures => "rspec-failures", Failure, 35, Alone;
    /// `go test` reported failing tests.
    GoTestFailures => "go-test-failures", Failure, 35, Alone;
    /// `cargo test` reported failing tests.
    CargoTestFailures => "cargo-test-failures", Failure, 35, Alone;
    /// Maven's Surefire reported failing tests.
    MavenTestFailures => "maven-test-failures", Failure, 35, Alone;
    /// Gradle reported failing tests.
    GradleTestFailures => "gradle-test-failures", Failure, 35, Alone;
    /// The tests passed but covered less than the required share of the code.
    CoverageBelowThreshold => "coverage-below-threshold", Failure, 33, Alone;
    /// A linter, formatter or compiler found problems.
    LintFindings => "lint-findings", Failure, 36, Build;
    /// No cache matched the keys: the first build, or a key that changed. Not a failure.
    CacheMiss => "cache-miss", Notice, 50, Alone;
    /// A cache already exists for the key, so it is not saved again. Not a failure.
    CacheAlreadyExists => "cache-already-exists", Notice, 50, Alone;
    /// A cache of 32 bytes: saved when its paths were empty or missing.
    CacheSavedEmpty => "cache-saved-empty", Notice, 45, Alone;
    /// `store_artifacts` found nothing at its path.
    ArtifactsNotFound => "artifacts-not-found", Notice, 50, Alone;
    /// `store_test_results` found nothing at its path.
    TestResultsNotFound => "test-results-not-found", Notice, 50, Alone;
    /// A step `circleci local execute` cannot run on a laptop (caches, uploads).
    LocalStepUnsupported => "local-step-unsupported", Notice, 50, Alone;
}

impl CauseId {
    /// How it is recognised and read.
    pub(crate) fn spec(self) -> Spec {
        use CauseId as C;
        let any = |needles: &'static [Needle], args: ArgReader| Spec {
            scope: Scope::Any,
            needles,
            exit_codes: &[],
            line_test: None,
            args,
            line: None,
        };
        let steps =
            |titles: &'static [&'static str], needles: &'static [Needle], args: ArgReader| Spec {
                scope: Scope::Steps(titles),
                needles,
                exit_codes: &[],
                line_test: None,
                args,
                line: None,
            };
        let commands = |needles: &'static [Needle], args: ArgReader| Spec {
            scope: Scope::Commands,
            needles,
            exit_codes: &[],
            line_test: None,
            args,
            line: None,
        };
        let runner = |needles: &'static [Needle], args: ArgReader| Spec {
            line: Some(tests_named::first_test_line),
            ..commands(needles, args)
        };
        match self {
            C::ConfigYamlInvalid => any(
                const {
                    &[
                        in_script("Unable to parse YAML"),
                        in_script("Error parsing config file: yaml:"),
                        in_script("while parsing a block mapping"),
                    ]
                },
                args::config_detail,
            ),
            C::ConfigJobNotFound => any(
                const { &[in_script("Cannot find a job named")] },
                args::config_job,
            ),
            C::ConfigPipelinesNotEnabled => any(
                const {
                    &[
                        in_script("requires the \"Enable Pipelines\" project setting"),
                        in_script("requires the \"Enable Build Processing\" project setting"),
                    ]
                },
                args::nothing,
            ),
            C::ConfigOrbNotFound => any(
                const { &[in_script("in the orb registry. Check that")] },
                args::orb,
            ),
            C::ConfigOrbNotAllowed => any(
                const {
                    &[
                        in_script("only certified orbs are permitted"),
                        in_script("must opt-in to using third party orbs"),
                    ]
                },
                args::orb,
            ),
            C::ConfigTooLarge => any(
                const {
                    &[
                        in_script("A compiled config YAML must be at most"),
                        in_script("Your compiled config is too large"),
                    ]
                },
                args::nothing,
            ),
            C::ConfigInvalid => any(
                const {
                    &[
                        in_script("ERROR IN CONFIG FILE"),
                        in_script("schema violations found"),
                        in_script("Configuration errors:"),
                        in_script("Your config file has errors and may not run correctly"),
                        in_script("Unexpected exception processing config"),
                    ]
                },
                args::config_detail,
            ),
            C::LocalConfigUnprocessed => any(
                const {
                    &[anywhere(
                        "You attempted to run a local build with version 2.1",
                    )]
                },
                args::nothing,
            ),
            C::InfrastructureFailure => any(
                const {
                    &[
                        anywhere("We had an unexpected error preparing a VM"),
                        anywhere("Provisioning Service returned status code"),
                        checked("failed to create host:", generic_host_failure),
                        anywhere("Got error while creating host"),
                        anywhere("Oops, there was an issue with your infrastructure"),
                        start("Unexpected environment preparation error"),
                    ]
                },
                args::detail_after_colon,
            ),
            C::MachineImageUnsupported => any(
                const {
                    &[checked(
                        "failed to create host: Image ",
                        unsupported_machine_image,
                    )]
                },
                args::machine_image,
            ),
            C::RemoteDockerVersionUnsupported => any(
                const { &[checked("Image docker-", unsupported_remote_docker)] },
                args::remote_docker_version,
            ),
            C::ResourceClassUnavailable => any(
                const {
                    &[
                        checked("Resource class ", resource_class_refused),
                        anywhere("This job was rejected because the resource class is unavailable"),
                        checked(
                            "This job has been blocked because resource-class",
                            not_on_plan,
                        ),
                    ]
                },
                args::resource_class,
            ),
            C::DockerLayerCachingUnavailable => any(
                const {
                    &[
                    anywhere("Docker Layer Caching is not available on your plan"),
                    anywhere("Specified using docker layer caching, but build has not been whitelisted"),
                ]
                },
                args::nothing,
            ),
            C::ImageNotFound => any(
                const {
                    &[
                        anywhere("manifest unknown"),
                        checked("manifest for ", manifest_not_found),
                    ]
                },
                args::image,
            ),
            C::ImagePullDenied => any(
                const {
                    &[
                        anywhere("pull access denied"),
                        anywhere("unauthorized to access repository"),
                        checked("Error response from daemon:", refused_in_spin_up),
                    ]
                },
                args::image,
            ),
            C::DockerHubRateLimit => any(
                const {
                    &[
                        anywhere("toomanyrequests"),
                        anywhere("You have reached your pull rate limit"),
                    ]
                },
                args::image,
            ),
            C::ImageReferenceInvalid => any(
                const { &[anywhere("invalid reference format")] },
                args::image,
            ),
            C::ImageWrongPlatform => any(
                const {
                    &[
                        anywhere("no matching manifest for"),
                        // `WARNING: docker image cimg/x:1 targets wrong architecture (found arm64 ...)`.
                        anywhere("targets wrong architecture"),
                    ]
                },
                args::image,
            ),
            C::UsernsRemap => any(
                const {
                    &[
                        anywhere("cannot be mapped to a host id"),
                        anywhere("userns remapping failure"),
                        anywhere("because of a userns remapping"),
                    ]
                },
                args::image,
            ),
            C::ContainerStartFailed => any(
                const {
                    &[
                        anywhere("container entrypoint or command failed to start"),
                        anywhere("OCI runtime create failed"),
                    ]
                },
                args::image,
            ),
            C::OutOfMemory => Spec {
                scope: Scope::Any,
                needles: const {
                    &[
                        checked("Killed", killed_by_the_kernel),
                        anywhere("signal: killed"),
                        anywhere("Received \"killed\" signal"),
                        anywhere("runtime: out of memory"),
                        start("MemoryError"),
                        anywhere("Cannot allocate memory"),
                        anywhere("The forked VM terminated without properly saying goodbye"),
                        anywhere("Gradle build daemon disappeared unexpectedly"),
                        anywhere("non-zero exit value 137"),
                        anywhere("Killed signal terminated program"),
                        anywhere("(signal: 9, SIGKILL: kill)"),
                        anywhere("exit code 137"),
                        anywhere("exited with 137"),
                        anywhere("Out of memory: Killed process"),
                    ]
                },
                exit_codes: &[137],
                line_test: None,
                args: args::out_of_memory,
                line: None,
            },
            C::JvmHeapExhausted => any(
                const {
                    &[
                        anywhere("java.lang.OutOfMemoryError"),
                        anywhere("GC overhead limit exceeded"),
                    ]
                },
                args::nothing,
            ),
            C::NodeHeapExhausted => any(
                const { &[anywhere("JavaScript heap out of memory")] },
                args::nothing,
            ),
            C::AgentKilled => any(
                const { &[anywhere("received a kill signal midway through the job")] },
                args::nothing,
            ),
            C::NoOutputTimeout => any(
                const { &[anywhere("Too long with no output (exceeded")] },
                args::no_output_limit,
            ),
            C::JobRuntimeLimit => any(
                const {
                    &[
                        anywhere("to take advantage of longer max job runtimes"),
                        checked("context deadline exceeded", whole_line),
                    ]
                },
                args::nothing,
            ),
            C::StepTerminated => Spec {
                scope: Scope::Commands,
                needles: const { &[anywhere("signal: terminated"), start("Terminated")] },
                exit_codes: &[143, 130],
                line_test: None,
                args: args::terminated,
                line: None,
            },
            C::NoSpaceLeft => any(
                const {
                    &[
                        anywhere("no space left on device"),
                        checked("ENOSPC", not_file_watchers),
                    ]
                },
                args::nothing,
            ),
            C::BashEnvBroken => any(
                const { &[checked("/tmp/.bash_env-", broken_bash_env)] },
                args::bash_env,
            ),
            C::CheckoutPublickey => Spec {
                scope: Scope::StepsOrUntitled(&[CHECKOUT]),
                ..any(
                    const {
                        &[
                            anywhere("Permission denied (publickey"),
                            checked("Load key ", invalid_key),
                        ]
                    },
                    args::git_repository,
                )
            },
            C::GitSshKeyRefused => commands(
                const { &[anywhere("Permission denied (publickey")] },
                args::git_repository,
            ),
            C::CheckoutHostKey => any(
                const {
                    &[
                        anywhere("Host key verification failed"),
                        anywhere("REMOTE HOST IDENTIFICATION HAS CHANGED"),
                        anywhere("knownhosts: key mismatch"),
                        anywhere("Are you sure you want to continue connecting"),
                    ]
                },
                args::git_repository,
            ),
            C::CheckoutRepositoryNotFound => any(
                const {
                    &[
                        anywhere("ERROR: Repository not found"),
                        anywhere("remote: Repository not found"),
                    ]
                },
                args::git_repository,
            ),
            C::CheckoutDirectoryNotEmpty => any(
                const {
                    &[
                        anywhere("is not empty and not a git repository"),
                        anywhere("is not empty and not git repository"),
                    ]
                },
                args::checkout_directory,
            ),
            C::CheckoutCommitMissing => any(
                const {
                    &[
                        anywhere("reference is not a tree"),
                        anywhere("fatal: unable to read tree"),
                        anywhere("fatal: couldn't find remote ref"),
                    ]
                },
                args::git_repository,
            ),
            C::GitCloneFailed => steps(
                &[CHECKOUT],
                const {
                    &[
                        anywhere("error running git clone"),
                        anywhere("error cloning repository"),
                        anywhere("fatal: Could not read from remote repository"),
                        start("fatal: "),
                    ]
                },
                args::git_repository,
            ),
            C::GitPushReadOnlyKey => any(
                const {
                    &[anywhere(
                        "The key you are authenticating with has been marked as read only",
                    )]
                },
                args::nothing,
            ),
            C::CacheKeyTemplateError => any(
                const { &[anywhere("error computing cache key")] },
                args::cache_key_file,
            ),
            C::CacheExtractFailed => steps(
                &[RESTORE],
                const {
                    &[
                        start("Error untarring cache"),
                        start("Failed to unarchive cache"),
                        anywhere("Error extracting tarball"),
                    ]
                },
                args::detail_after_colon,
            ),
            C::CacheUploadFailed => steps(
                &[SAVE],
                const {
                    &[
                        start("Error uploading archive"),
                        anywhere("MetadataTooLarge"),
                        anywhere("an unexpected storage error occurred"),
                    ]
                },
                args::cache_upload,
            ),
            C::WorkspaceConcurrentFiles => any(
                const { &[anywhere("Concurrent upstream jobs persisted the same file")] },
                args::listed_path,
            ),
            C::WorkspacePathMissing => any(
                const {
                    &[
                        anywhere("The specified paths did not match any files"),
                        anywhere("Error locating workspace root directory"),
                    ]
                },
                args::workspace_path,
            ),
            C::WorkspaceDownloadFailed => steps(
                &[ATTACH],
                const {
                    &[
                        // Not the line that closes a concurrent-files report: that cause is named above.
                        start_checked("Error applying workspace layer", not_concurrent_files),
                        start("Error downloading workspace layer"),
                        anywhere("Error extracting tarball"),
                    ]
                },
                args::detail_after_colon,
            ),
            C::WorkspaceUploadFailed => steps(
                &[PERSIST],
                const { &[start("Error uploading workspace archive")] },
                args::detail_after_colon,
            ),
            C::TestResultsInvalid => steps(
                &[TEST_RESULTS],
                const {
                    &[
                        start("failed uploading test results"),
                        anywhere("invalid top level element"),
                        anywhere("invalid testcase element"),
                    ]
                },
                args::test_results_file,
            ),
            C::DockerDaemonUnavailable => any(
                const {
                    &[
                        anywhere("Cannot connect to the Docker daemon"),
                        // Docker clients before 1.13.
                        anywhere("Is your docker daemon up and running?"),
                        checked("dial unix /var/run/docker.sock", docker_socket_missing),
                    ]
                },
                args::docker_daemon,
            ),
            C::DockerLoginFailed => commands(
                const {
                    &[
                        anywhere("cannot perform an interactive login from a non"),
                        anywhere("Must provide --username with --password-stdin"),
                        anywhere("the --password-stdin option requires --username"),
                        anywhere("Error: Non-null Username Required"),
                        anywhere("Error: Password Required"),
                        checked("incorrect username or password", not_in_spin_up),
                        checked(
                            "unauthorized: please use personal access token",
                            not_in_spin_up,
                        ),
                    ]
                },
                args::registry,
            ),
            C::DockerPushDenied => commands(
                const {
                    &[
                        checked(
                            "denied: requested access to the resource is denied",
                            not_a_pull,
                        ),
                        checked("unauthorized: authentication required", not_in_spin_up),
                        checked("no basic auth credentials", not_in_spin_up),
                        anywhere("denied: Your authorization token has expired"),
                        anywhere("unexpected status from HEAD request to"),
                        anywhere("unexpected status from PUT request to"),
                        anywhere("name unknown: The repository with name"),
                    ]
                },
                args::push_repository,
            ),
            C::NetworkFailure => any(
                const {
                    &[
                        anywhere("Could not resolve host"),
                        anywhere("Temporary failure in name resolution"),
                        anywhere("Name or service not known"),
                        anywhere("getaddrinfo ENOTFOUND"),
                        checked("EAI_AGAIN", errno_of_a_tool),
                        checked("ETIMEDOUT", errno_of_a_tool),
                        checked("ECONNRESET", errno_of_a_tool),
                        anywhere("TLS handshake timeout"),
                        anywhere("i/o timeout"),
                        anywhere("CERTIFICATE_VERIFY_FAILED"),
                        anywhere("certificate verify failed"),
                        anywhere("ReadTimeoutError"),
                        anywhere("net/http: request canceled while waiting for connection"),
                        anywhere("Connection timed out"),
                        anywhere("Operation timed out after"),
                        anywhere("Could not connect to server"),
                        anywhere("Couldn't connect to server"),
                        anywhere("Failed to establish a new connection"),
                        anywhere("no such host"),
                        anywhere("network is unreachable"),
                        anywhere("server misbehaving"),
                        anywhere("SSL certificate problem"),
                        checked("context deadline exceeded", http_request),
                        anywhere("Could not connect to "),
                        anywhere("Failed to connect to "),
                        // A registry failing (500, 502, 503) while an image is pulled.
                        anywhere("received unexpected HTTP status: 5"),
                    ]
                },
                args::host,
            ),
            C::CommandNotFound => Spec {
                scope: Scope::Any,
                needles: const {
                    &[
                        checked(": command not found", command_not_found),
                        checked(": not found", sh_not_found),
                        checked(": No such file or directory", program_path_missing),
                        // PowerShell, on Windows executors.
                        anywhere("is not recognized as the name of a cmdlet"),
                        // The step's own shell is missing (`shell: /bin/bash` on Windows).
                        start("failed to start cmd: exec: "),
                    ]
                },
                exit_codes: &[127],
                line_test: None,
                args: args::missing_command,
                line: None,
            },
            C::NotExecutable => Spec {
                scope: Scope::Commands,
                needles: const {
                    &[
                        checked(": Permission denied", script_permission_denied),
                        anywhere("cannot execute binary file"),
                        anywhere("exec format error"),
                    ]
                },
                exit_codes: &[126],
                line_test: None,
                args: args::not_executable,
                line: None,
            },
            C::PathNotFound => commands(
                const { &[checked(": No such file or directory", missing_path)] },
                args::absent_path,
            ),
            C::LockfileOutOfDate => any(
                const {
                    &[
                    checked("Pipfile.lock", pipfile_out_of_date),
                    anywhere("can only install packages when your package.json and package-lock.json"),
                    anywhere("Your lockfile needs to be updated, but yarn was run with"),
                    anywhere("The lockfile would have been modified by this install"),
                    anywhere("ERR_PNPM_OUTDATED_LOCKFILE"),
                    anywhere("changed significantly since poetry.lock was last generated"),
                    anywhere("missing go.sum entry"),
                    anywhere("You are trying to install in deployment mode after changing"),
                    anywhere("can't be updated because frozen mode is set"),
                    anywhere("go: updates to go.mod needed"),
                    anywhere("because --locked was passed"),
                ]
                },
                args::lockfile,
            ),
            C::NpmDependencyConflict => any(
                const {
                    &[
                        anywhere("ERESOLVE unable to resolve dependency tree"),
                        anywhere("ERESOLVE could not resolve"),
                        checked("code ERESOLVE", npm_prefixed),
                    ]
                },
                args::nothing,
            ),
            C::PipNoMatchingDistribution => any(
                const {
                    &[
                        anywhere("Could not find a version that satisfies the requirement"),
                        anywhere("No matching distribution found for"),
                        anywhere("ResolutionImpossible"),
                    ]
                },
                args::requirement,
            ),
            C::PipExternallyManaged => any(
                const { &[anywhere("externally-managed-environment")] },
                args::nothing,
            ),
            C::BundlerVersionMismatch => any(
                const {
                    &[
                        anywhere("Could not find 'bundler' ("),
                        anywhere("can't find gem bundler ("),
                        anywhere("You must use Bundler 2 or greater with this lockfile"),
                        checked("(LoadError)", bundler_executable),
                    ]
                },
                args::bundler_version,
            ),
            C::ComposerUnresolvable => any(
                const {
                    &[
                        anywhere("Your requirements could not be resolved to an installable set"),
                        anywhere("Your lock file does not contain a compatible set of packages"),
                    ]
                },
                args::composer_problem,
            ),
            C::PipWheelBuildFailed => any(
                const {
                    &[
                        anywhere("Failed building wheel for "),
                        anywhere("Could not build wheels for "),
                        anywhere("Failed to build installable wheels"),
                    ]
                },
                args::wheel,
            ),
            C::PythonModuleNotFound => any(
                const {
                    &[
                        anywhere("ModuleNotFoundError: No module named"),
                        anywhere("ImportError: No module named"),
                    ]
                },
                args::python_module,
            ),
            C::NodeModuleNotFound => any(
                const {
                    &[
                        checked("Cannot find module '", node_module_missing),
                        anywhere("ERR_MODULE_NOT_FOUND"),
                    ]
                },
                args::node_module,
            ),
            C::PytestFailures => runner(
                const {
                    &[
                        start_checked("FAILED ", tests_named::pytest_failed_line),
                        start_checked("ERROR ", tests_named::pytest_error_line),
                        checked(" failed", tests_named::pytest_summary_failed),
                    ]
                },
                tests_named::pytest,
            ),
            C::UnittestFailures => runner(
                const {
                    &[
                        start_checked("FAILED (", tests_named::unittest_summary),
                        start_checked("FAIL: ", tests_named::unittest_test_line),
                        start_checked("ERROR: ", tests_named::unittest_test_line),
                    ]
                },
                tests_named::unittest,
            ),
            C::JestFailures => runner(
                const {
                    &[
                        start_checked("Tests:", tests_named::jest_summary_failed),
                        start_checked("Test Suites:", tests_named::jest_summary_failed),
                        start_checked("●", tests_named::jest_test_line),
                        start_checked("FAIL ", tests_named::jest_fail_file),
                    ]
                },
                tests_named::jest,
            ),
            C::MochaFailures => runner(
                const { &[checked(" failing", tests_named::mocha_summary)] },
                tests_named::mocha,
            ),
            C::RspecFailures => runner(
                const {
                    &[
                        checked(" examples, ", tests_named::rspec_summary),
                        checked(" example, ", tests_named::rspec_summary),
                        start("rspec ./"),
                        start("rspec './"),
                        anywhere("occurred outside of examples"),
                    ]
                },
                tests_named::rspec,
            ),
            C::GoTestFailures => runner(
                const {
                    &[
                        start("--- FAIL: "),
                        start_checked("FAIL\t", tests_named::go_fail_package),
                        anywhere("panic: test timed out after"),
                    ]
                },
                tests_named::go,
            ),
            C::CargoTestFailures => runner(
                const {
                    &[
                        anywhere("test result: FAILED"),
                        start_checked("test ", tests_named::cargo_test_failed),
                        anywhere("error: test failed, to rerun pass"),
                        anywhere("error: doctest failed, to rerun pass"),
                    ]
                },
                tests_named::cargo,
            ),
            C::MavenTestFailures => runner(
                const {
                    &[
                        anywhere("There are test failures"),
                        checked("<<< FAILURE!", tests_named::maven_failure_line),
                        checked("Tests run:", tests_named::maven_summary_failed),
                    ]
                },
                tests_named::maven,
            ),
            C::GradleTestFailures => runner(
                const {
                    &[
                        anywhere("There were failing tests"),
                        checked(" FAILED", tests_named::gradle_test_line),
                        checked("tests completed, ", tests_named::gradle_summary_failed),
                    ]
                },
                tests_named::gradle,
            ),
            C::CoverageBelowThreshold => commands(
                const {
                    &[
                        checked("Required test coverage of", coverage_not_reached),
                        anywhere("Coverage failure: total of"),
                        checked("coverage threshold for", coverage_not_met),
                        checked("does not meet", coverage_does_not_meet),
                        anywhere("Uncovered count for"),
                    ]
                },
                args::coverage,
            ),
            C::SecurityScanFindings => commands(
                const {
                    &[
                        anywhere("severity vulnerability found in "),
                        checked("dependencies for known issues, found ", some_found),
                        anywhere("have been found in file "),
                        anywhere("has been found in file "),
                    ]
                },
                args::findings,
            ),
            C::KubectlRolloutTimeout => commands(
                const { &[anywhere("exceeded its progress deadline")] },
                args::deployment,
            ),
            C::GitPushRejected => commands(
                const {
                    &[
                        anywhere("! [rejected]"),
                        anywhere("! [remote rejected]"),
                        anywhere("Push rejected, "),
                        anywhere("Protected branch update failed"),
                    ]
                },
                args::push_refusal,
            ),
            C::SetupWorkflowsDisabled => any(
                const { &[anywhere("CIRCLE_CONTINUATION_KEY is required")] },
                args::nothing,
            ),
            C::HttpErrorStatus => commands(
                const {
                    &[
                        checked("The requested URL returned error: ", http_error),
                        checked("awaiting response... ", http_error),
                        checked("ERROR 4", wget_error),
                        checked("ERROR 5", wget_error),
                    ]
                },
                args::http_status,
            ),
            C::ServiceNotReady => any(
                const {
                    &[
                        anywhere("Database is uninitialized and superuser password is not"),
                        anywhere("Database is uninitialized and password option is not"),
                        anywhere("connect ECONNREFUSED 127.0.0.1:"),
                        anywhere("connect ECONNREFUSED ::1:"),
                        checked("connect: connection refused", local_address),
                        anywhere("could not connect to server: Connection refused"),
                        anywhere("could not connect to server: No such file or directory"),
                        anywhere("Is the server running locally and accepting"),
                        checked("connection to server at ", local_address),
                        anywhere("connection to server on socket "),
                        anywhere("Can't connect to local MySQL server through socket"),
                        checked("Can't connect to MySQL server on ", local_address),
                        checked("Error 111 connecting to ", local_address),
                        anywhere("Cypress failed to verify that your server is running"),
                        anywhere("waiting on dependencies to become available"),
                        checked("Timed out waiting for: ", local_address),
                    ]
                },
                args::service_address,
            ),
            C::DependencyResolutionFailed => commands(
                const {
                    &[
                        anywhere("Could not resolve all artifacts for configuration"),
                        anywhere("Could not resolve all files for configuration"),
                        anywhere("Could not resolve all dependencies for configuration"),
                        anywhere("Could not resolve dependencies for project"),
                        anywhere("Could not transfer artifact"),
                    ]
                },
                args::unresolved_dependency,
            ),
            C::DependencyChecksumMismatch => commands(
                const {
                    &[
                        anywhere(": checksum mismatch"),
                        anywhere("code EINTEGRITY"),
                        anywhere("integrity checksum failed when using"),
                        anywhere("DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE"),
                        anywhere("Integrity check failed for "),
                        anywhere("computed checksum did NOT match"),
                    ]
                },
                args::mismatched_dependency,
            ),
            C::CodeSigningFailed => commands(
                const {
                    &[
                        anywhere("Code Signing Error:"),
                        anywhere("No profile for team "),
                        anywhere("No signing certificate "),
                        anywhere("There are no local code signing identities found"),
                        anywhere("No code signing identity found"),
                        anywhere("errSecInternalComponent"),
                        anywhere("doesn't include signing certificate"),
                    ]
                },
                args::signing_error,
            ),
            C::CloudAuthFailed => commands(
                const {
                    &[
                        anywhere("ERROR: (gcloud.auth."),
                        anywhere("You do not currently have an active account selected"),
                        anywhere("Unable to locate credentials"),
                        anywhere("An error occurred (ExpiredToken)"),
                        anywhere("An error occurred (InvalidClientTokenId)"),
                        anywhere("An error occurred (UnrecognizedClientException)"),
                        anywhere("An error occurred (SignatureDoesNotMatch)"),
                        start("AADSTS"),
                        anywhere(": AADSTS"),
                    ]
                },
                args::cloud_tool,
            ),
            C::DockerBuildFailed => commands(
                const {
                    &[
                        anywhere("did not complete successfully: exit code:"),
                        anywhere("returned a non-zero code:"),
                        anywhere("buildx failed with:"),
                    ]
                },
                args::dockerfile_command,
            ),
            C::GitHttpsAuthFailed => commands(
                const {
                    &[
                        anywhere("could not read Username for 'http"),
                        anywhere("could not read Password for 'http"),
                        anywhere("Authentication failed for 'http"),
                        anywhere("Support for password authentication was removed"),
                    ]
                },
                args::https_host,
            ),
            C::LintFindings => Spec {
                scope: Scope::Commands,
                needles: const {
                    &[
                        checked("✖ ", eslint_problems),
                        anywhere("ESLint found too many warnings"),
                        start("Would reformat: "),
                        start("would reformat "),
                        checked("Found ", lint_found_errors),
                        checked("Imports are incorrectly sorted", always),
                        checked(": error: ", mypy_error),
                        checked(" offense", rubocop_offenses),
                        checked("^-- SC", always),
                    ]
                },
                exit_codes: &[],
                line_test: Some(args::is_lint_location),
                args: args::lint,
                line: None,
            },
            C::CacheMiss => steps(
                &[RESTORE],
                const { &[start("No cache is found for key")] },
                args::cache_key,
            ),
            C::CacheAlreadyExists => steps(
                &[SAVE],
                const {
                    &[start(
                        "Skipping cache generation, cache already exists for key",
                    )]
                },
                args::cache_key,
            ),
            C::CacheSavedEmpty => steps(
                &[RESTORE, SAVE],
                const {
                    &[
                        checked("Size: 32 B", whole_line),
                        checked("Total size uploaded: 32 B", whole_line),
                        start("Warning: could not archive"),
                    ]
                },
                args::empty_cache,
            ),
            C::ArtifactsNotFound => steps(
                &[ARTIFACTS],
                const { &[start("No artifact files found at")] },
                args::missing_path,
            ),
            C::TestResultsNotFound => steps(
                &[TEST_RESULTS],
                const {
                    &[
                        anywhere("Found no test results, skipping"),
                        anywhere("Found no path with test results, skipping"),
                        anywhere("Unable to save test results from"),
                    ]
                },
                args::missing_path,
            ),
            C::LocalStepUnsupported => any(
                const {
                    &[
                        anywhere("Skipping cache - error checking storage: not supported"),
                        anywhere("FAILED with error not supported"),
                        anywhere("errorString{s:\"not supported\"}"),
                    ]
                },
                args::nothing,
            ),
        }
    }

    /// Whether it means that CircleCI refused the configuration, so that no job ran.
    pub fn is_configuration(self) -> bool {
        self.family() == Family::Config && self != CauseId::LocalConfigUnprocessed
    }

    /// Whether it can explain a phase of this kind and catalogue entry.
    pub(crate) fn applies_to(self, step: Option<&KnownPhase>, untitled: bool) -> bool {
        match self.spec().scope {
            Scope::Any => true,
            Scope::Commands => step.is_none_or(|phase| phase.kind == PhaseKind::Orb),
            Scope::Steps(titles) => step.is_some_and(|phase| titles.contains(&phase.title)),
            Scope::StepsOrUntitled(titles) => {
                (step.is_none() && untitled)
                    || step.is_some_and(|phase| titles.contains(&phase.title))
            }
        }
    }
}
