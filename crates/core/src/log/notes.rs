//! Notes: what the parser wants to tell the user about the input, as codes with arguments.
//!
//! The core holds no sentence: the app holds one per language under `note.<id>`, and
//! [`Note::label`] is only the English wording the CLI prints.

use serde::Serialize;

/// Something the parser wants to tell the user about the input as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "id")]
pub enum Note {
    /// The input holds no visible text at all.
    EmptyInput,
    /// No step title, footer or known output was found: the lines are shown as they are.
    NothingRecognised,
    /// The input looks like JSON but is not valid JSON (1-based position of the error).
    InvalidJson {
        /// The line of the error.
        line: usize,
        /// The column of the error.
        column: usize,
    },
    /// The input is valid JSON but not a CircleCI API answer this parser knows.
    UnknownJson,
    /// The input is JSON with comments (as CircleCI's API documentation prints it): it was read without
    /// them.
    JsonComments,
    /// The input is a `.circleci/config.yml`, not a log.
    LooksLikeConfig,
    /// The last line looks cut in the middle (1-based line number).
    CutMidLine {
        /// The line that looks cut.
        line: usize,
    },
}

impl Note {
    /// The stable kebab-case id (`note.<id>` in the locale files).
    pub fn id(&self) -> &'static str {
        match self {
            Note::EmptyInput => "empty-input",
            Note::NothingRecognised => "nothing-recognised",
            Note::InvalidJson { .. } => "invalid-json",
            Note::UnknownJson => "unknown-json",
            Note::JsonComments => "json-comments",
            Note::LooksLikeConfig => "looks-like-config",
            Note::CutMidLine { .. } => "cut-mid-line",
        }
    }

    /// The English wording, with its arguments, used by the CLI.
    pub fn label(&self) -> String {
        match self {
            Note::EmptyInput => "the input is empty".to_owned(),
            Note::NothingRecognised => "no CircleCI step was recognised".to_owned(),
            Note::InvalidJson { line, column } => {
                format!("the input looks like JSON but is invalid at line {line} column {column}; read as plain text")
            }
            Note::UnknownJson => {
                "the JSON is not a CircleCI API answer this parser knows".to_owned()
            }
            Note::JsonComments => {
                "the JSON holds comments (as the API documentation prints it); it was read without them"
                    .to_owned()
            }
            Note::LooksLikeConfig => {
                "the input is a .circleci/config.yml, not a build log".to_owned()
            }
            Note::CutMidLine { line } => format!("line {line} looks cut in the middle"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_tag_matches_id_and_keeps_arguments() {
        let note = Note::InvalidJson { line: 3, column: 7 };
        let json = serde_json::to_value(&note).expect("a note serialises");
        assert_eq!(json["id"], note.id());
        assert_eq!(json["line"], 3);
        assert_eq!(
            serde_json::to_value(Note::EmptyInput).expect("a note serialises")["id"],
            "empty-input"
        );
        assert!(note.label().contains("line 3 column 7"));
    }
}
