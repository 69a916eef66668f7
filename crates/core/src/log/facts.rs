//! Facts: the things worth showing about a phase, each a kind and a value read from the log.

use serde::Serialize;

/// One thing the log says about a phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// What the value is.
    pub kind: FactKind,
    /// The value as the log prints it (trimmed).
    pub value: String,
}

impl Fact {
    /// A fact of `kind` with `value`.
    pub fn new(kind: FactKind, value: impl Into<String>) -> Self {
        Self {
            kind,
            value: value.into(),
        }
    }
}

macro_rules! fact_kinds {
    ($($(#[$doc:meta])* $variant:ident => $id:literal, $label:literal;)*) => {
        /// What a [`Fact`] is about. The app translates [`FactKind::id`] as `fact.<id>`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum FactKind {
            $($(#[$doc])* $variant,)*
        }

        impl FactKind {
            /// Every kind, in declaration order.
            pub const ALL: &'static [FactKind] = &[$(FactKind::$variant,)*];

            /// The stable kebab-case id (`fact.<id>` in the locale files).
            pub fn id(self) -> &'static str {
                match self {
                    $(FactKind::$variant => $id,)*
                }
            }

            /// The English label, used by the CLI and the JSON output.
            pub fn label(self) -> &'static str {
                match self {
                    $(FactKind::$variant => $label,)*
                }
            }
        }
    };
}

fact_kinds! {
    /// The version of the CircleCI build agent (`Build-agent version`).
    BuildAgentVersion => "build-agent-version", "build agent version";
    /// The digest of the build-agent image the local CLI ran (`Docker image digest`).
    AgentImageDigest => "agent-image-digest", "build agent image digest";
    /// The operating system of the host (`Operating System:`).
    OperatingSystem => "operating-system", "operating system";
    /// The kernel of the host (`Kernel Version:`).
    Kernel => "kernel", "kernel";
    /// The Docker engine version of the host or of the remote engine.
    DockerEngine => "docker-engine", "Docker engine";
    /// A container image the job starts (`Starting container`).
    Image => "image", "image";
    /// The exact image a container runs, with its digest (`using image ...@sha256:`).
    ImageDigest => "image-digest", "image digest";
    /// Whether and how fast the image was pulled (`pull stats:`).
    PullStats => "pull-stats", "pull stats";
    /// How long creating a container took.
    ContainerCreateTime => "container-create-time", "time to create container";
    /// How long uploading the agent and the config took.
    AgentUploadTime => "agent-upload-time", "time to upload agent and config";
    /// How long starting the containers took.
    ContainersStartTime => "containers-start-time", "time to start containers";
    /// The machine or macOS image a VM is created with.
    MachineImage => "machine-image", "machine image";
    /// The Docker version requested for a remote engine.
    RemoteDockerVersion => "remote-docker-version", "remote Docker version";
    /// The branch being built.
    Branch => "branch", "branch";
    /// The job name (`CIRCLE_JOB`).
    Job => "job", "job";
    /// The build number (`CIRCLE_BUILD_NUM`).
    BuildNumber => "build-number", "build number";
    /// The repository URL.
    Repository => "repository", "repository";
    /// The commit being built.
    Commit => "commit", "commit";
    /// The working directory of the job.
    WorkingDirectory => "working-directory", "working directory";
    /// How many variables are masked as `**REDACTED**`.
    RedactedVariables => "redacted-variables", "redacted variables";
    /// The git version used by the checkout.
    GitVersion => "git-version", "git version";
    /// The cache key found, stored or looked for.
    CacheKey => "cache-key", "cache key";
    /// The build that saved the restored cache.
    CacheSourceBuild => "cache-source-build", "cache from build";
    /// The size of the cache archive.
    CacheSize => "cache-size", "cache size";
    /// A path held in the cache.
    CachedPath => "cached-path", "cached path";
    /// No cache matched the key.
    CacheMiss => "cache-miss", "no cache found for key";
    /// The cache was not saved because one already exists for the key (value: when it was created).
    CacheAlreadyExists => "cache-already-exists", "cache already exists";
    /// How long downloading the cache took.
    CacheDownloadTime => "cache-download-time", "cache download time";
    /// How long extracting the cache took.
    CacheExtractTime => "cache-extract-time", "cache extraction time";
    /// A path moved or copied by the python orb's cache steps.
    PythonCachePath => "python-cache-path", "python cache path";
    /// The lockfile hash pipenv installs from.
    LockfileHash => "lockfile-hash", "lockfile hash";
    /// How many packages an installer reports as installed.
    PackagesInstalled => "packages-installed", "packages installed";
    /// The size of the workspace archive uploaded.
    WorkspaceSize => "workspace-size", "workspace size";
    /// A path persisted to the workspace.
    PersistedPath => "persisted-path", "persisted path";
    /// A workspace layer downloaded, with its size.
    WorkspaceLayer => "workspace-layer", "workspace layer";
    /// A path uploaded as an artifact, with its destination.
    Artifact => "artifact", "artifact";
    /// A path that held no artifact file.
    ArtifactsMissing => "artifacts-missing", "no artifact files found at";
    /// The total size of the artifacts uploaded.
    ArtifactsSize => "artifacts-size", "artifacts size";
    /// A test results file or folder archived.
    TestResultsPath => "test-results-path", "test results path";
    /// No test results were found.
    NoTestResults => "no-test-results", "no test results";
    /// A test run's summary (pytest, jest, go test, rspec, mocha...).
    TestSummary => "test-summary", "tests";
    /// The test coverage reported.
    Coverage => "coverage", "coverage";
    /// A Docker image tag built.
    DockerImageBuilt => "docker-image-built", "Docker image built";
    /// A Docker repository pushed to.
    DockerImagePushed => "docker-image-pushed", "Docker image pushed";
    /// A tag and digest pushed.
    DockerPushDigest => "docker-push-digest", "pushed digest";
    /// The step printed no output for longer than its `no_output_timeout`.
    NoOutputTimeout => "no-output-timeout", "no output for";
    /// CircleCI's infrastructure stopped the job (kill signal, VM creation...).
    InfrastructureFailure => "infrastructure-failure", "infrastructure failure";
    /// The first line that looks like an error, for a failed phase.
    FirstError => "first-error", "first error";
    /// For a failed phase in which no line looks like an error: the last line it printed, the best
    /// place to start reading.
    LastOutput => "last-output", "last output line";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_labels_present() {
        let mut ids: Vec<_> = FactKind::ALL.iter().map(|kind| kind.id()).collect();
        for id in &ids {
            assert!(
                id.bytes()
                    .all(|byte| byte.is_ascii_lowercase() || byte == b'-'),
                "{id}"
            );
        }
        assert!(FactKind::ALL.iter().all(|kind| !kind.label().is_empty()));
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count);
    }

    #[test]
    fn serde_name_matches_id() {
        for kind in FactKind::ALL {
            let json = serde_json::to_value(kind).expect("a fact kind serialises");
            assert_eq!(json, kind.id());
        }
    }
}
