//! The messages the page and the log worker exchange, defined once for both sides.
//!
//! A message travels as a JavaScript array `[kind, payload]`: `kind` is one of [`Kind`]'s names, the
//! payload a number or a typed array. Buffers are *transferred*, not copied: a 100 MB log goes to the
//! worker and its report comes back without a copy on either side. The conversation, one log per worker
//! at a time:
//!
//! 1. The worker posts [`ToPage::Ready`] once its module runs (a message posted before would be lost).
//! 2. The page posts [`ToWorker::Parse`]: the log as UTF-8 bytes.
//! 3. The worker posts [`ToPage::Progress`] each time it gains a percent, then [`ToPage::Report`] (the
//!    report as `pipelens_core::log::encode_report` bytes), then [`ToPage::Secrets`] (the secrets of the
//!    text as `pipelens_core::secrets::secrets_to_words` numbers), and waits for the next log.
//!
//! The page cancels a parse by terminating the worker.

use js_sys::{Array, Uint32Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

/// What a message is, named on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// [`ToPage::Ready`].
    Ready,
    /// [`ToWorker::Parse`].
    Parse,
    /// [`ToPage::Progress`].
    Progress,
    /// [`ToPage::Report`].
    Report,
    /// [`ToPage::Secrets`].
    Secrets,
}

impl Kind {
    /// Every kind, for the tests.
    pub const ALL: [Self; 5] = [
        Self::Ready,
        Self::Parse,
        Self::Progress,
        Self::Report,
        Self::Secrets,
    ];

    /// The name on the wire.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Ready => "ready",
            Self::Parse => "parse",
            Self::Progress => "progress",
            Self::Report => "report",
            Self::Secrets => "secrets",
        }
    }

    /// The kind of a name on the wire.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

/// A message from the page to the worker.
#[derive(Debug, Clone)]
pub enum ToWorker {
    /// Parse this log (UTF-8 bytes; their buffer is transferred).
    Parse(Uint8Array),
}

/// A message from the worker to the page.
#[derive(Debug, Clone)]
pub enum ToPage {
    /// The worker listens.
    Ready,
    /// The fraction of the log parsed, 0.0 to 1.0.
    Progress(f64),
    /// The report, as `encode_report` bytes (their buffer is transferred).
    Report(Uint8Array),
    /// The secrets of the text, as `secrets_to_words` numbers.
    Secrets(Vec<u32>),
}

/// A message ready to post: the value, and the buffers to transfer with it.
#[derive(Debug, Clone)]
pub struct Posted {
    /// What `postMessage` sends.
    pub message: JsValue,
    /// The buffers it transfers (empty when nothing is transferred).
    pub transfer: Array,
}

/// `[kind, payload]`, transferring `transfer` when given.
fn wire(kind: Kind, payload: &JsValue, transfer: Option<&JsValue>) -> Posted {
    Posted {
        message: Array::of2(&JsValue::from_str(kind.name()), payload).into(),
        transfer: transfer.map_or_else(Array::new, Array::of1),
    }
}

/// The kind and payload of a message, if it has our shape.
fn unwire(message: &JsValue) -> Option<(Kind, JsValue)> {
    let array = message.dyn_ref::<Array>()?;
    let kind = Kind::from_name(&array.get(0).as_string()?)?;
    Some((kind, array.get(1)))
}

impl ToWorker {
    /// The message to post.
    pub fn to_posted(&self) -> Posted {
        match self {
            Self::Parse(bytes) => wire(Kind::Parse, bytes, Some(&bytes.buffer())),
        }
    }

    /// Reads a message the page posted; `None` for anything else.
    pub fn read(message: &JsValue) -> Option<Self> {
        match unwire(message)? {
            (Kind::Parse, payload) => payload.dyn_into::<Uint8Array>().ok().map(Self::Parse),
            (Kind::Ready | Kind::Progress | Kind::Report | Kind::Secrets, _) => None,
        }
    }
}

impl ToPage {
    /// The message to post.
    pub fn to_posted(&self) -> Posted {
        match self {
            Self::Ready => wire(Kind::Ready, &JsValue::NULL, None),
            Self::Progress(fraction) => wire(Kind::Progress, &JsValue::from_f64(*fraction), None),
            Self::Report(bytes) => wire(Kind::Report, bytes, Some(&bytes.buffer())),
            Self::Secrets(words) => wire(Kind::Secrets, &Uint32Array::from(words.as_slice()), None),
        }
    }

    /// Reads a message the worker posted; `None` for anything else.
    pub fn read(message: &JsValue) -> Option<Self> {
        match unwire(message)? {
            (Kind::Ready, _) => Some(Self::Ready),
            (Kind::Progress, payload) => payload.as_f64().map(Self::Progress),
            (Kind::Report, payload) => payload.dyn_into::<Uint8Array>().ok().map(Self::Report),
            (Kind::Secrets, payload) => payload
                .dyn_into::<Uint32Array>()
                .ok()
                .map(|words| Self::Secrets(words.to_vec())),
            (Kind::Parse, _) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_name() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(Kind::from_name("Ready"), None);
        assert_eq!(Kind::from_name(""), None);
    }
}
