//! `pipelens`: the command-line front end of Pipeline Lens.
//!
//! `pipelens log FILE [--json]` explains a build log, `pipelens config FILE [--json] [--explain LINE:COL]
//! [--processed [--param NAME=VALUE]...]`
//! a configuration (or the part of it written at LINE:COL);
//! `-` reads standard input.

mod config_command;
mod input;
mod log_command;
mod output;
mod processed_output;

use std::process::ExitCode;

const USAGE: &str = "usage: pipelens log FILE [--json]\n       pipelens config FILE [--json] [--explain LINE:COL] [--processed [--param NAME=VALUE]...]\n       pipelens phases\n\nFILE may be - to read standard input.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => return usage_error(),
    };
    match command {
        "log" => log_command::run(rest),
        "config" => config_command::run(rest),
        "phases" => {
            let table: String = pipelens_core::phases::known_phases()
                .map(|phase| format!("{:<75} {}\n", phase.title, phase.doc))
                .collect();
            output::write_out(&table);
            ExitCode::SUCCESS
        }
        "-h" | "--help" | "help" => {
            output::write_out(&format!("{USAGE}\n"));
            ExitCode::SUCCESS
        }
        _ => usage_error(),
    }
}

/// Prints the usage on standard error and returns the exit code for a misuse.
fn usage_error() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}
