//! The theme switch of the header: System, Light or Dark, remembered in this browser ([`crate::services::theme`]).

use leptos::prelude::*;

use crate::i18n::{t, use_lang, Msg};
use crate::services::theme::{choose_theme, stored_theme, Theme};

/// The sentence naming a theme.
fn theme_name(theme: Theme) -> Msg {
    match theme {
        Theme::System => Msg::ComfortThemeSystem,
        Theme::Light => Msg::ComfortThemeLight,
        Theme::Dark => Msg::ComfortThemeDark,
    }
}

/// A labelled list box of the three themes; choosing one applies it at once.
#[component]
pub(crate) fn ThemeSwitch() -> impl IntoView {
    let lang = use_lang();
    let current = RwSignal::new(stored_theme());
    let options = Theme::ALL
        .into_iter()
        .map(|theme| {
            view! {
                <option value=theme.code() prop:selected=move || current.get() == theme>
                    {move || lang.get().text(theme_name(theme))}
                </option>
            }
        })
        .collect_view();
    view! {
        <label class="theme-switch">
            <span class="theme-switch-icon" aria-hidden="true">"◐"</span>
            <span class="visually-hidden">{t(Msg::ComfortThemeLabel)}</span>
            <select
                data-testid="theme-switch"
                on:change=move |event| {
                    if let Some(theme) = Theme::from_code(&event_target_value(&event)) {
                        choose_theme(theme);
                        current.set(theme);
                    }
                }
            >
                {options}
            </select>
        </label>
    }
}
