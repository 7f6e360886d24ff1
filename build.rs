//! Validates `curriculum/` with the library's own parser and embeds it.
//!
//! A bad curriculum fails the build with `curriculum/FILE:LINE: reason` for every problem.
//! The generated `curriculum_embedded.rs` holds the chapter sources, the images they show and
//! the curriculum version (`curriculum/VERSION` plus a hash of every embedded byte).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[allow(dead_code, unused_imports, unreachable_pub)]
#[path = "src/curriculum/mod.rs"]
mod curriculum;

fn main() {
    if let Err(message) = run().and_then(|()| windows_resource()) {
        eprintln!("{message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let dir = root.join("curriculum");
    println!("cargo::rerun-if-changed=curriculum");
    println!("cargo::rerun-if-changed=src/curriculum");

    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| is_chapter_file(name))
        .collect();
    names.sort();

    let mut texts = Vec::new();
    for name in &names {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("curriculum/{name}: cannot read as UTF-8: {e}"))?;
        texts.push(text);
    }
    let label = std::fs::read_to_string(dir.join("VERSION"))
        .map_err(|e| format!("curriculum/VERSION: {e}"))?;

    let files: Vec<curriculum::SourceFile<'_>> = names
        .iter()
        .zip(&texts)
        .map(|(name, text)| curriculum::SourceFile { name, text })
        .collect();
    let image_exists = |path: &str| dir.join(path).is_file();
    let parsed = curriculum::parse_curriculum("", &files, &image_exists).map_err(|errors| {
        let mut message = String::from("the curriculum is invalid:\n");
        for error in &errors.0 {
            let _ = writeln!(message, "curriculum/{error}");
        }
        message
    })?;

    let mut images: Vec<&String> = parsed
        .chapters
        .iter()
        .flat_map(|chapter| chapter.items.iter().flat_map(|item| item.images.iter()))
        .collect();
    images.sort();
    images.dedup();

    // The version: a readable label plus a hash of everything embedded.
    let mut hash = Fnv1a::default();
    for (name, text) in names.iter().zip(&texts) {
        hash.write(name.as_bytes());
        hash.write(text.as_bytes());
    }
    for image in &images {
        let bytes =
            std::fs::read(dir.join(image)).map_err(|e| format!("curriculum/{image}: {e}"))?;
        hash.write(image.as_bytes());
        hash.write(&bytes);
    }
    let version = format!("{}+{:016x}", label.trim(), hash.0);

    let mut code = String::new();
    let _ = writeln!(
        code,
        "/// `curriculum/VERSION` plus a hash of the embedded sources."
    );
    let _ = writeln!(code, "pub const VERSION: &str = {version:?};");
    let _ = writeln!(
        code,
        "/// The chapter sources, in order: (file name, text)."
    );
    let _ = writeln!(code, "pub static FILES: &[(&str, &str)] = &[");
    for name in &names {
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            abs(&dir.join(name))
        );
    }
    let _ = writeln!(code, "];");
    let _ = writeln!(
        code,
        "/// Images the curriculum shows: (path relative to curriculum/, bytes)."
    );
    let _ = writeln!(code, "pub static IMAGES: &[(&str, &[u8])] = &[");
    for image in &images {
        let _ = writeln!(
            code,
            "    ({image:?}, include_bytes!({:?})),",
            abs(&dir.join(image))
        );
    }
    let _ = writeln!(code, "];");

    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    std::fs::write(out.join("curriculum_embedded.rs"), code).map_err(|e| e.to_string())?;
    Ok(())
}

/// Chapter files are `NN-name.md`; README.md and folders are not chapters.
fn is_chapter_file(name: &str) -> bool {
    name.ends_with(".md") && name.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn abs(path: &Path) -> String {
    path.display().to_string()
}

/// 64-bit FNV-1a: a stable content hash for the version (not for security).
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// On a Windows *target* (a cross build from Linux counts; the machine running this script does
/// not matter, hence `CARGO_CFG_TARGET_OS` and not `cfg!(windows)`), embeds the app icon and the
/// version information in the `.exe`: Explorer, the taskbar, Alt+Tab and the file types that the
/// installers associate with the app all show this icon (index 0). Needs MinGW's `windres` and
/// `ar` for the GNU target (`x86_64-w64-mingw32-windres` when cross-building) or the Windows
/// SDK's `rc.exe` for MSVC. Other targets skip this and need no Windows tools.
fn windows_resource() -> Result<(), String> {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return Ok(());
    }
    // Lints link nothing: clippy (cargo hands build scripts its RUSTC_WORKSPACE_WRAPPER)
    // needs no resource, so CI's Windows lint needs no MinGW windres.
    if std::env::var_os("RUSTC_WORKSPACE_WRAPPER")
        .is_some_and(|wrapper| wrapper.to_string_lossy().contains("clippy"))
    {
        return Ok(());
    }
    // Made by packaging/make-icons.py from the drawing in assets/make-icon.py.
    let icon = "packaging/icons/study-companion.ico";
    println!("cargo::rerun-if-changed={icon}");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon(&abs(&root.join(icon)))
        .set("ProductName", "学习伴侣 Study Companion")
        .set("FileDescription", "学习伴侣 · Study Companion")
        .set("InternalName", "study-companion")
        .set("OriginalFilename", "study-companion.exe")
        .set("LegalCopyright", "MIT OR Apache-2.0");
    // Only the app's binary, not the tests, benches and examples linked for Windows.
    resource
        .compile_for("study-companion")
        .map_err(|e| format!("embedding the Windows icon ({icon}): {e}"))
}
