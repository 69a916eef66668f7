//! Share links: the panel that builds one, and the start-up that opens one.

pub(crate) mod panel;
pub(crate) mod restore;
