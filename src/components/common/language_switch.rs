//! The English / French switch: a link to the same page, query and anchor in the other language.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::i18n::{t, use_lang, Lang, Msg};
use crate::routes::base_path;

/// One link per language; the current one is marked `aria-current`.
#[component]
pub(crate) fn LanguageSwitch() -> impl IntoView {
    let current = use_lang();
    let location = use_location();
    let base = base_path();
    view! {
        <nav class="language-switch" aria-label=t(Msg::NavLanguage) data-testid="language-switch">
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    let base = base.clone();
                    let href = move || {
                        let path = location.pathname.get();
                        let in_app = path.strip_prefix(base.as_str()).unwrap_or(&path);
                        format!(
                            "{base}{}{}{}",
                            switch_language(in_app, lang),
                            with_leading('?', &location.search.get()),
                            with_leading('#', &location.hash.get()),
                        )
                    };
                    let label = if lang == Lang::En { Msg::LangEn } else { Msg::LangFr };
                    view! {
                        <A
                            href=href
                            attr:hreflang=lang.code()
                            attr:lang=lang.code()
                            attr:data-testid=format!("lang-{}", lang.code())
                            attr:aria-current=move || (current.get() == lang).then_some("true")
                        >
                            {t(label)}
                        </A>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// `part` with its leading `mark` (`?` of a query, `#` of an anchor), whether or not it had one; empty stays
/// empty.
fn with_leading(mark: char, part: &str) -> String {
    match part.strip_prefix(mark).unwrap_or(part) {
        "" => String::new(),
        rest => format!("{mark}{rest}"),
    }
}

/// The same in-app path in another language: `/en/docs/x` → `/fr/docs/x`.
fn switch_language(path: &str, lang: Lang) -> String {
    let rest = path.trim_start_matches('/');
    let rest = match rest.split_once('/') {
        Some((first, tail)) if Lang::from_code(first).is_some() => tail,
        None if Lang::from_code(rest).is_some() => "",
        _ => rest,
    };
    format!("/{}/{rest}", lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_segment_is_replaced_and_the_rest_kept() {
        assert_eq!(
            switch_language("/en/docs/phases/checkout-code", Lang::Fr),
            "/fr/docs/phases/checkout-code"
        );
        assert_eq!(switch_language("/fr/", Lang::En), "/en/");
        assert_eq!(switch_language("/fr", Lang::En), "/en/");
        assert_eq!(switch_language("/en/config", Lang::En), "/en/config");
    }

    #[test]
    fn query_and_anchor_keep_one_leading_mark() {
        assert_eq!(with_leading('?', "x=1"), "?x=1");
        assert_eq!(with_leading('?', "?x=1"), "?x=1");
        assert_eq!(with_leading('#', "#part"), "#part");
        assert_eq!(with_leading('#', ""), "");
        assert_eq!(with_leading('?', "?"), "");
    }

    #[test]
    fn a_path_without_language_gets_one() {
        assert_eq!(switch_language("/nowhere", Lang::Fr), "/fr/nowhere");
        assert_eq!(switch_language("/", Lang::En), "/en/");
    }
}
