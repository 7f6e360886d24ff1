//! Mentor feedback as files: a feedback file carries a student's identity and only the
//! mentor's comments; "export all" writes one per student, and one file that cannot be
//! written never stops the others.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::format::{self, ProgressFile, Student};
use crate::i18n::{Strings, fill};
use crate::progress::Feedback;

use super::names::file_name_part;

/// Most bytes of a student id in a file name (ids are ASCII; a UUID has 36).
const MAX_ID_BYTES_IN_FILE_NAME: usize = 64;

/// `张三-反馈`: the start of a feedback file's name for a student.
pub fn feedback_stem(name: &str, strings: &Strings) -> String {
    fill(strings.feedback_file_stem, &[("name", name)])
}

/// A feedback file: the student's identity and only the mentor's comments, so importing it
/// changes nothing else of theirs.
pub fn feedback_file(
    student: &Student,
    draft: &Feedback,
    version: &str,
    now: Timestamp,
) -> ProgressFile {
    let mut feedback = draft.clone();
    feedback
        .items
        .retain(|_, comment| !comment.trim().is_empty());
    feedback.written = Some(now);
    let mut file = ProgressFile::new(student.clone(), version);
    file.kind = format::Kind::Feedback;
    file.saved_at = Some(now);
    file.progress.feedback.push(feedback);
    file
}

/// One file of "export all feedback".
#[derive(Clone, Debug, PartialEq)]
pub struct FeedbackExport {
    /// The student's name as shown, to say whose file failed.
    pub student: String,
    /// Where the file goes.
    pub path: PathBuf,
    /// The feedback file.
    pub file: ProgressFile,
}

/// What "export all feedback" did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// The files written.
    pub written: Vec<PathBuf>,
    /// The students whose file could not be written, and why (in the UI language where the
    /// error comes from us, else the system's words).
    pub failed: Vec<(String, String)>,
}

/// The files "export all feedback" writes into `folder`: one per student with feedback in
/// `drafts`, named `张三-反馈-2026-11-29-{id}.scfeedback`. The name part is made safe and
/// short (see [`file_name_part`]); the id keeps two students with the same name apart, and
/// names that would still be equal on a case-insensitive file system get `-2`, `-3`….
pub fn feedback_exports<'a>(
    folder: &Path,
    students: impl IntoIterator<Item = &'a Student>,
    drafts: &HashMap<String, Feedback>,
    version: &str,
    now: Timestamp,
    date: &str,
    strings: &Strings,
) -> Vec<FeedbackExport> {
    let mut taken = HashSet::new();
    let mut exports = Vec::new();
    for student in students {
        let Some(draft) = drafts.get(&student.id).filter(|draft| !draft.is_empty()) else {
            continue;
        };
        let name = strings.display_name(student);
        let id: String = file_name_part(&student.id, "id")
            .chars()
            .scan(0, |bytes, c| {
                *bytes += c.len_utf8();
                (*bytes <= MAX_ID_BYTES_IN_FILE_NAME).then_some(c)
            })
            .collect();
        let stem = format!(
            "{}-{date}-{id}",
            file_name_part(&feedback_stem(name, strings), strings.unnamed)
        );
        let mut file_name = format!("{stem}.{}", format::FEEDBACK_EXTENSION);
        let mut n = 1;
        while !taken.insert(file_name.to_lowercase()) {
            n += 1;
            file_name = format!("{stem}-{n}.{}", format::FEEDBACK_EXTENSION);
        }
        exports.push(FeedbackExport {
            student: name.to_owned(),
            path: folder.join(file_name),
            file: feedback_file(student, draft, version, now),
        });
    }
    exports
}

/// Writes each file atomically; a file that cannot be written is listed and the rest are
/// still written.
pub fn write_feedback_exports(exports: Vec<FeedbackExport>) -> ExportReport {
    let mut report = ExportReport::default();
    for export in exports {
        let written = format::to_string(&export.file)
            .map_err(|err| err.to_string())
            .and_then(|text| {
                crate::storage::write_atomically(&export.path, text.as_bytes(), || Ok(()))
                    .map_err(|err| err.to_string())
            });
        match written {
            Ok(()) => report.written.push(export.path),
            Err(error) => {
                log::warn!("feedback for {} not written: {error}", export.student);
                report.failed.push((export.student, error));
            }
        }
    }
    report
}

/// The notice after "export all feedback": how many were written where, and whose failed.
pub fn export_report_text(report: &ExportReport, folder: &Path, strings: &Strings) -> String {
    let written = fill(
        strings.feedback_exported_all,
        &[
            ("count", &report.written.len().to_string()),
            ("folder", &folder.display().to_string()),
        ],
    );
    if report.failed.is_empty() {
        return written;
    }
    let list: Vec<String> = report
        .failed
        .iter()
        .map(|(name, error)| {
            fill(
                strings.feedback_export_failure,
                &[("name", name), ("error", error)],
            )
        })
        .collect();
    fill(
        strings.feedback_exported_some,
        &[
            ("written", &written),
            ("count", &report.failed.len().to_string()),
            ("list", &list.join(strings.list_separator)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::ZH;

    fn student(id: &str, name: &str) -> Student {
        Student {
            id: id.to_owned(),
            name: name.to_owned(),
        }
    }

    fn drafts(ids: &[&str]) -> HashMap<String, Feedback> {
        ids.iter()
            .map(|id| {
                let draft = Feedback {
                    overall: format!("给 {id} 的评语"),
                    ..Feedback::default()
                };
                ((*id).to_owned(), draft)
            })
            .collect()
    }

    fn names(exports: &[FeedbackExport]) -> Vec<String> {
        exports
            .iter()
            .map(|e| e.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn file_names_are_short_safe_and_distinct() {
        let emoji = "😀".repeat(64);
        let students = [
            student("s-emoji", &emoji),
            student("s-a", "张三"),
            student("s-b", "张三"),
            student("CASE", "同名"),
            student("case", "同名"),
            student("s-none", "无反馈"),
            student(&"x".repeat(128), "CON"),
            student("s-blank", "  "),
        ];
        let ids: Vec<&str> = students
            .iter()
            .map(|s| s.id.as_str())
            .filter(|id| *id != "s-none")
            .collect();
        let exports = feedback_exports(
            Path::new("/out"),
            &students,
            &drafts(&ids),
            "v",
            Timestamp::UNIX_EPOCH,
            "2026-11-29",
            &ZH,
        );
        let names = names(&exports);
        assert_eq!(
            names,
            [
                format!("{}-2026-11-29-s-emoji.scfeedback", "😀".repeat(25)),
                "张三-反馈-2026-11-29-s-a.scfeedback".to_owned(),
                "张三-反馈-2026-11-29-s-b.scfeedback".to_owned(),
                "同名-反馈-2026-11-29-CASE.scfeedback".to_owned(),
                "同名-反馈-2026-11-29-case-2.scfeedback".to_owned(),
                format!("CON-反馈-2026-11-29-{}.scfeedback", "x".repeat(64)),
                "（未填写名字）-反馈-2026-11-29-s-blank.scfeedback".to_owned(),
            ]
        );
        for name in &names {
            assert!(name.len() <= 255, "{name}");
        }
        assert_eq!(exports[0].student, emoji);
        assert_eq!(exports[6].student, "（未填写名字）");
        assert_eq!(
            exports[1].file.progress.feedback[0].overall,
            "给 s-a 的评语"
        );
        assert_eq!(exports[1].file.student, students[1]);
    }

    #[test]
    fn one_file_that_cannot_be_written_does_not_stop_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let students = [
            student("s-emoji", &"😀".repeat(64)),
            student("s-li", "李四"),
            student("s-an", "安娜"),
        ];
        let exports = feedback_exports(
            dir.path(),
            &students,
            &drafts(&["s-emoji", "s-li", "s-an"]),
            "v",
            Timestamp::UNIX_EPOCH,
            "2026-11-29",
            &ZH,
        );
        // A folder where 李四's file goes: it cannot be replaced by a file.
        std::fs::create_dir(&exports[1].path).unwrap();
        let blocked = exports[1].path.clone();
        let others = [exports[0].path.clone(), exports[2].path.clone()];

        let report = write_feedback_exports(exports);
        assert_eq!(report.written, others);
        assert!(others.iter().all(|path| path.is_file()));
        assert!(blocked.is_dir());
        assert_eq!(report.failed.len(), 1);
        assert_eq!(report.failed[0].0, "李四");
        let back = format::read_path(&others[0]).unwrap().file;
        assert_eq!(back.student, students[0]);

        let text = export_report_text(&report, dir.path(), &ZH);
        assert!(text.contains("已导出 2 个反馈文件"), "{text}");
        assert!(text.contains("1 个未能写出：李四（"), "{text}");
        assert!(!text.contains("安娜"), "{text}");
    }
}
