//! What the log parser says about a whole log, as a sentence of the current language.

use pipelens_core::log::Note;

use crate::format::fill;
use crate::i18n::{Lang, Msg};

/// The sentence of a note in `lang`, its arguments filled in.
pub(crate) fn note_sentence(note: &Note, lang: Lang) -> String {
    match note {
        Note::EmptyInput => lang.text(Msg::NoteEmptyInput).to_owned(),
        Note::NothingRecognised => lang.text(Msg::NoteNothingRecognised).to_owned(),
        Note::InvalidJson { line, column } => fill(
            lang.text(Msg::NoteInvalidJson),
            &[("line", line.to_string()), ("column", column.to_string())],
        ),
        Note::UnknownJson => lang.text(Msg::NoteUnknownJson).to_owned(),
        Note::JsonComments => lang.text(Msg::NoteJsonComments).to_owned(),
        Note::LooksLikeConfig => lang.text(Msg::NoteLooksLikeConfig).to_owned(),
        Note::CutMidLine { line } => fill(
            lang.text(Msg::NoteCutMidLine),
            &[("line", line.to_string())],
        ),
    }
}
