//! Fuzzes the untrusted progress-file reader, `study_companion::format::read`.
//!
//! Any panic, hang or runaway allocation in `read` is a finding. When `read` accepts the
//! input, the cleaned file must also survive a round trip: writing it with `to_string` must
//! succeed, and reading that text back must give the same file with nothing left to repair.
//!
//! Run from the crate root (only a stable toolchain here, so nightly flags are unlocked):
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run read_progress fuzz/seeds -- -dict=fuzz/read_progress.dict`
//! Set `READ_PROGRESS_SHOW=1` to print what `read` returns for each input (to check seeds).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use study_companion::format::{read, to_string};

static SHOW: LazyLock<bool> = LazyLock::new(|| std::env::var_os("READ_PROGRESS_SHOW").is_some());

fuzz_target!(|data: &[u8]| {
    let result = read(data);
    if *SHOW {
        match &result {
            Ok(imported) => eprintln!("READ_PROGRESS_SHOW: accepted, repairs {:?}", imported.repairs),
            Err(err) => eprintln!("READ_PROGRESS_SHOW: refused: {err}"),
        }
    }
    let Ok(imported) = result else {
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
