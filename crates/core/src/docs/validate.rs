//! The checks that make the documentation complete and consistent; `docgen` fails the build on any.
//!
//! 1. [`check_pages`]: each page renders as meant (headings with ids, supported links, screenshots in their
//!    own paragraph), every `doc:` link reaches an existing page and section, French prose follows French
//!    typography, and every language has the same pages with the same sections, screenshots and `explains`.
//! 2. [`check_required_pages`]: every doc id the analysis can emit has a page in every language.
//! 3. [`check_screenshots`]: every screenshot named exists and is a valid PNG.

use std::collections::{BTreeMap, BTreeSet};

use super::labels::LANGUAGES;
use super::site::{DocProblem, SourcePage};
use super::typography::french_mistakes;

/// The pages of `lang`, by id.
fn pages_of<'a>(pages: &'a [SourcePage], lang: &str) -> BTreeMap<&'a str, &'a SourcePage> {
    pages
        .iter()
        .filter(|page| page.lang == lang)
        .map(|page| (page.id.as_str(), page))
        .collect()
}

/// Runs the checks of step 1 over the pages of every language.
pub fn check_pages(pages: &[SourcePage]) -> Vec<DocProblem> {
    let mut problems = Vec::new();
    for page in pages {
        check_rendering(page, &mut problems);
        check_links(page, &pages_of(pages, &page.lang), &mut problems);
        if page.lang == "fr" {
            check_french(page, &mut problems);
        }
    }
    let reference = pages_of(pages, LANGUAGES[0]);
    for lang in &LANGUAGES[1..] {
        check_same_pages(&reference, &pages_of(pages, lang), &mut problems);
    }
    problems
}

/// What the renderer could not render as meant, and sections that repeat an id.
fn check_rendering(page: &SourcePage, problems: &mut Vec<DocProblem>) {
    use super::render::RenderProblem;
    for problem in &page.rendered.problems {
        problems.push(match problem {
            RenderProblem::HeadingWithoutId { title, offset } => {
                page.problem_at(*offset, format!("heading {title:?} has no {{#id}}"))
            }
            RenderProblem::UnsupportedLink { dest, offset } => page.problem_at(
                *offset,
                format!("link {dest:?} is neither doc: nor https://"),
            ),
            RenderProblem::MisplacedScreenshot { name, offset } => page.problem_at(
                *offset,
                format!("screenshot {name:?} must be alone in its paragraph, with an alt text"),
            ),
        });
    }
    let mut seen = BTreeSet::new();
    for section in &page.rendered.sections {
        if !seen.insert(section.id.as_str()) {
            problems.push(page.problem_at(0, format!("section id {:?} is used twice", section.id)));
        }
        let kebab = section
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !kebab || section.id.is_empty() {
            problems.push(page.problem_at(
                0,
                format!(
                    "section id {:?} is not lowercase kebab-case ASCII",
                    section.id
                ),
            ));
        }
    }
}

/// Every `doc:` link of `page` must reach a page of its language and, if it names one, a section of it.
fn check_links(
    page: &SourcePage,
    same_lang: &BTreeMap<&str, &SourcePage>,
    problems: &mut Vec<DocProblem>,
) {
    for link in &page.rendered.links {
        let Some(target) = same_lang.get(link.page.as_str()) else {
            problems.push(
                page.problem_at(link.offset, format!("link to missing page {:?}", link.page)),
            );
            continue;
        };
        if let Some(anchor) = &link.anchor {
            if !target
                .rendered
                .sections
                .iter()
                .any(|section| &section.id == anchor)
            {
                problems.push(page.problem_at(
                    link.offset,
                    format!("link to missing section {:?} of {:?}", anchor, link.page),
                ));
            }
        }
    }
}

/// French typography in the prose of the body and in the title and summary.
fn check_french(page: &SourcePage, problems: &mut Vec<DocProblem>) {
    for (field, text) in [
        ("title", &page.front.title),
        ("summary", &page.front.summary),
    ] {
        for (_, mistake) in french_mistakes(text) {
            problems.push(DocProblem {
                file: page.file.clone(),
                line: 1,
                message: format!("front matter {field}: {mistake}"),
            });
        }
    }
    for prose in &page.rendered.prose {
        for (at, mistake) in french_mistakes(&prose.text) {
            let context: String = prose.text[..at]
                .chars()
                .rev()
                .take(20)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            problems.push(page.problem_at(prose.offset, format!("{mistake} (after {context:?})")));
        }
    }
}

/// Both languages have the same pages, and each page the same sections, screenshots and `explains`.
fn check_same_pages(
    reference: &BTreeMap<&str, &SourcePage>,
    other: &BTreeMap<&str, &SourcePage>,
    problems: &mut Vec<DocProblem>,
) {
    for (id, page) in reference {
        let Some(twin) = other.get(id) else {
            problems.push(DocProblem {
                file: page.file.clone(),
                line: 0,
                message: format!("page {id:?} has no translation"),
            });
            continue;
        };
        let ids = |page: &SourcePage| {
            page.rendered
                .sections
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        };
        if ids(page) != ids(twin) {
            problems.push(DocProblem {
                file: twin.file.clone(),
                line: 0,
                message: format!(
                    "sections {:?} differ from {:?} in {}",
                    ids(twin),
                    ids(page),
                    page.file
                ),
            });
        }
        if page.rendered.screenshots != twin.rendered.screenshots {
            problems.push(DocProblem {
                file: twin.file.clone(),
                line: 0,
                message: format!(
                    "screenshots {:?} differ from {:?} in {}",
                    twin.rendered.screenshots, page.rendered.screenshots, page.file
                ),
            });
        }
        if page.front.explains != twin.front.explains {
            problems.push(DocProblem {
                file: twin.file.clone(),
                line: 1,
                message: format!("explains differs from {}", page.file),
            });
        }
    }
    for (id, page) in other {
        if !reference.contains_key(id) {
            problems.push(DocProblem {
                file: page.file.clone(),
                line: 0,
                message: format!("page {id:?} exists only in {}", page.lang),
            });
        }
    }
}

/// Every id of `required` must be a page in every language; `origin` says who needs it.
pub fn check_required_pages<'a>(
    pages: &[SourcePage],
    origin: &str,
    required: impl IntoIterator<Item = &'a str>,
) -> Vec<DocProblem> {
    let mut problems = Vec::new();
    for id in required {
        for lang in LANGUAGES {
            if !pages.iter().any(|page| page.lang == lang && page.id == id) {
                problems.push(DocProblem {
                    file: format!("content/{lang}/{id}.md"),
                    line: 0,
                    message: format!("missing page: {origin} links to {id:?}"),
                });
            }
        }
    }
    problems
}

/// Every screenshot a page shows must be a valid PNG; `read(lang, name)` gives the bytes of
/// `public/screenshots/<lang>/<name>.png`, or the reason it cannot.
pub fn check_screenshots(
    pages: &[SourcePage],
    read: impl Fn(&str, &str) -> Result<Vec<u8>, String>,
) -> Vec<DocProblem> {
    let mut problems = Vec::new();
    let mut checked = BTreeSet::new();
    for page in pages {
        for name in &page.rendered.screenshots {
            if !checked.insert((page.lang.as_str(), name.as_str())) {
                continue;
            }
            let file = format!("public/screenshots/{}/{name}.png", page.lang);
            let verdict = read(&page.lang, name).and_then(|bytes| check_png(&bytes).map(|_| ()));
            if let Err(reason) = verdict {
                problems.push(DocProblem {
                    file: page.file.clone(),
                    line: 0,
                    message: format!("screenshot {file}: {reason}"),
                });
            }
        }
    }
    problems
}

/// The PNG signature.
const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];

/// The width and height of a PNG, after checking its signature and its `IHDR` chunk (length 13, first,
/// non-zero size, a known bit depth and colour type).
pub fn check_png(bytes: &[u8]) -> Result<(u32, u32), String> {
    if bytes.get(..8) != Some(&PNG_SIGNATURE[..]) {
        return Err("not a PNG (bad signature)".to_owned());
    }
    let header = bytes.get(8..33).ok_or("truncated PNG (no IHDR chunk)")?;
    let be = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    if be(0) != 13 || &header[4..8] != b"IHDR" {
        return Err("the first chunk is not a 13-byte IHDR".to_owned());
    }
    let (width, height, depth, colour) = (be(8), be(12), header[16], header[17]);
    if width == 0 || height == 0 {
        return Err(format!("empty image ({width}x{height})"));
    }
    let valid_depth = match colour {
        0 => matches!(depth, 1 | 2 | 4 | 8 | 16),
        3 => matches!(depth, 1 | 2 | 4 | 8),
        2 | 4 | 6 => matches!(depth, 8 | 16),
        _ => false,
    };
    if !valid_depth {
        return Err(format!(
            "invalid bit depth {depth} for colour type {colour}"
        ));
    }
    Ok((width, height))
}
