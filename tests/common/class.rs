//! A mentor's class folder for the report and class-view tests.

use std::path::Path;

use jiff::Timestamp;
use study_companion::curriculum::ItemId;
use study_companion::format::{self, ProgressFile, Student};
use study_companion::progress::ItemState;

pub fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

pub fn student(id: &str, name: &str, done: &[&str], time: &str) -> ProgressFile {
    let mut file = ProgressFile::new(
        Student {
            id: id.to_owned(),
            name: name.to_owned(),
        },
        "2026.1+test",
    );
    for item in done {
        file.progress
            .set_state(&ItemId((*item).to_owned()), ItemState::Done, at(time));
    }
    file.saved_at = Some(at(time));
    file
}

/// 张三 (two exports: the newer has more done), 李四, 安娜, and a damaged file.
pub fn class_folder(dir: &Path) {
    let write = |name: &str, file: &ProgressFile| {
        std::fs::write(dir.join(name), format::to_string(file).unwrap()).unwrap();
    };
    write(
        "zhangsan-old.scprogress",
        &student(
            "s-zhang",
            "张三",
            &["python.software"],
            "2026-11-20T08:00:00Z",
        ),
    );
    write(
        "zhangsan-new.scprogress",
        &student(
            "s-zhang",
            "张三",
            &["python.software", "python.files", "what-is-dl.course"],
            "2026-11-28T08:00:00Z",
        ),
    );
    write(
        "lisi.scprogress",
        &student("s-li", "李四", &[], "2026-11-01T08:00:00Z"),
    );
    write(
        "anna.scprogress",
        &student(
            "s-an",
            "安娜",
            &[
                "python.software",
                "python.files",
                "python.basics-review",
                "python.online-sites",
            ],
            "2026-11-27T10:30:00Z",
        ),
    );
    write_old(
        &dir.join("broken.scprogress"),
        "ProgressFile(format: 2, student: (",
    );
    std::fs::write(dir.join("notes.txt"), "not a progress file").unwrap();
}

/// Writes a file last changed an hour ago: a damaged file that has been lying there, not one
/// a sync client is still writing (see `report::SETTLE`).
pub fn write_old(path: &Path, contents: &str) {
    std::fs::write(path, contents).unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
}
