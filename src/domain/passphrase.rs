//! How strong an export passphrase is. Files travel by email and USB stick: a passphrase that a
//! laptop can guess in a day protects nothing, so short and common ones are refused.

/// Fewer characters than this are refused outright.
pub const MIN_LENGTH: usize = 12;
/// A single word padded with digits and symbols ("Summer2026!!") is guessed quickly whatever
/// its character classes: without several words, this many characters are needed.
pub const MIN_LENGTH_ONE_WORD: usize = 16;
const MIN_WORDS: usize = 3;

/// Guessed first by anyone attacking a file; checked without case, spaces or trailing digits.
const COMMON: &[&str] = &[
    "password",
    "passphrase",
    "contraseña",
    "contrasena",
    "motdepasse",
    "qwerty",
    "azerty",
    "qwertyuiop",
    "asdfghjkl",
    "iloveyou",
    "letmein",
    "welcome",
    "bienvenido",
    "bienvenue",
    "homeward",
    "admin",
    "changeme",
    "secret",
    "secreto",
    "dragon",
    "monkey",
    "football",
    "futbol",
    "princess",
    "sunshine",
    "abc",
    "abcdef",
    "abcdefgh",
    "1234567890",
    "123456789012",
    "0000000000",
    "111111111111",
    "trustno1",
    "casaesperanza",
    "caseworker",
    "children",
    "familia",
    "family",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    Weak,
    Fair,
    Strong,
    VeryStrong,
}

impl Strength {
    pub fn label(self) -> &'static str {
        match self {
            Self::Weak => "Weak",
            Self::Fair => "Fair",
            Self::Strong => "Strong",
            Self::VeryStrong => "Very strong",
        }
    }
}

/// Why a passphrase cannot be used, for the interface to say in its own language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Fewer than [`MIN_LENGTH`] characters.
    TooShort,
    /// One of the first that anyone would try.
    Common,
    /// Fewer than three words and fewer than [`MIN_LENGTH_ONE_WORD`] characters.
    OneWord,
    /// Repeats or follows a pattern.
    Pattern,
}

impl Refusal {
    pub fn message(self) -> String {
        match self {
            Self::TooShort => format!("Use at least {MIN_LENGTH} characters; four or more unrelated words are easiest to remember."),
            Self::Common => "This passphrase is one of the first that anyone would try. Choose words that have nothing to do with each other.".into(),
            Self::OneWord => format!("Use three or more words, or at least {MIN_LENGTH_ONE_WORD} characters: one word with numbers and symbols added is guessed quickly."),
            Self::Pattern => "This passphrase is too easy to guess: it repeats or follows a pattern. Add more unrelated words.".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub strength: Strength,
    /// Why it cannot be used, if it cannot.
    pub refusal: Option<String>,
    /// The same, as a reason the interface words in its language.
    pub reason: Option<Refusal>,
}

/// A rough count of the guesses needed, in bits: the characters' variety times the length,
/// lowered for repeats and runs.
fn estimated_bits(passphrase: &str) -> f64 {
    let chars: Vec<char> = passphrase.chars().collect();
    let (mut lower, mut upper, mut digit, mut other) = (false, false, false, false);
    for c in &chars {
        match c {
            c if c.is_lowercase() => lower = true,
            c if c.is_uppercase() => upper = true,
            c if c.is_ascii_digit() => digit = true,
            _ => other = true,
        }
    }
    let pool = [(lower, 26.0), (upper, 26.0), (digit, 10.0), (other, 33.0)]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, n)| n)
        .sum::<f64>()
        .max(10.0);
    // Characters that repeat or continue a run (aaaa, 1234, abcd) add little.
    let mut effective = 0.0;
    for (i, c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let predictable = prev.is_some_and(|p| p == *c || (*c as u32).abs_diff(p as u32) == 1);
        effective += if predictable { 0.25 } else { 1.0 };
    }
    effective * pool.log2()
}

pub fn assess(passphrase: &str) -> Assessment {
    let length = passphrase.chars().count();
    // Without the digits and symbols usually tacked on, and the usual substitutions undone
    // (p@ssw0rd), compared with common passphrases.
    let core: String = passphrase
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_end_matches(|c: char| !c.is_alphabetic())
        .chars()
        .map(|c| match c {
            '@' | '4' => 'a',
            '0' => 'o',
            '1' | '!' => 'i',
            '3' => 'e',
            '$' | '5' => 's',
            '7' => 't',
            c => c,
        })
        .collect();
    let words = passphrase.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 3).count();
    let bits = estimated_bits(passphrase);
    let strength = match bits {
        b if b < 50.0 => Strength::Weak,
        b if b < 70.0 => Strength::Fair,
        b if b < 100.0 => Strength::Strong,
        _ => Strength::VeryStrong,
    };
    let reason = if length < MIN_LENGTH {
        Some(Refusal::TooShort)
    } else if core.len() < 4
        || COMMON.iter().any(|c| c.len() >= 5 && core.starts_with(c) && core.len() - c.len() < 4)
        || COMMON
            .iter()
            .any(|c| c.len() >= 6 && core.chars().filter(|ch| ch.is_alphanumeric()).collect::<String>() == *c)
    {
        Some(Refusal::Common)
    } else if words < MIN_WORDS && length < MIN_LENGTH_ONE_WORD {
        Some(Refusal::OneWord)
    } else if strength == Strength::Weak {
        Some(Refusal::Pattern)
    } else {
        None
    };
    Assessment {
        strength: if reason.is_some() { Strength::Weak } else { strength },
        refusal: reason.map(Refusal::message),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_common_and_patterned_passphrases_are_refused() {
        for weak in [
            "",
            "short",
            "password1234",
            "Password 1234",
            "contraseña2026",
            "aaaaaaaaaaaaaaaa",
            "123456789012345",
            "abcdefghijklmnop",
            "qwertyuiop!!",
            "Summer2026!!",
            "P@ssw0rd1234",
            "P@ssw0rd12345678",
            "Bienvenido2026!!!",
        ] {
            let a = assess(weak);
            assert!(a.refusal.is_some(), "{weak:?} must be refused");
            assert_eq!(a.strength, Strength::Weak);
        }
        assert!(assess("short").refusal.unwrap().contains("12 characters"));
    }

    #[test]
    fn the_reason_and_the_english_text_agree() {
        assert_eq!(assess("short").reason, Some(Refusal::TooShort));
        assert_eq!(assess("password1234").reason, Some(Refusal::Common));
        assert_eq!(assess("Summer2026!!").reason.map(Refusal::message), assess("Summer2026!!").refusal);
        assert_eq!(assess("river lamp quick").reason, None);
    }

    #[test]
    fn unrelated_words_are_accepted_and_rated() {
        assert_eq!(assess("familiar ocean bridge").refusal, None, "a word that starts like a common one is fine");
        let fair = assess("river lamp quick");
        assert_eq!(fair.refusal, None);
        assert!(fair.strength >= Strength::Fair);
        assert!(assess("correct horse battery staple").strength >= Strength::Strong);
        assert_eq!(assess("Tortuga-azul-mango-7-ventana-niebla").strength, Strength::VeryStrong);
    }
}
