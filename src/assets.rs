//! Files from `assets/` built into the binary.

/// Noto Sans SC (Simplified Chinese forms), subset to GB2312 plus every character the
/// curriculum and the UI use; see `assets/fonts/README.md`. The UI draws text with it, and
/// sketches are rendered to PNG with it.
pub const CJK_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Subset.otf");

/// The app icon (256×256 PNG).
pub const ICON_PNG: &[u8] = include_bytes!("../assets/icon.png");
