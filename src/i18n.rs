//! The user interface in English and French.
//!
//! The sentences live in `locales/en/*.json` and `locales/fr/*.json`; `build.rs` turns them into the [`Msg`]
//! enum and one table per language, and refuses to build when a language lacks a key.

use leptos::prelude::*;

mod generated {
    // Keys such as `fact.<id>` are looked up by name at run time, so not every variant is named in code.
    #![allow(unreachable_pub, dead_code)]
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

pub(crate) use generated::Msg;

/// A language of the site. Its code is the first segment of every URL (`/en/...`, `/fr/...`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Every language, in the order the switch shows them.
    pub(crate) const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The code used in URLs, storage and the `lang` attribute.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The same language for the core's sentences (config diagnostics, failure causes).
    pub(crate) fn core(self) -> pipelens_core::Lang {
        match self {
            Lang::En => pipelens_core::Lang::En,
            Lang::Fr => pipelens_core::Lang::Fr,
        }
    }

    /// The language of a URL or storage code, if it is one of ours.
    pub(crate) fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language of a browser preference such as `fr-CA` or `en-GB`; English when we do not have it.
    pub(crate) fn from_browser(tag: &str) -> Lang {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Lang::from_code(&primary).unwrap_or_default()
    }

    /// The sentence of `msg` in this language.
    pub(crate) fn text(self, msg: Msg) -> &'static str {
        let table = match self {
            Lang::En => &generated::EN,
            Lang::Fr => &generated::FR,
        };
        table[msg as usize]
    }

    /// The sentence of a key by name, if it exists (tests only: the app names sentences by [`Msg`]).
    #[cfg(test)]
    pub(crate) fn lookup(self, key: &str) -> Option<&'static str> {
        let index = generated::KEYS.binary_search(&key).ok()?;
        let table = match self {
            Lang::En => &generated::EN,
            Lang::Fr => &generated::FR,
        };
        Some(table[index])
    }
}

/// The current language, as provided by the page shell from the URL.
pub(crate) fn use_lang() -> Signal<Lang> {
    use_context::<Signal<Lang>>().unwrap_or_else(|| Signal::stored(Lang::default()))
}

/// A reactive sentence: the text of `msg` in the current language.
pub(crate) fn t(msg: Msg) -> impl Fn() -> &'static str + Clone + Send + Sync + 'static {
    let lang = use_lang();
    move || lang.get().text(msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_found_by_name_in_both_languages() {
        for (index, key) in generated::KEYS.iter().enumerate() {
            assert_eq!(Lang::En.lookup(key), Some(generated::EN[index]));
            assert_eq!(Lang::Fr.lookup(key), Some(generated::FR[index]));
        }
        assert_eq!(Lang::En.lookup("no.such.key"), None);
    }

    #[test]
    fn languages_differ_where_they_should() {
        assert_eq!(Lang::En.text(Msg::NavDocs), "Documentation");
        assert_ne!(Lang::En.text(Msg::NavLog), Lang::Fr.text(Msg::NavLog));
    }

    #[test]
    fn browser_preferences_map_to_our_languages() {
        assert_eq!(Lang::from_browser("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_browser("FR"), Lang::Fr);
        assert_eq!(Lang::from_browser("en-GB"), Lang::En);
        assert_eq!(Lang::from_browser("de-DE"), Lang::En);
        assert_eq!(Lang::from_browser(""), Lang::En);
    }

    #[test]
    fn french_sentences_use_french_typography() {
        for sentence in generated::FR {
            for mark in [':', ';', '!', '?'] {
                assert!(
                    !sentence.contains(&format!(" {mark}")),
                    "no-break space before {mark:?} in {sentence:?}"
                );
            }
            assert!(
                !sentence.contains('\''),
                "typographic apostrophe in {sentence:?}"
            );
        }
    }
}
