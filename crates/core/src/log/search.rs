//! Searching the visible text of a log, line by line, without allocating per line.

use super::lines::LogLines;

impl LogLines {
    /// The 0-based indices of the lines whose visible text contains `query`, ignoring ASCII case, in
    /// order and at most `limit` of them. An empty query matches nothing.
    pub fn find_lines(&self, query: &str, limit: usize) -> Vec<usize> {
        let needle = query.as_bytes();
        if needle.is_empty() {
            return Vec::new();
        }
        self.iter()
            .enumerate()
            .filter(|(_, line)| contains_ignoring_ascii_case(line.as_bytes(), needle))
            .map(|(index, _)| index)
            .take(limit)
            .collect()
    }
}

/// Whether `haystack` contains `needle`, ASCII letters compared without case.
fn contains_ignoring_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    if needle.len() > haystack.len() {
        return false;
    }
    let first = needle[0].to_ascii_lowercase();
    haystack.windows(needle.len()).any(|window| {
        window[0].to_ascii_lowercase() == first && window.eq_ignore_ascii_case(needle)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_found_whatever_the_case_and_the_colours() {
        let lines =
            LogLines::render("Spin up\n\u{1b}[31mERROR\u{1b}[0m: boom\nall good\nerror again\n");
        assert_eq!(lines.find_lines("error", 10), vec![1, 3]);
        assert_eq!(lines.find_lines("ERROR: BOOM", 10), vec![1]);
        assert_eq!(lines.find_lines("error", 1), vec![1]);
        assert_eq!(lines.find_lines("", 10), Vec::<usize>::new());
        assert_eq!(lines.find_lines("absent", 10), Vec::<usize>::new());
        assert_eq!(lines.find_lines("é", 10), Vec::<usize>::new());
        assert_eq!(LogLines::render("café\n").find_lines("é", 10), vec![0]);
    }
}
