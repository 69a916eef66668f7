//! Notes about the text as a whole: empty, a config file rather than a log, cut in the middle.

use super::lines::LogLines;
use super::script::{is_footer, is_shebang};
use super::titles::{find_known_title, split_skipped};

/// Whether every line is blank.
pub(crate) fn is_blank(lines: &LogLines) -> bool {
    lines.iter().all(|line| line.trim().is_empty())
}

/// Whether the text is a `.circleci/config.yml`: a top-level `version:` and `jobs:` or `workflows:`.
pub(crate) fn looks_like_config(lines: &LogLines) -> bool {
    let mut version = false;
    let mut jobs = false;
    for line in lines.iter().take(20_000) {
        version |= line.starts_with("version:");
        jobs |= line.starts_with("jobs:") || line.starts_with("workflows:");
        if version && jobs {
            return true;
        }
    }
    false
}

/// Whether `text` reads as a CircleCI build log rather than a configuration: among its first lines, at
/// least two that only a log prints (a step's title, a run step's shebang, an exit footer, a `====>>`
/// header, the build agent's version), and no top-level `version:` with `jobs:` or `workflows:`.
pub fn looks_like_log(text: &str) -> bool {
    const LINES_READ: usize = 500;
    let mut end = text.len().min(LINES_READ * 200);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let lines = LogLines::render(&text[..end]);
    if looks_like_config(&lines) {
        return false;
    }
    let signals = lines
        .iter()
        .take(LINES_READ)
        .map(str::trim)
        .filter(|line| {
            let title = line
                .trim_start_matches("====>> ")
                .trim_matches(['*', '#', ' ']);
            is_shebang(line)
                || is_footer(line)
                || line.starts_with("====>> ")
                || line.starts_with("Build-agent version")
                || find_known_title(split_skipped(title).0).is_some()
        })
        .take(2)
        .count();
    signals == 2
}

/// Sentences CircleCI prints whole: a line that is only their beginning was cut.
const WHOLE_SENTENCES: &[&str] = &[
    "The redacted variables listed above will be masked in run step output.",
    "Using build environment variables:",
    "Exited with code exit status",
    "CircleCI received exit code",
    "Time to upload agent and config:",
    "Time to start containers:",
];

/// The 1-based number of the last non-blank line when it looks cut in the middle: it stops inside
/// quotes or brackets, or midway through a sentence CircleCI always prints whole.
pub(crate) fn cut_last_line(lines: &LogLines) -> Option<usize> {
    let index = (0..lines.len())
        .rev()
        .find(|&index| !lines.text(index).trim().is_empty())?;
    let last = lines.text(index).trim();
    let count = |character: char| last.chars().filter(|&found| found == character).count();
    let unbalanced = count('"') % 2 == 1
        || count('(') > count(')')
        || count('[') > count(']')
        || count('{') > count('}');
    let partial_sentence = WHOLE_SENTENCES.iter().any(|sentence| {
        last.len() >= 12 && last.len() < sentence.len() && sentence.starts_with(last)
    });
    let last_word = last.rsplit(' ').next().unwrap_or("");
    let partial_exit_status = last.ends_with(&format!("exit {last_word}"))
        && last_word != "status"
        && "status".starts_with(last_word);
    (unbalanced || partial_sentence || partial_exit_status).then_some(index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(input: &str) -> Option<usize> {
        cut_last_line(&LogLines::render(input))
    }

    #[test]
    fn cut_lines() {
        assert_eq!(cut("a\nThe redacted variables listed above w"), Some(2));
        assert_eq!(cut("Error untarring cache: exit s"), Some(1));
        assert_eq!(cut("{\"msg\":\"step start\",\"path\":\""), Some(1));
        assert_eq!(cut("a complete line"), None);
        assert_eq!(cut("The redacted variables listed above w\n\n"), Some(1));
        assert_eq!(
            cut("The redacted variables listed above will be masked in run step output.\n"),
            None
        );
    }

    #[test]
    fn logs_are_told_from_configs() {
        assert!(looks_like_log(
            "Spin up environment\nBuild-agent version 1.0\n"
        ));
        assert!(looks_like_log(
            "#!/bin/bash -eo pipefail\nnpm test\nExited with code exit status 1\n"
        ));
        assert!(!looks_like_log(
            "version: 2.1\njobs:\n  build:\n    steps:\n      - checkout\n      - run: npm test\n"
        ));
        assert!(!looks_like_log("just: yaml\nwith: values\n"));
        assert!(!looks_like_log("Checkout code\n"));
        // A long text is read from its start, cut between characters.
        assert!(!looks_like_log(&"é".repeat(200_000)));
    }

    #[test]
    fn configs() {
        assert!(looks_like_config(&LogLines::render(
            "# comment\nversion: 2.1\njobs:\n  build:\n"
        )));
        assert!(!looks_like_config(&LogLines::render(
            "version: 2.1\nBuild-agent version\n"
        )));
    }
}
