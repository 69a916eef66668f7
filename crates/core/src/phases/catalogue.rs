//! The table itself: one entry per step, in the order a job usually prints them.
//!
//! Sources of the wordings are in the tests of the log parser and in `tests/fixtures/` (real logs);
//! titles are matched without regard to ASCII case, so `Restoring Cache` (the local CLI) is the same
//! title as `Restoring cache` (the job page).

use super::{
    BuiltInStep, ConfigKey, Ends, FactReaders, KnownPhase, LineShape, PhaseKind, Signature,
};

/// The title prefix of a secondary container's phase in `circleci local execute` output
/// (`====>> Container mongo`): started like the primary container, explained by [`SPIN_UP`].
pub const SECONDARY_CONTAINER: &str = "Container ";

/// A signature that names its step and starts a new one after the listed prefixes.
const fn output(prefix: &'static str, restarts_after: &'static [&'static str]) -> Signature {
    Signature {
        shape: LineShape::Prefix(prefix),
        restarts_after,
        in_script: false,
        weak: false,
    }
}

/// A signature that may sit in the script a run step echoes.
const fn script(shape: LineShape) -> Signature {
    Signature {
        shape,
        restarts_after: &[],
        in_script: true,
        weak: false,
    }
}

/// A signature of a step CircleCI runs for the job, not for a step of the config.
const fn job_phase(phase: KnownPhase) -> BuiltInStep {
    BuiltInStep {
        config: None,
        phase: Some(phase),
    }
}

/// A built-in step of the config and the phase it prints.
const fn step(config: ConfigKey, phase: KnownPhase) -> BuiltInStep {
    BuiltInStep {
        config: Some(config),
        phase: Some(phase),
    }
}

/// A built-in step of the config whose phases have no fixed title.
const fn config_only(config: ConfigKey) -> BuiltInStep {
    BuiltInStep {
        config: Some(config),
        phase: None,
    }
}

/// `Spin up environment`: the executor is created, images pulled, containers started.
pub const SPIN_UP: KnownPhase = KnownPhase {
    title: "Spin up environment",
    other_titles: &[],
    kind: PhaseKind::BuiltIn,
    doc: "phases/spin-up-environment",
    signatures: &[
        output("Build-agent version", &["Build-agent version"]),
        output(
            "Creating a dedicated VM with",
            &["Creating a dedicated VM with"],
        ),
        output("Time to upload agent and config", &[]),
        output("Starting container ", &[]),
        output("image cache not found on this host", &[]),
        output("Warning: No authentication provided, ", &[]),
    ],
    ends: Ends {
        success: &["Time to start containers"],
        failure: &[
            "Error response from daemon:",
            "CircleCI was unable to start the container",
            "Unexpected environment preparation error",
            "failed to create host:",
            "Error pulling image",
            "This job was rejected because",
            "This job has been blocked because",
            "Configuration errors:",
        ],
        skip: &[],
    },
    facts: FactReaders::SpinUp,
};

/// `Preparing environment variables`: the variables the job sees, secrets masked.
pub const ENVIRONMENT: KnownPhase = KnownPhase {
    title: "Preparing environment variables",
    other_titles: &[],
    kind: PhaseKind::BuiltIn,
    doc: "phases/preparing-environment-variables",
    signatures: &[
        output(
            "Using build environment variables",
            &["Using build environment variables"],
        ),
        output("Using environment variables from project settings", &[]),
        output("The redacted variables listed above will be masked", &[]),
    ],
    ends: Ends {
        success: &["The redacted variables listed above will be masked"],
        failure: &[],
        skip: &[],
    },
    facts: FactReaders::Variables,
};

/// `Task lifecycle`: what a self-hosted runner prints around a job.
pub const TASK_LIFECYCLE: KnownPhase = KnownPhase {
    title: "Task lifecycle",
    other_titles: &[],
    kind: PhaseKind::BuiltIn,
    doc: "phases/task-lifecycle",
    signatures: &[],
    ends: Ends::NONE,
    facts: FactReaders::Nothing,
};

/// Every step, in the order a job usually prints them.
pub const STEPS: &[BuiltInStep] = &[
    job_phase(SPIN_UP),
    job_phase(ENVIRONMENT),
    step(
        ConfigKey {
            key: "checkout",
            args: &["depth", "method", "path", "name"],
            doc: "keys/checkout",
        },
        KnownPhase {
            title: "Checkout code",
            other_titles: &[],
            kind: PhaseKind::BuiltIn,
            doc: "phases/checkout-code",
            signatures: &[
                output("Making checkout directory", &["Making checkout directory"]),
                output("Creating .ssh directory", &["Creating .ssh directory"]),
                output("Writing SSH key for checkout", &[]),
                output("Cloning git repository", &[]),
                output("Using SSH Config Dir", &["Using SSH Config Dir"]),
                script(LineShape::Prefix(
                    "# Workaround old docker images with incorrect $HOME",
                )),
            ],
            ends: Ends {
                success: &["HEAD is now at"],
                failure: &[
                    "error running git clone",
                    "error cloning repository",
                    "Directory (",
                    "fatal: ",
                    "ERROR: Repository not found",
                    "Permission denied (publickey)",
                    "Host key verification failed",
                ],
                skip: &[],
            },
            facts: FactReaders::Checkout,
        },
    ),
    step(
        ConfigKey {
            key: "setup_remote_docker",
            args: &["docker_layer_caching", "version", "name"],
            doc: "keys/setup_remote_docker",
        },
        KnownPhase {
            title: "Setup a remote Docker engine",
            other_titles: &["Setup remote Docker", "Set up a remote Docker engine"],
            kind: PhaseKind::BuiltIn,
            doc: "phases/setup-remote-docker",
            signatures: &[
                output(
                    "Allocating a remote Docker Engine",
                    &["Allocating a remote Docker Engine"],
                ),
                output(
                    "Created container accessible with:",
                    &["Created container accessible with:"],
                ),
                output("Remote Docker engine created", &[]),
            ],
            ends: Ends {
                success: &[
                    "Created container accessible with",
                    "Remote Docker engine created",
                ],
                failure: &[
                    "failed to create host:",
                    "Got error while creating host",
                    "This job has been blocked because",
                ],
                skip: &[],
            },
            facts: FactReaders::RemoteDocker,
        },
    ),
    step(
        ConfigKey {
            key: "attach_workspace",
            args: &["at", "name"],
            doc: "keys/attach_workspace",
        },
        KnownPhase {
            title: "Attaching workspace",
            other_titles: &[],
            kind: PhaseKind::BuiltIn,
            doc: "phases/attaching-workspace",
            signatures: &[
                output(
                    "Downloading workspace layers",
                    &["Downloading workspace layers"],
                ),
                output("Applying workspace layers", &[]),
                output("Error applying workspace layer", &[]),
                output("Concurrent upstream jobs persisted the same file", &[]),
            ],
            ends: Ends {
                success: &["Applying workspace layers"],
                failure: &[
                    "Error applying workspace layer",
                    "Error downloading workspace layer",
                    "Concurrent upstream jobs persisted the same file",
                ],
                skip: &[],
            },
            facts: FactReaders::Workspace,
        },
    ),
    step(
        ConfigKey {
            key: "restore_cache",
            args: &["key", "keys", "name"],
            doc: "keys/restore_cache",
        },
        KnownPhase {
            title: "Restoring cache",
            other_titles: &[],
            kind: PhaseKind::BuiltIn,
            doc: "phases/restoring-cache",
            signatures: &[
                output("Found a cache from build", &["Found a cache from build"]),
                output("No cache is found for key", &["Found a cache from build"]),
                output("Failed to unarchive cache", &[]),
                output("Error untarring cache", &[]),
            ],
            ends: Ends {
                success: &["Unarchiving cache", "No cache is found for key"],
                failure: &[
                    "Error untarring cache",
                    "Failed to unarchive cache",
                    "error computing cache key",
                    "Error downloading archive",
                ],
                skip: &["Skipping cache - error checking storage: not supported"],
            },
            facts: FactReaders::Cache,
        },
    ),
    // The steps of the `circleci/python` orb's `install-packages` command, in the order it runs them.
    job_phase(KnownPhase {
        title: "Link lockfile",
        other_titles: &[],
        kind: PhaseKind::Orb,
        doc: "phases/link-lockfile",
        signatures: &[
            script(LineShape::Prefix("LOCKFILE_PATH=")),
            // `Copying /.../Pipfile.lock to /tmp/cci_pycache/lockfile`.
            script(LineShape::PrefixEnding("Copying ", "cci_pycache/lockfile")),
        ],
        ends: Ends::NONE,
        facts: FactReaders::Commands,
    }),
    job_phase(KnownPhase {
        title: "Save python version",
        other_titles: &[],
        kind: PhaseKind::Orb,
        doc: "phases/save-python-version",
        signatures: &[script(LineShape::Prefix(
            "python --version | cut -d' ' -f2 > /tmp/python-version",
        ))],
        ends: Ends::NONE,
        facts: FactReaders::Commands,
    }),
    job_phase(KnownPhase {
        title: "Move restored cache",
        other_titles: &[],
        kind: PhaseKind::Orb,
        doc: "phases/move-restored-cache",
        signatures: &[
            script(LineShape::Prefix("restore_paths() {")),
            // `Restoring /tmp/cci_pycache/... to /home/...`.
            script(LineShape::PrefixContaining(
                "Restoring ",
                &["cci_pycache/", "_cache/"],
            )),
        ],
        ends: Ends::NONE,
        facts: FactReaders::Commands,
    }),
    job_phase(KnownPhase {
        title: "Install dependencies with pipenv using project Pipfile or inline packages",
        other_titles: &[],
        kind: PhaseKind::Orb,
        doc: "phases/install-dependencies-pipenv",
        signatures: &[
            script(LineShape::Prefix(
                "Installing dependencies from Pipfile.lock",
            )),
            script(LineShape::Exact("pipenv install")),
        ],
        ends: Ends::NONE,
        facts: FactReaders::Commands,
    }),
    job_phase(KnownPhase {
        title: "Copy to cache directory",
        other_titles: &[],
        kind: PhaseKind::Orb,
        doc: "phases/copy-to-cache-directory",
        signatures: &[
            script(LineShape::Prefix("link_paths() {")),
            script(LineShape::Prefix(
                "Cache directory already exists. Skipping",
            )),
        ],
        ends: Ends::NONE,
        facts: FactReaders::Commands,
    }),
    step(
        ConfigKey {
            key: "save_cache",
            args: &["key", "name", "paths", "when"],
            doc: "keys/save_cache",
        },
        KnownPhase {
            title: "Saving cache",
            other_titles: &[],
            kind: PhaseKind::BuiltIn,
            doc: "phases/saving-cache",
            signatures: &[
                output(
                    "Creating cache archive",
                    &["Creating cache archive", "Skipping cache generation"],
                ),
                output(
                    "Skipping cache generation",
                    &["Creating cache archive", "Skipping cache generation"],
                ),
                output("Stored Cache to", &[]),
                output("Uploading cache archive", &[]),
                output("Error uploading archive", &[]),
            ],
            ends: Ends {
                success: &["Stored Cache to", "Total size uploaded"],
                failure: &["Error uploading archive", "error computing cache key"],
                skip: &[
                    "Skipping cache generation, cache already exists",
                    "Skipping cache - error checking storage: not supported",
                ],
            },
            facts: FactReaders::Cache,
        },
    ),
    step(
        ConfigKey {
            key: "persist_to_workspace",
            args: &["name", "paths", "root"],
            doc: "keys/persist_to_workspace",
        },
        KnownPhase {
            title: "Persisting to workspace",
            other_titles: &[],
            kind: PhaseKind::BuiltIn,
            doc: "phases/persisting-to-workspace",
            signatures: &[
                output(
                    "Creating workspace archive",
                    &["Creating workspace archive"],
                ),
                output("Uploading workspace archive", &[]),
                output("Error locating workspace root directory", &[]),
            ],
            ends: Ends {
                success: &["Total size uploaded"],
                failure: &[
                    "Error uploading workspace archive",
                    "Error locating workspace root directory",
                    "The specified paths did not match any files",
                ],
                skip: &[],
            },
            facts: FactReaders::Workspace,
        },
    ),
    step(
        ConfigKey {
            key: "store_artifacts",
            args: &["destination", "name", "path"],
            doc: "keys/store_artifacts",
        },
        KnownPhase {
            title: "Uploading artifacts",
            other_titles: &[],
            kind: PhaseKind::BuiltIn,
            doc: "phases/uploading-artifacts",
            signatures: &[
                output("No artifact files found at", &[]),
                // `persist_to_workspace` prints it too, after its own signature.
                Signature {
                    shape: LineShape::Prefix("Total size uploaded"),
                    restarts_after: &["Total size uploaded"],
                    in_script: false,
                    weak: true,
                },
                // `Uploading /path to destination`, once per `store_artifacts` step.
                Signature {
                    shape: LineShape::PathTo("Uploading "),
                    restarts_after: &["Uploading "],
                    in_script: false,
                    weak: false,
                },
            ],
            ends: Ends {
                success: &["Total size uploaded"],
                failure: &["Error uploading artifact"],
                skip: &["No artifact files found at"],
            },
            facts: FactReaders::Artifacts,
        },
    ),
    step(
        ConfigKey {
            key: "store_test_results",
            args: &["name", "path"],
            doc: "keys/store_test_results",
        },
        KnownPhase {
            title: "Uploading test results",
            other_titles: &[],
            kind: PhaseKind::BuiltIn,
            doc: "phases/uploading-test-results",
            signatures: &[
                output(
                    "Archiving the following test results",
                    &["Archiving the following test results"],
                ),
                output("Found no test results, skipping", &[]),
                output("Unable to save test results from", &[]),
                output("failed uploading test results", &[]),
            ],
            ends: Ends {
                success: &[],
                failure: &["failed uploading test results"],
                skip: &[
                    "Found no test results, skipping",
                    "Error: Found no path with test results, skipping",
                ],
            },
            facts: FactReaders::TestResults,
        },
    ),
    job_phase(TASK_LIFECYCLE),
    config_only(ConfigKey {
        key: "run",
        args: &[
            "auto_rerun_delay",
            "background",
            "command",
            "environment",
            "max_auto_reruns",
            "name",
            "no_output_timeout",
            "shell",
            "when",
            "working_directory",
        ],
        doc: "keys/run",
    }),
    step(
        ConfigKey {
            key: "add_ssh_keys",
            args: &["fingerprints", "name"],
            doc: "keys/add_ssh_keys",
        },
        KnownPhase {
            title: "Installing additional ssh keys",
            other_titles: &["Add SSH keys"],
            kind: PhaseKind::BuiltIn,
            doc: "keys/add_ssh_keys",
            signatures: &[],
            ends: Ends::NONE,
            facts: FactReaders::Nothing,
        },
    ),
    config_only(ConfigKey {
        key: "when",
        args: &["condition", "steps"],
        doc: "keys/when",
    }),
    config_only(ConfigKey {
        key: "unless",
        args: &["condition", "steps"],
        doc: "keys/unless",
    }),
    // Deprecated: a `run` step under another name, with the same keys.
    config_only(ConfigKey {
        key: "deploy",
        args: &[
            "auto_rerun_delay",
            "background",
            "command",
            "environment",
            "max_auto_reruns",
            "name",
            "no_output_timeout",
            "shell",
            "when",
            "working_directory",
        ],
        doc: "keys/run",
    }),
];
