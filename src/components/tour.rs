//! The guided tour of the seed pipeline: its steps, and the log and config it walks.

pub(crate) mod config;
pub(crate) mod log;
pub(crate) mod steps;
