//! The seed pipeline's files, compiled into the app: the example log, the example configuration and the
//! configuration of the job that printed the log (the tour walks the two together).

/// The seed pipeline's full job log, behind the "Load the example" button and `?example=seed`.
pub(crate) const SEED_LOG: &str = include_str!("../samples/seed-build-and-test.log");

/// The seed pipeline's whole configuration, behind the config explainer's "Load the example" button.
pub(crate) const SEED_CONFIG: &str = include_str!("../samples/seed-config.yml");

/// The configuration of the job that printed [`SEED_LOG`] (also behind the config explainer's second
/// example button, so that the two examples, opened together, link each phase to its step).
pub(crate) const SEED_JOB_CONFIG: &str = include_str!("../samples/seed-build-and-test.config.yml");
