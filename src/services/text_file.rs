//! Reading a file the user opened or dropped as text, whatever its bytes.

use gloo_file::Blob;

/// The text of a file, and whether it held bytes that are not UTF-8 text (replaced, never refused).
pub(crate) struct TextFile {
    /// The file's text; invalid UTF-8 sequences are replaced by U+FFFD.
    pub(crate) text: String,
    /// Whether the file held invalid UTF-8 or NUL bytes.
    pub(crate) binary: bool,
}

/// Reads `file` completely; the error is the browser's message.
pub(crate) async fn read_text_file(file: web_sys::File) -> Result<TextFile, String> {
    let bytes = gloo_file::futures::read_as_bytes(&Blob::from(file))
        .await
        .map_err(|err| err.to_string())?;
    Ok(decode(&bytes))
}

/// Decodes bytes as UTF-8, replacing what is not.
fn decode(bytes: &[u8]) -> TextFile {
    let binary = bytes.contains(&0) || std::str::from_utf8(bytes).is_err();
    TextFile {
        text: String::from_utf8_lossy(bytes).into_owned(),
        binary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_kept_and_bad_bytes_are_replaced_not_refused() {
        let good = decode("Checkout code\n».".as_bytes());
        assert_eq!(good.text, "Checkout code\n».");
        assert!(!good.binary);
        let bad = decode(b"Spin up\xff\xfe environment\0");
        assert!(bad.binary);
        assert!(bad.text.starts_with("Spin up\u{fffd}"));
        assert!(bad.text.ends_with("environment\0"));
    }
}
