//! Run-step scripts: the shebang line CircleCI prints before a run step's command, and the lines
//! that close a step (its footer).

/// Whether `line` is the shebang CircleCI prints at the top of a run step (`#!/bin/bash -eo
/// pipefail`, `#!/bin/sh`...). A shebang whose `#` a markdown renderer ate (`!/bin/bash`) counts too.
pub(crate) fn is_shebang(line: &str) -> bool {
    let text = line.trim();
    text.starts_with("#!/") || text.starts_with("!/bin/") || text.starts_with("!/usr/bin/")
}

/// The command a run step runs, read from the line after its shebang: CircleCI names an unnamed
/// run step after it.
pub(crate) fn command_title(line: &str) -> String {
    const LONGEST: usize = 120;
    let text = line.trim();
    match text.char_indices().nth(LONGEST) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Whether `line` is one CircleCI prints when a step ends: the exit code, `Success!`, `Step failed`...
pub(crate) fn is_footer(line: &str) -> bool {
    let text = line.trim();
    text.starts_with("Exited with code")
        || text.starts_with("Error: Exited with code")
        || text.starts_with("CircleCI received exit code")
        || matches!(
            text,
            "Success!" | "Step failed" | "Task failed" | "Step canceled" | "Error: task failed"
        )
        || text.starts_with("Error: runner failed")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shebangs() {
        assert!(is_shebang("#!/bin/bash -eo pipefail"));
        assert!(is_shebang("  #!/bin/sh"));
        assert!(is_shebang("!/bin/bash -eo pipefail"));
        assert!(!is_shebang("# a comment"));
        assert!(!is_shebang("bash"));
    }

    #[test]
    fn footers() {
        assert!(is_footer("Exited with code exit status 1"));
        assert!(is_footer("Exited with code 128"));
        assert!(is_footer("CircleCI received exit code 0"));
        assert!(is_footer("Success!"));
        assert!(!is_footer("Successfully installed six"));
    }

    #[test]
    fn long_commands_are_shortened() {
        assert_eq!(command_title("  npm test "), "npm test");
        assert!(command_title(&"x".repeat(300)).ends_with('…'));
    }
}
