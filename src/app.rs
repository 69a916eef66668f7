//! The root component: the router, its routes, and the language taken from the URL.
//!
//! Every page lives under its language: `/en/` (log explainer), `/en/config`, `/en/docs`,
//! `/en/docs/<page id>`. `/` sends the visitor to the language they chose last, else their browser's.
//! When the site is served under a sub-path (GitHub Pages: `/<repo>/`), the router's base is the path of
//! `document.baseURI`, which Trunk writes into `<base href>` at build time.

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::hooks::use_params_map;
use leptos_router::path;

use crate::components::common::site_header::SiteHeader;
use crate::components::common::update_notice::UpdateNotice;
use crate::i18n::{t, Lang, Msg};
use crate::pages::{config::ConfigPage, docs::DocsPage, log::LogPage, not_found::NotFound};
use crate::routes::base_path;
use crate::services::preferences;
use crate::state::handoff::Handoff;

/// The whole site.
#[component]
pub(crate) fn App() -> impl IntoView {
    Handoff::provide();
    view! {
        <Router base=base_path()>
            <Routes fallback=|| view! { <LanguageShell lang=Signal::stored(preferences::preferred_lang())><NotFound/></LanguageShell> }>
                <Route path=path!("/") view=|| view! { <Redirect path=format!("/{}/", preferences::preferred_lang().code())/> }/>
                <ParentRoute path=path!("/:lang") view=LanguageRoute>
                    <Route path=path!("") view=LogPage/>
                    <Route path=path!("config") view=ConfigPage/>
                    <Route path=path!("docs") view=DocsPage/>
                    <Route path=path!("docs/*page") view=DocsPage/>
                    <Route path=path!("tour/:step?") view=crate::pages::tour::TourPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The routes under `/:lang`: a known language gets the shell and the page, anything else "not found".
#[component]
fn LanguageRoute() -> impl IntoView {
    let params = use_params_map();
    let lang = Memo::new(move |_| {
        params
            .read()
            .get("lang")
            .as_deref()
            .and_then(Lang::from_code)
    });
    // Only a change between "a language" and "no language" rebuilds the page: switching language
    // keeps the page and what it holds, and only changes its sentences.
    let known = Memo::new(move |_| lang.get().is_some());
    move || {
        if known.get() {
            let lang = Signal::derive(move || lang.get().unwrap_or_default());
            view! { <LanguageShell lang=lang><Outlet/></LanguageShell> }.into_any()
        } else {
            view! { <LanguageShell lang=Signal::stored(preferences::preferred_lang())><NotFound/></LanguageShell> }
                .into_any()
        }
    }
}

/// The frame of every page in one language: it provides the language to its children, remembers it, marks
/// the document with it, and draws the header and footer.
#[component]
fn LanguageShell(
    /// The language of the page.
    lang: Signal<Lang>,
    /// The page itself.
    children: Children,
) -> impl IntoView {
    provide_context(lang);
    provide_context(RwSignal::new(crate::services::keys::ShortcutPage::Other));
    Effect::new(move |_| {
        let lang = lang.get();
        preferences::remember_lang(lang);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    view! {
        <a class="skip-link" href="#main">{t(Msg::NavSkip)}</a>
        <SiteHeader/>
        <main id="main" class="page">{children()}</main>
        <footer class="site-footer"><p>{t(Msg::FooterPrivacy)}</p></footer>
        <UpdateNotice/>
    }
}
