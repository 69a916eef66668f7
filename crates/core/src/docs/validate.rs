//! The checks that make the documentation complete and consistent; `docgen` fails the build on any.
//!
//! 1. [`check_pages`]: each page renders as meant (headings with ids, supported links, screenshots and
//!    diagrams in their own paragraph), every `doc:` link reaches an existing page and section, French prose
//!    follows French typography, and every language has the same pages with the same sections, screenshots,
//!    diagrams and `explains`.
//! 2. [`check_required_pages`]: every doc id the analysis can emit has a page in every language.
//! 3. [`check_screenshots`]: every screenshot named exists and is a valid PNG at least
//!    [`MIN_SCREENSHOT_WIDTH`] pixels wide, with its WebP copies.
//! 4. [`check_diagrams`]: every diagram named exists and is an SVG that stands alone and scales
//!    ([`check_svg`]).

use std::collections::{BTreeMap, BTreeSet};

pub use super::images::{check_png, check_webp};
use super::labels::LANGUAGES;
use super::render::{FigureKind, DIAGRAM_WIDTH};
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
            RenderProblem::MisplacedFigure { kind, name, offset } => page.problem_at(
                *offset,
                format!(
                    "{} {name:?} must be alone in its paragraph, with an alt text",
                    kind.word()
                ),
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

/// Both languages have the same pages, and each page the same sections, screenshots, diagrams and
/// `explains`.
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
        for kind in FigureKind::ALL {
            let (mine, theirs) = (page.rendered.figures(kind), twin.rendered.figures(kind));
            if mine != theirs {
                problems.push(DocProblem {
                    file: twin.file.clone(),
                    line: 0,
                    message: format!(
                        "{}s {theirs:?} differ from {mine:?} in {}",
                        kind.word(),
                        page.file
                    ),
                });
            }
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

/// The narrowest screenshot accepted, in pixels. At 735 pixels the long lines of the sample log (a cache key,
/// a pull's statistics) were cut off; `scripts/screenshots.mjs` takes them 1,050 pixels wide, lines wrapped.
pub const MIN_SCREENSHOT_WIDTH: u32 = 1000;

/// The width, in pixels, of the smaller WebP copy of every screenshot (`<name>-700.webp`), which a phone
/// fetches instead of the PNG (`srcset`): about a phone's article at 1.75 device pixels per CSS pixel.
pub const SMALL_SCREENSHOT_WIDTH: u32 = 700;

/// The files of the screenshot `name` in its language's folder: the PNG, taken by `scripts/screenshots.mjs`
/// and offered for download; its WebP copy at the same size; and its WebP copy
/// [`SMALL_SCREENSHOT_WIDTH`] pixels wide.
pub fn screenshot_files(name: &str) -> [String; 3] {
    [
        format!("{name}.png"),
        format!("{name}.webp"),
        format!("{name}-{SMALL_SCREENSHOT_WIDTH}.webp"),
    ]
}

/// Every screenshot a page shows must be a valid PNG at least [`MIN_SCREENSHOT_WIDTH`] pixels wide, with
/// its two WebP copies ([`screenshot_files`]) of its own shape: a copy left from an earlier capture is
/// found by its size. `read(lang, file)` gives the bytes of `public/screenshots/<lang>/<file>`, or the
/// reason it cannot.
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
            let [png, full, small] = screenshot_files(name);
            let mut problem = |file: &str, reason: String| {
                problems.push(DocProblem {
                    file: page.file.clone(),
                    line: 0,
                    message: format!(
                        "screenshot public/screenshots/{}/{file}: {reason}",
                        page.lang
                    ),
                });
            };
            let size = read(&page.lang, &png).and_then(|bytes| check_png(&bytes));
            let (width, height) = match size {
                Ok((width, _)) if width < MIN_SCREENSHOT_WIDTH => {
                    problem(&png, format!(
                        "{width} pixels wide, at least {MIN_SCREENSHOT_WIDTH} wanted: take it again with scripts/screenshots.mjs"
                    ));
                    continue;
                }
                Ok(size) => size,
                Err(reason) => {
                    problem(&png, reason);
                    continue;
                }
            };
            let small_height = (u64::from(height) * u64::from(SMALL_SCREENSHOT_WIDTH)
                + u64::from(width) / 2)
                / u64::from(width);
            for (file, wanted) in [
                (&full, (width, height)),
                (&small, (SMALL_SCREENSHOT_WIDTH, small_height as u32)),
            ] {
                let verdict = read(&page.lang, file)
                    .and_then(|bytes| check_webp(&bytes))
                    .and_then(|found| {
                        if found == wanted {
                            Ok(())
                        } else {
                            Err(format!(
                                "{}x{} pixels, {}x{} wanted (a copy of an older capture)",
                                found.0, found.1, wanted.0, wanted.1
                            ))
                        }
                    });
                if let Err(reason) = verdict {
                    problem(
                        file,
                        format!(
                            "{reason}: make the copies with node scripts/screenshots.mjs --webp"
                        ),
                    );
                }
            }
        }
    }
    problems
}

/// Every diagram a page shows must pass [`check_svg`]; `read(lang, name)` gives the text of
/// `public/diagrams/<lang>/<name>.svg`, or the reason it cannot.
pub fn check_diagrams(
    pages: &[SourcePage],
    read: impl Fn(&str, &str) -> Result<String, String>,
) -> Vec<DocProblem> {
    let mut problems = Vec::new();
    let mut checked = BTreeSet::new();
    for page in pages {
        for name in &page.rendered.diagrams {
            if !checked.insert((page.lang.as_str(), name.as_str())) {
                continue;
            }
            let file = format!("public/{}", FigureKind::Diagram.path(&page.lang, name));
            let verdict = read(&page.lang, name).and_then(|text| check_svg(&text).map(|_| ()));
            if let Err(reason) = verdict {
                problems.push(DocProblem {
                    file: page.file.clone(),
                    line: 0,
                    message: format!("diagram {file}: {reason}"),
                });
            }
        }
    }
    problems
}

/// The largest diagram accepted, in bytes: a diagram is drawn by hand, and the page loads it with the text.
pub const MAX_DIAGRAM_BYTES: usize = 16 * 1024;

/// The height of a diagram's `viewBox`, after checking that the SVG stands alone and scales: at most
/// [`MAX_DIAGRAM_BYTES`]; a root `<svg>` with the SVG namespace, `role="img"`, a `viewBox` of
/// [`DIAGRAM_WIDTH`] units and no fixed `width` or `height`; a non-empty `<title>` and `<desc>` (its text
/// alternative); a dark theme (`prefers-color-scheme: dark`); and nothing that runs or loads: no script, no
/// event attribute, no `<foreignObject>`, no `<image>`, no link or `url()` outside the file.
pub fn check_svg(text: &str) -> Result<u32, String> {
    if text.len() > MAX_DIAGRAM_BYTES {
        return Err(format!(
            "too large ({} bytes, at most {MAX_DIAGRAM_BYTES})",
            text.len()
        ));
    }
    let body = text.trim_start();
    let body = match body.strip_prefix("<?xml") {
        Some(rest) => rest
            .split_once("?>")
            .map_or("", |(_, after)| after.trim_start()),
        None => body,
    };
    if !body.starts_with("<svg") {
        return Err("the file does not start with an <svg> element".to_owned());
    }
    let root = &body[..body.find('>').ok_or("the <svg> tag is not closed")?];
    if !root.contains("xmlns=\"http://www.w3.org/2000/svg\"") {
        return Err("the <svg> element has no SVG namespace".to_owned());
    }
    if !root.contains("role=\"img\"") {
        return Err("the <svg> element needs role=\"img\"".to_owned());
    }
    if [" width=", " height=", "\nwidth=", "\nheight="]
        .iter()
        .any(|attribute| root.contains(attribute))
    {
        return Err(
            "the <svg> element has a fixed width or height: a viewBox alone lets it scale"
                .to_owned(),
        );
    }
    let view_box: Vec<&str> = attribute(root, "viewBox")
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let height = match view_box[..] {
        ["0", "0", width, height] if width == DIAGRAM_WIDTH.to_string() => {
            height.parse::<u32>().ok()
        }
        _ => None,
    }
    .filter(|height| *height > 0)
    .ok_or_else(|| format!("the viewBox must be \"0 0 {DIAGRAM_WIDTH} <height>\""))?;
    for element in ["title", "desc"] {
        if element_text(body, element).is_none_or(|text| text.trim().is_empty()) {
            return Err(format!(
                "no text alternative: the <{element}> is missing or empty"
            ));
        }
    }
    let lower = body.to_ascii_lowercase();
    if !lower.replace(' ', "").contains("prefers-color-scheme:dark") {
        return Err("no dark theme: add @media (prefers-color-scheme: dark)".to_owned());
    }
    for forbidden in ["<script", "<foreignobject", "<image", "@import"] {
        if lower.contains(forbidden) {
            return Err(format!("{forbidden} is not allowed in a diagram"));
        }
    }
    let outside = |marker: &str| {
        lower.match_indices(marker).any(|(at, _)| {
            !lower[at + marker.len()..]
                .trim_start_matches(['"', '\''])
                .starts_with('#')
        })
    };
    if outside("href=") || outside("url(") {
        return Err("a link or url() leads outside the file: only #ids are allowed".to_owned());
    }
    if has_event_attribute(&lower) {
        return Err("an event attribute (on...=) is not allowed in a diagram".to_owned());
    }
    Ok(height)
}

/// The value of attribute `name` in a start tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let length = tag[start..].find('"')?;
    Some(&tag[start..start + length])
}

/// The text of the first `<name>` element of `svg`, if it has one.
fn element_text<'a>(svg: &'a str, name: &str) -> Option<&'a str> {
    let open = svg.find(&format!("<{name}"))?;
    let start = open + svg[open..].find('>')? + 1;
    let length = svg[start..].find(&format!("</{name}>"))?;
    Some(&svg[start..start + length])
}

/// Whether a lowercase SVG has an attribute such as `onload=`: white space, `on`, letters, `=`.
fn has_event_attribute(lower: &str) -> bool {
    lower.match_indices("on").any(|(at, _)| {
        let rest = &lower[at + 2..];
        let letters = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_lowercase())
                .len();
        lower[..at].ends_with(char::is_whitespace)
            && letters > 0
            && rest[letters..].starts_with('=')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A diagram that passes every check, with `extra` before its closing tag.
    fn svg(extra: &str) -> String {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 120\" role=\"img\" lang=\"en\">\n\
             <title>A title</title><desc>What it shows.</desc>\n\
             <style>svg{{--fg:#000}}@media (prefers-color-scheme: dark){{svg{{--fg:#fff}}}}</style>\n\
             <defs><marker id=\"head\"/></defs><path style=\"marker-end:url(#head)\" d=\"M0 0H9\"/>\n\
             <text x=\"1\" y=\"20\">on every push</text>{extra}</svg>\n"
        )
    }

    #[test]
    fn a_diagram_must_stand_alone_scale_and_say_what_it_shows() {
        assert_eq!(check_svg(&svg("")), Ok(120));
        assert_eq!(
            check_svg(&format!("<?xml version=\"1.0\"?>\n{}", svg(""))),
            Ok(120)
        );
        let broken = [
            (svg("").replace(" role=\"img\"", ""), "role"),
            (
                svg("").replace("viewBox=\"0 0 400", "viewBox=\"0 0 700"),
                "viewBox",
            ),
            (
                svg("").replace(" lang=", " width=\"400\" lang="),
                "fixed width",
            ),
            (svg("").replace("<desc>What it shows.</desc>", ""), "<desc>"),
            (
                svg("").replace("<title>A title</title>", "<title> </title>"),
                "<title>",
            ),
            (
                svg("").replace("prefers-color-scheme: dark", "min-width: 1px"),
                "dark theme",
            ),
            (svg("<script>alert(1)</script>"), "<script"),
            (svg("<foreignObject/>"), "<foreignobject"),
            (svg("<image href=\"#x\"/>"), "<image"),
            (
                svg("<a href=\"https://example.com\">x</a>"),
                "outside the file",
            ),
            (
                svg("<rect style=\"fill:url( http://x/p)\"/>"),
                "outside the file",
            ),
            (svg("<rect onclick=\"x()\"/>"), "event attribute"),
            (svg("<rect\n onload=\"x()\"/>"), "event attribute"),
            (svg(&" ".repeat(MAX_DIAGRAM_BYTES)), "too large"),
            ("<html></html>".to_owned(), "<svg>"),
        ];
        for (text, expected) in broken {
            let verdict = check_svg(&text);
            assert!(
                matches!(&verdict, Err(reason) if reason.contains(expected)),
                "{expected}: {verdict:?}"
            );
        }
    }
}
