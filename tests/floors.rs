//! The floors of the web app: each file of `src/` imports only from the floors below its own, or from its
//! own folder (ARCHITECTURE.md, "The floors of the web app").
//!
//! Every `crate::` path of a file (in `use` lines and in the code) and every `super::` path is read; the
//! module it names gets its floor from [`FLOORS`] (the longest prefix wins), and a path to a higher floor,
//! or to another folder of the same floor, is an error.

use std::fs;
use std::path::{Path, PathBuf};

/// The floors, from the bottom; a module belongs to the floor of the longest prefix that names it.
const FLOORS: &[(&str, usize)] = &[
    ("i18n", 0),
    ("format", 1),
    ("routes", 2),
    ("samples", 2),
    ("services", 3),
    ("state", 4),
    ("wording", 5),
    ("report", 6),
    ("components::common", 7),
    ("components::log", 8),
    ("components::config", 8),
    ("components::docs", 8),
    ("components::share", 8),
    ("components::tour", 9),
    ("pages", 10),
    ("app", 11),
];

/// The module path of a file (`src/components/log/view.rs` → `components::log::view`).
fn module_of(root: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(root).expect("a file under src");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" {
        parts.push(stem.to_owned());
    }
    parts.join("::")
}

/// The floor of a module and the folder that counts for it (its floor's prefix).
fn floor_of(module: &str) -> Option<(usize, &'static str)> {
    FLOORS
        .iter()
        .filter(|(prefix, _)| module == *prefix || module.starts_with(&format!("{prefix}::")))
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|(prefix, floor)| (*floor, *prefix))
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).expect("a readable folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The module paths a file names: `crate::a::b` anywhere, and `super::x` resolved against the file's
/// module. Only the path's module part matters here, so an item name at its end is harmless.
fn named_modules(module: &str, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let code: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let path_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':';
    for (start, _) in code.match_indices("crate::") {
        let rest = &code[start + "crate::".len()..];
        let path: String = rest.chars().take_while(|c| path_char(*c)).collect();
        found.push(path.trim_end_matches(':').to_owned());
    }
    let parent = module.rsplit_once("::").map_or("", |(parent, _)| parent);
    for (start, _) in code.match_indices("super::") {
        if code[..start].ends_with("::") || code[..start].ends_with("crate") {
            continue;
        }
        let rest = &code[start + "super::".len()..];
        let path: String = rest.chars().take_while(|c| path_char(*c)).collect();
        let path = path.trim_end_matches(':');
        // In a file's own `mod tests`, `super::` is the file itself.
        let base = if path == "*" || path.is_empty() {
            continue;
        } else {
            parent
        };
        found.push(if base.is_empty() {
            path.to_owned()
        } else {
            format!("{base}::{path}")
        });
    }
    found
}

#[test]
fn every_file_imports_only_from_lower_floors_or_its_own_folder() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    let mut problems = Vec::new();
    let mut files = 0;
    for file in rust_files(root) {
        let module = module_of(root, &file);
        if module == "main" || !module.contains("::") && floor_of(&module).is_none() {
            // `main.rs` mounts the app; a module file (`components.rs`) only declares its children.
            continue;
        }
        files += 1;
        let Some((floor, folder)) = floor_of(&module) else {
            problems.push(format!("{module}: no floor (add it to FLOORS)"));
            continue;
        };
        let text = fs::read_to_string(&file).expect("a readable file");
        for named in named_modules(&module, &text) {
            let Some((other_floor, other_folder)) = floor_of(&named) else {
                continue;
            };
            let climbs = other_floor > floor;
            let sideways = other_floor == floor && other_folder != folder;
            if climbs || sideways {
                problems.push(format!(
                    "{module} (floor {floor}) uses {named} (floor {other_floor})"
                ));
            }
        }
    }
    assert!(files > 60, "only {files} files read");
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn a_climbing_import_is_caught() {
    let named = named_modules(
        "components::log::view",
        "use crate::pages::log::LogPage;\nuse super::rows::LogLineRow;\n// crate::app in a comment\n",
    );
    assert_eq!(
        named,
        ["pages::log::LogPage", "components::log::rows::LogLineRow"]
    );
    assert_eq!(floor_of("pages::log::LogPage"), Some((10, "pages")));
    assert_eq!(
        floor_of("components::log::rows"),
        Some((8, "components::log"))
    );
    assert_eq!(
        floor_of("components::common::sentence"),
        Some((7, "components::common"))
    );
}
