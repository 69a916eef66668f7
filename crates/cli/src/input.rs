//! Reading the file named on the command line, or standard input for `-`.

use std::io::Read;

/// The arguments every subcommand takes: one input path and an optional `--json`.
pub(crate) struct InputArgs {
    /// The path to read, `-` for standard input.
    pub(crate) path: String,
    /// Whether to print JSON instead of the readable report.
    pub(crate) json: bool,
}

impl InputArgs {
    /// Parses `FILE [--json]` in any order; `None` when the arguments do not fit.
    pub(crate) fn parse(args: &[String]) -> Option<Self> {
        let mut path = None;
        let mut json = false;
        for arg in args {
            match arg.as_str() {
                "--json" => json = true,
                other if path.is_none() => path = Some(other.to_owned()),
                _ => return None,
            }
        }
        Some(Self { path: path?, json })
    }

    /// Reads the whole input as text; invalid UTF-8 is replaced, never an error.
    pub(crate) fn read(&self) -> std::io::Result<String> {
        let mut bytes = Vec::new();
        if self.path == "-" {
            std::io::stdin().read_to_end(&mut bytes)?;
        } else {
            bytes = std::fs::read(&self.path)?;
        }
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}
