//! The colours of the config view: the core's YAML highlighter ([`pipelens_core::highlight`]), whose
//! tokens run across line breaks, cut into the tokens of each line.

use std::ops::Range;

use pipelens_core::highlight::{highlight, Language, TokenKind};

/// The CSS class of a token (`tok-plain` for text without a colour).
pub(crate) fn token_class(kind: TokenKind) -> &'static str {
    kind.css_class().unwrap_or("tok-plain")
}

/// The tokens of each of `lines` (the lines of `text` without their line breaks, a `\r` before `\n`
/// dropped), as byte ranges of the line that cover it entirely.
pub(crate) fn tokenize(text: &str, lines: &[&str]) -> Vec<Vec<(Range<usize>, TokenKind)>> {
    let mut out: Vec<Vec<(Range<usize>, TokenKind)>> = vec![Vec::new(); lines.len()];
    let mut line = 0;
    let mut line_start = 0;
    let mut at = 0;
    let mut add = |line: usize, range: Range<usize>, kind: TokenKind| {
        let Some(length) = lines.get(line).map(|text| text.len()) else {
            return;
        };
        let range = range.start.min(length)..range.end.min(length);
        if range.start < range.end {
            out[line].push((range, kind));
        }
    };
    for token in highlight(Language::Yaml, text) {
        let end = at + token.text.len();
        let mut piece_start = at;
        for (offset, _) in token.text.match_indices('\n') {
            let line_end = at + offset;
            add(
                line,
                piece_start - line_start..line_end - line_start,
                token.kind,
            );
            line += 1;
            line_start = line_end + 1;
            piece_start = line_start;
        }
        add(line, piece_start - line_start..end - line_start, token.kind);
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each coloured token of each line as `class:text`.
    fn show(text: &str) -> Vec<Vec<String>> {
        let lines: Vec<&str> = text.lines().collect();
        tokenize(text, &lines)
            .iter()
            .zip(&lines)
            .map(|(tokens, line)| {
                tokens
                    .iter()
                    .filter(|(_, kind)| *kind != TokenKind::Plain)
                    .map(|(range, kind)| {
                        format!("{}:{}", &token_class(*kind)[4..], &line[range.clone()])
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn tokens_across_line_breaks_are_cut_per_line() {
        let shown = show("run:\r\n  command: |\r\n    echo a\r\n    echo b\r\nname: x # note\r\n");
        assert_eq!(shown[1], vec!["key:command"]);
        assert_eq!(shown[2], vec!["string:    echo a"]);
        assert_eq!(shown[3], vec!["string:    echo b"]);
        assert_eq!(shown[4], vec!["key:name", "comment:# note"]);
    }

    #[test]
    fn every_line_of_every_sample_config_is_covered_without_gaps() {
        // The fixtures of the core's tests, and the real-world corpus when it is on this machine.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let corpus = std::env::var_os("PIPELENS_CORPUS")
            .map_or_else(|| root.join("../shared/corpus"), Into::into);
        let mut files: Vec<std::path::PathBuf> = [
            root.join("crates/core/tests/fixtures/configs"),
            corpus.join("configs"),
        ]
        .iter()
        .filter_map(|dir| std::fs::read_dir(dir).ok())
        .flatten()
        .map(|entry| entry.expect("a readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yml"))
        .collect();
        files.push(root.join("samples/seed-config.yml"));
        assert!(files.len() > 14, "the fixtures hold the configs");
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a readable config");
            let lines: Vec<&str> = text.lines().collect();
            let tokens = tokenize(&text, &lines);
            assert_eq!(tokens.len(), lines.len());
            for (tokens, line) in tokens.iter().zip(&lines) {
                let mut at = 0;
                for (range, _) in tokens {
                    assert_eq!(range.start, at, "gap in {line:?} of {file:?}");
                    at = range.end;
                }
                assert_eq!(at, line.len(), "uncovered end of {line:?} of {file:?}");
            }
        }
    }
}
