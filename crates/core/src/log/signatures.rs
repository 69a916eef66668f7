//! Content signatures: lines that only a given built-in step (or python orb step) prints.
//!
//! They name a step whose title is missing (a downloaded step output, the lines before the first
//! title) and split an untitled run of lines where a new step clearly starts.

#[cfg(test)]
use crate::phases::{self, KnownPhase};

/// A line that only one step prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Signature {
    /// What the line starts with (after leading blanks and an orb's `INFO: ` prefix).
    pub(crate) prefix: &'static str,
    /// The title of the step in [`phases::KNOWN_PHASES`].
    pub(crate) phase: &'static str,
    /// Seeing this line after one of these prefixes means a new step of the same kind started.
    pub(crate) restarts_after: &'static [&'static str],
    /// Whether the line can sit in the script a run step echoes (orb scripts, the old checkout script).
    pub(crate) in_script: bool,
    /// Whether other steps print the line too: it names a step only when nothing else does, and never
    /// tells that another kind of step started.
    pub(crate) weak: bool,
}

#[cfg(test)]
impl Signature {
    /// The catalogue entry of the step this line belongs to.
    pub(crate) fn known_phase(&self) -> Option<&'static KnownPhase> {
        phases::find_by_title(self.phase)
    }
}

const SPIN_UP: &str = "Spin up environment";
const ENVIRONMENT: &str = "Preparing environment variables";
const CHECKOUT: &str = "Checkout code";
const REMOTE_DOCKER: &str = "Setup a remote Docker engine";
const ATTACH: &str = "Attaching workspace";
const RESTORE: &str = "Restoring cache";
const SAVE: &str = "Saving cache";
const PERSIST: &str = "Persisting to workspace";
const ARTIFACTS: &str = "Uploading artifacts";
const TEST_RESULTS: &str = "Uploading test results";
const LINK_LOCKFILE: &str = "Link lockfile";
const SAVE_PYTHON_VERSION: &str = "Save python version";
const MOVE_RESTORED_CACHE: &str = "Move restored cache";
const PIPENV_INSTALL: &str =
    "Install dependencies with pipenv using project Pipfile or inline packages";
const COPY_TO_CACHE: &str = "Copy to cache directory";

const fn output(
    prefix: &'static str,
    phase: &'static str,
    restarts_after: &'static [&'static str],
) -> Signature {
    Signature {
        prefix,
        phase,
        restarts_after,
        in_script: false,
        weak: false,
    }
}

const fn script(prefix: &'static str, phase: &'static str) -> Signature {
    Signature {
        prefix,
        phase,
        restarts_after: &[],
        in_script: true,
        weak: false,
    }
}

/// Every signature, most specific first.
const SIGNATURES: &[Signature] = &[
    output("Build-agent version", SPIN_UP, &["Build-agent version"]),
    output(
        "Creating a dedicated VM with",
        SPIN_UP,
        &["Creating a dedicated VM with"],
    ),
    output("Time to upload agent and config", SPIN_UP, &[]),
    output(
        "Using build environment variables",
        ENVIRONMENT,
        &["Using build environment variables"],
    ),
    output(
        "Using environment variables from project settings",
        ENVIRONMENT,
        &[],
    ),
    output(
        "The redacted variables listed above will be masked",
        ENVIRONMENT,
        &[],
    ),
    output(
        "Making checkout directory",
        CHECKOUT,
        &["Making checkout directory"],
    ),
    output(
        "Creating .ssh directory",
        CHECKOUT,
        &["Creating .ssh directory"],
    ),
    output("Writing SSH key for checkout", CHECKOUT, &[]),
    output("Cloning git repository", CHECKOUT, &[]),
    output("Using SSH Config Dir", CHECKOUT, &["Using SSH Config Dir"]),
    script(
        "# Workaround old docker images with incorrect $HOME",
        CHECKOUT,
    ),
    output(
        "Allocating a remote Docker Engine",
        REMOTE_DOCKER,
        &["Allocating a remote Docker Engine"],
    ),
    output(
        "Created container accessible with:",
        REMOTE_DOCKER,
        &["Created container accessible with:"],
    ),
    output("Remote Docker engine created", REMOTE_DOCKER, &[]),
    output(
        "Downloading workspace layers",
        ATTACH,
        &["Downloading workspace layers"],
    ),
    output("Applying workspace layers", ATTACH, &[]),
    output("Error applying workspace layer", ATTACH, &[]),
    output(
        "Found a cache from build",
        RESTORE,
        &["Found a cache from build"],
    ),
    output(
        "No cache is found for key",
        RESTORE,
        &["Found a cache from build"],
    ),
    output("Failed to unarchive cache", RESTORE, &[]),
    output("Error untarring cache", RESTORE, &[]),
    output(
        "Creating cache archive",
        SAVE,
        &["Creating cache archive", "Skipping cache generation"],
    ),
    output(
        "Skipping cache generation",
        SAVE,
        &["Creating cache archive", "Skipping cache generation"],
    ),
    output("Stored Cache to", SAVE, &[]),
    output(
        "Creating workspace archive",
        PERSIST,
        &["Creating workspace archive"],
    ),
    output("Uploading workspace archive", PERSIST, &[]),
    output("No artifact files found at", ARTIFACTS, &[]),
    // `persist_to_workspace` prints it too, after its own signature.
    Signature {
        prefix: "Total size uploaded",
        phase: ARTIFACTS,
        restarts_after: &["Total size uploaded"],
        in_script: false,
        weak: true,
    },
    output(
        "Archiving the following test results",
        TEST_RESULTS,
        &["Archiving the following test results"],
    ),
    output("Found no test results, skipping", TEST_RESULTS, &[]),
    output("Unable to save test results from", TEST_RESULTS, &[]),
    output("failed uploading test results", TEST_RESULTS, &[]),
    script("link_paths() {", COPY_TO_CACHE),
    script("restore_paths() {", MOVE_RESTORED_CACHE),
    script(
        "python --version | cut -d' ' -f2 > /tmp/python-version",
        SAVE_PYTHON_VERSION,
    ),
    script("LOCKFILE_PATH=", LINK_LOCKFILE),
    script("Cache directory already exists. Skipping", COPY_TO_CACHE),
    script("Installing dependencies from Pipfile.lock", PIPENV_INSTALL),
];

/// The artifact upload line: `Uploading /path to destination` (one per `store_artifacts` step).
const ARTIFACT_UPLOAD: Signature = output("Uploading ", ARTIFACTS, &["Uploading "]);

/// The python orb's restore line: `Restoring /tmp/cci_pycache/... to /home/...`.
const PYCACHE_RESTORE: Signature = script("Restoring ", MOVE_RESTORED_CACHE);

/// The pipenv orb step's command, echoed after its shebang.
const PIPENV_COMMAND: Signature = script("pipenv install", PIPENV_INSTALL);

/// The python orb's lockfile copy: `Copying /.../Pipfile.lock to /tmp/cci_pycache/lockfile`.
const LOCKFILE_COPY: Signature = script("Copying ", LINK_LOCKFILE);

/// The signature `line` carries, if any.
pub(crate) fn signature(line: &str) -> Option<&'static Signature> {
    let text = line.trim_start();
    let first = *text.as_bytes().first()?;
    if !(first.is_ascii_alphabetic() || first == b'#') {
        return None;
    }
    let text = text.strip_prefix("INFO: ").unwrap_or(text);
    if let Some(found) = SIGNATURES
        .iter()
        .find(|signature| text.starts_with(signature.prefix))
    {
        return Some(found);
    }
    if let Some(rest) = text.strip_prefix("Uploading ") {
        let is_path = rest.starts_with(['/', '~', '.']);
        if is_path && rest.contains(" to ") {
            return Some(&ARTIFACT_UPLOAD);
        }
    }
    if text.starts_with("Restoring ") && (text.contains("cci_pycache/") || text.contains("_cache/"))
    {
        return Some(&PYCACHE_RESTORE);
    }
    if text.trim_end() == "pipenv install" {
        return Some(&PIPENV_COMMAND);
    }
    if text.starts_with("Copying ") && text.trim_end().ends_with("cci_pycache/lockfile") {
        return Some(&LOCKFILE_COPY);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phase_of(line: &str) -> Option<&'static str> {
        signature(line).map(|signature| signature.phase)
    }

    #[test]
    fn every_signature_names_a_catalogued_phase() {
        let extra = [
            ARTIFACT_UPLOAD,
            PYCACHE_RESTORE,
            PIPENV_COMMAND,
            LOCKFILE_COPY,
        ];
        for signature in SIGNATURES.iter().chain(extra.iter()) {
            assert!(signature.known_phase().is_some(), "{}", signature.phase);
        }
    }

    #[test]
    fn built_in_steps_are_recognised_by_their_output() {
        assert_eq!(
            phase_of("Build-agent version 1.0.100208-e2aaf0f1 (2022-01-11)"),
            Some(SPIN_UP)
        );
        assert_eq!(
            phase_of("Using build environment variables:"),
            Some(ENVIRONMENT)
        );
        assert_eq!(phase_of("Creating .ssh directory"), Some(CHECKOUT));
        assert_eq!(
            phase_of("Found a cache from build 75 at v1-key"),
            Some(RESTORE)
        );
        assert_eq!(phase_of("Creating cache archive..."), Some(SAVE));
        assert_eq!(
            phase_of("Uploading /home/circleci/project/htmlcov to htmlcov"),
            Some(ARTIFACTS)
        );
        assert_eq!(
            phase_of("Archiving the following test results"),
            Some(TEST_RESULTS)
        );
        assert_eq!(phase_of("Downloading workspace layers"), Some(ATTACH));
        assert_eq!(phase_of("Creating workspace archive..."), Some(PERSIST));
        assert_eq!(
            phase_of("Allocating a remote Docker Engine"),
            Some(REMOTE_DOCKER)
        );
    }

    #[test]
    fn orb_steps_are_recognised_by_their_output_or_script() {
        assert_eq!(
            phase_of("INFO: Cache directory already exists. Skipping..."),
            Some(COPY_TO_CACHE)
        );
        assert_eq!(
            phase_of("Restoring /tmp/cci_pycache/pypi/L2hvbWU= to /home/circleci/.cache/pip"),
            Some(MOVE_RESTORED_CACHE)
        );
        assert_eq!(
            phase_of("Copying /home/circleci/project/Pipfile.lock to /tmp/cci_pycache/lockfile"),
            Some(LINK_LOCKFILE)
        );
        assert_eq!(phase_of("pipenv install"), Some(PIPENV_INSTALL));
    }

    #[test]
    fn ordinary_output_carries_no_signature() {
        assert_eq!(phase_of("Uploading cache archive..."), None);
        assert_eq!(phase_of("uploading to s3"), None);
        assert_eq!(phase_of("  * /home/circleci/project"), None);
        assert_eq!(phase_of(""), None);
    }
}
