//! Checks that keep the documentation consistent as training material: every excerpt of the sample job's
//! log is made of lines the sample really printed (one job, one commit, one agent, one set of keys on every
//! page), and the French pages use the glossary's terms (`content/fr/glossary-forbidden.txt`).

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use pipelens_core::docs::site::{DocProblem, SourcePage};
use regex::Regex;

/// The sample job's log, from the content folder.
const SAMPLE_LOG: &str = "../samples/seed-build-and-test.log";
/// The French terms to avoid, from the content folder: `variant<TAB>term to use` per line.
const FORBIDDEN_FRENCH: &str = "fr/glossary-forbidden.txt";
/// The glossary page, which names the variants it sets aside.
const GLOSSARY: &str = "concepts/glossary";
/// Strings that only the sample job's log prints (its commit, its agent's release line, its cache's key):
/// a block holding one is an excerpt of it.
const SAMPLE_MARKERS: [&str; 3] = ["3f2c9ab", "Build-agent version 1.0.22", "v1-cci_pycache-"];

/// The training checks of the pages under `content_dir`.
pub fn check_training(pages: &[SourcePage], content_dir: &Path) -> Vec<DocProblem> {
    let mut problems = Vec::new();
    match fs::read_to_string(content_dir.join(SAMPLE_LOG)) {
        Ok(log) => problems.extend(check_sample_excerpts(pages, &log)),
        Err(err) => problems.push(DocProblem {
            file: SAMPLE_LOG.to_owned(),
            line: 0,
            message: format!("cannot read the sample log: {err}"),
        }),
    }
    if let Ok(list) = fs::read_to_string(content_dir.join(FORBIDDEN_FRENCH)) {
        problems.extend(check_french_terms(pages, &list));
    }
    problems
}

/// The comment that, on the line before a code block, says the block is not a verbatim excerpt of the
/// sample although it looks like one: another run, a made-up failure, a value taken out of its line.
const NOT_THE_SAMPLE: &str = "<!-- not the sample -->";

/// A fenced code block of a page: its info string, its lines with their line numbers in the file, and
/// whether it is marked as not the sample.
struct CodeBlock {
    info: String,
    lines: Vec<(usize, String)>,
    not_the_sample: bool,
}

/// The line of the file where the body of `page` starts (1-based).
fn first_body_line(page: &SourcePage) -> usize {
    page.source[..page.body_offset].matches('\n').count() + 1
}

/// The fenced code blocks of `page`, and its prose lines (outside any block) with their line numbers.
fn split_body(page: &SourcePage) -> (Vec<CodeBlock>, Vec<(usize, String)>) {
    let mut blocks = Vec::new();
    let mut prose = Vec::new();
    let mut open: Option<(String, CodeBlock)> = None;
    let first_line = first_body_line(page);
    for (index, line) in page.source[page.body_offset..].lines().enumerate() {
        let number = first_line + index;
        let trimmed = line.trim_start();
        let fence = ["```", "~~~"]
            .into_iter()
            .find(|fence| trimmed.starts_with(fence));
        match (&mut open, fence) {
            (Some((opening, _)), Some(fence))
                if fence == opening && trimmed.trim_end() == fence =>
            {
                if let Some((_, block)) = open.take() {
                    blocks.push(block);
                }
            }
            (Some((_, block)), _) => block.lines.push((number, line.to_owned())),
            (None, Some(fence)) => {
                let info = trimmed[fence.len()..].trim().to_owned();
                let not_the_sample = prose
                    .iter()
                    .rev()
                    .find(|(_, line): &&(usize, String)| !line.trim().is_empty())
                    .is_some_and(|(_, line)| line.trim() == NOT_THE_SAMPLE);
                let block = CodeBlock {
                    info,
                    lines: Vec::new(),
                    not_the_sample,
                };
                open = Some((fence.to_owned(), block));
            }
            (None, None) => prose.push((number, line.to_owned())),
        }
    }
    (blocks, prose)
}

/// Whether `line` stands for lines left out of an excerpt (`...`, `…`, `[...]`).
fn is_elision(line: &str) -> bool {
    matches!(line, "..." | "…" | "[...]" | "[…]")
}

/// Every `text` block that is an excerpt of the sample log (it holds a line only the sample prints, or
/// most of its lines are the sample's) holds only the sample's lines, so that no page shows another job
/// number, commit, agent version or cache key. A block marked `<!-- not the sample -->` on the line
/// before it is another run, on purpose.
pub fn check_sample_excerpts(pages: &[SourcePage], sample_log: &str) -> Vec<DocProblem> {
    let sample: HashSet<&str> = sample_log
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let mut problems = Vec::new();
    for page in pages {
        let (blocks, _) = split_body(page);
        let excerpts = blocks.iter().filter(|block| {
            (block.info == "text" || block.info.is_empty()) && !block.not_the_sample
        });
        for block in excerpts {
            let lines: Vec<(usize, &str)> = block
                .lines
                .iter()
                .map(|(number, line)| (*number, line.trim()))
                .filter(|(_, line)| !line.is_empty() && !is_elision(line))
                .collect();
            let known = lines
                .iter()
                .filter(|(_, line)| sample.contains(line))
                .count();
            let marked = lines
                .iter()
                .any(|(_, line)| SAMPLE_MARKERS.iter().any(|marker| line.contains(marker)));
            let mostly_sample = lines.len() >= 3 && known * 2 >= lines.len();
            if !(marked || mostly_sample) {
                continue;
            }
            for (number, line) in lines.iter().filter(|(_, line)| !sample.contains(line)) {
                problems.push(DocProblem {
                    file: page.file.clone(),
                    line: *number,
                    message: format!("this excerpt of the sample log has a line the sample does not print: {line:?}"),
                });
            }
        }
    }
    problems
}

/// `line` without its inline code spans (`` `...` ``) and link targets (`](...)`).
fn prose_text(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_code = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '`' {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if c == ']' && chars.peek() == Some(&'(') {
            out.push(c);
            for skipped in chars.by_ref() {
                if skipped == ')' {
                    break;
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// The French pages' prose (outside code, and their titles and summaries) matches none of the patterns of
/// `list` (`regex<TAB>term to use` lines; blank lines and `#` comments skipped): the glossary fixes one
/// French term per notion. A pattern that is not a valid regex is itself a problem.
pub fn check_french_terms(pages: &[SourcePage], list: &str) -> Vec<DocProblem> {
    let mut problems = Vec::new();
    let mut forbidden: Vec<(Regex, &str)> = Vec::new();
    for (index, line) in list.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((pattern, term)) = line.split_once('\t') else {
            problems.push(list_problem(
                index,
                "a line needs a pattern, a tab, then the term to use",
            ));
            continue;
        };
        match Regex::new(pattern) {
            Ok(regex) => forbidden.push((regex, term.trim())),
            Err(err) => problems.push(list_problem(
                index,
                &format!("{pattern:?} is not a valid pattern: {err}"),
            )),
        }
    }
    // The glossary itself names the variants it sets aside.
    for page in pages
        .iter()
        .filter(|page| page.lang == "fr" && page.id != GLOSSARY)
    {
        let (_, mut prose) = split_body(page);
        prose.push((1, page.front.title.clone()));
        prose.push((1, page.front.summary.clone()));
        for (number, line) in &prose {
            let text = prose_text(line);
            for (regex, term) in &forbidden {
                if let Some(found) = regex.find(&text) {
                    problems.push(DocProblem {
                        file: page.file.clone(),
                        line: *number,
                        message: format!(
                            "« {} » is not the glossary's term: write « {term} »",
                            found.as_str()
                        ),
                    });
                }
            }
        }
    }
    problems
}

/// A problem of line `index` (from 0) of the list of forbidden French terms.
fn list_problem(index: usize, message: &str) -> DocProblem {
    DocProblem {
        file: format!("content/{FORBIDDEN_FRENCH}"),
        line: index + 1,
        message: message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pipelens_core::docs::site::read_page;

    /// A page of `lang` with id `guides/sample` and `body`.
    fn page(lang: &str, body: &str) -> SourcePage {
        let source = format!(
            "---\nid: guides/sample\ntitle: Sample\nsummary: A page for the checks.\nexplains: []\norder: 1\n---\n\n{body}"
        );
        read_page(lang, "guides/sample", "content/x/guides/sample.md", source)
            .expect("a valid page")
    }

    const SAMPLE: &str = "Spin up environment\nBuild-agent version 1.0.220236-88f9a5ed (2024-02-23T14:32:07+0000)\n  Starting container cimg/python:3.12.0\nHEAD is now at 3f2c9ab Add coverage report\n";

    #[test]
    fn an_excerpt_of_the_sample_with_another_agent_version_is_refused() {
        let good = page("en", "```text\nBuild-agent version 1.0.220236-88f9a5ed (2024-02-23T14:32:07+0000)\n...\nStarting container cimg/python:3.12.0\n```\n");
        assert!(check_sample_excerpts(&[good], SAMPLE).is_empty());
        let drifted = page("en", "Intro.\n\n```text\nBuild-agent version 1.0.229129-aaaaaaaa (2024-03-01T10:00:00+0000)\nStarting container cimg/python:3.12.0\n```\n");
        let problems = check_sample_excerpts(&[drifted], SAMPLE);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 12);
        assert!(problems[0].message.contains("1.0.229129"));
    }

    #[test]
    fn a_block_marked_as_another_run_may_differ_from_the_sample() {
        let marked = page("en", "<!-- not the sample -->\n```text\nBuild-agent version 1.0.1 (2019)\nStarting container cimg/python:3.12.0\n```\n");
        assert!(check_sample_excerpts(&[marked], SAMPLE).is_empty());
    }

    #[test]
    fn a_block_that_is_not_from_the_sample_is_left_alone() {
        let other = page("en", "```text\nPermission denied (publickey).\nfatal: Could not read from remote repository.\nExited with code 128\n```\n");
        assert!(check_sample_excerpts(&[other], SAMPLE).is_empty());
    }

    #[test]
    fn french_prose_uses_the_glossary_terms_but_code_may_say_anything() {
        let list = "# pattern<TAB>term\n[Gg]reffons?\\b\tplugin\nétiquette\\b\ttag\n";
        let french = page("fr", "Le greffon installe l’étiquette.\n\nUn `greffon` en code, et [lien](doc:étiquette).\n\n```text\ngreffon\n```\n");
        let problems = check_french_terms(&[french], list);
        let lines: Vec<usize> = problems.iter().map(|problem| problem.line).collect();
        assert_eq!(lines, [9, 9], "{problems:?}");
        assert!(problems[0].message.contains("« plugin »"));
        // A pattern says how much it catches: `étiquette\b` leaves the plural alone.
        let plural = page("fr", "Les étiquettes.\n");
        assert!(check_french_terms(&[plural], list).is_empty());
        let broken = check_french_terms(&[], "[unclosed\tterm\n");
        assert_eq!(broken.len(), 1);
        assert!(broken[0].message.contains("not a valid pattern"));
        let english = page("en", "The greffon.\n");
        assert!(check_french_terms(&[english], list).is_empty());
    }
}
