//! The YAML front matter at the top of every documentation page, between two `---` lines.

use serde::Deserialize;

/// The fields of a page's front matter.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The page id: its path under `content/<lang>/` without `.md`.
    pub id: String,
    /// The title in the page's language.
    pub title: String,
    /// One sentence that says what the page explains.
    pub summary: String,
    /// The phase ids, config keys or rule ids the page explains.
    #[serde(default)]
    pub explains: Vec<String>,
    /// The name of the page's screenshot, if it has one.
    #[serde(default)]
    pub screenshot: Option<String>,
    /// The sort order within its folder.
    pub order: i64,
    /// The severity, for rule pages.
    #[serde(default)]
    pub severity: Option<String>,
}

/// Why a page's front matter could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrontMatterError {
    /// The page does not start with a `---` line.
    Missing,
    /// The front matter has no closing `---` line.
    Unclosed,
    /// The YAML is invalid or has a wrong or unknown field; the text says which, with its line.
    Invalid(String),
}

impl std::fmt::Display for FrontMatterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FrontMatterError::Missing => {
                write!(f, "the page does not start with a `---` front matter line")
            }
            FrontMatterError::Unclosed => write!(f, "the front matter has no closing `---` line"),
            FrontMatterError::Invalid(reason) => write!(f, "invalid front matter: {reason}"),
        }
    }
}

/// A page split into its front matter and its Markdown body.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitPage<'a> {
    /// The parsed front matter.
    pub front: FrontMatter,
    /// The Markdown after the closing `---` line.
    pub body: &'a str,
    /// The byte offset of `body` in the source.
    pub body_offset: usize,
}

/// Splits `source` into its front matter and body.
pub fn split_front_matter(source: &str) -> Result<SplitPage<'_>, FrontMatterError> {
    let after_open = source
        .strip_prefix("---\n")
        .or_else(|| source.strip_prefix("---\r\n"))
        .ok_or(FrontMatterError::Missing)?;
    let open_len = source.len() - after_open.len();
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &after_open[..offset];
            let front: FrontMatter = serde_yaml::from_str(yaml)
                .map_err(|err| FrontMatterError::Invalid(err.to_string()))?;
            let body_offset = open_len + offset + line.len();
            return Ok(SplitPage {
                front,
                body: &source[body_offset..],
                body_offset,
            });
        }
        offset += line.len();
    }
    Err(FrontMatterError::Unclosed)
}

/// The byte ranges of the `title` and `summary` values in `source`'s front matter: the prose of the front
/// matter, for the typography checks and fixes.
pub fn prose_value_ranges(source: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut offset = 0;
    for (index, line) in source.split_inclusive('\n').enumerate() {
        if index > 0 && line.trim_end() == "---" {
            break;
        }
        for field in ["title:", "summary:"] {
            if let Some(value) = line.strip_prefix(field) {
                let start = offset + field.len();
                ranges.push(start..start + value.trim_end().len());
            }
        }
        offset += line.len();
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_body_are_split() {
        let source = "---\nid: keys/run\ntitle: \"run\"\nsummary: Runs a command.\nexplains: [run]\norder: 3\n---\n\nBody\n";
        let page = split_front_matter(source).expect("valid front matter");
        assert_eq!(page.front.id, "keys/run");
        assert_eq!(page.front.explains, vec!["run".to_owned()]);
        assert_eq!(page.front.screenshot, None);
        assert_eq!(page.body, "\nBody\n");
        assert_eq!(&source[page.body_offset..], page.body);
    }

    #[test]
    fn missing_unclosed_and_invalid_front_matter_are_refused() {
        assert_eq!(
            split_front_matter("# Title\n"),
            Err(FrontMatterError::Missing)
        );
        assert_eq!(
            split_front_matter("---\nid: x\n"),
            Err(FrontMatterError::Unclosed)
        );
        let unknown =
            split_front_matter("---\nid: x\ntitle: t\nsummary: s\norder: 1\ncolour: red\n---\n");
        assert!(
            matches!(unknown, Err(FrontMatterError::Invalid(reason)) if reason.contains("colour"))
        );
        let no_order = split_front_matter("---\nid: x\ntitle: t\nsummary: s\n---\n");
        assert!(
            matches!(no_order, Err(FrontMatterError::Invalid(reason)) if reason.contains("order"))
        );
    }

    #[test]
    fn prose_ranges_cover_title_and_summary_values() {
        let source = "---\nid: a\ntitle: \"Le titre\"\nsummary: Un résumé.\n---\ntitle: body\n";
        let values: Vec<&str> = prose_value_ranges(source)
            .into_iter()
            .map(|r| &source[r])
            .collect();
        assert_eq!(values, vec![" \"Le titre\"", " Un résumé."]);
    }
}
