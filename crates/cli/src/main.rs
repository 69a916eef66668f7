//! `pipelens`: the command-line front end of Pipeline Lens.

use std::process::ExitCode;

const USAGE: &str = "usage: pipelens phases";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("phases") => {
            for phase in pipelens_core::phases::KNOWN_PHASES {
                println!("{:<75} {}", phase.title, phase.doc);
            }
            ExitCode::SUCCESS
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
