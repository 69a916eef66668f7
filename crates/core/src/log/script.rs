//! Run-step scripts: the shebang line CircleCI prints before a run step's command, and the lines
//! that close a step (its footer), and reading a step's lines knowing which are its script.

use super::lines::LogLines;
use super::relay::relayed;

/// The shells a Windows executor names in its shebang, without a path (`#!powershell.exe
/// -ExecutionPolicy Bypass`, `#!bash.exe -eo pipefail`).
const WINDOWS_SHELLS: &[&str] = &["powershell.exe", "pwsh", "bash.exe", "cmd.exe"];

/// Whether `line` is the shebang CircleCI prints at the top of a run step (`#!/bin/bash -eo
/// pipefail`, `#!/bin/sh`, on Windows `#!powershell.exe ...`). A shebang whose `#` a markdown renderer
/// ate (`!/bin/bash`) counts too, and so does the job page's copy of 2018–2020, which printed the step's
/// command as `$ #!/bin/bash -eo pipefail` over its script, indented.
pub(crate) fn is_shebang(line: &str) -> bool {
    let text = line.trim();
    let text = text.strip_prefix("$ ").unwrap_or(text);
    text.starts_with("#!/")
        || text.starts_with("!/bin/")
        || text.starts_with("!/usr/bin/")
        || text.strip_prefix("#!").is_some_and(|shell| {
            WINDOWS_SHELLS
                .iter()
                .any(|name| shell.split_whitespace().next() == Some(*name))
        })
}

/// The command a run step runs, read from the line after its shebang: CircleCI names an unnamed
/// run step after it.
pub(crate) fn command_title(line: &str) -> String {
    const LONGEST: usize = 120;
    crate::text::shorten(line.trim(), LONGEST + 1).into_owned()
}

/// The words a line of shell source starts with: such a line in the script a run step echoes is the
/// script, never its output.
const SHELL_WORDS: &[&str] = &[
    "echo", "printf", "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done",
    "case", "esac", "export", "set", "unset", "local", "function", "return", "exit", "grep", "sed",
    "awk", "test", "[", "[[", "{", "}", "cd", "source", ".", "trap", "eval",
];

/// Whether a line of the script a run step echoes is plainly shell source: a comment, a line that a
/// shell keyword or a text tool starts, a line that goes on below (`\`, `&&`, `|`), an assignment.
/// The output a step prints right under its script, with no blank line between (`circleci local
/// execute` never prints one), is not.
pub(crate) fn is_shell_source(line: &str) -> bool {
    let text = line.trim();
    let first = text.split_whitespace().next().unwrap_or("");
    text.starts_with('#')
        || SHELL_WORDS.contains(&first)
        || text.ends_with('\\')
        || text.ends_with("&&")
        || text.ends_with("||")
        || text.ends_with('|')
        || text.ends_with(';')
        || first.split_once('=').is_some_and(|(name, _)| {
            !name.is_empty()
                && name
                    .bytes()
                    .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_')
        })
}

/// A non-blank line of a step, read in order, and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ReadLine<'a> {
    /// Its index in the log.
    pub(crate) index: usize,
    /// Its text, trimmed.
    pub(crate) text: &'a str,
    /// Where it stands against the script a run step echoes.
    pub(crate) place: Place,
}

/// Where a line stands against the script a run step echoes under its shebang.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Not in a script: output.
    Output,
    /// The first line under the shebang: the command.
    Command,
    /// A later line of the script, before the first blank line (it may be output printed right under
    /// the script, as `circleci local execute` prints it).
    Script,
}

/// The non-blank lines of `range` other than shebangs, each with its [`Place`]: a shebang opens a
/// script, a blank line closes it.
pub(crate) fn read_lines(
    lines: &LogLines,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = ReadLine<'_>> {
    let mut place = Place::Output;
    range.filter_map(move |index| {
        let text = relayed(lines.text(index).trim());
        if text.is_empty() {
            // A blank line right under the shebang opens the script (`#!/bin/bash`, then a blank line,
            // then the command); any other closes it.
            if place != Place::Command {
                place = Place::Output;
            }
            return None;
        }
        if is_shebang(text) {
            place = Place::Command;
            return None;
        }
        let here = place;
        if place == Place::Command {
            place = Place::Script;
        }
        Some(ReadLine {
            index,
            text,
            place: here,
        })
    })
}

/// Whether `line` is one CircleCI prints when a step ends: the exit code, `Success!`, `Step failed`...
pub(crate) fn is_footer(line: &str) -> bool {
    let text = line.trim();
    classic_footer(text).is_some()
        || text.starts_with("Action failed: ")
        || text.starts_with("Exited with code")
        || text.starts_with("Error: Exited with code")
        || text.starts_with("CircleCI received exit code")
        || matches!(
            text,
            "Success!" | "Step failed" | "Task failed" | "Step canceled" | "Error: task failed"
        )
        || text.starts_with("Error: runner failed")
}

/// The command and exit code of the footer CircleCI 1.0 (until 2018) printed under a failed command:
/// `pip install -r requirements.txt returned exit code 1` (then `Action failed: <command>`).
pub(crate) fn classic_footer(line: &str) -> Option<(&str, i32)> {
    let (command, code) = line.trim().rsplit_once(" returned exit code ")?;
    if command.is_empty() || code.is_empty() || !code.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    Some((command, code.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shebangs() {
        assert!(is_shebang("#!/bin/bash -eo pipefail"));
        assert!(is_shebang("  #!/bin/sh"));
        assert!(is_shebang("!/bin/bash -eo pipefail"));
        assert!(is_shebang("$ #!/bin/bash -eo pipefail"));
        assert!(is_shebang("#!powershell.exe -ExecutionPolicy Bypass"));
        assert!(is_shebang("#!bash.exe -eo pipefail"));
        assert!(!is_shebang("# a comment"));
        assert!(!is_shebang("#!important note"));
        assert!(!is_shebang("$ ls"));
        assert!(!is_shebang("bash"));
    }

    #[test]
    fn footers() {
        assert!(is_footer("Exited with code exit status 1"));
        assert!(is_footer("Exited with code 128"));
        assert!(is_footer("CircleCI received exit code 0"));
        assert!(is_footer("Success!"));
        assert!(!is_footer("Successfully installed six"));
        assert!(is_footer(
            "pip install -r requirements.txt returned exit code 1"
        ));
        assert!(is_footer("Action failed: pip install -r requirements.txt"));
        assert_eq!(
            classic_footer("docker build -t app . returned exit code 2"),
            Some(("docker build -t app .", 2))
        );
        assert_eq!(classic_footer("the tool returned exit code 1 twice"), None);
    }

    #[test]
    fn shell_source_and_output() {
        for source in [
            "echo \"error: x\"",
            "  if grep -q FAIL out.txt; then",
            "export A=1",
            "A=1 make",
            "# note",
            "make \\",
            "cd web &&",
        ] {
            assert!(is_shell_source(source), "{source}");
        }
        for output in [
            "--- FAIL: TestX (0.00s)",
            "/bin/bash: line 3: ruff: command not found",
            "Hello World",
            "FAILED tests/a.py::t - x",
        ] {
            assert!(!is_shell_source(output), "{output}");
        }
    }

    #[test]
    fn long_commands_are_shortened() {
        assert_eq!(command_title("  npm test "), "npm test");
        assert!(command_title(&"x".repeat(300)).ends_with('…'));
    }
}
