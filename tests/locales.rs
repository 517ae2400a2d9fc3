//! Every language has every text: the same keys as English in every namespace, the same
//! values to fill in (`{{ name }}`), and no empty text. leptos_i18n only warns about a missing
//! key (and shows English), so this is what makes a gap fail.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

const LANGUAGES: [&str; 2] = ["es", "fr"];

fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                flatten(&if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") }, v, out);
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        other => panic!("{prefix}: only texts and groups are used, found {other}"),
    }
}

fn texts(language: &str, namespace: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(language).join(format!("{namespace}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = BTreeMap::new();
    flatten("", &value, &mut out);
    out
}

fn placeholders(text: &str) -> Vec<String> {
    let mut found: Vec<String> =
        text.split("{{").skip(1).filter_map(|rest| rest.split("}}").next()).map(|p| p.trim().to_string()).collect();
    found.sort();
    found
}

fn namespaces() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_language_has_every_key_with_the_same_placeholders() {
    let mut problems = Vec::new();
    for namespace in namespaces() {
        let english = texts("en", &namespace);
        for language in LANGUAGES {
            let other = texts(language, &namespace);
            for (key, text) in &english {
                match other.get(key) {
                    None => problems.push(format!("{language}/{namespace}.json misses `{key}`")),
                    Some(t) if t.trim().is_empty() => {
                        problems.push(format!("{language}/{namespace}.json: `{key}` is empty"))
                    }
                    Some(t) if placeholders(t) != placeholders(text) => problems.push(format!(
                        "{language}/{namespace}.json: `{key}` fills in {:?}, English {:?}",
                        placeholders(t),
                        placeholders(text)
                    )),
                    _ => {}
                }
            }
            for key in other.keys().filter(|k| !english.contains_key(*k)) {
                problems.push(format!("{language}/{namespace}.json has `{key}`, which English does not"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_namespace_file_is_declared_in_the_build() {
    let build = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("build.rs")).unwrap();
    for namespace in namespaces() {
        assert!(build.contains(&format!("\"{namespace}\"")), "build.rs does not load locales/*/{namespace}.json");
    }
    for language in LANGUAGES {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(language);
        assert!(dir.is_dir(), "locales/{language} is missing");
    }
}
