//! Where the real-world corpus is, for the tests that read it.
//!
//! The corpus (public CircleCI logs and configurations, listed with their origin in
//! `corpus-manifest.tsv`) does not live in the repository. It is read from `$PIPELENS_CORPUS`, else
//! from `../shared/corpus` beside the repository. When it is missing, a test that needs it says so in
//! one line and passes: the hand-written fixtures under `tests/fixtures` still run. When
//! `$PIPELENS_CORPUS` is set, the corpus must be there: CI sets it so that these tests always run.

#![allow(dead_code)] // Each test binary uses part of this module.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Once;

/// The root of the repository.
fn repository() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The corpus folder, or `None` (after one line on the terminal) when it is not on this machine.
pub(crate) fn root() -> Option<PathBuf> {
    if let Some(configured) = std::env::var_os("PIPELENS_CORPUS") {
        let configured = PathBuf::from(configured);
        assert!(
            configured.is_dir(),
            "PIPELENS_CORPUS is {}, which is not a folder: run scripts/fetch-corpus.sh {} first",
            configured.display(),
            configured.display()
        );
        return Some(configured);
    }
    let beside = repository().join("../shared/corpus");
    if beside.is_dir() {
        return Some(beside);
    }
    static SAID: Once = Once::new();
    SAID.call_once(|| {
        // Written to the terminal itself, not through the test harness, which hides what passing tests print.
        let _ = writeln!(
            std::io::stderr(),
            "skipped: the real-world corpus is not here, so the tests over it did not run (the fixtures did); \
             get it with `scripts/fetch-corpus.sh` and set PIPELENS_CORPUS to its folder"
        );
    });
    None
}

/// The files of a corpus folder (`logs`, `configs`) whose names end with one of `extensions`, sorted;
/// `None` when the corpus is missing.
pub(crate) fn files(folder: &str, extensions: &[&str]) -> Option<Vec<PathBuf>> {
    let dir = root()?.join(folder);
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("the corpus has no readable {}: {error}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| extensions.iter().any(|extension| name.ends_with(extension)))
        })
        .collect();
    files.sort();
    Some(files)
}

/// The text of one corpus file (`logs/x.txt`), or `None`, after one line on the terminal, when the
/// corpus or that file is missing (half of the corpus is excerpts of issue threads, which
/// `scripts/fetch-corpus.sh` cannot download).
pub(crate) fn text(relative: &str) -> Option<String> {
    let path = root()?.join(relative);
    match std::fs::read(&path) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(error) => {
            let _ = writeln!(
                std::io::stderr(),
                "skipped: the corpus file {} cannot be read ({error}); its tests did not run",
                path.display()
            );
            None
        }
    }
}

/// Every file `corpus-manifest.tsv` lists (`logs/x.txt`, `configs/y.yml`): a golden file must belong to
/// one of them, even when the corpus on this machine is partial.
pub(crate) fn manifest() -> BTreeSet<String> {
    let path = repository().join("corpus-manifest.tsv");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    text.lines()
        .skip(1)
        .filter_map(|line| line.split('\t').next())
        .filter(|file| !file.is_empty())
        .map(str::to_owned)
        .collect()
}
