//! The English sentence of every cause, with its arguments.

use super::{ArgName, Cause, CauseId};

/// `text` with `{}` replaced by the argument, or `""` when the cause lacks it.
fn with(cause: &Cause, name: ArgName, text: &str) -> String {
    cause
        .arg(name)
        .map(|value| text.replace("{}", value))
        .unwrap_or_default()
}

/// "1 test" or "3 tests".
fn count(number: &str, one: &str, many: &str) -> String {
    if number == "1" {
        format!("1 {one}")
    } else {
        format!("{number} {many}")
    }
}

/// The failing tests, the first three named: `: test_a, test_b, test_c and 4 more`.
fn tests(cause: &Cause) -> String {
    let names: Vec<&str> = cause.all(ArgName::Test).collect();
    if names.is_empty() {
        return String::new();
    }
    let shown = names.len().min(3);
    let mut text = format!(": {}", names[..shown].join(", "));
    if names.len() > shown {
        text.push_str(&format!(" and {} more", names.len() - shown));
    }
    text
}

/// The sentence of a test runner's failures.
fn runner(cause: &Cause, runner: &str) -> String {
    let number = cause.arg(ArgName::Count).unwrap_or("");
    let failing = if number.is_empty() {
        "failing tests".to_owned()
    } else {
        count(number, "failing test", "failing tests")
    };
    format!("{runner} reported {failing}{}.", tests(cause))
}

/// Whether a host is this machine (a service of the job that did not answer).
pub(crate) fn is_local(host: &str) -> bool {
    let name = host.split(':').next().unwrap_or(host);
    matches!(name, "localhost" | "127.0.0.1" | "0.0.0.0")
}

/// Whether a Docker engine's address (`tcp://127.0.0.1:59249`) is this container.
pub(crate) fn on_this_container(host: &str) -> bool {
    is_local(host.strip_prefix("tcp://").unwrap_or(host))
}

/// The sentence, in English.
pub(crate) fn summary(cause: &Cause) -> String {
    use ArgName as A;
    use CauseId as C;
    match cause.id {
        C::ConfigYamlInvalid => format!(
            "CircleCI could not read the configuration: it is not valid YAML{}. No job ran.",
            with(cause, A::Detail, " ({})")
        ),
        C::ConfigJobNotFound => format!(
            "CircleCI found no job{} to run: a workflow names a job that jobs: does not define, or there is no workflows: key. No job ran.",
            with(cause, A::Job, " named \"{}\"")
        ),
        C::ConfigPipelinesNotEnabled => "The configuration is version 2.1, which the project's settings did not allow (\"Enable Pipelines\", once \"Enable Build Processing\"). No job ran.".to_owned(),
        C::ConfigOrbNotFound => format!(
            "The orb{} is not in the orb registry: its namespace, name or version is wrong. No job ran.",
            with(cause, A::Package, " {}")
        ),
        C::ConfigOrbNotAllowed => format!(
            "The organization does not allow the orb{}: third-party (uncertified) orbs are turned off. No job ran.",
            with(cause, A::Package, " {}")
        ),
        C::ConfigTooLarge => "The configuration, once its orbs and anchors are expanded, is larger than CircleCI accepts. No job ran.".to_owned(),
        C::ConfigInvalid => format!(
            "CircleCI found errors in the configuration{}.",
            with(cause, A::Detail, ": {}")
        ),
        C::LocalConfigUnprocessed => "This version of the CircleCI CLI cannot run a version 2.1 configuration locally until it is processed with circleci config process.".to_owned(),
        C::InfrastructureFailure => format!(
            "CircleCI could not prepare the machine or the containers of this job{}.",
            with(cause, A::Detail, " ({})")
        ),
        C::MachineImageUnsupported => format!(
            "The image{} is not offered any more (or is misspelled), so no machine could be created.",
            with(cause, A::Image, " {}")
        ),
        C::RemoteDockerVersionUnsupported => format!(
            "setup_remote_docker asks for Docker{}, a version CircleCI no longer offers.",
            with(cause, A::Detail, " {}")
        ),
        C::ResourceClassUnavailable => format!(
            "The resource class{} does not exist for this executor, the plan does not include it, or it (or the image) is being retired.",
            with(cause, A::ResourceClass, " {}")
        ),
        C::DockerLayerCachingUnavailable => "The job asks for Docker layer caching, which the plan did not offer at the time.".to_owned(),
        C::ImageNotFound => format!(
            "The image{} does not exist: its tag or its name is wrong.",
            with(cause, A::Image, " {}")
        ),
        C::ImagePullDenied => format!(
            "The registry refused to give the image{}: it is private, or the credentials are wrong or missing.",
            with(cause, A::Image, " {}")
        ),
        C::DockerHubRateLimit => format!(
            "Docker Hub refused to pull{}: too many anonymous pulls came from this address.",
            with(cause, A::Image, " {}")
        ),
        C::ImageReferenceInvalid => format!(
            "The image name{} is not a valid image reference.",
            with(cause, A::Image, " {}")
        ),
        C::ImageWrongPlatform => format!(
            "The image{} is built for another processor than the executor's.",
            with(cause, A::Image, " {}")
        ),
        C::UsernsRemap => format!(
            "The image{} holds files whose owner id is too high for CircleCI to remap, so the container cannot start.",
            with(cause, A::Image, " {}")
        ),
        C::ContainerStartFailed => format!(
            "The container{} could not start: its entrypoint or command failed.",
            with(cause, A::Image, " of {}")
        ),
        C::OutOfMemory if cause.arg(A::Detail).is_some() => format!(
            "A process of the step died without saying why ({}), most often because the system killed it for lack of memory{}.",
            cause.arg(A::Detail).unwrap_or_default(),
            with(cause, A::ExitCode, " (exit code {})")
        ),
        C::OutOfMemory => format!(
            "The step ran out of memory{}{}.",
            if cause.arg(A::Signal).is_some() {
                " and the system killed it"
            } else {
                ""
            },
            with(cause, A::ExitCode, " (exit code {})")
        ),
        C::JvmHeapExhausted => "The Java virtual machine ran out of heap memory: it reached its own limit (-Xmx), not the container's.".to_owned(),
        C::NodeHeapExhausted => "Node.js ran out of heap memory: it reached its own limit, not the container's.".to_owned(),
        C::AgentKilled => "CircleCI's agent was killed in the middle of the job, usually because the job used too much memory.".to_owned(),
        C::NoOutputTimeout => format!(
            "The step printed nothing for{} and was stopped (no_output_timeout).",
            cause.arg(A::Limit).map_or(" too long".to_owned(), |limit| format!(" {limit}"))
        ),
        C::JobRuntimeLimit => "The job ran longer than its plan allows and was stopped.".to_owned(),
        C::StepTerminated => format!(
            "The step was stopped by {} from outside{}: the job was canceled or reached a time limit.",
            cause.arg(A::Signal).unwrap_or("a signal"),
            with(cause, A::ExitCode, " (exit code {})")
        ),
        C::NoSpaceLeft => "The disk is full: no space left on device.".to_owned(),
        C::BashEnvBroken => format!(
            "$BASH_ENV holds something that is not shell{}, and every later step runs it first.",
            with(cause, A::Command, " (it runs \"{}\" as a command)")
        ),
        C::CheckoutPublickey => format!(
            "The Git host refused the SSH key{}: the checkout key is missing, revoked, or has no access.",
            with(cause, A::Repository, " for {}")
        ),
        C::GitSshKeyRefused => format!(
            "The Git host refused the SSH key of this step{}: the key the job holds cannot read that repository.",
            with(cause, A::Repository, " for {}")
        ),
        C::CheckoutHostKey => "The Git host's SSH key is not one the job knows: host key verification failed, or ssh asked whether to trust the host and waited for an answer.".to_owned(),
        C::CheckoutRepositoryNotFound => format!(
            "The repository{} does not exist for the key the job used (a fork, or a private repository).",
            with(cause, A::Repository, " {}")
        ),
        C::CheckoutDirectoryNotEmpty => format!(
            "The checkout directory{} already holds files, so checkout cannot clone into it.",
            with(cause, A::Path, " {}")
        ),
        C::CheckoutCommitMissing => "The commit to build is not in the repository any more (rewritten by a force push?).".to_owned(),
        C::GitCloneFailed => format!("git clone{} failed.", with(cause, A::Repository, " of {}")),
        C::GitPushReadOnlyKey => "The push used the checkout key, which is read-only.".to_owned(),
        C::GitPushRejected => format!(
            "The remote refused the push{}.",
            with(cause, A::Detail, " ({})")
        ),
        C::CacheKeyTemplateError => match cause.arg(A::File) {
            Some(file) => format!("The cache key could not be computed: {file} does not exist at this point of the job."),
            None => "A template of the cache key could not be computed.".to_owned(),
        },
        C::CacheExtractFailed => format!(
            "The restored cache could not be unpacked{}.",
            with(cause, A::Detail, " ({})")
        ),
        C::CacheUploadFailed => format!(
            "The cache could not be stored{}.",
            with(cause, A::Detail, " ({})")
        ),
        C::WorkspaceConcurrentFiles => format!(
            "Two jobs that ran side by side persisted the same file{} to the workspace.",
            with(cause, A::Path, " ({})")
        ),
        C::WorkspacePathMissing => format!(
            "persist_to_workspace found nothing to persist{}.",
            with(cause, A::Path, " at {}")
        ),
        C::WorkspaceDownloadFailed => format!(
            "The workspace could not be downloaded or unpacked{}.",
            with(cause, A::Detail, " ({})")
        ),
        C::WorkspaceUploadFailed => format!(
            "The workspace could not be uploaded{}.",
            with(cause, A::Detail, " ({})")
        ),
        C::TestResultsInvalid => format!(
            "CircleCI could not read the test results{}: they are not JUnit XML it accepts.",
            with(cause, A::File, " in {}")
        ),
        C::DockerDaemonUnavailable => match cause.arg(A::Host) {
            Some(host) if on_this_container(host) => format!(
                "docker was pointed at an engine on this container ({host}), where none runs: with setup_remote_docker the engine is on another machine, so use the DOCKER_HOST CircleCI sets, or a machine executor."
            ),
            _ => "docker has no engine to talk to: the job needs setup_remote_docker, or a machine executor.".to_owned(),
        },
        C::DockerLoginFailed => format!(
            "docker login was refused{}: the user name or the password (token) is wrong or empty.",
            with(cause, A::Host, " by {}")
        ),
        C::DockerPushDenied => format!(
            "The registry refused the push{}: not logged in, or no right to push there.",
            with(cause, A::Repository, " to {}")
        ),
        C::NetworkFailure => match cause.arg(A::Host) {
            Some(host) if is_local(host) => format!(
                "Nothing answered on {host}: the service the step talks to was not running (yet)."
            ),
            host => format!(
                "A network access failed{}: the host could not be found, reached in time, or trusted.",
                host.map(|host| format!(" ({host})")).unwrap_or_default()
            ),
        },
        C::CommandNotFound => format!(
            "The shell could not find the command{}{}.",
            with(cause, A::Command, " {}"),
            with(cause, A::ExitCode, " (exit code {})")
        ),
        C::PathNotFound => format!(
            "A command needed {}, which is not there{}.",
            cause
                .arg(A::Path)
                .map_or("a file or directory".to_owned(), |path| format!("the path {path}")),
            with(cause, A::ExitCode, " (exit code {})")
        ),
        C::NotExecutable => format!(
            "{} could not be run: it is not executable{}.",
            cause.arg(A::File).unwrap_or("A file"),
            with(cause, A::ExitCode, " (exit code {})")
        ),
        C::LockfileOutOfDate => format!(
            "The lock file{}{} no longer matches the dependencies it locks.",
            with(cause, A::File, " {}"),
            with(cause, A::Tool, " ({})")
        ),
        C::NpmDependencyConflict => "npm could not resolve the dependency tree: two packages ask for versions that cannot go together.".to_owned(),
        C::PipNoMatchingDistribution => format!(
            "pip found no release{} that fits this Python and this platform, or the requirements conflict.",
            with(cause, A::Package, " of {}")
        ),
        C::PipWheelBuildFailed => format!(
            "pip could not build{} from source: no ready-made wheel fits this Python and platform, and the build needs a compiler or headers the image lacks.",
            with(cause, A::Package, " {}")
        ),
        C::BundlerVersionMismatch => format!(
            "The lock file asks for Bundler{}, which is not installed in the image.",
            with(cause, A::Version, " {}")
        ),
        C::ComposerUnresolvable => format!(
            "Composer found no set of package versions that fits the constraints and this PHP{}.",
            with(cause, A::Detail, ": {}")
        ),
        C::SecurityScanFindings => format!(
            "A security scan found {}{} and failed the step on purpose.",
            cause
                .arg(A::Count)
                .map_or("problems".to_owned(), |number| count(number, "problem", "problems")),
            with(cause, A::Package, " (the first in {})")
        ),
        C::KubectlRolloutTimeout => format!(
            "The deployment{} did not become ready before its progress deadline.",
            with(cause, A::Deployment, " {}")
        ),
        C::SetupWorkflowsDisabled => "The setup workflow could not continue the pipeline: setup workflows are not enabled for the project, or the config lacks setup: true.".to_owned(),
        C::HttpErrorStatus => format!(
            "A download was answered with HTTP {}{}: the server was reached and said no.",
            cause.arg(A::Status).unwrap_or("error"),
            with(cause, A::Url, " for {}")
        ),
        C::ServiceNotReady => format!(
            "A service of the job{} was not accepting connections: it was still starting, or it is not there.",
            with(cause, A::Host, " ({})")
        ),
        C::DependencyResolutionFailed => format!(
            "The build tool could not download or resolve a dependency{}.",
            with(cause, A::Package, ": {}")
        ),
        C::DependencyChecksumMismatch => format!(
            "A downloaded dependency{} does not match the checksum recorded for it (in its lock file, or beside the download).",
            with(cause, A::Package, " ({})")
        ),
        C::CodeSigningFailed => format!(
            "Xcode could not sign the app{}: the certificate or the provisioning profile is not installed on this machine, or the keychain is locked.",
            with(cause, A::Detail, " ({})")
        ),
        C::CloudAuthFailed => format!(
            "{} had no valid credentials: the secret is not set for this job, or it has expired.",
            cause.arg(A::Tool).map_or("A cloud command-line tool".to_owned(), |tool| format!("The {tool} command-line tool"))
        ),
        C::DockerBuildFailed => format!(
            "A command of the Dockerfile failed{}{}, so docker build stopped: its own error is printed above it, in the build's output.",
            with(cause, A::Command, " (RUN {})"),
            with(cause, A::ExitCode, ", exit code {}")
        ),
        C::GitHttpsAuthFailed => format!(
            "git had no usable credentials for{} over HTTPS: no token in the job, or one that was refused.",
            cause.arg(A::Host).map_or(" the Git host".to_owned(), |host| format!(" {host}"))
        ),
        C::PipExternallyManaged => "The system Python refuses pip install outside a virtual environment.".to_owned(),
        C::PythonModuleNotFound => format!(
            "Python could not import the module{}.",
            with(cause, A::Package, " {}")
        ),
        C::NodeModuleNotFound => format!(
            "Node.js could not find the module{}.",
            with(cause, A::Package, " {}")
        ),
        C::PytestFailures => runner(cause, "pytest"),
        C::UnittestFailures => runner(cause, "The test runner (unittest)"),
        C::JestFailures => runner(cause, "Jest"),
        C::MochaFailures => runner(cause, "Mocha"),
        C::RspecFailures => runner(cause, "RSpec"),
        C::GoTestFailures => runner(cause, "go test"),
        C::CargoTestFailures => runner(cause, "cargo test"),
        C::MavenTestFailures => runner(cause, "Maven (Surefire)"),
        C::GradleTestFailures => runner(cause, "Gradle"),
        C::CoverageBelowThreshold => match (cause.arg(A::Total), cause.arg(A::Required)) {
            (Some(total), Some(required)) => format!("The tests cover {total} of the code, below the required {required}."),
            _ => "The tests cover less of the code than the required threshold.".to_owned(),
        },
        C::LintFindings => format!(
            "The linter or compiler found {}{}.",
            cause
                .arg(A::Count)
                .map_or("problems".to_owned(), |number| count(number, "problem", "problems")),
            with(cause, A::Location, ", the first at {}")
        ),
        C::CacheMiss => format!(
            "No cache matched{}: the first build with this key, or the key changed. Not a failure.",
            with(cause, A::Key, " the key {}")
        ),
        C::CacheAlreadyExists => format!(
            "A cache already exists for{}, so it was not saved again. Not a failure.",
            cause.arg(A::Key).map_or(" this key".to_owned(), |key| format!(" the key {key}"))
        ),
        C::CacheSavedEmpty => format!(
            "An empty cache (32 B) was saved{}; it is restored as it is until its key changes or it expires.",
            with(cause, A::Path, ": {} was missing")
        ),
        C::ArtifactsNotFound => format!(
            "store_artifacts found nothing{}. Not a failure by itself.",
            with(cause, A::Path, " at {}")
        ),
        C::TestResultsNotFound => format!(
            "store_test_results found no test results{}. Not a failure by itself.",
            with(cause, A::Path, " at {}")
        ),
        C::LocalStepUnsupported => "circleci local execute cannot run this step on a laptop: expected, not a failure.".to_owned(),
    }
}
