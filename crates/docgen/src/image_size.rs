//! The size of each screenshot written into its `<img>`, so that the browser reserves its place before the
//! image arrives and the text under it never jumps (cumulative layout shift); its WebP copies offered in a
//! `srcset`, so that a phone fetches the smaller one and a wide screen the full one, both a fraction of
//! the PNG (which stays the `src` and the download); and the first screenshot of a page fetched at once,
//! with priority, as it is often the largest thing on the first screen.

use std::fs;
use std::path::Path;

use pipelens_core::docs::validate::{screenshot_files, SMALL_SCREENSHOT_WIDTH};

use crate::screenshot_path;

/// How wide a screenshot is shown, for the browser's choice among the `srcset`: the whole width of the
/// page less its margins on a narrow screen (one column below 60rem, `style/docs.css`), else at most the
/// article's 52rem.
const SHOWN_WIDTH: &str = "(max-width: 60rem) calc(100vw - 2rem), 52rem";

/// The width and height of the PNG image `bytes`, read from its header (`IHDR`, right after the
/// signature); `None` when `bytes` is not a PNG image.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.len() < 24 || !bytes.starts_with(SIGNATURE) || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let number =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    Some((number(16), number(20)))
}

/// `html` with `width` and `height` added to every `<img src="screenshots/<lang>/<name>.png"` whose file
/// is in `screenshots_dir` (the others are left as they are), with a `srcset` of its WebP copies when they
/// are there too, and the first of them loaded eagerly with high priority rather than lazily.
pub fn with_image_sizes(html: &str, screenshots_dir: &Path, lang: &str) -> String {
    let sized = with_sizes(html, screenshots_dir, lang);
    let prefix = format!("<img src=\"screenshots/{lang}/");
    let Some(first) = sized.find(&prefix) else {
        return sized;
    };
    let end = sized[first..]
        .find('>')
        .map_or(sized.len(), |at| first + at);
    let tag = sized[first..end].replacen(" loading=\"lazy\"", " fetchpriority=\"high\"", 1);
    format!("{}{tag}{}", &sized[..first], &sized[end..])
}

/// `html` with `width` and `height` added to every screenshot whose file is in `screenshots_dir`, and the
/// `srcset` of its WebP copies.
fn with_sizes(html: &str, screenshots_dir: &Path, lang: &str) -> String {
    let prefix = format!("<img src=\"screenshots/{lang}/");
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find(&prefix) {
        let name_start = at + prefix.len();
        out.push_str(&rest[..name_start]);
        rest = &rest[name_start..];
        let Some(name_end) = rest.find(".png\"") else {
            continue;
        };
        let name = &rest[..name_end];
        out.push_str(&rest[..name_end + 5]);
        rest = &rest[name_end + 5..];
        let size = fs::read(screenshot_path(screenshots_dir, lang, name))
            .ok()
            .and_then(|bytes| png_size(&bytes));
        if let Some((width, height)) = size {
            out.push_str(&format!(" width=\"{width}\" height=\"{height}\""));
            let [_, full, small] = screenshot_files(name);
            let dir = screenshots_dir.join(lang);
            if dir.join(&full).is_file() && dir.join(&small).is_file() {
                out.push_str(&format!(
                    " srcset=\"screenshots/{lang}/{small} {SMALL_SCREENSHOT_WIDTH}w, screenshots/{lang}/{full} {width}w\" sizes=\"{SHOWN_WIDTH}\""
                ));
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first 24 bytes of a PNG image of `width` × `height`.
    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        bytes.extend(width.to_be_bytes());
        bytes.extend(height.to_be_bytes());
        bytes
    }

    #[test]
    fn the_size_of_a_png_is_read_from_its_header() {
        assert_eq!(png_size(&png_header(1200, 640)), Some((1200, 640)));
        assert_eq!(png_size(b"GIF89a not a png at all......"), None);
    }

    #[test]
    fn screenshots_get_their_size_and_other_images_are_left_alone() {
        let dir = std::env::temp_dir().join(format!("docgen-image-size-{}", std::process::id()));
        fs::create_dir_all(dir.join("en")).unwrap();
        fs::write(dir.join("en").join("checkout.png"), png_header(800, 450)).unwrap();
        let html = "<img src=\"screenshots/en/checkout.png\" alt=\"a\" loading=\"lazy\"> <img src=\"screenshots/en/missing.png\" alt=\"b\" loading=\"lazy\"> <img src=\"x.png\">";
        let sized = with_image_sizes(html, &dir, "en");
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            sized,
            "<img src=\"screenshots/en/checkout.png\" width=\"800\" height=\"450\" alt=\"a\" fetchpriority=\"high\"> <img src=\"screenshots/en/missing.png\" alt=\"b\" loading=\"lazy\"> <img src=\"x.png\">"
        );
    }

    #[test]
    fn a_screenshot_with_its_webp_copies_offers_them_in_a_srcset() {
        let dir = std::env::temp_dir().join(format!("docgen-srcset-{}", std::process::id()));
        fs::create_dir_all(dir.join("fr")).unwrap();
        fs::write(dir.join("fr").join("cache.png"), png_header(1050, 600)).unwrap();
        fs::write(dir.join("fr").join("cache.webp"), b"RIFF").unwrap();
        fs::write(dir.join("fr").join("cache-700.webp"), b"RIFF").unwrap();
        let html = "<p>x</p><img src=\"screenshots/fr/cache.png\" alt=\"a\" loading=\"lazy\">";
        let sized = with_image_sizes(html, &dir, "fr");
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            sized,
            format!("<p>x</p><img src=\"screenshots/fr/cache.png\" width=\"1050\" height=\"600\" srcset=\"screenshots/fr/cache-700.webp 700w, screenshots/fr/cache.webp 1050w\" sizes=\"{SHOWN_WIDTH}\" alt=\"a\" fetchpriority=\"high\">")
        );
    }
}
