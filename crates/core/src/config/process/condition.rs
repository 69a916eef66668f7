//! `when` and `unless` conditions decided once parameters are substituted.
//!
//! CircleCI's logic statements: a literal (false, null, 0, NaN and empty strings are false), `and`,
//! `or`, `not`, `equal` and `matches`. A condition that still holds a pipeline value
//! (`<< pipeline.git.branch >>`) or an expression string is decided by CircleCI when the pipeline runs:
//! it stays undecided here.

use super::out::{Out, OutValue};

/// Whether `condition` holds: `None` when it can only be decided when the pipeline runs.
pub(crate) fn decide(condition: &Out) -> Option<bool> {
    match &condition.value {
        OutValue::Scalar { text, .. } => literal(text),
        OutValue::Seq(items) => Some(!items.is_empty()),
        OutValue::Map(entries) if entries.len() == 1 => {
            let (key, value) = &entries[0];
            match key.text.as_str() {
                "and" => all(value, true),
                "or" => all(value, false),
                "not" => decide(value).map(|holds| !holds),
                "equal" => equal(value),
                "matches" => matches(value),
                "condition" => decide(value),
                _ => None,
            }
        }
        OutValue::Map(entries) => Some(!entries.is_empty()),
    }
}

/// The truth of a literal; `None` when it is not one yet.
fn literal(text: &str) -> Option<bool> {
    if text.contains("<<") || looks_like_expression(text) {
        return None;
    }
    let trimmed = text.trim();
    Some(!matches!(
        trimmed,
        "" | "false"
            | "False"
            | "FALSE"
            | "null"
            | "Null"
            | "NULL"
            | "~"
            | "0"
            | "NaN"
            | "no"
            | "No"
    ))
}

/// Whether `text` is one of the expression strings (`pipeline.git.branch == "main"`), which CircleCI
/// evaluates when the pipeline runs.
fn looks_like_expression(text: &str) -> bool {
    text.contains("pipeline.")
        || text.contains("==")
        || text.contains("!=")
        || text.contains(" and ")
        || text.contains(" or ")
}

/// `and` (`every` true) or `or` (`every` false) over a list.
fn all(list: &Out, every: bool) -> Option<bool> {
    let OutValue::Seq(items) = &list.value else {
        return None;
    };
    let mut undecided = false;
    for item in items {
        match decide(item) {
            Some(holds) if holds != every => return Some(!every),
            Some(_) => {}
            None => undecided = true,
        }
    }
    if undecided {
        None
    } else {
        Some(every)
    }
}

/// `equal: [a, b, ...]`: every item the same literal.
fn equal(list: &Out) -> Option<bool> {
    let OutValue::Seq(items) = &list.value else {
        return None;
    };
    let mut texts = Vec::with_capacity(items.len());
    for item in items {
        let text = item.as_str()?;
        if text.contains("<<") {
            return None;
        }
        texts.push(text);
    }
    Some(texts.windows(2).all(|pair| pair[0] == pair[1]))
}

/// `matches: {pattern, value}`, decided for the patterns that are plain text with `^` and `$` anchors;
/// other regular expressions are left to CircleCI.
fn matches(statement: &Out) -> Option<bool> {
    let pattern = statement.get("pattern")?.as_str()?;
    let value = statement.get("value")?.as_str()?;
    if value.contains("<<") {
        return None;
    }
    let start = pattern.strip_prefix('^');
    let body = start.unwrap_or(pattern);
    let end = body.strip_suffix('$');
    let literal = end.unwrap_or(body);
    if literal.contains(|c: char| ".*+?()[]{}|\\^$".contains(c)) {
        return None;
    }
    Some(match (start.is_some(), end.is_some()) {
        (true, true) => value == literal,
        (true, false) => value.starts_with(literal),
        (false, true) => value.ends_with(literal),
        (false, false) => value.contains(literal),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::span::Span;

    fn yaml(text: &str) -> Out {
        let node = crate::config::parse::parse_yaml(text).unwrap().unwrap();
        Out::copy(&node)
    }

    #[test]
    fn literals_follow_circleci_truthiness() {
        for falsy in ["false", "0", "''", "~", "NaN"] {
            assert_eq!(
                decide(&yaml(&format!("x: {falsy}")).entries()[0].1),
                Some(false),
                "{falsy}"
            );
        }
        assert_eq!(
            decide(&Out::scalar("main", true, Span::default())),
            Some(true)
        );
    }

    #[test]
    fn logic_statements_combine() {
        let out = yaml("and: [true, {not: false}, {equal: [main, main]}]");
        assert_eq!(decide(&out), Some(true));
        let out = yaml("or: [false, {equal: [a, b]}]");
        assert_eq!(decide(&out), Some(false));
        let out = yaml("matches: {pattern: '^release-', value: release-1.2}");
        assert_eq!(decide(&out), Some(true));
    }

    #[test]
    fn pipeline_values_stay_undecided() {
        let out = yaml("equal: [main, << pipeline.git.branch >>]");
        assert_eq!(decide(&out), None);
        let out = yaml("or: [false, << pipeline.git.tag >>]");
        assert_eq!(decide(&out), None);
        let out = yaml("and: [false, << pipeline.git.tag >>]");
        assert_eq!(decide(&out), Some(false));
        let out = yaml("matches: {pattern: '^v[0-9]+$', value: v12}");
        assert_eq!(decide(&out), None);
        assert_eq!(
            decide(&Out::scalar(
                "pipeline.git.branch == \"main\"",
                true,
                Span::default()
            )),
            None
        );
    }
}
