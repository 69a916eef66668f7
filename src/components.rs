//! Components shared by several pages.

pub(crate) mod language_switch;
pub(crate) mod site_header;
