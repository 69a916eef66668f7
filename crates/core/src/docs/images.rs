//! The headers of the two image formats the documentation ships: PNG (the screenshots as taken, offered for
//! download) and WebP (their lighter copies, shown by the pages). Only the size is read, after checking
//! that the header is one of the format: enough to catch a missing, truncated or stale file at build time.

/// The PNG signature.
const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];

/// The width and height of a PNG, after checking its signature and its `IHDR` chunk (length 13, first,
/// non-zero size, a known bit depth and colour type).
pub fn check_png(bytes: &[u8]) -> Result<(u32, u32), String> {
    if bytes.get(..8) != Some(&PNG_SIGNATURE[..]) {
        return Err("not a PNG (bad signature)".to_owned());
    }
    let header = bytes.get(8..33).ok_or("truncated PNG (no IHDR chunk)")?;
    let be = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    if be(0) != 13 || &header[4..8] != b"IHDR" {
        return Err("the first chunk is not a 13-byte IHDR".to_owned());
    }
    let (width, height, depth, colour) = (be(8), be(12), header[16], header[17]);
    if width == 0 || height == 0 {
        return Err(format!("empty image ({width}x{height})"));
    }
    let valid_depth = match colour {
        0 => matches!(depth, 1 | 2 | 4 | 8 | 16),
        3 => matches!(depth, 1 | 2 | 4 | 8),
        2 | 4 | 6 => matches!(depth, 8 | 16),
        _ => false,
    };
    if !valid_depth {
        return Err(format!(
            "invalid bit depth {depth} for colour type {colour}"
        ));
    }
    Ok((width, height))
}

/// The width and height of a WebP image, after checking its `RIFF`/`WEBP` header and the first chunk:
/// `VP8 ` (lossy: the key frame's start code), `VP8L` (lossless: its signature byte) or `VP8X` (extended:
/// the canvas size).
pub fn check_webp(bytes: &[u8]) -> Result<(u32, u32), String> {
    if bytes.get(..4) != Some(b"RIFF") || bytes.get(8..12) != Some(b"WEBP") {
        return Err("not a WebP image (no RIFF/WEBP header)".to_owned());
    }
    let chunk = bytes.get(12..30).ok_or("truncated WebP image")?;
    let le16 = |at: usize| u32::from(u16::from_le_bytes([chunk[at], chunk[at + 1]]));
    let le24 = |at: usize| u32::from_le_bytes([chunk[at], chunk[at + 1], chunk[at + 2], 0]);
    let (width, height) = match &chunk[..4] {
        b"VP8 " => {
            if chunk[11..14] != [0x9d, 0x01, 0x2a] {
                return Err("a lossy WebP image without a key frame".to_owned());
            }
            (le16(14) & 0x3fff, le16(16) & 0x3fff)
        }
        b"VP8L" => {
            if chunk[8] != 0x2f {
                return Err("a lossless WebP image without its signature".to_owned());
            }
            let bits = u32::from_le_bytes([chunk[9], chunk[10], chunk[11], chunk[12]]);
            ((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1)
        }
        b"VP8X" => (le24(12) + 1, le24(15) + 1),
        other => {
            return Err(format!(
                "an unknown WebP chunk {:?}",
                String::from_utf8_lossy(other)
            ))
        }
    };
    if width == 0 || height == 0 {
        return Err(format!("empty image ({width}x{height})"));
    }
    Ok((width, height))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A WebP file's first 30 bytes, with `chunk` (its name and the 14 bytes after its size).
    fn webp(chunk: &[u8]) -> Vec<u8> {
        let mut bytes = b"RIFF\0\0\0\0WEBP".to_vec();
        bytes.extend_from_slice(&chunk[..4]);
        bytes.extend_from_slice(&[0; 4]);
        bytes.extend_from_slice(&chunk[4..]);
        bytes.resize(30, 0);
        bytes
    }

    #[test]
    fn lossy_lossless_and_extended_webp_give_their_size() {
        let mut lossy = b"VP8 \0\0\0\x9d\x01\x2a".to_vec();
        lossy.extend_from_slice(&700u16.to_le_bytes());
        lossy.extend_from_slice(&559u16.to_le_bytes());
        assert_eq!(check_webp(&webp(&lossy)), Ok((700, 559)));

        let bits: u32 = (1050 - 1) | ((839 - 1) << 14);
        let mut lossless = b"VP8L\x2f".to_vec();
        lossless.extend_from_slice(&bits.to_le_bytes());
        assert_eq!(check_webp(&webp(&lossless)), Ok((1050, 839)));

        let mut extended = b"VP8X\x10\0\0\0".to_vec();
        extended.extend_from_slice(&[0x19, 0x04, 0x00, 0x46, 0x03, 0x00]);
        assert_eq!(check_webp(&webp(&extended)), Ok((1050, 839)));
    }

    #[test]
    fn other_files_are_refused_with_a_reason() {
        assert!(check_webp(b"\x89PNG\r\n\x1a\n").is_err());
        assert!(check_webp(b"RIFF\0\0\0\0WEBPVP8 ").is_err(), "truncated");
        assert!(
            check_webp(&webp(b"VP8 \0\0\0\0\0\0")).is_err(),
            "no key frame"
        );
        assert!(check_webp(&webp(b"ALPH")).is_err());
    }
}
