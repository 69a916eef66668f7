//! The name of each kind of fact the log parser reads, in the current language.

use pipelens_core::log::FactKind;

use crate::i18n::{Lang, Msg};

/// The sentence key of a kind of fact (`locales/*/log.json`, `fact.<id>`).
fn message(kind: FactKind) -> Msg {
    match kind {
        FactKind::BuildAgentVersion => Msg::FactBuildAgentVersion,
        FactKind::AgentImageDigest => Msg::FactAgentImageDigest,
        FactKind::OperatingSystem => Msg::FactOperatingSystem,
        FactKind::Kernel => Msg::FactKernel,
        FactKind::DockerEngine => Msg::FactDockerEngine,
        FactKind::Image => Msg::FactImage,
        FactKind::ImageDigest => Msg::FactImageDigest,
        FactKind::PullStats => Msg::FactPullStats,
        FactKind::ContainerCreateTime => Msg::FactContainerCreateTime,
        FactKind::AgentUploadTime => Msg::FactAgentUploadTime,
        FactKind::ContainersStartTime => Msg::FactContainersStartTime,
        FactKind::MachineImage => Msg::FactMachineImage,
        FactKind::RemoteDockerVersion => Msg::FactRemoteDockerVersion,
        FactKind::Branch => Msg::FactBranch,
        FactKind::Job => Msg::FactJob,
        FactKind::BuildNumber => Msg::FactBuildNumber,
        FactKind::Repository => Msg::FactRepository,
        FactKind::Commit => Msg::FactCommit,
        FactKind::WorkingDirectory => Msg::FactWorkingDirectory,
        FactKind::RedactedVariables => Msg::FactRedactedVariables,
        FactKind::GitVersion => Msg::FactGitVersion,
        FactKind::CacheKey => Msg::FactCacheKey,
        FactKind::CacheSourceBuild => Msg::FactCacheSourceBuild,
        FactKind::CacheSize => Msg::FactCacheSize,
        FactKind::CachedPath => Msg::FactCachedPath,
        FactKind::CacheMiss => Msg::FactCacheMiss,
        FactKind::CacheAlreadyExists => Msg::FactCacheAlreadyExists,
        FactKind::CacheDownloadTime => Msg::FactCacheDownloadTime,
        FactKind::CacheExtractTime => Msg::FactCacheExtractTime,
        FactKind::PythonCachePath => Msg::FactPythonCachePath,
        FactKind::LockfileHash => Msg::FactLockfileHash,
        FactKind::PackagesInstalled => Msg::FactPackagesInstalled,
        FactKind::WorkspaceSize => Msg::FactWorkspaceSize,
        FactKind::PersistedPath => Msg::FactPersistedPath,
        FactKind::WorkspaceLayer => Msg::FactWorkspaceLayer,
        FactKind::Artifact => Msg::FactArtifact,
        FactKind::ArtifactsMissing => Msg::FactArtifactsMissing,
        FactKind::ArtifactsSize => Msg::FactArtifactsSize,
        FactKind::TestResultsPath => Msg::FactTestResultsPath,
        FactKind::NoTestResults => Msg::FactNoTestResults,
        FactKind::TestSummary => Msg::FactTestSummary,
        FactKind::Coverage => Msg::FactCoverage,
        FactKind::DockerImageBuilt => Msg::FactDockerImageBuilt,
        FactKind::DockerImagePushed => Msg::FactDockerImagePushed,
        FactKind::DockerPushDigest => Msg::FactDockerPushDigest,
        FactKind::NoOutputTimeout => Msg::FactNoOutputTimeout,
        FactKind::InfrastructureFailure => Msg::FactInfrastructureFailure,
        FactKind::FirstError => Msg::FactFirstError,
        FactKind::LastOutput => Msg::FactLastOutput,
    }
}

/// The name of a kind of fact in `lang`.
pub(crate) fn fact_label(kind: FactKind, lang: Lang) -> &'static str {
    lang.text(message(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fact_has_its_own_name_in_both_languages() {
        let mut names: Vec<&str> = FactKind::ALL
            .iter()
            .map(|kind| fact_label(*kind, Lang::En))
            .collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "two kinds of fact share a name");
        for kind in FactKind::ALL {
            assert_ne!(fact_label(*kind, Lang::Fr), "", "{kind:?}");
        }
    }
}
