//! Syntax highlighting of the two languages the documentation and the config explainer show: YAML and
//! shell.
//!
//! The tokenizers are deliberately small: they split a text into [`Token`]s whose texts, put back together,
//! are exactly the input, and mark what a reader looks for (comments, keys, strings, anchors, templates and
//! pipeline values in YAML; comments, strings, variables and keywords in shell). They never fail: anything
//! they do not recognise is [`TokenKind::Plain`].

/// A language the highlighter knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// YAML, as in `.circleci/config.yml`.
    Yaml,
    /// A POSIX shell script, as in a `run` step.
    Shell,
}

impl Language {
    /// The language of a fenced code block's info string (`yaml`, `yml`, `shell`, `sh`, `bash`, `console`).
    pub fn from_fence(info: &str) -> Option<Language> {
        match info.split_whitespace().next().unwrap_or_default() {
            "yaml" | "yml" => Some(Language::Yaml),
            "shell" | "sh" | "bash" | "console" => Some(Language::Shell),
            _ => None,
        }
    }
}

/// What a piece of highlighted text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Nothing in particular.
    Plain,
    /// A comment, up to the end of its line.
    Comment,
    /// A mapping key in YAML.
    Key,
    /// A quoted string, or the lines of a YAML block scalar.
    String,
    /// A YAML anchor (`&name`).
    Anchor,
    /// A YAML alias (`*name`).
    Alias,
    /// A cache-key template (`{{ checksum "x" }}`).
    Template,
    /// A pipeline value or parameter (`<< pipeline.git.branch >>`).
    PipelineValue,
    /// A shell variable (`$HOME`, `${CIRCLE_SHA1}`).
    Variable,
    /// A shell keyword (`if`, `then`, `for`...).
    Keyword,
}

impl TokenKind {
    /// The CSS class of this kind (`tok-comment`...), `None` for plain text.
    pub fn css_class(self) -> Option<&'static str> {
        Some(match self {
            TokenKind::Plain => return None,
            TokenKind::Comment => "tok-comment",
            TokenKind::Key => "tok-key",
            TokenKind::String => "tok-string",
            TokenKind::Anchor => "tok-anchor",
            TokenKind::Alias => "tok-alias",
            TokenKind::Template => "tok-template",
            TokenKind::PipelineValue => "tok-pipeline-value",
            TokenKind::Variable => "tok-variable",
            TokenKind::Keyword => "tok-keyword",
        })
    }
}

/// A piece of the input and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// What the text is.
    pub kind: TokenKind,
    /// The text, a slice of the input.
    pub text: &'a str,
}

/// Splits `code` into tokens; their texts, concatenated, are `code`.
pub fn highlight(language: Language, code: &str) -> Vec<Token<'_>> {
    let mut out = Tokens {
        code,
        tokens: Vec::new(),
        end: 0,
    };
    match language {
        Language::Yaml => yaml(code, &mut out),
        Language::Shell => shell(code, &mut out),
    }
    out.tokens
}

/// The tokens being built, merging neighbours of the same kind.
struct Tokens<'a> {
    code: &'a str,
    tokens: Vec<Token<'a>>,
    /// The byte offset where the last token ends.
    end: usize,
}

impl<'a> Tokens<'a> {
    /// Appends `code[start..end]` as `kind`.
    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        if start >= end {
            return;
        }
        match self.tokens.last_mut() {
            Some(last) if last.kind == kind && self.end == start => {
                let last_start = self.end - last.text.len();
                last.text = &self.code[last_start..end];
            }
            _ => self.tokens.push(Token {
                kind,
                text: &self.code[start..end],
            }),
        }
        self.end = end;
    }
}

/// The lines of `code` as `(start, end)` byte ranges, each including its line break.
fn lines(code: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= code.len() {
            return None;
        }
        let end = code[start..]
            .find('\n')
            .map_or(code.len(), |at| start + at + 1);
        let line = (start, end);
        start = end;
        Some(line)
    })
}

/// The number of leading spaces of a line.
fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Highlights YAML line by line, following block scalars (`|`, `>`) so that their lines are strings.
fn yaml(code: &str, out: &mut Tokens<'_>) {
    // The indentation of the line that opened a block scalar, while inside one.
    let mut block_parent: Option<usize> = None;
    for (start, end) in lines(code) {
        let line = &code[start..end];
        if let Some(parent) = block_parent {
            if line.trim().is_empty() || indent_of(line) > parent {
                yaml_value(code, start, end, TokenKind::String, out);
                continue;
            }
            block_parent = None;
        }
        if yaml_line(code, start, end, out) {
            block_parent = Some(indent_of(line));
        }
    }
}

/// Highlights one YAML line; returns whether it opens a block scalar.
fn yaml_line(code: &str, start: usize, end: usize, out: &mut Tokens<'_>) -> bool {
    let line = &code[start..end];
    let mut at = start + indent_of(line);
    // List markers.
    while code[at..end].starts_with("- ") {
        at += 2;
        at += indent_of(&code[at..end]);
    }
    out.push(TokenKind::Plain, start, at);
    if code[at..end].starts_with('#') {
        out.push(TokenKind::Comment, at, end);
        return false;
    }
    if let Some(colon) = key_end(&code[at..end]) {
        out.push(TokenKind::Key, at, at + colon);
        out.push(TokenKind::Plain, at + colon, at + colon + 1);
        at += colon + 1;
    }
    let value = code[at..end].trim();
    let opens_block = value.starts_with(['|', '>'])
        && value[1..]
            .chars()
            .all(|c| matches!(c, '-' | '+' | '0'..='9'));
    yaml_value(code, at, end, TokenKind::Plain, out);
    opens_block
}

/// The length of the key at the start of `rest` (a plain or `<<` key followed by `:` and a blank), if any.
fn key_end(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    if rest.starts_with(['"', '\'', '#', '&', '*', '{', '[', '|', '>']) && !rest.starts_with("<<") {
        return None;
    }
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b':' if bytes
                .get(index + 1)
                .is_none_or(|next| next.is_ascii_whitespace()) =>
            {
                return (index > 0).then_some(index);
            }
            b' ' if bytes.get(index + 1) == Some(&b'#') => return None,
            b'\n' => return None,
            _ => index += 1,
        }
    }
    None
}

/// Highlights a YAML value (or block scalar line) from `start` to `end`: strings, comments, anchors, aliases,
/// templates and pipeline values; the rest is `base`.
fn yaml_value(code: &str, start: usize, end: usize, base: TokenKind, out: &mut Tokens<'_>) {
    let mut at = start;
    let mut plain_from = start;
    let bytes = code.as_bytes();
    while at < end {
        let rest = &code[at..end];
        let before_is_blank = at == start || bytes[at - 1].is_ascii_whitespace();
        let token = if let Some(len) = special_span(rest) {
            Some((special_kind(rest), len))
        } else if base == TokenKind::Plain && rest.starts_with('#') && before_is_blank {
            Some((TokenKind::Comment, rest.trim_end_matches('\n').len()))
        } else if base == TokenKind::Plain && before_is_blank && rest.starts_with(['&', '*']) {
            let len = rest
                .find(|c: char| c.is_whitespace() || c == ',' || c == ']' || c == '}')
                .unwrap_or(rest.len());
            let kind = if rest.starts_with('&') {
                TokenKind::Anchor
            } else {
                TokenKind::Alias
            };
            (len > 1).then_some((kind, len))
        } else if base == TokenKind::Plain && rest.starts_with(['"', '\'']) {
            let quote = rest.as_bytes()[0];
            let close = quoted_end(rest.as_bytes(), quote);
            yaml_string(code, at, at + close, out, &mut plain_from, base);
            at += close;
            continue;
        } else {
            None
        };
        match token {
            Some((kind, len)) => {
                out.push(base, plain_from, at);
                out.push(kind, at, at + len);
                at += len;
                plain_from = at;
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out.push(base, plain_from, end);
}

/// Emits a quoted YAML string `code[start..end]`, with the templates and pipeline values inside it.
fn yaml_string(
    code: &str,
    start: usize,
    end: usize,
    out: &mut Tokens<'_>,
    plain_from: &mut usize,
    base: TokenKind,
) {
    out.push(base, *plain_from, start);
    let mut at = start;
    let mut string_from = start;
    while at < end {
        let rest = &code[at..end];
        match special_span(rest) {
            Some(len) => {
                out.push(TokenKind::String, string_from, at);
                out.push(special_kind(rest), at, at + len);
                at += len;
                string_from = at;
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out.push(TokenKind::String, string_from, end);
    *plain_from = end;
}

/// The length of a quoted string starting at `bytes[0]` (its closing quote included; up to the end of the
/// line when it is not closed).
fn quoted_end(bytes: &[u8], quote: u8) -> usize {
    let mut index = 1;
    while index < bytes.len() {
        match bytes[index] {
            b'\\' if quote == b'"' => index += 2,
            b'\n' => return index,
            byte if byte == quote => {
                if quote == b'\'' && bytes.get(index + 1) == Some(&b'\'') {
                    index += 2;
                } else {
                    return index + 1;
                }
            }
            _ => index += 1,
        }
    }
    bytes.len()
}

/// The length of a `{{ ... }}` template or `<< ... >>` pipeline value at the start of `rest`, on one line.
fn special_span(rest: &str) -> Option<usize> {
    let (open, close) = if rest.starts_with("{{") {
        ("{{", "}}")
    } else if rest.starts_with("<<")
        && !rest[2..].trim_start_matches(' ').starts_with(':')
        && !rest[2..].is_empty()
    {
        ("<<", ">>")
    } else {
        return None;
    };
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    line[open.len()..]
        .find(close)
        .map(|at| open.len() + at + close.len())
}

/// The kind of the span found by [`special_span`].
fn special_kind(rest: &str) -> TokenKind {
    if rest.starts_with("{{") {
        TokenKind::Template
    } else {
        TokenKind::PipelineValue
    }
}

/// The words a shell treats as keywords.
const SHELL_KEYWORDS: &[&str] = &[
    "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac",
    "in", "function", "return", "export", "local", "set", "exit", "shift", "readonly", "unset",
];

/// Highlights a shell script: comments, quoted strings (with variables inside double quotes), variables
/// and keywords.
fn shell(code: &str, out: &mut Tokens<'_>) {
    let bytes = code.as_bytes();
    let mut at = 0;
    let mut plain_from = 0;
    while at < code.len() {
        let rest = &code[at..];
        let before_is_blank =
            at == 0 || bytes[at - 1].is_ascii_whitespace() || bytes[at - 1] == b';';
        let token = if rest.starts_with('#') && before_is_blank {
            Some((TokenKind::Comment, rest.find('\n').unwrap_or(rest.len())))
        } else if let Some(inside) = rest.strip_prefix('\'') {
            Some((
                TokenKind::String,
                inside.find('\'').map_or(rest.len(), |close| close + 2),
            ))
        } else if rest.starts_with('"') {
            out.push(TokenKind::Plain, plain_from, at);
            let close = double_quoted_end(rest.as_bytes());
            shell_double_quoted(code, at, at + close, out);
            at += close;
            plain_from = at;
            continue;
        } else if let Some(len) = variable_len(rest) {
            Some((TokenKind::Variable, len))
        } else if before_is_blank || at == 0 {
            let word_len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            let after = rest[word_len..].chars().next();
            let is_keyword = word_len > 0
                && SHELL_KEYWORDS.contains(&&rest[..word_len])
                && after.is_none_or(|c| c.is_whitespace() || c == ';');
            is_keyword.then_some((TokenKind::Keyword, word_len))
        } else {
            None
        };
        match token {
            Some((kind, len)) => {
                out.push(TokenKind::Plain, plain_from, at);
                out.push(kind, at, at + len);
                at += len;
                plain_from = at;
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out.push(TokenKind::Plain, plain_from, code.len());
}

/// The length of a double-quoted shell string at the start of `bytes`, closing quote included.
fn double_quoted_end(bytes: &[u8]) -> usize {
    let mut index = 1;
    while index < bytes.len() {
        match bytes[index] {
            b'\\' => index += 2,
            b'"' => return index + 1,
            _ => index += 1,
        }
    }
    bytes.len()
}

/// Emits a double-quoted shell string `code[start..end]`, with the variables inside it.
fn shell_double_quoted(code: &str, start: usize, end: usize, out: &mut Tokens<'_>) {
    let end = end.min(code.len());
    let mut at = start;
    let mut string_from = start;
    while at < end {
        let rest = &code[at..end];
        match variable_len(rest) {
            Some(len) => {
                out.push(TokenKind::String, string_from, at);
                out.push(TokenKind::Variable, at, at + len);
                at += len;
                string_from = at;
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out.push(TokenKind::String, string_from, end);
}

/// The length of a shell variable at the start of `rest`: `$NAME`, `${...}`, `$1`, `$?`, `$$`...
fn variable_len(rest: &str) -> Option<usize> {
    let after = rest.strip_prefix('$')?;
    if after.starts_with('{') {
        let line = &after[..after.find('\n').unwrap_or(after.len())];
        return line.find('}').map(|close| close + 2);
    }
    let name_len = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(after.len());
    if name_len > 0 {
        return Some(name_len + 1);
    }
    after
        .starts_with(['?', '$', '@', '*', '#', '!', '-'])
        .then_some(2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The tokens as `(kind, text)` pairs, without plain ones, for short assertions.
    fn marked(language: Language, code: &str) -> Vec<(TokenKind, &str)> {
        highlight(language, code)
            .into_iter()
            .filter(|token| token.kind != TokenKind::Plain)
            .map(|token| (token.kind, token.text))
            .collect()
    }

    #[test]
    fn yaml_keys_comments_and_strings() {
        let code = "version: 2.1 # the config version\njobs:\n  test:\n    docker:\n      - image: \"cimg/python:3.12\"\n";
        assert_eq!(
            marked(Language::Yaml, code),
            vec![
                (TokenKind::Key, "version"),
                (TokenKind::Comment, "# the config version"),
                (TokenKind::Key, "jobs"),
                (TokenKind::Key, "test"),
                (TokenKind::Key, "docker"),
                (TokenKind::Key, "image"),
                (TokenKind::String, "\"cimg/python:3.12\""),
            ]
        );
    }

    #[test]
    fn yaml_anchors_aliases_templates_and_pipeline_values() {
        let code = "defaults: &defaults\n  <<: *base\n  key: deps-{{ checksum \"Pipfile.lock\" }}\n  branch: << pipeline.git.branch >>\n";
        assert_eq!(
            marked(Language::Yaml, code),
            vec![
                (TokenKind::Key, "defaults"),
                (TokenKind::Anchor, "&defaults"),
                (TokenKind::Key, "<<"),
                (TokenKind::Alias, "*base"),
                (TokenKind::Key, "key"),
                (TokenKind::Template, "{{ checksum \"Pipfile.lock\" }}"),
                (TokenKind::Key, "branch"),
                (TokenKind::PipelineValue, "<< pipeline.git.branch >>"),
            ]
        );
    }

    #[test]
    fn yaml_templates_inside_strings_and_block_scalars() {
        let code =
            "key: 'v1-{{ .Branch }}'\ncommand: |\n  echo key: value # not a comment\nnext: 1\n";
        assert_eq!(
            marked(Language::Yaml, code),
            vec![
                (TokenKind::Key, "key"),
                (TokenKind::String, "'v1-"),
                (TokenKind::Template, "{{ .Branch }}"),
                (TokenKind::String, "'"),
                (TokenKind::Key, "command"),
                (TokenKind::String, "  echo key: value # not a comment\n"),
                (TokenKind::Key, "next"),
            ]
        );
    }

    #[test]
    fn yaml_hash_inside_a_word_is_not_a_comment() {
        assert_eq!(
            marked(Language::Yaml, "url: a#b\n"),
            vec![(TokenKind::Key, "url")]
        );
    }

    #[test]
    fn shell_comments_strings_variables_and_keywords() {
        let code = "# install\nif [ -n \"$CIRCLE_TAG\" ]; then echo 'tag' ${HOME}; fi\n";
        assert_eq!(
            marked(Language::Shell, code),
            vec![
                (TokenKind::Comment, "# install"),
                (TokenKind::Keyword, "if"),
                (TokenKind::String, "\""),
                (TokenKind::Variable, "$CIRCLE_TAG"),
                (TokenKind::String, "\""),
                (TokenKind::Keyword, "then"),
                (TokenKind::String, "'tag'"),
                (TokenKind::Variable, "${HOME}"),
                (TokenKind::Keyword, "fi"),
            ]
        );
    }

    #[test]
    fn shell_words_containing_keywords_are_plain() {
        assert_eq!(
            marked(Language::Shell, "pip install done-x\nexit $?\n"),
            vec![(TokenKind::Keyword, "exit"), (TokenKind::Variable, "$?"),]
        );
    }

    #[test]
    fn fences_name_the_language() {
        assert_eq!(Language::from_fence("yaml"), Some(Language::Yaml));
        assert_eq!(Language::from_fence("bash title"), Some(Language::Shell));
        assert_eq!(Language::from_fence("text"), None);
    }

    proptest! {
        #[test]
        fn tokens_put_back_together_are_the_input(code in "[ -~\n\té«»’]{0,200}") {
            for language in [Language::Yaml, Language::Shell] {
                let joined: String = highlight(language, &code).iter().map(|token| token.text).collect();
                prop_assert_eq!(&joined, &code);
            }
        }
    }
}
