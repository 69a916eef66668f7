//! `docgen`: the build step that turns `content/<lang>/**.md` into what the site fetches.
//!
//! 1. [`load_content`] reads every page of every language and renders it (`pipelens_core::docs::site`).
//! 2. [`validate`] runs every check of `pipelens_core::docs::validate`, the completeness checks against
//!    the doc ids the analysis emits, and checks that each rule page's example report is what the
//!    analyser prints ([`check_rule_examples`]); any problem fails the build.
//! 3. [`write_site`] writes `content/<lang>/<id>.html`, `content/<lang>/index.json`,
//!    `content/<lang>/search.json`, and copies the screenshots to `screenshots/<lang>/<name>.png` (with
//!    their WebP copies) and the diagrams to `diagrams/<lang>/<name>.svg`, where the pages' figures find them.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use pipelens_core::docs::labels::LANGUAGES;
use pipelens_core::docs::render::FigureKind;
use pipelens_core::docs::site::{doc_index, read_page, search_index, DocProblem, SourcePage};
use pipelens_core::docs::typography::fix_french_source;
use pipelens_core::docs::validate::{
    check_diagrams, check_pages, check_required_pages, check_screenshots, screenshot_files,
};
use pipelens_core::log::causes::CauseId;

pub mod image_size;
mod rule_examples;
pub mod training;

pub use rule_examples::check_rule_examples;

/// Every Markdown file under `dir`, as paths relative to it without `.md`, sorted.
fn page_ids(dir: &Path) -> io::Result<Vec<String>> {
    let mut ids = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "md") {
                let relative = path.strip_prefix(dir).unwrap_or(&path).with_extension("");
                let parts: Vec<String> = relative
                    .iter()
                    .map(|part| part.to_string_lossy().into_owned())
                    .collect();
                ids.push(parts.join("/"));
            }
        }
    }
    ids.sort();
    Ok(ids)
}

/// Reads and renders every page of every language under `content_dir`; the problems of pages that cannot
/// be read at all are returned instead.
pub fn load_content(content_dir: &Path) -> Result<Vec<SourcePage>, Vec<DocProblem>> {
    let mut pages = Vec::new();
    let mut problems = Vec::new();
    for lang in LANGUAGES {
        let dir = content_dir.join(lang);
        let ids = page_ids(&dir).map_err(|err| {
            vec![DocProblem {
                file: dir.display().to_string(),
                line: 0,
                message: format!("cannot read the folder: {err}"),
            }]
        })?;
        for id in ids {
            let path = dir.join(format!("{id}.md"));
            let file = path.display().to_string();
            match fs::read_to_string(&path) {
                Ok(source) => match read_page(lang, &id, &file, source) {
                    Ok(page) => pages.push(page),
                    Err(problem) => problems.push(problem),
                },
                Err(err) => problems.push(DocProblem {
                    file,
                    line: 0,
                    message: format!("cannot read the file: {err}"),
                }),
            }
        }
    }
    if problems.is_empty() {
        Ok(pages)
    } else {
        Err(problems)
    }
}

/// Every problem of the documentation: the page checks, the pages the analysis links to, the screenshots
/// in `screenshots_dir` (`public/screenshots`) and the diagrams in `diagrams_dir` (`public/diagrams`).
pub fn validate(
    pages: &[SourcePage],
    screenshots_dir: &Path,
    diagrams_dir: &Path,
) -> Vec<DocProblem> {
    let mut problems = check_pages(pages);
    problems.extend(check_required_pages(
        pages,
        "the phase catalogue",
        pipelens_core::phases::doc_ids(),
    ));
    problems.extend(check_required_pages(
        pages,
        "the config analyser",
        pipelens_core::config::doc_ids(),
    ));
    let causes: Vec<&str> = CauseId::ALL.iter().map(|cause| cause.doc()).collect();
    problems.extend(check_required_pages(
        pages,
        "the failure catalogue",
        causes.iter().copied(),
    ));
    problems.extend(check_index_links(pages, CAUSES_INDEX, &causes));
    problems.extend(check_rule_examples(pages));
    problems.extend(check_screenshots(pages, |lang, file| {
        let path = screenshots_dir.join(lang).join(file);
        fs::read(&path).map_err(|err| format!("cannot read {}: {err}", path.display()))
    }));
    problems.extend(check_diagrams(pages, |lang, name| {
        let path = diagram_path(diagrams_dir, lang, name);
        fs::read_to_string(&path).map_err(|err| format!("cannot read {}: {err}", path.display()))
    }));
    problems
}

/// The page that lists every cause of failure ("Why builds fail").
const CAUSES_INDEX: &str = "causes/index";

/// In every language, the page `index` links to each of `pages`, so that none is left out of it.
fn check_index_links(all: &[SourcePage], index: &str, pages: &[&str]) -> Vec<DocProblem> {
    let mut problems = Vec::new();
    for page in all.iter().filter(|page| page.id == index) {
        for wanted in pages {
            if !page.rendered.links.iter().any(|link| link.page == *wanted) {
                problems.push(DocProblem {
                    file: page.file.clone(),
                    line: 0,
                    message: format!("the list of causes does not link to {wanted:?}"),
                });
            }
        }
    }
    problems
}

/// Where the screenshot `name` of `lang` lives.
pub fn screenshot_path(screenshots_dir: &Path, lang: &str, name: &str) -> PathBuf {
    figure_path(screenshots_dir, FigureKind::Screenshot, lang, name)
}

/// Where the diagram `name` of `lang` lives.
pub fn diagram_path(diagrams_dir: &Path, lang: &str, name: &str) -> PathBuf {
    figure_path(diagrams_dir, FigureKind::Diagram, lang, name)
}

/// Where the figure `name` of `lang` lives in `dir`, the folder of its kind.
fn figure_path(dir: &Path, kind: FigureKind, lang: &str, name: &str) -> PathBuf {
    dir.join(lang).join(format!("{name}.{}", kind.extension()))
}

/// Writes the rendered pages, the index and the search file of every language under `out_dir/content`,
/// and copies the screenshots and diagrams that exist under `out_dir/screenshots` and `out_dir/diagrams`.
pub fn write_site(
    pages: &[SourcePage],
    out_dir: &Path,
    screenshots_dir: &Path,
    diagrams_dir: &Path,
) -> io::Result<()> {
    for lang in LANGUAGES {
        let of_lang: Vec<&SourcePage> = pages.iter().filter(|page| page.lang == lang).collect();
        let dir = out_dir.join("content").join(lang);
        for page in &of_lang {
            let path = dir.join(format!("{}.html", page.id));
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(
                path,
                image_size::with_image_sizes(&page.rendered.html, screenshots_dir, lang),
            )?;
            for (kind, dir) in [
                (FigureKind::Screenshot, screenshots_dir),
                (FigureKind::Diagram, diagrams_dir),
            ] {
                for name in page.rendered.figures(kind) {
                    let from = figure_path(dir, kind, lang, name);
                    if from.is_file() {
                        let to = out_dir.join(kind.path(lang, name));
                        if let Some(parent) = to.parent() {
                            fs::create_dir_all(parent)?;
                        }
                        fs::copy(&from, &to)?;
                        if kind == FigureKind::Screenshot {
                            copy_webp_copies(&from, &to, name)?;
                        }
                    }
                }
            }
        }
        fs::create_dir_all(&dir)?;
        fs::write(dir.join("index.json"), to_json(&doc_index(&of_lang))?)?;
        fs::write(dir.join("search.json"), to_json(&search_index(&of_lang))?)?;
    }
    Ok(())
}

/// Copies the WebP copies of the screenshot `name` (`from`, its PNG) that exist beside it to beside `to`.
fn copy_webp_copies(from: &Path, to: &Path, name: &str) -> io::Result<()> {
    let (Some(from_dir), Some(to_dir)) = (from.parent(), to.parent()) else {
        return Ok(());
    };
    for copy in screenshot_files(name).iter().skip(1) {
        if from_dir.join(copy).is_file() {
            fs::copy(from_dir.join(copy), to_dir.join(copy))?;
        }
    }
    Ok(())
}

/// `value` as compact JSON.
fn to_json(value: &impl serde::Serialize) -> io::Result<String> {
    serde_json::to_string(value).map_err(io::Error::other)
}

/// Rewrites the example report of every rule page under `content_dir` with what the analyser prints;
/// returns the files changed.
pub fn fix_rule_examples(content_dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut changed = Vec::new();
    for lang in LANGUAGES {
        let dir = content_dir.join(lang);
        for id in page_ids(&dir)? {
            let Some((rule, page_lang)) = rule_examples::rule_page(lang, &id) else {
                continue;
            };
            let path = dir.join(format!("{id}.md"));
            let source = fs::read_to_string(&path)?;
            if let Some(fixed) = rule_examples::fixed_example(&source, &rule, page_lang) {
                fs::write(&path, fixed)?;
                changed.push(path);
            }
        }
    }
    Ok(changed)
}

/// Rewrites every French page under `content_dir/fr` with French typography in its prose; returns the
/// files changed.
pub fn fix_french_files(content_dir: &Path) -> io::Result<Vec<PathBuf>> {
    let dir = content_dir.join("fr");
    let mut changed = Vec::new();
    for id in page_ids(&dir)? {
        let path = dir.join(format!("{id}.md"));
        let source = fs::read_to_string(&path)?;
        let fixed = fix_french_source(&source);
        if fixed != source {
            fs::write(&path, fixed)?;
            changed.push(path);
        }
    }
    Ok(changed)
}
