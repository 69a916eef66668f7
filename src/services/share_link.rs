//! Share links: a pasted log or configuration, with its selected phase or part, packed into the fragment of
//! an address (`https://host/<base>/en/#share=v1.<payload>`). Browsers never send the fragment to a
//! server, so the text stays between the person who copies the link and the one who opens it.
//!
//! [`encode`] builds the fragment in three steps, and [`decode`] undoes them in reverse:
//!
//! 1. A header line says which page the view belongs to and what was selected (`log 3` for the third
//!    phase, `config 12:5` for the part at line 12, column 5, `config 12` for a highlighted line, `-` for
//!    nothing); the text follows it unchanged.
//! 2. The whole is compressed in the zlib format (deflate plus an Adler-32 checksum, so that a damaged or
//!    cut link is refused instead of opening a garbled text).
//! 3. The bytes are written in URL-safe base64 without padding, after `share=v1.`.
//!
//! The language is not in the payload: it is the first segment of the link's path (`/en/`, `/fr/`), as on
//! every page. The fragment replaces the pages' own `#phase-3` and `?line=12&column=5` while the link is
//! opened; the page then rewrites the address in that normal form. This module knows nothing of the
//! browser, so it is tested natively.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::deflate::compress_to_vec_zlib;
use miniz_oxide::inflate::{decompress_to_vec_zlib_with_limit, TINFLStatus};

/// What starts the fragment of a share link (after `#`).
pub(crate) const FRAGMENT_KEY: &str = "share=";
/// The version of the payload format written by [`encode`]; [`decode`] refuses any other.
pub(crate) const VERSION: &str = "v1";
/// Links longer than this (in characters) are cut by some chat tools, mail clients and browsers.
pub(crate) const LONG_LINK: usize = 8_000;
/// Links longer than this (2 MB, Chromium's limit for an address) are not made, nor opened.
pub(crate) const MAX_LINK: usize = 2 * 1024 * 1024;
/// The most text a link may unpack to (deflate can shrink a repetitive text a thousand times).
pub(crate) const MAX_PAYLOAD: usize = 32 * 1024 * 1024;
/// The zlib compression level: the best, since a shorter link matters more than a few milliseconds.
const LEVEL: u8 = 9;

/// The page a shared view belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SharedPage {
    /// The log explainer (`/<lang>/`).
    Log,
    /// The config explainer (`/<lang>/config`).
    Config,
}

impl SharedPage {
    /// The word of the header line, also the key of the page's name in the sentences.
    fn word(self) -> &'static str {
        match self {
            SharedPage::Log => "log",
            SharedPage::Config => "config",
        }
    }
}

/// What was selected in the shared view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Selection {
    /// Nothing.
    Nothing,
    /// A phase of the log, by its number (1-based, as in `#phase-3`).
    Phase(usize),
    /// A highlighted line of the config (1-based).
    Line(usize),
    /// The config part written at this line and column (both 1-based).
    Position {
        /// The line.
        line: usize,
        /// The column.
        column: usize,
    },
}

/// Everything a share link carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SharedView {
    /// The page to open.
    pub(crate) page: SharedPage,
    /// What to select there.
    pub(crate) selection: Selection,
    /// The text to put in the editor.
    pub(crate) text: String,
}

/// Why a share link cannot be opened (or made).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ShareError {
    /// The link was cut or altered: bad base64, a broken deflate stream, a wrong checksum, a bad header.
    Damaged,
    /// The link was made by another version of the site, whose format this one does not read.
    UnsupportedVersion,
    /// The link, or the text it unpacks to, is larger than the limits.
    TooLarge,
    /// The link is for the other explainer (its path was changed by hand).
    OtherPage,
}

impl ShareError {
    /// Every error, for the check that each has its sentence.
    #[cfg(test)]
    const ALL: [ShareError; 4] = [
        ShareError::Damaged,
        ShareError::UnsupportedVersion,
        ShareError::TooLarge,
        ShareError::OtherPage,
    ];

    /// The stable id of the error, the end of its sentence's key (`share.error.<id>`).
    pub(crate) fn id(self) -> &'static str {
        match self {
            ShareError::Damaged => "damaged",
            ShareError::UnsupportedVersion => "version",
            ShareError::TooLarge => "too-large",
            ShareError::OtherPage => "other-page",
        }
    }
}

/// The fragment (without `#`) of a link to `view`: `share=v1.<base64url(zlib(header + text))>`.
pub(crate) fn encode(view: &SharedView) -> String {
    let selection = match (view.page, view.selection) {
        (SharedPage::Log, Selection::Phase(number)) => number.to_string(),
        (SharedPage::Config, Selection::Line(line)) => line.to_string(),
        (SharedPage::Config, Selection::Position { line, column }) => format!("{line}:{column}"),
        // A selection that does not belong to the page is not carried.
        _ => "-".to_owned(),
    };
    let payload = format!("{} {selection}\n{}", view.page.word(), view.text);
    let packed = compress_to_vec_zlib(payload.as_bytes(), LEVEL);
    format!("{FRAGMENT_KEY}{VERSION}.{}", URL_SAFE_NO_PAD.encode(packed))
}

/// The view carried by a fragment (with or without its `#`); `None` when the fragment is not a share link
/// at all (`#phase-3`, empty), so that the page opens as usual.
pub(crate) fn decode(fragment: &str) -> Option<Result<SharedView, ShareError>> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let rest = fragment.strip_prefix(FRAGMENT_KEY)?;
    Some(decode_payload(rest))
}

/// Like [`decode`], for a link opened on `page`: a view of the other page is refused.
pub(crate) fn decode_for(
    page: SharedPage,
    fragment: &str,
) -> Option<Result<SharedView, ShareError>> {
    decode(fragment).map(|opened| {
        opened.and_then(|view| {
            if view.page == page {
                Ok(view)
            } else {
                Err(ShareError::OtherPage)
            }
        })
    })
}

/// Decodes what follows `share=`: the version, a dot, the packed payload.
fn decode_payload(rest: &str) -> Result<SharedView, ShareError> {
    if rest.len() > MAX_LINK {
        return Err(ShareError::TooLarge);
    }
    let (version, packed) = rest.split_once('.').ok_or(ShareError::Damaged)?;
    if version != VERSION {
        let looks_like_version = version
            .strip_prefix('v')
            .is_some_and(|number| !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()));
        return Err(if looks_like_version {
            ShareError::UnsupportedVersion
        } else {
            ShareError::Damaged
        });
    }
    // Some tools escape or append characters when they pass a link on; a space or a newline is a cut.
    let bytes = URL_SAFE_NO_PAD
        .decode(packed.trim_end())
        .map_err(|_| ShareError::Damaged)?;
    let payload = decompress_to_vec_zlib_with_limit(&bytes, MAX_PAYLOAD).map_err(|error| {
        if error.status == TINFLStatus::HasMoreOutput {
            ShareError::TooLarge
        } else {
            ShareError::Damaged
        }
    })?;
    let payload = String::from_utf8(payload).map_err(|_| ShareError::Damaged)?;
    let (header, text) = payload.split_once('\n').ok_or(ShareError::Damaged)?;
    let (page, selection) = header.split_once(' ').ok_or(ShareError::Damaged)?;
    let page = match page {
        "log" => SharedPage::Log,
        "config" => SharedPage::Config,
        _ => return Err(ShareError::Damaged),
    };
    let selection = parse_selection(page, selection).ok_or(ShareError::Damaged)?;
    Ok(SharedView {
        page,
        selection,
        text: text.to_owned(),
    })
}

/// The selection of a header (`-`, `3`, `12:5`), if it is valid for `page`; numbers start at 1.
fn parse_selection(page: SharedPage, text: &str) -> Option<Selection> {
    let number = |text: &str| text.parse::<usize>().ok().filter(|&n| n > 0);
    if text == "-" {
        return Some(Selection::Nothing);
    }
    match page {
        SharedPage::Log => number(text).map(Selection::Phase),
        SharedPage::Config => match text.split_once(':') {
            Some((line, column)) => Some(Selection::Position {
                line: number(line)?,
                column: number(column)?,
            }),
            None => number(text).map(Selection::Line),
        },
    }
}

/// How a link of `length` characters fares when it is passed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LinkLength {
    /// Short enough for anything.
    Fine,
    /// Over [`LONG_LINK`]: some chat tools and browsers cut it.
    Long,
    /// Over [`MAX_LINK`]: not made.
    TooLong,
}

/// Classifies a link by its length in characters.
pub(crate) fn link_length(length: usize) -> LinkLength {
    if length > MAX_LINK {
        LinkLength::TooLong
    } else if length > LONG_LINK {
        LinkLength::Long
    } else {
        LinkLength::Fine
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A log view with `text`, the third phase selected.
    fn log_view(text: &str) -> SharedView {
        SharedView {
            page: SharedPage::Log,
            selection: Selection::Phase(3),
            text: text.to_owned(),
        }
    }

    /// The fragment of `view` with the packed bytes replaced by `f(bytes)`.
    fn repacked(view: &SharedView, f: impl Fn(&mut Vec<u8>)) -> String {
        let fragment = encode(view);
        let packed = fragment
            .rsplit_once('.')
            .map(|(_, packed)| packed)
            .unwrap_or_default();
        let mut bytes = URL_SAFE_NO_PAD.decode(packed).expect("our own base64");
        f(&mut bytes);
        format!("{FRAGMENT_KEY}{VERSION}.{}", URL_SAFE_NO_PAD.encode(bytes))
    }

    #[test]
    fn a_log_and_a_config_come_back_as_they_were_shared() {
        let log = crate::samples::SEED_LOG;
        let views = [
            log_view(log),
            SharedView {
                page: SharedPage::Log,
                selection: Selection::Nothing,
                text: "one line, no newline at the end".to_owned(),
            },
            SharedView {
                page: SharedPage::Config,
                selection: Selection::Position {
                    line: 12,
                    column: 5,
                },
                text: "version: 2.1\r\njobs: {}\n\n".to_owned(),
            },
            SharedView {
                page: SharedPage::Config,
                selection: Selection::Line(7),
                text: "version: 2.1\n".to_owned(),
            },
        ];
        for view in views {
            let fragment = encode(&view);
            assert!(fragment.starts_with("share=v1."), "{fragment}");
            assert_eq!(decode(&format!("#{fragment}")), Some(Ok(view.clone())));
            assert_eq!(decode(&fragment), Some(Ok(view)));
        }
    }

    #[test]
    fn the_fragment_uses_only_characters_safe_in_an_address() {
        let fragment = encode(&log_view("ünïcödé + / = ? # & % \u{0}\u{1b}[31m"));
        assert!(fragment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_=.".contains(&b)));
    }

    #[test]
    fn unicode_text_survives_byte_for_byte() {
        let text = "Étape « Checkout » — ✓ 完了 🚀\n\u{feff}zero\u{200b}width\r\n\t€";
        assert_eq!(decode(&encode(&log_view(text))), Some(Ok(log_view(text))));
    }

    #[test]
    fn an_empty_text_is_shared_too() {
        let view = SharedView {
            page: SharedPage::Config,
            selection: Selection::Nothing,
            text: String::new(),
        };
        assert_eq!(decode(&encode(&view)), Some(Ok(view)));
    }

    #[test]
    fn a_long_log_makes_a_much_shorter_link() {
        let log = crate::samples::SEED_LOG;
        let fragment = encode(&log_view(log));
        assert!(
            fragment.len() * 2 < log.len(),
            "{} for {}",
            fragment.len(),
            log.len()
        );
    }

    #[test]
    fn other_fragments_are_not_share_links() {
        assert_eq!(decode(""), None);
        assert_eq!(decode("#"), None);
        assert_eq!(decode("#phase-3"), None);
        assert_eq!(decode("#sharex=v1.abc"), None);
    }

    #[test]
    fn a_cut_link_is_refused_at_every_length() {
        let fragment = encode(&log_view(
            "Checkout code\n#!/bin/sh -eo pipefail\ngit clone ...\n",
        ));
        let start = "share=v1.".len();
        for end in start..fragment.len() {
            assert_eq!(
                decode(&fragment[..end]),
                Some(Err(ShareError::Damaged)),
                "cut at {end}"
            );
        }
    }

    #[test]
    fn a_damaged_link_is_refused() {
        let view = log_view("Spin up environment\nBuild-agent version 1.0.0\n");
        // A changed bit anywhere in the compressed bytes: the checksum or the stream catches it, unless
        // the bit is one deflate ignores, and then the text is the original. Never another text.
        let length = URL_SAFE_NO_PAD
            .decode(&encode(&view)["share=v1.".len()..])
            .map_or(0, |b| b.len());
        let mut caught = 0;
        for index in 0..length {
            for bit in 0..8 {
                let damaged = repacked(&view, |bytes| bytes[index] ^= 1 << bit);
                match decode(&damaged) {
                    Some(Err(ShareError::Damaged)) => caught += 1,
                    Some(Ok(back)) => assert_eq!(back, view, "byte {index}, bit {bit}"),
                    other => panic!("byte {index}, bit {bit}: {other:?}"),
                }
            }
        }
        assert!(caught * 10 > length * 8 * 9, "{caught} of {}", length * 8);
        // Characters base64 does not have, a missing dot, an empty payload.
        for fragment in [
            "share=v1.abc$def",
            "share=v1.a b",
            "share=v1",
            "share=v1.",
            "share=",
        ] {
            assert_eq!(
                decode(fragment),
                Some(Err(ShareError::Damaged)),
                "{fragment}"
            );
        }
    }

    #[test]
    fn a_header_that_does_not_fit_its_page_is_refused() {
        for payload in [
            "log 0\ntext",
            "log 12:5\ntext",
            "config 3:0\ntext",
            "config x\ntext",
            "report 1\ntext",
            "log 3",
            "log3\ntext",
        ] {
            let packed = compress_to_vec_zlib(payload.as_bytes(), LEVEL);
            let fragment = format!("share=v1.{}", URL_SAFE_NO_PAD.encode(packed));
            assert_eq!(
                decode(&fragment),
                Some(Err(ShareError::Damaged)),
                "{payload:?}"
            );
        }
        let invalid_utf8 = compress_to_vec_zlib(b"log 1\n\xff\xfe", LEVEL);
        let fragment = format!("share=v1.{}", URL_SAFE_NO_PAD.encode(invalid_utf8));
        assert_eq!(decode(&fragment), Some(Err(ShareError::Damaged)));
    }

    #[test]
    fn a_link_of_another_version_says_so() {
        let fragment = encode(&log_view("text")).replacen("v1.", "v2.", 1);
        assert_eq!(decode(&fragment), Some(Err(ShareError::UnsupportedVersion)));
        assert_eq!(
            decode("share=v10.abc"),
            Some(Err(ShareError::UnsupportedVersion))
        );
        assert_eq!(decode("share=version.abc"), Some(Err(ShareError::Damaged)));
    }

    #[test]
    fn links_and_payloads_over_the_limits_are_refused() {
        // A text that unpacks past the limit, from a link that is small (deflate shrinks repetition).
        let bomb = format!("log -\n{}", "a".repeat(MAX_PAYLOAD + 1));
        let packed = compress_to_vec_zlib(bomb.as_bytes(), LEVEL);
        let fragment = format!("share=v1.{}", URL_SAFE_NO_PAD.encode(packed));
        assert!(fragment.len() < LONG_LINK * 10, "{}", fragment.len());
        assert_eq!(decode(&fragment), Some(Err(ShareError::TooLarge)));
        // A link longer than any browser keeps is not even decoded.
        let huge = format!("share=v1.{}", "A".repeat(MAX_LINK + 1));
        assert_eq!(decode(&huge), Some(Err(ShareError::TooLarge)));
        // Exactly at the text limit is fine.
        let fitting = "b".repeat(MAX_PAYLOAD - "log -\n".len());
        let view = SharedView {
            page: SharedPage::Log,
            selection: Selection::Nothing,
            text: fitting,
        };
        assert_eq!(decode(&encode(&view)), Some(Ok(view)));
    }

    #[test]
    fn link_lengths_are_classified_at_the_documented_limits() {
        assert_eq!(link_length(0), LinkLength::Fine);
        assert_eq!(link_length(LONG_LINK), LinkLength::Fine);
        assert_eq!(link_length(LONG_LINK + 1), LinkLength::Long);
        assert_eq!(link_length(MAX_LINK), LinkLength::Long);
        assert_eq!(link_length(MAX_LINK + 1), LinkLength::TooLong);
    }

    #[test]
    fn a_link_opened_on_the_other_page_is_refused_there_only() {
        let fragment = encode(&log_view("text"));
        assert_eq!(
            decode_for(SharedPage::Log, &fragment),
            Some(Ok(log_view("text")))
        );
        assert_eq!(
            decode_for(SharedPage::Config, &fragment),
            Some(Err(ShareError::OtherPage))
        );
        assert_eq!(decode_for(SharedPage::Config, "#phase-2"), None);
    }

    #[test]
    fn every_error_has_a_sentence_in_every_language() {
        for lang in crate::i18n::Lang::ALL {
            for error in ShareError::ALL {
                let key = format!("share.error.{}", error.id());
                assert!(lang.lookup(&key).is_some(), "{key} in {}", lang.code());
            }
        }
    }

    #[test]
    fn a_selection_foreign_to_the_page_is_dropped() {
        let view = SharedView {
            page: SharedPage::Log,
            selection: Selection::Line(4),
            text: "x".to_owned(),
        };
        let back = decode(&encode(&view))
            .and_then(Result::ok)
            .map(|v| v.selection);
        assert_eq!(back, Some(Selection::Nothing));
    }
}
