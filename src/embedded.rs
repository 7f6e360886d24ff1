//! The curriculum embedded at build time (see `build.rs`).

use std::sync::{Arc, LazyLock};

use crate::curriculum::{Curriculum, SourceFile, parse_curriculum};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/curriculum_embedded.rs"));
}

static CURRICULUM: LazyLock<Arc<Curriculum>> = LazyLock::new(|| {
    let files: Vec<SourceFile<'static>> = generated::FILES
        .iter()
        .map(|(name, text)| SourceFile { name, text })
        .collect();
    let image_exists = |path: &str| image(path).is_some();
    match parse_curriculum(generated::VERSION, &files, &image_exists) {
        Ok(curriculum) => Arc::new(curriculum),
        // build.rs ran this same parser on these same bytes and refused to build on any error.
        Err(errors) => unreachable!("the embedded curriculum was validated by build.rs: {errors}"),
    }
});

/// The roadmap this build carries, parsed once on first use.
pub fn curriculum() -> &'static Arc<Curriculum> {
    &CURRICULUM
}

/// The bytes of an image the curriculum shows, by its path relative to `curriculum/`.
pub fn image(path: &str) -> Option<&'static [u8]> {
    generated::IMAGES
        .iter()
        .find(|(name, _)| *name == path)
        .map(|(_, bytes)| *bytes)
}

/// Every embedded image: (path relative to `curriculum/`, bytes).
pub fn images() -> &'static [(&'static str, &'static [u8])] {
    generated::IMAGES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_curriculum_parses() {
        let curriculum = curriculum();
        assert!(curriculum.chapters.len() >= 9);
        assert!(curriculum.version.contains('+'));
    }
}
