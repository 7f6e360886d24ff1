//! Fuzzes the untrusted progress-file reader, `study_companion::format::read`.
//!
//! Any panic, hang or runaway allocation in `read` is a finding. When `read` accepts the
//! input, the cleaned file must also survive a round trip: writing it with `to_string` must
//! succeed, and reading that text back must give the same file with nothing left to repair.
//!
//! Run from the crate root (stable toolchain, so nightly flags are unlocked):
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run read_progress fuzz/seeds -- -max_total_time=900`
#![no_main]

use libfuzzer_sys::fuzz_target;
use study_companion::format::{read, to_string};

fuzz_target!(|data: &[u8]| {
    let Ok(imported) = read(data) else {
        return;
    };
    let text = match to_string(&imported.file) {
        Ok(text) => text,
        Err(err) => panic!("an accepted file could not be written: {err}"),
    };
    match read(text.as_bytes()) {
        Ok(again) => {
            assert_eq!(again.file, imported.file, "round trip changed the file:\n{text}");
            assert!(again.repairs.is_empty(), "round trip needed repairs {:?}:\n{text}", again.repairs);
        }
        Err(err) => panic!("a written file could not be read back: {err}\n{text}"),
    }
});
