//! macOS: a file double-clicked in Finder (or dropped on the Dock icon) reaches the app as
//! an Apple event, not in `argv`, and winit 0.30 (eframe 0.37) does not pass it on. Winit's
//! application delegate gets the `application:openURLs:` method added before the event loop
//! runs (AppKit asks the delegate whether it responds, and sends a cold start's files before
//! the first frame). The method hands the paths to this process's own single-instance socket
//! ([`study_companion::instance`]), so they take the same road as a second launch's files:
//! queued until the window exists, then opened like dropped files.
//!
//! Only this module uses `unsafe`; everything it calls is plain Rust tested elsewhere.
#![allow(unsafe_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use objc2::runtime::{AnyClass, AnyObject, Imp, Sel};
use objc2::{ffi, sel};
use objc2_foundation::{NSArray, NSURL};

/// The data folder whose window the files go to.
static DATA_DIR: OnceLock<PathBuf> = OnceLock::new();

/// Adds the open-documents method to winit's application delegate. Call after the event
/// loop is built (winit declares the class then) and before it runs.
pub fn install(data_dir: PathBuf) {
    let _ = DATA_DIR.set(data_dir);
    let Some(class) = AnyClass::get(c"WinitApplicationDelegate") else {
        log::warn!("winit's application delegate was not found: Finder's files cannot arrive");
        return;
    };
    let method: extern "C-unwind" fn(&AnyObject, Sel, &AnyObject, &NSArray<NSURL>) = open_urls;
    // SAFETY: the class is a registered Objective-C class (looked up by name above); adding a
    // method to it is allowed at any time. The function's signature matches the type
    // encoding "v@:@@" (void return; self, _cmd, and two object arguments), which is the
    // signature of `-[NSApplicationDelegate application:openURLs:]`; the transmute only
    // erases that signature to the runtime's generic `Imp`, as `class_addMethod` requires.
    // If the class already has the method (a newer winit), nothing is replaced.
    let added = unsafe {
        let imp = std::mem::transmute::<
            extern "C-unwind" fn(&AnyObject, Sel, &AnyObject, &NSArray<NSURL>),
            Imp,
        >(method);
        ffi::class_addMethod(
            std::ptr::from_ref(class).cast_mut(),
            sel!(application:openURLs:),
            imp,
            c"v@:@@".as_ptr(),
        )
    };
    if !added.as_bool() {
        log::warn!("winit's application delegate already opens URLs; left as it is");
    }
}

/// `-[delegate application:openURLs:]`: the files to open.
extern "C-unwind" fn open_urls(
    _this: &AnyObject,
    _cmd: Sel,
    _application: &AnyObject,
    urls: &NSArray<NSURL>,
) {
    let paths: Vec<PathBuf> = urls.iter().filter_map(|url| url.to_file_path()).collect();
    let Some(data_dir) = DATA_DIR.get().cloned() else {
        return;
    };
    if paths.is_empty() {
        return;
    }
    // Off the main thread: the window's listener answers on its own thread, but AppKit's
    // thread must never wait.
    std::thread::spawn(move || {
        if let Err(err) = study_companion::instance::forward(&data_dir, &paths) {
            log::warn!("files from Finder could not be opened: {err}");
        }
    });
}
