//! The rules of ARCHITECTURE.md that a reader of the source can check, checked: what each folder
//! may import, and no circle of imports between files. Reads `src/` as text (comments, strings
//! and test modules left out), so it needs no build of the app.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Crates that exist only in the browser.
const WEB_CRATES: [&str; 8] = [
    "leptos",
    "leptos_i18n",
    "web_sys",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "js_sys",
    "gloo_storage",
    "gloo_timers",
];

struct Source {
    /// `src/pages/case/mod.rs`, relative to the crate.
    file: String,
    /// The module path: `pages::case`.
    module: Vec<String>,
    /// The code with comments, string literals and `#[cfg(test)]` modules removed.
    code: String,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let file = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            let mut module: Vec<String> =
                file.trim_start_matches("src/").trim_end_matches(".rs").split('/').map(String::from).collect();
            if module[0] == "bin" {
                return None;
            }
            if matches!(module.last().map(String::as_str), Some("mod" | "lib" | "main")) {
                module.pop();
            }
            let code = strip(&fs::read_to_string(&path).unwrap());
            Some(Source { file, module, code })
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code without comments, the contents of string and char literals, and the test module.
fn strip(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                out.push('"');
                let mut escaped = false;
                for c in chars.by_ref() {
                    if c == '"' && !escaped {
                        break;
                    }
                    escaped = c == '\\' && !escaped;
                }
                out.push('"');
            }
            _ => out.push(c),
        }
    }
    out
}

/// Every path the code names that starts with `crate::` or `super::`, as a module path.
fn named_paths(source: &Source) -> Vec<Vec<String>> {
    let code = &source.code;
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let word_start = |at: usize| at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(offset) = code[from..].find(start) {
            let at = from + offset;
            from = at + start.len();
            if !word_start(at) || (start == "super::" && at >= 7 && &code[at - 7..at] == "super::") {
                continue;
            }
            let rest: String =
                code[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':').collect();
            let mut parts: Vec<String> = rest.split("::").filter(|p| !p.is_empty()).map(String::from).collect();
            // `use crate::x::{a, b}`: the braces name items of `x`, and `x` is enough for a file.
            if parts.first().is_some_and(|p| p == "crate") {
                parts.remove(0);
            } else {
                // `super` is the parent of the file's module, whether the file is `a/b.rs` or `a/b/mod.rs`.
                let ups = parts.iter().take_while(|p| *p == "super").count();
                let keep = source.module.len().saturating_sub(ups);
                let mut absolute = source.module[..keep].to_vec();
                absolute.extend(parts.drain(..).skip(ups));
                parts = absolute;
            }
            found.push(parts);
        }
    }
    found
}

/// The file that holds the longest prefix of a module path.
fn file_of(path: &[String], files: &BTreeSet<String>) -> Option<String> {
    (1..=path.len()).rev().find_map(|n| {
        let base = format!("src/{}", path[..n].join("/"));
        [format!("{base}.rs"), format!("{base}/mod.rs")].into_iter().find(|f| files.contains(f))
    })
}

fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let sources = sources();
    let files: BTreeSet<String> = sources.iter().map(|s| s.file.clone()).collect();
    sources
        .iter()
        .map(|s| {
            let to = named_paths(s).iter().filter_map(|p| file_of(p, &files)).filter(|f| *f != s.file).collect();
            (s.file.clone(), to)
        })
        .collect()
}

#[test]
fn the_domain_imports_no_web_crate_and_nothing_of_the_app() {
    for source in sources().iter().filter(|s| s.file.starts_with("src/domain/")) {
        for krate in WEB_CRATES {
            assert!(
                !source.code.contains(&format!("{krate}::")) && !source.code.contains(&format!("use {krate}")),
                "{} uses the web crate {krate}: the domain is plain Rust, tested natively",
                source.file
            );
        }
        for path in named_paths(source) {
            let first = path.first().map(String::as_str).unwrap_or_default();
            assert!(
                matches!(first, "domain" | "crypto" | "ascii_json"),
                "{} imports crate::{}: the domain may import only itself (and the pure crypto and JSON helpers)",
                source.file,
                path.join("::")
            );
        }
    }
}

#[test]
fn only_the_storage_module_touches_indexeddb() {
    for source in sources() {
        if !source.file.starts_with("src/storage/") {
            assert!(!source.code.contains("Idb"), "{} uses IndexedDB: only src/storage/ may", source.file);
        }
    }
}

#[test]
fn pages_import_neither_the_shell_nor_another_page() {
    let imports = imports();
    for (file, to) in imports.iter().filter(|(f, _)| f.starts_with("src/pages/") && *f != "src/pages/mod.rs") {
        let page = file.trim_start_matches("src/pages/").split(['/', '.']).next().unwrap();
        for target in to {
            assert_ne!(target, "src/app.rs", "{file} imports the shell: take app-wide state from src/context/");
            if let Some(other) = target.strip_prefix("src/pages/") {
                let other_page = other.split(['/', '.']).next().unwrap();
                assert_eq!(other_page, page, "{file} imports another page ({target}): share it through components/");
            }
        }
    }
}

#[test]
fn no_file_but_the_shell_and_the_entry_points_imports_the_shell() {
    for (file, to) in imports() {
        if to.contains("src/app.rs") {
            assert!(["src/first_load.rs", "src/lib.rs"].contains(&file.as_str()), "{file} imports src/app.rs");
        }
    }
}

#[test]
fn only_the_schema_step_and_a_format_1_import_read_old_forms() {
    // Everyday reads parse today's form alone; a reader of old forms on the first load's path
    // once cost it 65 KB of brotli wasm.
    let allowed = ["src/storage/schema.rs", "src/domain/exchange/mod.rs"];
    for (file, to) in imports() {
        if to.contains("src/domain/legacy.rs") && !file.starts_with("src/domain/legacy") {
            assert!(allowed.contains(&file.as_str()), "{file} reads old forms through domain::legacy");
        }
    }
}

#[test]
fn no_circle_of_imports_between_files() {
    let imports = imports();
    let circles = strongly_connected(&imports);
    assert!(circles.is_empty(), "files that import each other, directly or round a circle: {circles:#?}");
}

/// Tarjan's algorithm: every group of two or more files that reach each other.
fn strongly_connected(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        for w in s.edges.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                s.low.entry(v).and_modify(|l| *l = (*l).min(lw));
            } else if s.stack.contains(&w) {
                let iw = s.index[w];
                s.low.entry(v).and_modify(|l| *l = (*l).min(iw));
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                group.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.found.push(group);
            }
        }
    }
    let mut state = State { edges, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), found: Vec::new() };
    for v in edges.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.found
}

#[test]
fn the_checker_sees_a_circle_and_a_page_importing_a_page() {
    // The checks above must be able to fail: two files naming each other form a circle.
    let mut edges = BTreeMap::new();
    edges.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    edges.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    edges.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(strongly_connected(&edges), vec![vec!["a".to_string(), "b".to_string(), "c".to_string()]]);
    // And a page's own imports are found, through `super::` and `crate::`.
    let source = Source {
        file: "src/pages/case/plan/sections.rs".into(),
        module: vec!["pages".into(), "case".into(), "plan".into(), "sections".into()],
        code: strip(
            "use super::super::handover::X; // crate::app\nuse crate::pages::print::Y; let s = \"crate::app\";",
        ),
    };
    let files = BTreeSet::from(["src/pages/case/handover.rs".to_string(), "src/pages/print.rs".to_string()]);
    let found: Vec<_> = named_paths(&source).iter().filter_map(|p| file_of(p, &files)).collect();
    assert_eq!(found, vec!["src/pages/print.rs".to_string(), "src/pages/case/handover.rs".to_string()]);
}
