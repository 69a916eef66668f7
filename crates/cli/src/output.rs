//! Writing to standard output without panicking when the reader goes away (`pipelens log x | head`).

use std::io::{ErrorKind, Write};

/// Writes `text` to standard output. A closed pipe ends the program quietly with success, as `cat`
/// does under `head`; another error is reported on standard error.
pub(crate) fn write_out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
    match written {
        Ok(()) => {}
        Err(error) if error.kind() == ErrorKind::BrokenPipe => std::process::exit(0),
        Err(error) => eprintln!("pipelens: cannot write the output: {error}"),
    }
}
