//! Facts of `Spin up environment` (and of secondary containers and the local CLI's preamble): the
//! build agent, the host, the images and how long starting them took.

use super::{after, push, Fact, FactKind, LineReader};

/// Reads the spin-up output.
#[derive(Debug, Default)]
pub(super) struct SpinUp {
    /// Whether the `System information:` block was seen (its `Server Version` is the engine's).
    in_system_information: bool,
}

impl LineReader for SpinUp {
    fn read(&mut self, text: &str, facts: &mut Vec<Fact>) {
        if text == "System information:" {
            self.in_system_information = true;
        } else if let Some(rest) = text
            .find("Build-agent version")
            .map(|start| text[start + "Build-agent version".len()..].trim())
        {
            // `1.0.100208-e2aaf0f1 (2022-01-11T23:24:42+0000)`; the local CLI prints `  ()`.
            let version = rest.split_whitespace().next().unwrap_or("");
            if !version.starts_with('(') {
                push(facts, FactKind::BuildAgentVersion, version);
            }
        } else if let Some(rest) = after(text, "Docker image digest:") {
            push(facts, FactKind::AgentImageDigest, rest);
        } else if let Some(rest) =
            after(text, "Server Version:").filter(|_| self.in_system_information)
        {
            push(facts, FactKind::DockerEngine, rest);
        } else if let Some(rest) = after(text, "Docker Engine Version:") {
            push(facts, FactKind::DockerEngine, rest);
        } else if let Some(rest) = after(text, "Kernel Version:") {
            push(facts, FactKind::Kernel, kernel_release(rest));
        } else if let Some(rest) = after(text, "Operating System:") {
            push(facts, FactKind::OperatingSystem, rest);
        } else if let Some(rest) = after(text, "Starting container ") {
            push(facts, FactKind::Image, rest);
        } else if let Some(rest) = after(text, "using image ") {
            push(facts, FactKind::ImageDigest, rest);
        } else if let Some(rest) = after(text, "pull stats:").filter(|rest| *rest != "N/A") {
            push(facts, FactKind::PullStats, rest);
        } else if let Some(rest) = after(text, "time to create container:") {
            push(facts, FactKind::ContainerCreateTime, rest);
        } else if let Some(rest) = after(text, "Time to upload agent and config:") {
            push(facts, FactKind::AgentUploadTime, rest);
        } else if let Some(rest) = after(text, "Time to start containers:") {
            push(facts, FactKind::ContainersStartTime, rest);
        } else if let Some(rest) = after(text, "Creating a dedicated VM with ") {
            push(
                facts,
                FactKind::MachineImage,
                rest.strip_suffix(" image").unwrap_or(rest),
            );
        }
    }
}

/// The kernel release out of `5.11.0-1022-aws` or `Linux c8771d7a1b4f 5.4.0-42-generic #46-Ubuntu ...`.
fn kernel_release(value: &str) -> &str {
    let mut words = value.split_whitespace();
    match words.next() {
        Some("Linux") => words.nth(1).unwrap_or(value),
        _ => value,
    }
}

/// Reads the output of `setup_remote_docker`.
#[derive(Debug, Default)]
pub(super) struct RemoteDocker;

impl LineReader for RemoteDocker {
    fn read(&mut self, text: &str, facts: &mut Vec<Fact>) {
        if let Some(rest) = after(text, "Requesting version:") {
            push(facts, FactKind::RemoteDockerVersion, rest);
        } else if let Some(rest) = after(text, "Version:") {
            if !facts.iter().any(|fact| fact.kind == FactKind::DockerEngine) {
                push(facts, FactKind::DockerEngine, rest);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(lines: &[&str]) -> Vec<(FactKind, String)> {
        let mut reader = SpinUp::default();
        let mut facts = Vec::new();
        for line in lines {
            reader.read(line.trim(), &mut facts);
        }
        facts
            .into_iter()
            .map(|fact| (fact.kind, fact.value))
            .collect()
    }

    #[test]
    fn cloud_spin_up() {
        let facts = read(&[
            "Build-agent version 1.0.100208-e2aaf0f1 (2022-01-11T23:24:42+0000)",
            "System information:",
            " Server Version: 20.10.11",
            " Kernel Version: 5.11.0-1022-aws",
            " Operating System: Ubuntu 20.04.3 LTS",
            "Starting container circleci/python:3.8",
            "  using image circleci/python@sha256:51d0",
            "  pull stats: Image was already available so the image was not pulled",
            "  time to create container: 110ms",
            "Time to upload agent and config: 380.900651ms",
            "Time to start containers: 319.90813ms",
        ]);
        assert_eq!(
            facts[0],
            (
                FactKind::BuildAgentVersion,
                "1.0.100208-e2aaf0f1".to_owned()
            )
        );
        assert!(facts.contains(&(FactKind::Kernel, "5.11.0-1022-aws".to_owned())));
        assert!(facts.contains(&(FactKind::OperatingSystem, "Ubuntu 20.04.3 LTS".to_owned())));
        assert!(facts.contains(&(
            FactKind::ImageDigest,
            "circleci/python@sha256:51d0".to_owned()
        )));
        assert_eq!(facts.len(), 10);
    }

    #[test]
    fn local_spin_up() {
        let facts = read(&[
            "Build-agent version  ()",
            "Kernel Version: Linux c8771d7a1b4f 5.4.0-42-generic #46-Ubuntu SMP",
            "pull stats: N/A",
        ]);
        assert_eq!(facts, [(FactKind::Kernel, "5.4.0-42-generic".to_owned())]);
    }
}
