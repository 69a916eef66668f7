//! The colour theme: the system's (light or dark, `prefers-color-scheme`) unless the reader chose one.
//!
//! 1. The choice is remembered in this browser's storage under [`THEME_KEY`], as the plain words `light`
//!    or `dark` (no choice, no key), so that the small start-up script of `index.html` can read it before
//!    the first paint.
//! 2. A chosen theme is written as `data-theme="light|dark"` on `<html>`; `style/main.css` lets that
//!    attribute override the media query. Without the attribute the system decides.
//! 3. [`apply_stored_theme`] runs again when the app starts, in case the start-up script could not.

use gloo_storage::{LocalStorage, Storage};

/// The storage key of the chosen theme.
pub(crate) const THEME_KEY: &str = "pipelens.theme";

/// The attribute of `<html>` that carries a chosen theme.
const THEME_ATTRIBUTE: &str = "data-theme";

/// A theme the reader can choose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Theme {
    /// Whatever the system prefers (`prefers-color-scheme`).
    #[default]
    System,
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
}

impl Theme {
    /// Every theme, in the order the switch offers them.
    pub(crate) const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The word stored and written into `data-theme` (`system` is never written).
    pub(crate) fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme named by `code`, if it is one.
    pub(crate) fn from_code(code: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.code() == code)
    }
}

/// The theme chosen in this browser; [`Theme::System`] when none was, or storage is refused.
pub(crate) fn stored_theme() -> Theme {
    LocalStorage::raw()
        .get_item(THEME_KEY)
        .ok()
        .flatten()
        .as_deref()
        .and_then(Theme::from_code)
        .unwrap_or_default()
}

/// Remembers `theme` in this browser (forgets the choice for [`Theme::System`]) and applies it.
pub(crate) fn choose_theme(theme: Theme) {
    // Storage can be full or refused (private browsing): the theme still applies to this page.
    let storage = LocalStorage::raw();
    let _ = match theme {
        Theme::System => storage.remove_item(THEME_KEY),
        Theme::Light | Theme::Dark => storage.set_item(THEME_KEY, theme.code()),
    };
    apply_theme(theme);
}

/// Writes `theme` on `<html>`: the attribute for a chosen theme, none for the system's.
pub(crate) fn apply_theme(theme: Theme) {
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    else {
        return;
    };
    let _ = match theme {
        Theme::System => root.remove_attribute(THEME_ATTRIBUTE),
        Theme::Light | Theme::Dark => root.set_attribute(THEME_ATTRIBUTE, theme.code()),
    };
}

/// Applies the theme remembered in this browser; called once when the app starts.
pub(crate) fn apply_stored_theme() {
    apply_theme(stored_theme());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_theme_is_found_again_by_its_code() {
        for theme in Theme::ALL {
            assert_eq!(Theme::from_code(theme.code()), Some(theme));
        }
        assert_eq!(Theme::from_code("sepia"), None);
        assert_eq!(Theme::from_code(""), None);
    }

    #[test]
    fn the_start_up_script_reads_the_same_key_and_words() {
        let index = include_str!("../../index.html");
        assert!(
            index.contains(&format!("\"{THEME_KEY}\"")),
            "index.html reads {THEME_KEY}"
        );
        for theme in [Theme::Light, Theme::Dark] {
            assert!(index.contains(&format!("\"{}\"", theme.code())));
        }
        assert!(index.contains(THEME_ATTRIBUTE));
    }
}
