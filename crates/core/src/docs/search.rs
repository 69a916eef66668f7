//! Full-text search over the documentation of one language, run in the browser on
//! `content/<lang>/search.json` (a [`SearchIndex`] written at build time).
//!
//! 1. Every page is cut into sections (the text before the first heading is a section with an empty id).
//! 2. The query and the texts are folded: lowercase, accents removed (`é` → `e`, `œ` → `oe`), typographic
//!    apostrophes made straight, so that `cle` finds « clé ».
//! 3. A section matches when every word of the query is in its page title, its section title or its text.
//! 4. Hits are ranked by where the words are found: page titles first, then section titles, then the text;
//!    ties keep reading order.

use serde::{Deserialize, Serialize};

/// The searchable text of one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// The sections of every page, in reading order.
    pub entries: Vec<SearchEntry>,
}

/// One section of one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchEntry {
    /// The page id (`phases/checkout-code`).
    pub page: String,
    /// The page title.
    pub page_title: String,
    /// The section anchor, empty for the text before the first heading.
    pub section: String,
    /// The section title, empty for the text before the first heading.
    pub section_title: String,
    /// The plain text of the section.
    pub text: String,
}

/// A section that matches a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    /// The page id.
    pub page: String,
    /// The page title.
    pub page_title: String,
    /// The section anchor, empty for the top of the page.
    pub section: String,
    /// The section title, empty for the top of the page.
    pub section_title: String,
    /// A short extract of the text around the first word found, or its beginning.
    pub snippet: String,
}

/// A [`SearchIndex`] with its texts folded once, ready for many queries.
#[derive(Debug, Clone)]
pub struct PreparedSearch {
    entries: Vec<(SearchEntry, FoldedEntry)>,
}

/// The folded texts of one entry, with the map from folded to original offsets of the text.
#[derive(Debug, Clone)]
struct FoldedEntry {
    page_title: String,
    section_title: String,
    text: String,
    text_map: Vec<usize>,
}

/// The number of characters of text kept on each side of the first match in a snippet.
const SNIPPET_CONTEXT: usize = 60;

impl PreparedSearch {
    /// Folds every entry of `index`.
    pub fn new(index: SearchIndex) -> PreparedSearch {
        let entries = index
            .entries
            .into_iter()
            .map(|entry| {
                let (text, text_map) = fold_with_map(&entry.text);
                let folded = FoldedEntry {
                    page_title: fold(&entry.page_title),
                    section_title: fold(&entry.section_title),
                    text,
                    text_map,
                };
                (entry, folded)
            })
            .collect();
        PreparedSearch { entries }
    }

    /// The sections that contain every word of `query`, best first, at most `limit` of them.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let folded_query = fold(query);
        let words: Vec<&str> = folded_query
            .split(|c: char| !c.is_alphanumeric() && c != '_' && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(u32, usize)> = Vec::new();
        for (at, (_, folded)) in self.entries.iter().enumerate() {
            let mut score = 0;
            let every_word_found = words.iter().all(|word| {
                if folded.page_title.contains(word) {
                    score += 100;
                    true
                } else if folded.section_title.contains(word) {
                    score += 10;
                    true
                } else {
                    folded.text.contains(word)
                }
            });
            if every_word_found {
                // The top of a page stands for the page itself when its title matches.
                if folded.section_title.is_empty() {
                    score += 1;
                }
                scored.push((score, at));
            }
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
            .into_iter()
            .take(limit)
            .map(|(_, at)| {
                let (entry, folded) = &self.entries[at];
                SearchHit {
                    page: entry.page.clone(),
                    page_title: entry.page_title.clone(),
                    section: entry.section.clone(),
                    section_title: entry.section_title.clone(),
                    snippet: snippet(entry, folded, &words),
                }
            })
            .collect()
    }
}

/// The text around the first word of `words` found in the entry's text, or the start of the text.
fn snippet(entry: &SearchEntry, folded: &FoldedEntry, words: &[&str]) -> String {
    let found = words.iter().filter_map(|word| folded.text.find(word)).min();
    let centre = found.map_or(0, |at| folded.text_map[at]);
    let text = entry.text.as_str();
    let start = text[..centre]
        .char_indices()
        .rev()
        .nth(SNIPPET_CONTEXT)
        .map_or(0, |(at, _)| at);
    let end = text[centre..]
        .char_indices()
        .nth(SNIPPET_CONTEXT * 2)
        .map_or(text.len(), |(at, _)| centre + at);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(text[start..end].trim());
    if end < text.len() {
        out.push('…');
    }
    out
}

/// `text` in lowercase, without accents, with typographic apostrophes made straight.
pub fn fold(text: &str) -> String {
    fold_with_map(text).0
}

/// [`fold`], and for each byte of the folded text the byte offset of the character it came from (plus one
/// entry for the end).
fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let before = folded.len();
        match fold_char(c) {
            Some(replacement) => folded.push_str(replacement),
            None => folded.extend(c.to_lowercase()),
        }
        map.extend(std::iter::repeat_n(at, folded.len() - before));
    }
    map.push(text.len());
    (folded, map)
}

/// The folded form of the letters with accents of French and the Latin-1 range, and of typographic marks.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'œ' | 'Œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        '’' | '‘' => "'",
        '\u{a0}' | '\u{202f}' => " ",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(page: &str, page_title: &str, section_title: &str, text: &str) -> SearchEntry {
        SearchEntry {
            page: page.to_owned(),
            page_title: page_title.to_owned(),
            section: section_title.to_lowercase().replace(' ', "-"),
            section_title: section_title.to_owned(),
            text: text.to_owned(),
        }
    }

    fn prepared() -> PreparedSearch {
        PreparedSearch::new(SearchIndex {
            entries: vec![
                entry(
                    "keys/run",
                    "run",
                    "Examples",
                    "A step that runs a cache command in a shell.",
                ),
                entry(
                    "phases/restoring-cache",
                    "Restauration du cache",
                    "",
                    "La clé du cache est cherchée.",
                ),
                entry(
                    "phases/saving-cache",
                    "Saving cache",
                    "When it fails",
                    "Nothing is saved.",
                ),
                entry(
                    "keys/save_cache",
                    "save_cache",
                    "The cache key",
                    "Une clé comme « deps-{{ checksum } ».",
                ),
            ],
        })
    }

    fn pages(hits: &[SearchHit]) -> Vec<&str> {
        hits.iter().map(|hit| hit.page.as_str()).collect()
    }

    #[test]
    fn accents_and_case_are_ignored() {
        let search = prepared();
        assert_eq!(
            pages(&search.search("CLE", 10)),
            vec!["phases/restoring-cache", "keys/save_cache"]
        );
        assert_eq!(
            pages(&search.search("clé", 10)),
            vec!["phases/restoring-cache", "keys/save_cache"]
        );
    }

    #[test]
    fn every_word_must_match_and_titles_rank_first() {
        let search = prepared();
        assert_eq!(
            pages(&search.search("cache", 10)),
            vec![
                "phases/restoring-cache",
                "phases/saving-cache",
                "keys/save_cache",
                "keys/run"
            ]
        );
        assert_eq!(pages(&search.search("cache shell", 10)), vec!["keys/run"]);
        assert!(search.search("cache nowhere", 10).is_empty());
        assert!(search.search("  ", 10).is_empty());
        assert_eq!(search.search("cache", 2).len(), 2);
    }

    #[test]
    fn snippets_surround_the_first_match() {
        let long = format!("{} needle {}", "début ".repeat(30), "fin ".repeat(40));
        let search = PreparedSearch::new(SearchIndex {
            entries: vec![entry("a", "A", "S", &long)],
        });
        let hit = &search.search("NEEDLE", 1)[0];
        assert!(
            hit.snippet.starts_with('…') && hit.snippet.ends_with('…'),
            "{}",
            hit.snippet
        );
        assert!(hit.snippet.contains("needle"));
        assert!(hit.snippet.chars().count() < long.chars().count());
        assert_eq!(hit.section, "s");
    }

    #[test]
    fn folding_maps_back_to_the_original_text() {
        let (folded, map) = fold_with_map("Œuvre é’");
        assert_eq!(folded, "oeuvre e'");
        assert_eq!(map.len(), folded.len() + 1);
        assert_eq!(map[folded.find('e').map_or(0, |at| at)], 0);
        assert_eq!(map[folded.find("e'").map_or(0, |at| at)], "Œuvre ".len());
    }
}
