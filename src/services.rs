//! What the page asks of the browser and keeps across pages: fetching the documentation, this browser's
//! drafts and preferences, the theme, the log worker, the clipboard, downloads, key listening, share
//! links. Nothing here draws.

pub(crate) mod clipboard;
pub(crate) mod content;
pub(crate) mod download;
pub(crate) mod draft_store;
pub(crate) mod drafts;
pub(crate) mod keys;
pub(crate) mod log_worker;
pub(crate) mod next_task;
pub(crate) mod offline;
pub(crate) mod page_meta;
pub(crate) mod pair_cache;
pub(crate) mod pasted_text;
pub(crate) mod preferences;
pub(crate) mod prerendered;
pub(crate) mod share_link;
pub(crate) mod text_file;
pub(crate) mod theme;
