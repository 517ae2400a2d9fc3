//! JSON text written in ASCII alone, every other character as a `\u` escape. Records cross into
//! IndexedDB as JSON text (`storage::schema::to_js`); the browser decodes ASCII from wasm memory
//! several times faster than UTF-8 with accents in it (90 ms against 26 ms for the 31 MB of
//! 1,000 full cases), and `JSON.parse` gives back the very same strings.

use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};

/// `value` as compact JSON text in ASCII alone: what `serde_json::to_string` writes, with each
/// character outside ASCII written as `\uXXXX` (two, for one outside the Basic Multilingual Plane).
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut text = Vec::with_capacity(128);
    value.serialize(&mut Serializer::with_formatter(&mut text, AsciiOnly))?;
    Ok(String::from_utf8(text).expect("only ASCII is written"))
}

/// Compact, as `serde_json::to_string`, but for the characters of strings outside ASCII.
struct AsciiOnly;

impl Formatter for AsciiOnly {
    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        // Nearly every fragment is ASCII: checked a word at a time.
        if fragment.is_ascii() {
            return writer.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some(at) = rest.bytes().position(|b| !b.is_ascii()) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().expect("a character starts where ASCII stops");
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_outside_ascii_is_escaped_and_reads_back_the_same() {
        let texts = [
            "plain",
            "Lucía Ñandú",
            "مرحبا — right to left",
            "Ana Ruiz 👩🏽‍⚕️",
            "\u{7f}\u{80}\u{ffff}\u{10000}\u{10ffff}",
            "quote \" backslash \\ newline \n tab \t nul \u{0}",
            "",
        ];
        for text in texts {
            let written = to_string(&serde_json::json!({ "text": text, "list": [text, text] })).unwrap();
            assert!(written.is_ascii(), "{written}");
            let back: serde_json::Value = serde_json::from_str(&written).unwrap();
            assert_eq!(back, serde_json::json!({ "text": text, "list": [text, text] }));
        }
        assert_eq!(to_string("é😀").unwrap(), r#""\u00e9\ud83d\ude00""#);
    }

    #[test]
    fn ascii_is_written_as_serde_json_writes_it() {
        let value = serde_json::json!({ "a": [1, 2.5, -3, null, true], "b": "x\"y\\z\n\u{1f}", "c": { "d": [] } });
        assert_eq!(to_string(&value).unwrap(), serde_json::to_string(&value).unwrap());
    }
}
