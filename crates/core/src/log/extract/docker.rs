//! Facts of a run step that builds or pushes Docker images: the tags built and the repositories and
//! digests pushed.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::{after, push, Fact, FactKind, LineReader};

/// The searches this reader runs on every line of a run step, prepared once: `str::find` with a
/// pattern string prepares its searcher again on each call, which made this reader 17 % of the parse
/// (BENCHMARKS.md, "Where the time goes").
static NAMING_TO: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("naming to "));
static DIGEST: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(": digest: "));

/// Reads `docker build` / `docker push` output (classic and BuildKit).
#[derive(Debug, Default)]
pub(super) struct Docker;

impl LineReader for Docker {
    fn read(&mut self, text: &str, facts: &mut Vec<Fact>) {
        if let Some(rest) = after(text, "Successfully tagged ") {
            push(facts, FactKind::DockerImageBuilt, rest);
        } else if let Some(position) = NAMING_TO.find(text.as_bytes()) {
            // BuildKit: `#12 naming to docker.io/library/app:latest done` (or `0.0s done`).
            let name = text[position + "naming to ".len()..]
                .split_whitespace()
                .next()
                .unwrap_or("");
            push(facts, FactKind::DockerImageBuilt, name);
        } else if let Some(rest) = after(text, "The push refers to repository ") {
            push(
                facts,
                FactKind::DockerImagePushed,
                rest.trim_start_matches('[').trim_end_matches(']'),
            );
        } else if let Some((tag, rest)) = DIGEST
            .find(text.as_bytes())
            // The pattern is ASCII: where it starts and ends are character boundaries.
            .map(|position| (&text[..position], &text[position + DIGEST.needle().len()..]))
        {
            // `latest: digest: sha256:... size: 1234`.
            let digest = rest.split_whitespace().next().unwrap_or("");
            if digest.starts_with("sha256:") && !tag.contains(' ') {
                push(
                    facts,
                    FactKind::DockerPushDigest,
                    &format!("{tag}@{digest}"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_and_push() {
        let mut facts = Vec::new();
        for line in [
            "Successfully tagged myorg/app:1.2",
            "#12 naming to docker.io/myorg/app:latest done",
            "The push refers to repository [docker.io/myorg/app]",
            "latest: digest: sha256:abc123 size: 1573",
        ] {
            Docker.read(line, &mut facts);
        }
        assert_eq!(
            facts,
            [
                Fact::new(FactKind::DockerImageBuilt, "myorg/app:1.2"),
                Fact::new(FactKind::DockerImageBuilt, "docker.io/myorg/app:latest"),
                Fact::new(FactKind::DockerImagePushed, "docker.io/myorg/app"),
                Fact::new(FactKind::DockerPushDigest, "latest@sha256:abc123"),
            ]
        );
    }
}
