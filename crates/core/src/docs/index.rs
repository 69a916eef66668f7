//! The index of the documentation of one language, as written to `content/<lang>/index.json`.

use serde::{Deserialize, Serialize};

/// Every page of the documentation in one language, sorted by folder then order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocIndex {
    /// The pages, in reading order (the order of the sidebar and of previous/next).
    pub pages: Vec<DocPage>,
}

/// One page of the documentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocPage {
    /// The stable id: the path under `content/<lang>/` without `.md` (`phases/checkout-code`).
    pub id: String,
    /// The title in this language.
    pub title: String,
    /// One sentence that says what the page explains.
    pub summary: String,
    /// The folder of the page (`phases`, `keys`, `rules`, ...), empty for top-level pages.
    pub folder: String,
    /// The sort order within its folder.
    pub order: i64,
    /// The phase ids, config keys or rule ids this page explains.
    pub explains: Vec<String>,
    /// The name of the page's screenshot (`public/screenshots/<lang>/<name>.png`), if it has one.
    pub screenshot: Option<String>,
    /// The severity, for rule pages.
    pub severity: Option<String>,
    /// The `##` and `###` sections, in order.
    pub sections: Vec<DocSection>,
}

/// A section of a page: a heading with its stable anchor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocSection {
    /// The anchor, identical in every language (`what-it-does`).
    pub id: String,
    /// The heading text in this language.
    pub title: String,
    /// 2 for `##`, 3 for `###`.
    pub level: u8,
}

impl DocIndex {
    /// The page with this id.
    pub fn page(&self, id: &str) -> Option<&DocPage> {
        self.pages.iter().find(|page| page.id == id)
    }

    /// The pages before and after `id` in reading order.
    pub fn neighbours(&self, id: &str) -> (Option<&DocPage>, Option<&DocPage>) {
        match self.pages.iter().position(|page| page.id == id) {
            Some(at) => (
                at.checked_sub(1).and_then(|before| self.pages.get(before)),
                self.pages.get(at + 1),
            ),
            None => (None, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(id: &str) -> DocPage {
        DocPage {
            id: id.to_owned(),
            title: id.to_uppercase(),
            summary: String::new(),
            folder: String::new(),
            order: 0,
            explains: Vec::new(),
            screenshot: None,
            severity: None,
            sections: Vec::new(),
        }
    }

    #[test]
    fn neighbours_follow_reading_order() {
        let index = DocIndex {
            pages: vec![page("a"), page("b"), page("c")],
        };
        fn ids<'a>(
            (before, after): (Option<&'a DocPage>, Option<&'a DocPage>),
        ) -> (Option<&'a str>, Option<&'a str>) {
            (before.map(|p| p.id.as_str()), after.map(|p| p.id.as_str()))
        }
        assert_eq!(ids(index.neighbours("a")), (None, Some("b")));
        assert_eq!(ids(index.neighbours("b")), (Some("a"), Some("c")));
        assert_eq!(ids(index.neighbours("c")), (Some("b"), None));
        assert_eq!(ids(index.neighbours("zz")), (None, None));
        assert_eq!(index.page("c").map(|p| p.title.as_str()), Some("C"));
    }
}
