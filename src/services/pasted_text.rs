//! Taking a large pasted text from the clipboard into the page without freezing it.
//!
//! A pasted text arrives as a JavaScript string (UTF-16); the page holds its text in UTF-8. Chromium's
//! conversion of a 100 MB log takes about 0.8 s however it is asked for (`TextEncoder`, or the string
//! passing of wasm-bindgen, which uses it): one 0.8 s task is a frozen page (BENCHMARKS.md, "The paste").
//! So a large text is converted by slices of [`SLICE_UNITS`] characters, about 30 ms each, and the page
//! gets its thread back between two slices.

use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::DataTransfer;

use crate::services::next_task::next_task;

/// UTF-16 units converted in one go.
const SLICE_UNITS: u32 = 4 * 1024 * 1024;

#[wasm_bindgen]
extern "C" {
    /// A `DataTransfer`, seen through the binding below.
    #[wasm_bindgen(js_name = DataTransfer)]
    type ClipboardData;

    /// `DataTransfer.getData`, returning the JavaScript string itself.
    #[wasm_bindgen(method, js_class = "DataTransfer", js_name = getData, catch)]
    fn get_data_as_js(this: &ClipboardData, format: &str) -> Result<JsString, JsValue>;

    /// The browser's UTF-8 encoder.
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;

    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;

    /// Encodes a JavaScript string (lone surrogates become U+FFFD, so the bytes are always UTF-8).
    #[wasm_bindgen(method, js_class = "TextEncoder")]
    fn encode(this: &Utf8Encoder, text: &JsString) -> Uint8Array;
}

/// The pasted text of `data` if it takes more than `limit` bytes of UTF-8, still as a JavaScript string;
/// `None` for a smaller one (the browser then inserts it as usual).
pub(crate) fn large_paste(data: &DataTransfer, limit: usize) -> Option<JsString> {
    let text = data
        .unchecked_ref::<ClipboardData>()
        .get_data_as_js("text")
        .ok()?;
    // A UTF-16 unit is 1 to 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4 bytes).
    let units = text.length() as usize;
    if units > limit {
        return Some(text);
    }
    if units.saturating_mul(3) <= limit {
        return None;
    }
    // Between the two bounds the text is a few megabytes at most: measured at once.
    (Utf8Encoder::new().encode(&text).length() as usize > limit).then_some(text)
}

/// Converts `text` to a Rust string, slice by slice, giving the page its thread back in between; `None`
/// as soon as `still_wanted` says the reader has done something else meanwhile.
pub(crate) async fn read_large_paste(
    text: JsString,
    still_wanted: impl Fn() -> bool,
) -> Option<String> {
    let encoder = Utf8Encoder::new();
    let length = text.length();
    let mut read = String::new();
    let mut start = 0;
    while start < length {
        let mut end = start.saturating_add(SLICE_UNITS).min(length);
        // A slice never ends between the two halves of a surrogate pair.
        if end < length && is_high_surrogate(text.char_code_at(end - 1)) {
            end -= 1;
        }
        let slice = utf8_text(encoder.encode(&text.substring(start, end)).to_vec());
        if start == 0 {
            // The first slice tells how many bytes a character takes here: growing a 100 MB string
            // by doubling would leave most of a second one unused.
            read.reserve(estimated_bytes(slice.len(), end, length));
        }
        read.push_str(&slice);
        start = end;
        next_task().await;
        if !still_wanted() {
            return None;
        }
    }
    Some(read)
}

/// The bytes of a whole text of `units` UTF-16 units, from a first slice of `first_units` that took
/// `first_bytes`, with 2 % to spare.
fn estimated_bytes(first_bytes: usize, first_units: u32, units: u32) -> usize {
    let ratio = first_bytes as f64 / f64::from(first_units.max(1));
    (f64::from(units) * ratio * 1.02) as usize
}

/// Whether a UTF-16 unit is the first half of a surrogate pair.
fn is_high_surrogate(unit: f64) -> bool {
    (f64::from(0xD800)..=f64::from(0xDBFF)).contains(&unit)
}

/// The text of UTF-8 bytes, replacing what is not UTF-8 (which `TextEncoder` never produces).
fn utf8_text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_kept_and_anything_else_replaced() {
        assert_eq!(
            utf8_text("Étape « Checkout »".as_bytes().to_vec()),
            "Étape « Checkout »"
        );
        assert_eq!(utf8_text(b"ok\xffko".to_vec()), "ok\u{fffd}ko");
    }

    #[test]
    fn the_size_is_estimated_from_the_first_slice() {
        // 4 M units of ASCII, 100 M in all: 102 MB reserved.
        assert_eq!(
            estimated_bytes(4_000_000, 4_000_000, 100_000_000),
            102_000_000
        );
        // Three bytes a character (CJK text).
        assert_eq!(estimated_bytes(300, 100, 1000), 3060);
        assert_eq!(estimated_bytes(0, 0, 0), 0);
    }

    #[test]
    fn only_the_first_half_of_a_pair_is_a_high_surrogate() {
        let units: Vec<u16> = "a😀".encode_utf16().collect();
        assert!(!is_high_surrogate(f64::from(units[0])));
        assert!(is_high_surrogate(f64::from(units[1])));
        assert!(!is_high_surrogate(f64::from(units[2])));
    }
}
