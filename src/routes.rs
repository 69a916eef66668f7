//! Every address of the site and the links to it. The site can be served under a sub-path (GitHub
//! Pages: `/<repository>/`): the router's base and every in-app link start with [`base_path`], the path
//! of `document.baseURI` that Trunk writes into `<base href>`.

use leptos::prelude::*;

use crate::i18n::Lang;

/// The id of the documentation home page.
pub(crate) const HOME_PAGE: &str = "index";

/// The path the site is served under, without its trailing slash (`""` at the root of a host).
pub(crate) fn base_path() -> String {
    let base_uri = document().base_uri().ok().flatten().unwrap_or_default();
    let path = web_sys::Url::new(&base_uri)
        .map(|url| url.pathname())
        .unwrap_or_default();
    path.trim_end_matches('/').to_owned()
}

/// The `href` of an in-app path such as `/fr/docs`: the router leaves absolute links alone, so the
/// sub-path the site is served under is added here.
pub(crate) fn site_href(path: &str) -> String {
    format!("{}{path}", base_path())
}

/// The address of the site (`https://host/sub/path/`), for links that leave it (reports, Markdown).
pub(crate) fn site_url() -> String {
    document().base_uri().ok().flatten().unwrap_or_default()
}

/// The log explainer in `lang`.
pub(crate) fn log_href(lang: Lang) -> String {
    site_href(&log_path(lang))
}

/// The log explainer's path in the app, for the router's `navigate` (which adds the base itself).
pub(crate) fn log_path(lang: Lang) -> String {
    format!("/{}/", lang.code())
}

/// Phase `index` (0-based) of the log in the log explainer.
pub(crate) fn phase_href(lang: Lang, index: usize) -> String {
    site_href(&format!("/{}/#phase-{}", lang.code(), index + 1))
}

/// The config explainer in `lang`.
pub(crate) fn config_href(lang: Lang) -> String {
    site_href(&config_path(lang))
}

/// The config explainer's path in the app, for the router's `navigate` (which adds the base itself).
pub(crate) fn config_path(lang: Lang) -> String {
    format!("/{}/config", lang.code())
}

/// A position of the configuration in the config explainer (1-based line and column).
pub(crate) fn config_position_href(lang: Lang, line: usize, column: usize) -> String {
    site_href(&format!(
        "/{}/config?line={line}&column={column}",
        lang.code()
    ))
}

/// The page at `rest` under the language (`docs`, `tour`, `config`): the header's links.
pub(crate) fn section_href(lang: Lang, rest: &str) -> String {
    site_href(&format!("/{}/{rest}", lang.code()))
}

/// Page `id` of the documentation in `lang`, at section `anchor` if it is not empty; the home page is
/// `/<lang>/docs`.
pub(crate) fn doc_href(lang: Lang, id: &str, anchor: &str) -> String {
    let page = if id == HOME_PAGE {
        String::new()
    } else {
        format!("/{id}")
    };
    let anchor = if anchor.is_empty() {
        String::new()
    } else {
        format!("#{anchor}")
    };
    site_href(&format!("/{}/docs{page}{anchor}", lang.code()))
}

/// The path of tour stop `step` (0: the start) in `lang`, without the sub-path (for the router).
pub(crate) fn tour_path(lang: Lang, step: usize) -> String {
    if step == 0 {
        format!("/{}/tour", lang.code())
    } else {
        format!("/{}/tour/{step}", lang.code())
    }
}

/// The full address of the log or config explainer in `lang`, without query or fragment (share links).
pub(crate) fn page_address(config: bool, lang: Lang) -> String {
    let origin = window().location().origin().unwrap_or_default();
    let rest = if config { "config" } else { "" };
    format!("{origin}{}/{}/{rest}", base_path(), lang.code())
}
