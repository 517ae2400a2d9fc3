//! The languages Homeward's own contents can be written in (the training demo's cases). The
//! interface's texts are the web layer's (`leptos_i18n`); this is the domain's side of the same
//! choice, with no web crate, so native code and tests can pick a language too.

/// A language, named by its stable code ("en", "es", "fr").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    En,
    Es,
    Fr,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::En, Language::Es, Language::Fr];

    /// The stable code: what is stored, and never changes meaning.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
            Self::Fr => "fr",
        }
    }

    /// The language of a code, if Homeward has it.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The one of three texts written in this language.
    pub fn pick<'a>(self, en: &'a str, es: &'a str, fr: &'a str) -> &'a str {
        match self {
            Self::En => en,
            Self::Es => es,
            Self::Fr => fr,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn codes_are_stable_and_read_back() {
        assert_eq!(Language::ALL.map(Language::code), ["en", "es", "fr"]);
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("de"), None);
        assert_eq!(Language::Fr.pick("a", "b", "c"), "c");
    }
}
