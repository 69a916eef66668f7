//! Each rule page shows an example configuration and what Pipeline Lens reports on it: the report must
//! be what the analyser really prints (as `pipelens config` does), in the page's language. In the
//! section `{#example}`, the first `yaml` block is the input and the first `text` block after it the
//! report, which holds the diagnostics of the page's rule only.

use pipelens_core::config::{analyse_config, diagnostic_excerpt};
use pipelens_core::docs::site::{DocProblem, SourcePage};
use pipelens_core::Lang;

/// The file name the examples' reports show.
const SHOWN_NAME: &str = ".circleci/config.yml";

/// A fenced block of a page: its text, and the lines of the file its content spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// The content, each line ending with a newline.
    pub(crate) text: String,
    /// The first line of the content, from 1.
    pub(crate) first_line: usize,
    /// The line after the last line of the content (the closing fence), from 1.
    pub(crate) end_line: usize,
}

/// The example configuration and the report shown under it, if the page has both.
pub(crate) fn example_blocks(source: &str) -> Option<(Block, Block)> {
    let mut in_example = false;
    let mut open: Option<(String, usize, String)> = None;
    let mut yaml: Option<Block> = None;
    for (index, line) in source.lines().enumerate() {
        let number = index + 1;
        if let Some((language, first_line, text)) = open.as_mut() {
            if line.trim_start().starts_with("```") {
                let block = Block {
                    text: std::mem::take(text),
                    first_line: *first_line,
                    end_line: number,
                };
                match (language.as_str(), &yaml) {
                    ("yaml", None) => yaml = Some(block),
                    ("text", Some(_)) => return yaml.map(|yaml| (yaml, block)),
                    _ => {}
                }
                open = None;
            } else {
                text.push_str(line);
                text.push('\n');
            }
            continue;
        }
        if line.starts_with("## ") {
            if in_example {
                return None;
            }
            in_example = line.contains("{#example}");
        } else if in_example {
            if let Some(language) = line.trim_start().strip_prefix("```") {
                open = Some((language.trim().to_owned(), number + 1, String::new()));
            }
        }
    }
    None
}

/// What the analyser reports on `config` for `rule`, as the page's report shows it.
pub(crate) fn expected_report(config: &str, rule: &str, lang: Lang) -> String {
    analyse_config(config)
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.rule == rule)
        .map(|diagnostic| diagnostic_excerpt(SHOWN_NAME, config, diagnostic, lang))
        .collect()
}

/// The problems of the rule pages whose example report is missing or is not what the analyser prints.
pub fn check_rule_examples(pages: &[SourcePage]) -> Vec<DocProblem> {
    let mut problems = Vec::new();
    for page in pages {
        let Some((rule, lang)) = rule_page(&page.lang, &page.id) else {
            continue;
        };
        let Some((config, report)) = example_blocks(&page.source) else {
            problems.push(DocProblem {
                file: page.file.clone(),
                line: 0,
                message: "the example section needs a ```yaml configuration and a ```text report under it"
                    .to_owned(),
            });
            continue;
        };
        let expected = expected_report(&config.text, &rule, lang);
        if expected.is_empty() {
            problems.push(DocProblem {
                file: page.file.clone(),
                line: config.first_line,
                message: format!("the example configuration gives no {rule} diagnostic"),
            });
        } else if report.text != expected {
            problems.push(DocProblem {
                file: page.file.clone(),
                line: report.first_line,
                message: format!(
                    "the example report is not what the analyser prints (`docgen --fix-examples` rewrites it); it prints:\n{expected}"
                ),
            });
        }
    }
    problems
}

/// `source` with its example report replaced by what the analyser prints, or `None` when it has no
/// example or its report is already right.
pub(crate) fn fixed_example(source: &str, rule: &str, lang: Lang) -> Option<String> {
    let (config, report) = example_blocks(source)?;
    let expected = expected_report(&config.text, rule, lang);
    if expected.is_empty() || report.text == expected {
        return None;
    }
    let lines: Vec<&str> = source.lines().collect();
    let mut out = String::new();
    for line in &lines[..report.first_line - 1] {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&expected);
    for line in &lines[report.end_line - 1..] {
        out.push_str(line);
        out.push('\n');
    }
    Some(out)
}

/// The rule and language of a page file `lang/rules/<rule>.md`, when it explains a rule.
pub(crate) fn rule_page(lang: &str, id: &str) -> Option<(String, Lang)> {
    let lang = match lang {
        "en" => Lang::En,
        "fr" => Lang::Fr,
        _ => return None,
    };
    let rule = id.strip_prefix("rules/").filter(|rule| *rule != "index")?;
    Some((rule.to_owned(), lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "---\nid: rules/unknown-requires\n---\n\n## What it catches {#what-it-catches}\n\n```yaml\nnot: this\n```\n\n## Example {#example}\n\n```yaml\nversion: 2.1\njobs:\n  a:\n    docker: [{image: cimg/base:2024.01}]\n    steps: [checkout]\nworkflows:\n  w:\n    jobs:\n      - a:\n          requires: [b]\n```\n\nPipeline Lens reports:\n\n```text\nwrong\n```\n\n## Why it matters {#why-it-matters}\n";

    #[test]
    fn the_example_and_its_report_are_found() {
        let (config, report) = example_blocks(PAGE).expect("both blocks");
        assert!(config.text.starts_with("version: 2.1\n"));
        assert_eq!(config.first_line, 14);
        assert_eq!(report.text, "wrong\n");
        assert_eq!((report.first_line, report.end_line), (29, 30));
    }

    #[test]
    fn a_wrong_report_is_rewritten_with_the_analysers_output() {
        let fixed = fixed_example(PAGE, "unknown-requires", Lang::En).expect("a fix");
        let (config, report) = example_blocks(&fixed).expect("both blocks");
        assert_eq!(
            report.text,
            expected_report(&config.text, "unknown-requires", Lang::En)
        );
        assert!(report
            .text
            .starts_with(".circleci/config.yml:10:22: error: "));
        assert!(fixed.ends_with("## Why it matters {#why-it-matters}\n"));
        assert_eq!(fixed_example(&fixed, "unknown-requires", Lang::En), None);
    }
}
