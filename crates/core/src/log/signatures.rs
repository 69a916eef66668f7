//! Content signatures: lines that only a given built-in step (or python orb step) prints, read from the
//! catalogue ([`crate::phases`]).
//!
//! They name a step whose title is missing (a downloaded step output, the lines before the first
//! title) and split an untitled run of lines where a new step clearly starts.

use std::sync::LazyLock;

use crate::phases::{known_phases, KnownPhase, LineShape, Signature};

/// A signature found on a line, with the phase it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    /// The signature.
    pub(crate) signature: &'static Signature,
    /// The catalogue entry of the step that prints it.
    pub(crate) phase: &'static KnownPhase,
}

impl Found {
    /// The text the signature line starts with: what [`Signature::restarts_after`] names.
    pub(crate) fn prefix(&self) -> &'static str {
        self.signature.shape.prefix()
    }

    /// The title of the step, as the catalogue spells it.
    pub(crate) fn title(&self) -> &'static str {
        self.phase.title
    }
}

/// Every signature of the catalogue, plain prefixes first (in catalogue order), then the shapes that
/// look further into the line, so that the most specific wins.
static SIGNATURES: LazyLock<Vec<Found>> = LazyLock::new(|| {
    let all = known_phases().flat_map(|phase| {
        phase
            .signatures
            .iter()
            .map(move |signature| Found { signature, phase })
    });
    let (mut plain, others): (Vec<Found>, Vec<Found>) =
        all.partition(|found| matches!(found.signature.shape, LineShape::Prefix(_)));
    plain.extend(others);
    plain
});

/// The signature `line` carries, if any.
pub(crate) fn signature(line: &str) -> Option<Found> {
    let text = line.trim_start();
    let first = *text.as_bytes().first()?;
    if !(first.is_ascii_alphabetic() || first == b'#') {
        return None;
    }
    let text = text.strip_prefix("INFO: ").unwrap_or(text);
    SIGNATURES
        .iter()
        .find(|found| found.signature.shape.matches(text))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phase_of(line: &str) -> Option<&'static str> {
        signature(line).map(|found| found.title())
    }

    #[test]
    fn built_in_steps_are_recognised_by_their_output() {
        let cases = [
            (
                "Build-agent version 1.0.100208-e2aaf0f1 (2022-01-11)",
                "Spin up environment",
            ),
            (
                "Starting container quay.io/org/image:1",
                "Spin up environment",
            ),
            (
                "Using build environment variables:",
                "Preparing environment variables",
            ),
            ("Creating .ssh directory", "Checkout code"),
            ("Found a cache from build 75 at v1-key", "Restoring cache"),
            ("Creating cache archive...", "Saving cache"),
            (
                "Uploading /home/circleci/project/htmlcov to htmlcov",
                "Uploading artifacts",
            ),
            (
                "Archiving the following test results",
                "Uploading test results",
            ),
            ("Downloading workspace layers", "Attaching workspace"),
            ("Creating workspace archive...", "Persisting to workspace"),
            (
                "Allocating a remote Docker Engine",
                "Setup a remote Docker engine",
            ),
        ];
        for (line, title) in cases {
            assert_eq!(phase_of(line), Some(title), "{line}");
        }
    }

    #[test]
    fn orb_steps_are_recognised_by_their_output_or_script() {
        assert_eq!(
            phase_of("INFO: Cache directory already exists. Skipping..."),
            Some("Copy to cache directory")
        );
        assert_eq!(
            phase_of("Restoring /tmp/cci_pycache/pypi/L2hvbWU= to /home/circleci/.cache/pip"),
            Some("Move restored cache")
        );
        assert_eq!(
            phase_of("Copying /home/circleci/project/Pipfile.lock to /tmp/cci_pycache/lockfile"),
            Some("Link lockfile")
        );
        assert_eq!(
            phase_of("pipenv install"),
            Some("Install dependencies with pipenv using project Pipfile or inline packages")
        );
    }

    /// A line of this shape, as CircleCI would print it.
    fn example(shape: LineShape) -> String {
        match shape {
            LineShape::Prefix(prefix) => format!("{prefix} and more"),
            LineShape::PathTo(prefix) => format!("{prefix}/home/circleci/project/out to out"),
            LineShape::PrefixContaining(prefix, inner) => format!("{prefix}/tmp/{} x", inner[0]),
            LineShape::PrefixEnding(prefix, suffix) => format!("{prefix}/home/x{suffix}"),
            LineShape::Exact(whole) => whole.to_owned(),
        }
    }

    #[test]
    fn every_signature_of_the_catalogue_names_its_step() {
        for phase in known_phases() {
            for signature in phase.signatures {
                let line = example(signature.shape);
                let found = signature_of(&line);
                assert_eq!(
                    found.map(|found| found.title()),
                    Some(phase.title),
                    "{line}"
                );
            }
        }
    }

    fn signature_of(line: &str) -> Option<Found> {
        signature(line)
    }

    #[test]
    fn ordinary_output_carries_no_signature() {
        assert_eq!(phase_of("Uploading cache archive..."), Some("Saving cache"));
        assert_eq!(phase_of("uploading to s3"), None);
        assert_eq!(phase_of("Uploading dist to s3"), None);
        assert_eq!(phase_of("  * /home/circleci/project"), None);
        assert_eq!(phase_of(""), None);
    }
}
