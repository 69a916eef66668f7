//! The size of each screenshot written into its `<img>`, so that the browser reserves its place before the
//! image arrives and the text under it never jumps (cumulative layout shift); and the first screenshot of a
//! page fetched at once, with priority, as it is often the largest thing on the first screen.

use std::fs;
use std::path::Path;

use crate::screenshot_path;

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
/// is in `screenshots_dir` (the others are left as they are), and the first of them loaded eagerly with
/// high priority rather than lazily.
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

/// `html` with `width` and `height` added to every screenshot whose file is in `screenshots_dir`.
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
}
