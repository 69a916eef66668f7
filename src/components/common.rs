//! Components used by several pages: the header and its switches, the status icon, ANSI text, notices (drafts, secrets, a new version), the export controls.

pub(crate) mod ansi_text;
pub(crate) mod draft_notice;
pub(crate) mod export_controls;
pub(crate) mod keyboard_help;
pub(crate) mod language_switch;
pub(crate) mod secrets_notice;
pub(crate) mod sentence;
pub(crate) mod site_header;
pub(crate) mod status_icon;
pub(crate) mod theme_switch;
pub(crate) mod update_notice;
