//! The header of every page: the site name, the navigation between the three tools, the language switch,
//! the theme switch and the keyboard shortcuts.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::common::keyboard_help::KeyboardHelp;
use crate::components::common::language_switch::LanguageSwitch;
use crate::components::common::theme_switch::ThemeSwitch;
use crate::i18n::{t, use_lang, Msg};
use crate::routes::section_href;

/// The site header.
#[component]
pub(crate) fn SiteHeader() -> impl IntoView {
    let lang = use_lang();
    let href = move |rest: &'static str| move || section_href(lang.get(), rest);
    view! {
        <header class="site-header">
            <A href=href("") attr:class="brand">
                <span class="brand-name">{t(Msg::AppName)}</span>
                <span class="brand-tagline">{t(Msg::AppTagline)}</span>
            </A>
            <nav class="site-nav" data-testid="site-nav">
                <A href=href("") exact=true attr:data-testid="nav-log">{t(Msg::NavLog)}</A>
                <A href=href("config") attr:data-testid="nav-config">{t(Msg::NavConfig)}</A>
                <A href=href("docs") attr:data-testid="nav-docs">{t(Msg::NavDocs)}</A>
                <A href=href("tour") attr:data-testid="nav-tour">{t(Msg::TourNav)}</A>
            </nav>
            <div class="header-tools">
                <LanguageSwitch/>
                <ThemeSwitch/>
                <KeyboardHelp/>
            </div>
        </header>
    }
}
