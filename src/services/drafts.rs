//! Keeping each explainer's text in this browser, whatever its size, so that a reload brings it back.
//!
//! A draft up to [`LOCAL_LIMIT`] goes to `localStorage`, read at once when a page opens; a larger one
//! goes to IndexedDB ([`super::draft_store`]), read a moment after the page opens, and `localStorage`
//! then holds only a marker saying where it is. A save that fails leaves the previous draft where it
//! was: a new draft replaces the old one only once it is written, and the notice under the editor says
//! when a text could not be kept.

use std::cell::Cell;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::draft_store;
use super::preferences::{keeps_drafts, Draft, NO_DRAFTS_KEY};

/// The largest draft kept in `localStorage` (browsers allow about 5 MB per site, counted in UTF-16).
const LOCAL_LIMIT: usize = 1024 * 1024;

/// The value of a draft's marker when the draft is in IndexedDB.
const IN_INDEXED_DB: &str = "indexeddb";

/// Where the latest save of a draft stands, for the notice under the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SaveState {
    /// Nothing to keep, or the draft is kept.
    Kept,
    /// A large draft is being written.
    Saving,
    /// The browser refused to keep the text: the previous draft, if any, is still there.
    NotKept,
}

impl SaveState {
    /// The stable id of the state (the notice's `data-state`).
    pub(crate) fn id(self) -> &'static str {
        match self {
            SaveState::Kept => "kept",
            SaveState::Saving => "saving",
            SaveState::NotKept => "not-kept",
        }
    }
}

thread_local! {
    /// How many saves each draft has started: an answer of IndexedDB that comes after a newer save
    /// started changes nothing (index 0 for the log, 1 for the config).
    static SAVES: [Cell<u64>; 2] = const { [Cell::new(0), Cell::new(0)] };
}

/// The index of a draft in [`SAVES`].
fn slot(which: Draft) -> usize {
    match which {
        Draft::Log => 0,
        Draft::Config => 1,
    }
}

/// Starts save number N of `which` and returns N.
fn next_save(which: Draft) -> u64 {
    SAVES.with(|saves| {
        let count = &saves[slot(which)];
        count.set(count.get() + 1);
        count.get()
    })
}

/// Whether save number `number` of `which` is still the latest.
fn is_latest(which: Draft, number: u64) -> bool {
    SAVES.with(|saves| saves[slot(which)].get() == number)
}

/// The `localStorage` key of the marker that says a draft is in IndexedDB.
fn marker_key(which: Draft) -> String {
    format!("{}.stored", which.key())
}

/// Keeps the text of one editor, and says how its latest save went.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DraftKeeper {
    which: Draft,
    state: RwSignal<SaveState>,
    kept_bytes: RwSignal<usize>,
}

impl DraftKeeper {
    /// The keeper of `which` editor's draft.
    pub(crate) fn new(which: Draft) -> Self {
        Self {
            which,
            state: RwSignal::new(SaveState::Kept),
            kept_bytes: RwSignal::new(0),
        }
    }

    /// The size of the text the latest save kept, in bytes (0 when nothing is kept).
    pub(crate) fn kept_bytes(self) -> ReadSignal<usize> {
        self.kept_bytes.read_only()
    }

    /// How the latest save went.
    pub(crate) fn state(self) -> ReadSignal<SaveState> {
        self.state.read_only()
    }

    /// Keeps `text` (or forgets the draft, when it is empty or drafts are not kept).
    pub(crate) fn save(self, text: &str) {
        let which = self.which;
        let number = next_save(which);
        if text.is_empty() || !keeps_drafts() {
            forget(which);
            self.state.set(SaveState::Kept);
            self.kept_bytes.set(0);
            return;
        }
        if text.len() <= LOCAL_LIMIT && LocalStorage::set(which.key(), text).is_ok() {
            LocalStorage::delete(marker_key(which));
            spawn_local(async move {
                let _ = draft_store::delete(which.key()).await;
            });
            self.state.set(SaveState::Kept);
            self.kept_bytes.set(text.len());
            return;
        }
        // Too large for `localStorage`, or refused there: IndexedDB, and only then the switch.
        self.state.set(SaveState::Saving);
        let text = text.to_owned();
        spawn_local(async move {
            let written = draft_store::put(which.key(), &text).await;
            let bytes = text.len();
            drop(text);
            if !is_latest(which, number) {
                return;
            }
            match written {
                Ok(()) => {
                    // Raw, as `restore_large` reads it (`LocalStorage::set` would write JSON).
                    let _ = LocalStorage::raw().set_item(&marker_key(which), IN_INDEXED_DB);
                    LocalStorage::delete(which.key());
                    self.state.try_set(SaveState::Kept);
                    self.kept_bytes.try_set(bytes);
                }
                Err(error) => {
                    web_sys::console::warn_1(&format!("draft not kept: {error}").into());
                    self.state.try_set(SaveState::NotKept);
                }
            }
        });
    }

    /// Gives the draft kept in IndexedDB, if there is one, to `apply`, a moment after the page opens
    /// (a draft in `localStorage` is read at once: see [`small_draft`]).
    pub(crate) fn restore_large(self, apply: impl FnOnce(String) + 'static) {
        let which = self.which;
        let stored = LocalStorage::raw()
            .get_item(&marker_key(which))
            .ok()
            .flatten();
        if stored.as_deref() != Some(IN_INDEXED_DB) {
            return;
        }
        spawn_local(async move {
            match draft_store::get(which.key()).await {
                Ok(Some(text)) => apply(text),
                Ok(None) => LocalStorage::delete(marker_key(which)),
                Err(error) => {
                    web_sys::console::warn_1(&format!("draft not read: {error}").into());
                }
            }
        });
    }
}

/// The draft of `which` kept in `localStorage`, if any (a large one comes later, through
/// [`DraftKeeper::restore_large`]).
pub(crate) fn small_draft(which: Draft) -> Option<String> {
    LocalStorage::get::<String>(which.key())
        .ok()
        .filter(|draft| !draft.is_empty())
}

/// Forgets the draft of `which`, wherever it is.
pub(crate) fn forget(which: Draft) {
    LocalStorage::delete(which.key());
    LocalStorage::delete(marker_key(which));
    spawn_local(async move {
        let _ = draft_store::delete(which.key()).await;
    });
}

/// Starts or stops keeping drafts; stopping forgets both drafts at once.
pub(crate) fn set_keeps_drafts(keep: bool) {
    if keep {
        LocalStorage::delete(NO_DRAFTS_KEY);
    } else {
        for which in Draft::ALL {
            forget(which);
        }
        let _ = LocalStorage::raw().set_item(NO_DRAFTS_KEY, "1");
    }
}
