//! The shape of the house, checked: the core never imports egui, and the UI's files import
//! each other without a cycle (a view never reaches back into the app or its flows' users).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// `src/ui/flow/import.rs` → `flow::import`; `src/ui/flow/mod.rs` → `flow`.
fn module_of(path: &Path, root: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap().with_extension("");
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|part| part != "mod")
        .collect();
    parts.join("::")
}

/// The UI modules a file imports: `use super::x`, `super::super::x`, `crate::ui::x`, and each
/// name of a group (`use super::{x, y::z}`, over several lines too).
fn imports(text: &str, module: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let depth = module.split("::").count();
    let base: Vec<&str> = module.split("::").collect();
    let mut found = BTreeSet::new();
    // The longest known module that prefixes `path`.
    let mut resolve = |mut path: Vec<String>| {
        while !path.is_empty() {
            let candidate = path.join("::");
            if modules.contains(&candidate) {
                if candidate != module {
                    found.insert(candidate);
                }
                return;
            }
            path.pop();
        }
    };
    let starts = code
        .match_indices("super::")
        .chain(code.match_indices("crate::ui::"));
    for (start, _) in starts {
        if code[..start].ends_with("super::") {
            continue; // counted from the first `super::`
        }
        let rest = &code[start..];
        let (mut level, mut rest) = match rest.strip_prefix("crate::ui::") {
            Some(rest) => (depth, rest),
            None => (0, rest),
        };
        while let Some(after) = rest.strip_prefix("super::") {
            level += 1;
            rest = after;
        }
        // The module path the import starts from.
        let keep = base.len().saturating_sub(level);
        let from: Vec<String> = base[..keep].iter().map(|s| (*s).to_owned()).collect();
        let path_of = |text: &str| -> Vec<String> {
            let mut path = from.clone();
            path.extend(
                text.split("::")
                    .map(|part| {
                        part.trim()
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect::<String>()
                    })
                    .take_while(|part| !part.is_empty()),
            );
            path
        };
        if let Some(group) = rest.strip_prefix('{') {
            // Names up to the matching brace (one level of nesting is enough here).
            let mut nesting = 0;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '{' => nesting += 1,
                        '}' if nesting == 0 => return true,
                        '}' => nesting -= 1,
                        _ => {}
                    }
                    false
                })
                .map_or(group.len(), |(end, _)| end);
            let mut nesting = 0;
            let mut item = String::new();
            for c in group[..end].chars().chain([',']) {
                match c {
                    '{' => nesting += 1,
                    '}' => nesting -= 1,
                    ',' if nesting == 0 => {
                        resolve(path_of(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
        } else {
            resolve(path_of(rest));
        }
    }
    found
}

#[test]
fn the_ui_files_import_each_other_without_a_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(f, &root)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let module = module_of(file, &root);
        let text = std::fs::read_to_string(file).unwrap();
        // A parent declaring its children (`pub mod import;`) is not an import.
        let found = imports(&text, &module, &modules)
            .into_iter()
            .filter(|target| !target.starts_with(&format!("{module}::")) || module.is_empty())
            .collect();
        graph.insert(module, found);
    }
    assert!(
        graph["app"].contains("flow"),
        "the check sees imports: {graph:#?}"
    );
    assert!(graph["flow::import"].contains("action"), "{graph:#?}");
    // Grouped imports are seen too: `use super::{local_time, theme};` in feedback.rs.
    assert!(graph["feedback"].contains("theme"), "{graph:#?}");

    // Depth-first search for a cycle.
    fn visit<'a>(
        node: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) {
        if done.contains(node) {
            return;
        }
        if let Some(start) = stack.iter().position(|n| *n == node) {
            panic!(
                "import cycle in src/ui: {} -> {node}",
                stack[start..].join(" -> ")
            );
        }
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, stack, done);
        }
        stack.pop();
        done.insert(node);
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, &graph, &mut Vec::new(), &mut done);
    }
}

#[test]
fn the_core_never_imports_egui() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let offending: Vec<_> = files
        .iter()
        .filter(|file| !file.starts_with(src.join("ui")) && !file.ends_with("main.rs"))
        .filter(|file| {
            let text = std::fs::read_to_string(file).unwrap();
            text.contains("egui::") || text.contains("use egui") || text.contains("eframe::")
        })
        .collect();
    assert!(offending.is_empty(), "{offending:?}");
}

#[test]
fn the_update_core_touches_no_context_file_or_thread() {
    let flow = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/flow");
    let mut files = Vec::new();
    rust_files(&flow, &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let code: String = text
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for forbidden in [
            "egui::Context",
            "std::fs",
            "std::thread",
            "rfd::",
            "arboard",
            "Storage",
            ".is_dir()",
            ".is_file()",
            ".exists()",
            ".metadata(",
        ] {
            assert!(
                !code.contains(forbidden),
                "{} uses {forbidden}",
                file.display()
            );
        }
    }
}

/// No room grows past about 600 lines: a file that does is doing two things. The one
/// exception is the table of the UI's string names (one documented field per string, no
/// logic), whose two languages are files of their own.
#[test]
fn no_source_file_is_over_about_600_lines() {
    const LIMIT: usize = 650;
    const TABLES: [&str; 1] = ["i18n/strings.rs"];
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let long: Vec<_> = files
        .iter()
        .filter(|file| !TABLES.iter().any(|table| file.ends_with(table)))
        .map(|file| (file, std::fs::read_to_string(file).unwrap().lines().count()))
        .filter(|(_, lines)| *lines > LIMIT)
        .collect();
    assert!(long.is_empty(), "files over {LIMIT} lines: {long:?}");
}

/// Every panel paints no background of its own (the window is cleared to the panels' colour:
/// `theme::clear_color`): a panel is given `theme::panel_frame` or `theme::central_frame`
/// within the lines that build it. See docs/architecture.md and `tests/painting.rs`.
#[test]
fn every_panel_uses_the_frame_without_a_fill() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut unframed = Vec::new();
    let mut panels = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (at, line) in lines.iter().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if !(code.contains("Panel::") || code.contains("CentralPanel::")) {
                continue;
            }
            panels += 1;
            let building = lines[at..lines.len().min(at + 6)].join("\n");
            if !(building.contains(".frame(theme::panel_frame(")
                || building.contains(".frame(theme::central_frame("))
            {
                unframed.push(format!("{}:{}", file.display(), at + 1));
            }
        }
    }
    assert!(panels >= 3, "the panels were found ({panels})");
    assert!(
        unframed.is_empty(),
        "panels with egui's filled frame: {unframed:?}"
    );
}
