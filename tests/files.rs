//! Progress files: round trips, merge laws, the bad-file corpus, and the command line.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use jiff::Timestamp;
use proptest::prelude::*;
use study_companion::curriculum::{ChapterId, ItemId};
use study_companion::format::{self, FormatError, ProgressFile, Repair, Student};
use study_companion::progress::{ItemProgress, ItemState, Note, NoteTarget, Progress, merge};

// ---------------------------------------------------------------- generators

fn timestamp() -> impl Strategy<Value = Option<Timestamp>> {
    prop::option::of((0_i64..4_000_000_000).prop_map(|s| Timestamp::from_second(s).unwrap()))
}

fn note() -> impl Strategy<Value = Note> {
    ("\\PC{0,30}", timestamp()).prop_map(|(text, edited)| Note { text, edited })
}

fn state() -> impl Strategy<Value = ItemState> {
    prop_oneof![
        Just(ItemState::NotStarted),
        Just(ItemState::InProgress),
        Just(ItemState::Done),
        Just(ItemState::Skipped),
    ]
}

fn item() -> impl Strategy<Value = ItemProgress> {
    (state(), timestamp(), timestamp(), timestamp(), note()).prop_map(
        |(state, started, finished, changed, note)| ItemProgress {
            state,
            started,
            finished,
            changed,
            note,
        },
    )
}

/// Ids from a small alphabet, so two progresses share items.
fn id() -> impl Strategy<Value = String> {
    "[a-e]\\.[a-c0-9-]{0,2}"
}

fn progress() -> impl Strategy<Value = Progress> {
    (
        prop::collection::btree_map(id().prop_map(ItemId), item(), 0..8),
        prop::collection::btree_map(id().prop_map(ChapterId), note(), 0..3),
    )
        .prop_map(|(items, chapter_notes)| {
            let last_touched = items.keys().next().cloned();
            Progress {
                items,
                chapter_notes,
                last_touched,
                ..Progress::default()
            }
        })
}

fn file() -> impl Strategy<Value = ProgressFile> {
    ("\\PC{0,20}", progress(), timestamp()).prop_map(|(name, progress, saved_at)| {
        let mut file = ProgressFile::new(Student::new(&name), "2026.1+0123456789abcdef");
        file.progress = progress;
        file.saved_at = saved_at;
        file
    })
}

fn notes(progress: &Progress) -> Vec<String> {
    progress
        .items
        .values()
        .map(|item| item.note.text.clone())
        .chain(
            progress
                .chapter_notes
                .values()
                .map(|note| note.text.clone()),
        )
        .filter(|text| !text.is_empty())
        .collect()
}

fn note_of<'a>(progress: &'a Progress, target: &NoteTarget) -> &'a str {
    progress.note(target).map_or("", |note| note.text.as_str())
}

proptest! {
    #[test]
    fn export_then_import_is_the_identity(file in file()) {
        let text = format::to_string(&file).unwrap();
        let imported = format::read(text.as_bytes()).unwrap();
        prop_assert_eq!(imported.repairs, Vec::<Repair>::new());
        prop_assert_eq!(imported.file, file);
    }

    #[test]
    fn merge_is_commutative_and_idempotent(a in progress(), b in progress()) {
        let ab = merge(&a, &b);
        prop_assert_eq!(&ab, &merge(&b, &a));
        prop_assert_eq!(&merge(&ab, &b), &ab);
        prop_assert_eq!(&merge(&ab, &a), &ab);
        prop_assert_eq!(&merge(&a, &a), &a_normalised(&a));
    }

    #[test]
    fn merge_never_loses_a_note_or_an_item(a in progress(), b in progress()) {
        let merged = merge(&a, &b);
        for side in [&a, &b] {
            for id in side.items.keys() {
                prop_assert!(merged.items.contains_key(id));
                let target = NoteTarget::Item(id.clone());
                prop_assert!(note_of(&merged, &target).contains(note_of(side, &target)));
            }
            for id in side.chapter_notes.keys() {
                let target = NoteTarget::Chapter(id.clone());
                prop_assert!(note_of(&merged, &target).contains(note_of(side, &target)));
            }
        }
        prop_assert!(notes(&merged).len() >= notes(&a).len().max(notes(&b).len()));
    }
}

/// Merging a progress with itself changes nothing but `last_touched`, which a merge derives
/// from the newest change.
fn a_normalised(a: &Progress) -> Progress {
    let mut expected = a.clone();
    expected.last_touched = merge(a, a).last_touched;
    expected
}

// ---------------------------------------------------------------- bad files

const GOOD: &str = r#"ProgressFile(
  format: 1,
  app_version: "0.1.0",
  student: (id: "0b5c6a9e-2f4d-4c1e-9a7b-3d2e1f0a9c8b", name: "张三"),
  curriculum_version: "2026.1+d330f170fab60b08",
  saved_at: Some("2026-11-29T14:30:00Z"),
  progress: (
    items: {
      "python.software": (state: Done, started: Some("2026-11-20T08:00:00Z"), finished: Some("2026-11-21T09:30:00Z"), changed: Some("2026-11-21T09:30:00Z"), note: (text: "装好了 **PyCharm**", edited: Some("2026-11-21T09:31:00Z"))),
      "python.files": (state: Skipped),
    },
    chapter_notes: {"python": (text: "本章笔记", edited: None)},
    last_touched: Some("python.software"),
  ),
)"#;

fn error_of(bytes: &[u8]) -> FormatError {
    match format::read(bytes) {
        Ok(imported) => panic!("expected an error, got {imported:?}"),
        Err(err) => err,
    }
}

#[test]
fn the_good_file_reads() {
    // GOOD is a version-1 file: it is migrated to the current version.
    let imported = format::read(GOOD.as_bytes()).unwrap();
    assert!(imported.repairs.is_empty());
    assert_eq!(imported.file.format, format::CURRENT_FORMAT);
    assert!(imported.file.progress.drawings.is_empty());
    assert_eq!(imported.file.student.name, "张三");
    assert_eq!(
        imported
            .file
            .progress
            .state(&ItemId("python.files".to_owned())),
        ItemState::Skipped
    );
}

#[test]
fn bad_files_are_refused_with_what_and_where() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "the file is empty"),
        ("blank", b" \n\t ".to_vec(), "the file is empty"),
        (
            "binary",
            vec![0x89, b'P', b'N', b'G', 0xff, 0x00, 0x13],
            "not text (invalid UTF-8 at byte 0)",
        ),
        ("not RON", "学习进度：完成".as_bytes().to_vec(), "1:1: "),
        (
            "truncated",
            GOOD.as_bytes()[..GOOD.len() / 2].to_vec(),
            "9:79: ",
        ),
        (
            "wrong shape",
            b"ProgressFile(format: 1, student: 5)".to_vec(),
            "1:33: Expected opening `(` for struct `Student`",
        ),
        (
            "future version",
            b"ProgressFile(format: 7, whatever: [1, 2])".to_vec(),
            "format version 7, but this app reads versions up to 3",
        ),
        (
            "version zero",
            b"(format: 0)".to_vec(),
            "unknown format version 0",
        ),
        ("deep nesting", "(".repeat(100_000).into_bytes(), "1:"),
        (
            "bad timestamp",
            GOOD.replace("2026-11-20T08:00:00Z", "2026-13-45T99:00:00Z")
                .into_bytes(),
            "9:",
        ),
        (
            "duplicated item",
            GOOD.replace("\"python.files\"", "\"python.software\"")
                .into_bytes(),
            "the id `python.software` appears twice",
        ),
        (
            "no student id",
            GOOD.replace("0b5c6a9e-2f4d-4c1e-9a7b-3d2e1f0a9c8b", "")
                .into_bytes(),
            "student id is missing or invalid",
        ),
    ];
    for (name, bytes, expected) in cases {
        let message = error_of(&bytes).to_string();
        assert!(
            message.contains(expected),
            "{name}: {message:?} lacks {expected:?}"
        );
    }
}

#[test]
fn absurd_sizes_are_refused_or_trimmed() {
    // 100,000 items.
    let mut items = String::new();
    for i in 0..100_000 {
        items.push_str(&format!("\"i.{i}\": (state: Done),"));
    }
    let many = GOOD.replace(
        "\"python.files\": (state: Skipped),",
        &format!("\"python.files\": (state: Skipped),{items}"),
    );
    assert!(
        error_of(many.as_bytes())
            .to_string()
            .contains("100002 items; the limit is 5000")
    );

    // A 10 MB note: skipped, the rest imported.
    let huge = GOOD.replace("装好了 **PyCharm**", &"长".repeat(3_500_000));
    let imported = format::read(huge.as_bytes()).unwrap();
    assert_eq!(
        imported.repairs,
        [Repair::NoteTooLong {
            target: NoteTarget::Item(ItemId("python.software".to_owned())),
            bytes: 10_500_000
        }]
    );
    let item = &imported.file.progress.items[&ItemId("python.software".to_owned())];
    assert_eq!(item.state, ItemState::Done);
    assert!(item.note.text.is_empty());

    // A 10,000-character name: cut.
    let long = GOOD.replace("张三", &"名".repeat(10_000));
    let imported = format::read(long.as_bytes()).unwrap();
    assert_eq!(imported.repairs, [Repair::NameTruncated { chars: 10_000 }]);
    assert_eq!(imported.file.student.name.chars().count(), 64);
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.scprogress");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(1 << 30).unwrap(); // 1 GiB, sparse: nothing is written.
    let started = std::time::Instant::now();
    let err = format::read_path(&path).unwrap_err();
    assert!(
        err.to_string().contains("too large (1073741824 bytes"),
        "{err}"
    );
    assert!(started.elapsed().as_secs() < 5, "refused without reading");
}

#[test]
fn hostile_text_is_cleaned_and_listed() {
    let hostile = GOOD
        .replace("张三", "\u{202e}三张\u{202c}\u{0007}")
        .replace(
            "装好了 **PyCharm**",
            "装好了\u{2066}\u{0000} PyCharm\n第二行",
        )
        .replace("\"python.files\"", "\"Python Files!\"");
    let imported = format::read(hostile.as_bytes()).unwrap();
    assert_eq!(imported.file.student.name, "三张");
    let note = &imported.file.progress.items[&ItemId("python.software".to_owned())].note;
    assert_eq!(note.text, "装好了 PyCharm\n第二行");
    assert_eq!(
        imported.repairs,
        [
            Repair::NameCleaned,
            Repair::InvalidId("Python Files!".to_owned()),
            Repair::NoteCleaned(NoteTarget::Item(ItemId("python.software".to_owned()))),
        ]
    );
}

#[test]
fn unknown_item_ids_are_kept_and_listed() {
    let file = GOOD.replace("\"python.files\"", "\"old.removed-item\"");
    let imported = format::read(file.as_bytes()).unwrap();
    let curriculum = study_companion::embedded::curriculum();
    let local = ProgressFile::new(Student::new("张三"), &curriculum.version);
    let preview =
        study_companion::exchange::preview(curriculum, &local, imported.file, imported.repairs);
    assert_eq!(
        preview.unknown_items,
        [ItemId("old.removed-item".to_owned())]
    );
}

/// The complete example of `docs/progress-file.md` still parses.
#[test]
fn the_documented_example_parses() {
    let doc = include_str!("../docs/progress-file.md");
    let example = doc
        .split("```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/progress-file.md has a ```ron example");
    let imported = format::read(example.as_bytes()).unwrap();
    assert!(imported.repairs.is_empty());
    assert!(!imported.file.progress.items.is_empty());
}

// ---------------------------------------------------------------- command line

fn cli(data: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_study-companion"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn cli_check_reports_each_file_and_fails_if_any_is_bad() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.scprogress", GOOD);
    let bad = write(dir.path(), "bad.scprogress", &GOOD[..300]);
    let (code, out, err) = cli(dir.path(), &["check", &good]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("good.scprogress: ok: 张三"), "{out}");
    assert!(
        out.contains("1/23 complete (0 done, 1 skipped)") || out.contains("complete"),
        "{out}"
    );

    let (code, out, err) = cli(dir.path(), &["check", &good, &bad]);
    assert_eq!(code, 1);
    assert!(out.contains("good.scprogress: ok"), "{out}");
    assert!(err.contains("bad.scprogress: error: "), "{err}");

    let (code, _, err) = cli(dir.path(), &["check"]);
    assert_eq!(code, 2, "usage error: {err}");
}

#[test]
fn cli_export_import_and_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let other = write(dir.path(), "other.scprogress", GOOD);

    let (code, _, err) = cli(&data, &["export", "-o", "x.scprogress"]);
    assert_eq!(code, 1);
    assert!(err.contains("no saved progress"), "{err}");

    // Another student's file is refused, and nothing is written.
    let (code, _, err) = cli(&data, &["import", &other]);
    assert_eq!(code, 1);
    assert!(err.contains("another student's file (张三"), "{err}");
    assert!(err.contains("--replace"), "{err}");
    assert!(!data.join("progress.ron").exists());

    // Unless told to replace.
    let (code, out, err) = cli(&data, &["import", &other, "--replace"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("replaced"), "{out}");

    // Export, change the export, import it back as the same student: merged.
    let exported = dir.path().join("mine.scprogress");
    let (code, out, err) = cli(&data, &["export", "-o", exported.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("exported: 张三"), "{out}");
    // On "another computer": 文件使用 is done later.
    let mut elsewhere = format::read_path(&exported).unwrap().file;
    elsewhere.progress.set_state(
        &ItemId("python.files".to_owned()),
        ItemState::Done,
        Timestamp::now(),
    );
    std::fs::write(&exported, format::to_string(&elsewhere).unwrap()).unwrap();
    let (code, out, err) = cli(&data, &["import", exported.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 change(s) merged"), "{out}");

    // A bad file changes nothing, byte for byte.
    let before = std::fs::read(data.join("progress.ron")).unwrap();
    let bad = write(
        dir.path(),
        "bad.scprogress",
        "ProgressFile(format: 1, student: (",
    );
    let (code, _, err) = cli(&data, &["import", &bad]);
    assert_eq!(code, 1);
    assert!(err.contains("bad.scprogress"), "{err}");
    assert_eq!(std::fs::read(data.join("progress.ron")).unwrap(), before);

    // The Markdown summary.
    let md = dir.path().join("summary.md");
    let (code, _, err) = cli(&data, &["export", "-o", md.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let summary = std::fs::read_to_string(md).unwrap();
    assert!(summary.contains("# 张三 · 深度学习路线进度"), "{summary}");
    assert!(summary.contains("- [x] 软件准备"), "{summary}");
}

#[test]
fn cli_prints_the_curriculum() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = cli(dir.path(), &["curriculum"]);
    assert_eq!(code, 0);
    assert!(out.contains("item\twhat-is-dl.workflow-drawing\t结合实例手绘一份深度学习流程\ttask"));
}

/// Inputs the fuzzer found (`fuzz/regressions/`): each is read to an answer, without panic,
/// and without decoding the huge images they declare.
#[test]
fn fuzz_findings_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        if let Ok(imported) = format::read(&bytes) {
            assert!(
                imported
                    .file
                    .progress
                    .drawings
                    .values()
                    .all(|d| d.image.is_none())
            );
        }
        count += 1;
    }
    assert!(count >= 3);
}

// ------------------------------------------------------- reading for the class view

/// The file without drawing images and sketches: what an overview of it may differ in.
fn without_drawing_content(mut file: ProgressFile) -> ProgressFile {
    for drawing in file.progress.drawings.values_mut() {
        drawing.image = None;
        drawing.sketch = None;
    }
    file
}

/// The class view and the report read files with `ImageCheck::Summary`: sketches are parsed
/// and checked but not kept. Everything else must be what a full read gives, and a file must
/// be refused by both or by neither (a class never lists a file that will not open).
#[test]
fn a_summary_read_is_the_full_read_without_sketches() {
    use study_companion::drawing::{Drawing, Ink, Label, Sketch, Stroke, render};
    let sketch = Sketch {
        strokes: vec![
            Stroke {
                color: Ink::Red,
                width: 3.0,
                points: vec![[10.5, 20.25], [30.0, 40.0], [50.0, 60.0]],
            };
            20
        ],
        labels: vec![Label {
            pos: [1.0, 2.0],
            text: "训练\u{202e}".to_owned(),
            color: Ink::Black,
            size: 20.0,
        }],
        ..Sketch::default()
    };
    let mut file = ProgressFile::new(Student::new("画画"), "2026.1+test");
    let task = ItemId("what-is-dl.workflow-drawing".to_owned());
    let now: Timestamp = "2026-11-25T09:00:00Z".parse().unwrap();
    file.progress.set_state(&task, ItemState::Done, now);
    file.progress
        .set_note(&NoteTarget::Item(task.clone()), "画好了", now);
    file.progress.drawings.insert(
        task.clone(),
        Drawing {
            image: Some(render::render_png(&sketch).unwrap()),
            sketch: Some(sketch.clone()),
            updated: Some(now),
        },
    );
    let text = format::to_string(&file).unwrap();
    let summary = format::read_with(text.as_bytes(), format::ImageCheck::Summary).unwrap();
    let drawing = &summary.file.progress.drawings[&task];
    assert_eq!(drawing.sketch, None, "no strokes built");
    assert!(
        drawing.image.is_some(),
        "the image is kept (checked by its header)"
    );
    assert_eq!(drawing.updated, Some(now));
    // The same thread reads in full afterwards: nothing of the summary mode lingers.
    let full = format::read(text.as_bytes()).unwrap();
    assert!(full.file.progress.drawings[&task].sketch.is_some());
    assert_eq!(
        without_drawing_content(summary.file.clone()),
        without_drawing_content(full.file.clone())
    );
    let mut expected = full.file.clone();
    if let Some(drawing) = expected.progress.drawings.get_mut(&task) {
        drawing.sketch = None;
    }
    assert_eq!(summary.file, expected, "only the sketch is left out");

    // A sketch of the wrong shape is refused both ways, with the same message.
    for (from, to) in [
        ("width: 3.0", "width: \"3\""),
        ("(10.5, 20.25)", "(10.5, \"20\")"),
        ("(10.5, 20.25)", "(10.5)"),
        ("color: Red", "color: Purple"),
        ("text: \"训练", "text: 7, x: \"训练"),
    ] {
        assert!(text.contains(from), "{from} not in\n{text}");
        let bad = text.replacen(from, to, 1);
        let full = format::read(bad.as_bytes()).map(|_| ()).unwrap_err();
        let summary = format::read_with(bad.as_bytes(), format::ImageCheck::Summary)
            .map(|_| ())
            .unwrap_err();
        assert_eq!(full.to_string(), summary.to_string(), "{from} → {to}");
    }

    // Every seed and fuzz finding: accepted or refused alike, and the same apart from drawings.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for dir in ["seeds", "regressions"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let full = format::read(&bytes);
            let summary = format::read_with(&bytes, format::ImageCheck::Summary);
            match (full, summary) {
                (Ok(full), Ok(summary)) => {
                    assert!(
                        summary
                            .file
                            .progress
                            .drawings
                            .values()
                            .all(|d| d.sketch.is_none()),
                        "{}",
                        path.display()
                    );
                    assert_eq!(
                        without_drawing_content(summary.file),
                        without_drawing_content(full.file),
                        "{}",
                        path.display()
                    );
                }
                (Err(full), Err(summary)) => {
                    assert_eq!(full.to_string(), summary.to_string(), "{}", path.display());
                }
                (full, summary) => panic!(
                    "{}: full {:?}, summary {:?}",
                    path.display(),
                    full.map(|_| ()),
                    summary.map(|_| ())
                ),
            }
            count += 1;
        }
    }
    assert!(count >= 10);
}

#[test]
fn the_markdown_summary_shows_readable_times_and_the_drawing() {
    let curriculum = study_companion::embedded::curriculum();
    let mut file = ProgressFile::new(Student::new("张三"), &curriculum.version);
    file.saved_at = Some("2026-11-30T08:56:20.510697482Z".parse().unwrap());
    let mut png = Vec::new();
    image::RgbaImage::from_pixel(8, 6, image::Rgba([20, 120, 200, 255]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let image = study_companion::drawing::photo::prepare(&png).unwrap();
    let task = ItemId("what-is-dl.workflow-drawing".to_owned());
    file.progress
        .set_drawing_image(task, image, None, Timestamp::now());

    let summary =
        study_companion::exchange::summary_markdown(curriculum, &file, &study_companion::i18n::ZH);
    assert!(
        !summary.contains("08:56:20.51"),
        "no raw timestamp: {summary}"
    );
    assert!(summary.contains("导出时间：2026-11-30 "), "{summary}");
    assert!(
        summary.contains("![我的深度学习流程图](data:image/"),
        "the drawing is in the summary"
    );
}

#[test]
fn cli_check_says_a_feedback_file_is_feedback() {
    let dir = tempfile::tempdir().unwrap();
    let student = Student::new("张三");
    let draft = study_companion::progress::Feedback {
        mentor: "王老师".to_owned(),
        overall: "很好".to_owned(),
        ..Default::default()
    };
    let file = study_companion::exchange::feedback_file(
        &student,
        &draft,
        "v",
        "2026-11-30T10:00:00Z".parse().unwrap(),
    );
    let path = dir.path().join("张三-反馈.scfeedback");
    std::fs::write(&path, format::to_string(&file).unwrap()).unwrap();
    let (code, out, err) = cli(dir.path(), &["check", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("ok: feedback for 张三") && out.contains("from 王老师 (2026-11-30T10:00:00Z)"),
        "{out}"
    );
}

/// A mentor's plan written as the app writes it.
fn plan_text() -> String {
    use jiff::civil::date;
    use study_companion::plan::{Plan, PlanFile, file};
    let plan = Plan {
        start: date(2027, 1, 11),
        end: date(2027, 2, 21),
        chapters: Vec::new(),
    };
    let written = PlanFile::new(plan, "王老师", "v", "2026-11-30T10:00:00Z".parse().unwrap());
    file::to_string(&written).unwrap()
}

#[test]
fn a_plan_read_as_progress_says_it_is_a_plan_and_the_other_way_round() {
    // As written, and after what RON allows before the value.
    for before in [
        "",
        "\u{feff}  \n",
        "// from the mentor's mail\n",
        "#![enable(implicit_some)]\n",
    ] {
        let text = format!("{before}{}", plan_text());
        let error = format::read(text.as_bytes()).unwrap_err();
        assert!(
            matches!(error, format::FormatError::PlanFile),
            "{before:?}: {error:?}"
        );
        assert_eq!(
            error.to_string(),
            "this is a study plan, not a progress file"
        );
    }
    for before in ["", "// my progress\n", "#![enable(implicit_some)]\n"] {
        let text = format!("{before}{GOOD}");
        let error = study_companion::plan::file::read(text.as_bytes()).unwrap_err();
        assert!(
            matches!(error, study_companion::plan::PlanError::ProgressFile),
            "{before:?}: {error:?}"
        );
    }
}

#[test]
fn cli_imports_and_checks_a_plan_even_under_another_name() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let plan = write(dir.path(), "寒假计划.scplan", &plan_text());
    // Renamed by someone: the content says what it is.
    let renamed = write(dir.path(), "plan-from-mail.ron", &plan_text());

    let (code, out, err) = cli(&data, &["check", &plan, &renamed]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.matches("ok: a study plan: 2027-01-11 to 2027-02-21, 0 chapter target(s), by 王老师")
            .count(),
        2,
        "{out}"
    );

    let (code, out, err) = cli(&data, &["import", &plan]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("plan saved: 2027-01-11 to 2027-02-21"),
        "{out}"
    );
    let saved = study_companion::plan::file::read_path(&data.join("plan.ron")).unwrap();
    assert_eq!(saved.file.author, "王老师");
    assert!(
        !data.join("progress.ron").exists(),
        "no progress was made up"
    );

    let (code, out, err) = cli(&data, &["import", &renamed]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("the plan in use was replaced"), "{out}");
    assert!(data.join("plan.ron.bak").exists());

    // A plan in use that cannot be read is moved aside, and that is what is said.
    std::fs::write(data.join("plan.ron"), "不是计划").unwrap();
    let (code, out, err) = cli(&data, &["import", &plan, "--replace"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("could not be read: it was moved aside to")
            && out.contains("plan.damaged.ron")
            && out.contains("--replace is for progress files"),
        "{out}"
    );
    assert_eq!(
        std::fs::read_to_string(data.join("plan.damaged.ron")).unwrap(),
        "不是计划"
    );

    // A bad plan changes nothing and says why.
    let bad = write(
        dir.path(),
        "bad.scplan",
        &plan_text().replace("2027-02-21", "2026-01-01"),
    );
    let before = std::fs::read(data.join("plan.ron")).unwrap();
    let (code, _, err) = cli(&data, &["import", &bad]);
    assert_ne!(code, 0);
    assert!(err.contains("before it starts"), "{err}");
    assert_eq!(std::fs::read(data.join("plan.ron")).unwrap(), before);
}
