//! Facts of the steps that move files out of or into the job: workspaces, artifacts, test results.

use super::{after, list_item, push, Fact, FactKind, LineReader};

/// Reads `persist_to_workspace` and `attach_workspace` output.
#[derive(Debug, Default)]
pub(super) struct Workspace;

impl LineReader for Workspace {
    fn read(&mut self, text: &str, facts: &mut Vec<Fact>) {
        if let Some(rest) = after(text, "Total size uploaded:") {
            push(facts, FactKind::WorkspaceSize, rest);
        } else if text.starts_with("workflows/workspaces/") {
            // `workflows/workspaces/<workflow>/0/<job>/0/108.tar.gz - 21 MB`: the job's layer and its size.
            let layer = text.splitn(5, '/').nth(4).unwrap_or(text);
            push(facts, FactKind::WorkspaceLayer, layer);
        } else if let Some(path) = list_item(text) {
            push(facts, FactKind::PersistedPath, path);
        }
    }
}

/// Reads `store_artifacts` output.
#[derive(Debug, Default)]
pub(super) struct Artifacts;

impl LineReader for Artifacts {
    fn read(&mut self, text: &str, facts: &mut Vec<Fact>) {
        if let Some(rest) = after(text, "No artifact files found at") {
            push(facts, FactKind::ArtifactsMissing, rest);
        } else if let Some(rest) = after(text, "Total size uploaded:") {
            push(facts, FactKind::ArtifactsSize, rest);
        } else if let Some((source, destination)) =
            after(text, "Uploading ").and_then(|rest| rest.split_once(" to "))
        {
            push(
                facts,
                FactKind::Artifact,
                &format!("{source} → {destination}"),
            );
        }
    }
}

/// Reads `store_test_results` output.
#[derive(Debug, Default)]
pub(super) struct TestResults {
    /// Whether the lines are the list after `Archiving the following test results`.
    in_path_list: bool,
}

impl LineReader for TestResults {
    fn read(&mut self, text: &str, facts: &mut Vec<Fact>) {
        if self.in_path_list {
            if let Some(path) = list_item(text) {
                push(facts, FactKind::TestResultsPath, path);
                return;
            }
            self.in_path_list = false;
        }
        if text.starts_with("Archiving the following test results") {
            self.in_path_list = true;
        } else if let Some(rest) = after(text, "Unable to save test results from") {
            push(facts, FactKind::NoTestResults, rest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workspace_layers_and_size() {
        let mut facts = Vec::new();
        Workspace.read(
            "workflows/workspaces/7d01/0/0ff7/0/113.tar.gz - 3.6 GB",
            &mut facts,
        );
        Workspace.read("Total size uploaded: 36 MiB", &mut facts);
        assert_eq!(
            facts,
            [
                Fact::new(FactKind::WorkspaceLayer, "0ff7/0/113.tar.gz - 3.6 GB"),
                Fact::new(FactKind::WorkspaceSize, "36 MiB")
            ]
        );
    }

    #[test]
    fn artifacts() {
        let mut facts = Vec::new();
        Artifacts.read(
            "Uploading /home/circleci/project/htmlcov to htmlcov",
            &mut facts,
        );
        Artifacts.read(
            "Uploading /home/circleci/project/htmlcov/index.html (3 kB): DONE",
            &mut facts,
        );
        Artifacts.read(
            "No artifact files found at /home/circleci/project/outputs/sast",
            &mut facts,
        );
        assert_eq!(
            facts,
            [
                Fact::new(
                    FactKind::Artifact,
                    "/home/circleci/project/htmlcov → htmlcov"
                ),
                Fact::new(
                    FactKind::ArtifactsMissing,
                    "/home/circleci/project/outputs/sast"
                ),
            ]
        );
    }

    #[test]
    fn test_results() {
        let mut reader = TestResults::default();
        let mut facts = Vec::new();
        for line in [
            "Archiving the following test results",
            "* /app/results/unit.xml",
            "",
            "Unable to save test results from /x",
        ] {
            reader.read(line, &mut facts);
        }
        assert_eq!(
            facts,
            [
                Fact::new(FactKind::TestResultsPath, "/app/results/unit.xml"),
                Fact::new(FactKind::NoTestResults, "/x")
            ]
        );
    }
}
