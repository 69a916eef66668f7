//! The documentation as a whole: pages read from their Markdown source, and the index and search files
//! made from them.

use super::front_matter::{split_front_matter, FrontMatter};
use super::index::{DocIndex, DocPage};
use super::labels::render_labels;
use super::render::{render_page, PageContext, RenderedPage};
use super::search::SearchIndex;

/// The folders of the documentation, in the order of the sidebar (`""` holds the home page).
pub const FOLDERS: [&str; 7] = [
    "", "guides", "phases", "causes", "keys", "concepts", "rules",
];

/// A page read from `content/<lang>/<id>.md` and rendered.
#[derive(Debug, Clone, PartialEq)]
pub struct SourcePage {
    /// The language code.
    pub lang: String,
    /// The page id, from its path.
    pub id: String,
    /// The file, as shown in messages (`content/fr/keys/run.md`).
    pub file: String,
    /// The whole Markdown source.
    pub source: String,
    /// Where the body starts in `source`.
    pub body_offset: usize,
    /// The front matter.
    pub front: FrontMatter,
    /// The rendered body and what was learnt while rendering it.
    pub rendered: RenderedPage,
}

/// Something wrong in the documentation, at a line of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocProblem {
    /// The file, as shown in messages.
    pub file: String,
    /// The line, from 1 (0 when the problem is about the whole file).
    pub line: usize,
    /// What is wrong, starting lowercase.
    pub message: String,
}

impl std::fmt::Display for DocProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl SourcePage {
    /// The line (from 1) of a byte offset of the body.
    pub fn line_of(&self, body_offset: usize) -> usize {
        let end = (self.body_offset + body_offset).min(self.source.len());
        self.source.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    /// A problem at a byte offset of the body.
    pub fn problem_at(&self, body_offset: usize, message: String) -> DocProblem {
        DocProblem {
            file: self.file.clone(),
            line: self.line_of(body_offset),
            message,
        }
    }

    /// The folder of the page (`phases`), empty for a top-level page.
    pub fn folder(&self) -> &str {
        self.id.rsplit_once('/').map_or("", |(folder, _)| folder)
    }
}

/// Reads and renders page `id` of language `lang` from its `source`; `file` names it in messages.
pub fn read_page(
    lang: &str,
    id: &str,
    file: &str,
    source: String,
) -> Result<SourcePage, DocProblem> {
    let whole_file = |message: String| DocProblem {
        file: file.to_owned(),
        line: 1,
        message,
    };
    let labels =
        render_labels(lang).ok_or_else(|| whole_file(format!("unknown language {lang:?}")))?;
    let split = split_front_matter(&source).map_err(|err| whole_file(err.to_string()))?;
    if split.front.id != id {
        return Err(whole_file(format!(
            "the front matter id {:?} is not the path {id:?}",
            split.front.id
        )));
    }
    let context = PageContext {
        lang,
        id,
        title: &split.front.title,
        screenshot: split.front.screenshot.as_deref(),
        labels,
    };
    let rendered = render_page(split.body, &context);
    let (front, body_offset) = (split.front, split.body_offset);
    Ok(SourcePage {
        lang: lang.to_owned(),
        id: id.to_owned(),
        file: file.to_owned(),
        source,
        body_offset,
        front,
        rendered,
    })
}

/// The pages of one language in reading order: by folder (in [`FOLDERS`] order, unknown folders last),
/// then `order`, then id.
pub fn reading_order<'a>(pages: &[&'a SourcePage]) -> Vec<&'a SourcePage> {
    let mut sorted = pages.to_vec();
    let folder_rank = |page: &SourcePage| {
        FOLDERS
            .iter()
            .position(|folder| *folder == page.folder())
            .unwrap_or(FOLDERS.len())
    };
    sorted.sort_by(|a, b| {
        folder_rank(a)
            .cmp(&folder_rank(b))
            .then(a.folder().cmp(b.folder()))
            .then(a.front.order.cmp(&b.front.order))
            .then(a.id.cmp(&b.id))
    });
    sorted
}

/// The index of one language's pages, in reading order.
pub fn doc_index(pages: &[&SourcePage]) -> DocIndex {
    DocIndex {
        pages: reading_order(pages)
            .into_iter()
            .map(|page| DocPage {
                id: page.id.clone(),
                title: page.front.title.clone(),
                summary: page.front.summary.clone(),
                folder: page.folder().to_owned(),
                order: page.front.order,
                explains: page.front.explains.clone(),
                screenshot: page.front.screenshot.clone(),
                severity: page.front.severity.clone(),
                sections: page.rendered.sections.clone(),
            })
            .collect(),
    }
}

/// The search index of one language's pages, in reading order.
pub fn search_index(pages: &[&SourcePage]) -> SearchIndex {
    SearchIndex {
        entries: reading_order(pages)
            .into_iter()
            .flat_map(|page| page.rendered.search.iter().cloned())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(id: &str, order: i64) -> SourcePage {
        let source = format!("---\nid: {id}\ntitle: T {id}\nsummary: S.\norder: {order}\n---\n\nIntro.\n\n## A {{#a}}\n\nText.\n");
        read_page("en", id, &format!("content/en/{id}.md"), source).expect("a valid page")
    }

    #[test]
    fn pages_are_ordered_by_folder_then_order() {
        let pages = [
            page("rules/x", 1),
            page("keys/b", 2),
            page("keys/a", 9),
            page("index", 5),
            page("guides/g", 3),
        ];
        let refs: Vec<&SourcePage> = pages.iter().collect();
        let index = doc_index(&refs);
        let ids: Vec<&str> = index.pages.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            vec!["index", "guides/g", "keys/b", "keys/a", "rules/x"]
        );
        assert_eq!(index.pages[2].folder, "keys");
        assert_eq!(index.pages[2].sections[0].id, "a");
        let search = search_index(&refs);
        assert_eq!(search.entries.len(), 10);
        assert_eq!(search.entries[0].page, "index");
        assert_eq!(search.entries[1].section, "a");
    }

    #[test]
    fn ids_must_match_paths_and_lines_are_counted() {
        let wrong = read_page(
            "en",
            "keys/y",
            "f.md",
            "---\nid: keys/x\ntitle: t\nsummary: s\norder: 1\n---\n".into(),
        );
        assert!(matches!(wrong, Err(problem) if problem.message.contains("is not the path")));
        let ok = page("keys/a", 1);
        assert_eq!(ok.line_of(0), 7);
        assert_eq!(ok.line_of(ok.source.len() - ok.body_offset), 13);
    }
}
