//! The secrets found in every log and configuration of the shared corpus, against a golden list.
//!
//! `tests/golden/secrets.txt` has one line per secret: `file:line: kind value`. The corpus is public
//! text, so a secret in it is either a real leak by its author or a false positive of ours; the golden
//! file must be read and judged by eye after `UPDATE_EXPECT=1` rewrites it. Masking every corpus file
//! must keep its line count and leave none of the found values in place.

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use pipelens_core::secrets::{find_secrets, mask};
use support::corpus;

/// The corpus files with secrets to look for: every log and configuration, sorted; `None` when the
/// corpus is not on this machine.
fn corpus_files() -> Option<Vec<PathBuf>> {
    let mut files = corpus::files("configs", &[".yml", ".txt", ".json"])?;
    files.extend(corpus::files("logs", &[".yml", ".txt", ".json"])?);
    files.sort();
    Some(files)
}

/// The corpus-relative name of a file (`logs/x.txt`).
fn name(path: &Path) -> String {
    let folder = path
        .parent()
        .and_then(Path::file_name)
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{folder}/{file}")
}

/// A value as the golden file shows it: on one line, cut after 48 characters.
fn shown(value: &str) -> String {
    let one_line = value.replace('\r', "").replace('\n', "⏎");
    let mut chars = one_line.chars();
    let head: String = chars.by_ref().take(48).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[test]
fn corpus_secrets_match_the_golden_list() {
    let Some(files) = corpus_files() else {
        return;
    };
    let present: BTreeSet<String> = files.iter().map(|path| name(path)).collect();
    let mut listing = String::new();
    for path in &files {
        let bytes = std::fs::read(path).expect("a corpus file is readable");
        let text = String::from_utf8_lossy(&bytes);
        let secrets = find_secrets(&text);
        for secret in &secrets {
            listing.push_str(&format!(
                "{}:{}: {} {}\n",
                name(path),
                secret.line,
                secret.kind.id(),
                shown(&text[secret.range.clone()])
            ));
        }
        let masked = mask(&text, &secrets);
        assert_eq!(
            masked.split('\n').count(),
            text.split('\n').count(),
            "masking changed the line count of {}",
            name(path)
        );
        for secret in &secrets {
            let line = masked.split('\n').nth(secret.line - 1).unwrap_or_default();
            let value = &text[secret.range.clone()];
            assert!(
                !line.contains(value),
                "{}:{} still shows its secret after masking",
                name(path),
                secret.line
            );
        }
    }
    let golden = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/secrets.txt"
    ));
    if std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1") {
        std::fs::write(golden, &listing).expect("the golden file is writable");
        return;
    }
    let expected = std::fs::read_to_string(golden)
        .expect("tests/golden/secrets.txt exists (run with UPDATE_EXPECT=1 to create it)");
    // A partial corpus (the files scripts/fetch-corpus.sh can download) is checked against its part of the list.
    let expected: String = expected
        .lines()
        .filter(|line| {
            line.split_once(':')
                .is_some_and(|(file, _)| present.contains(file))
        })
        .map(|line| format!("{line}\n"))
        .collect();
    assert_eq!(
        listing, expected,
        "the secrets found in the corpus changed; review and run with UPDATE_EXPECT=1"
    );
}
