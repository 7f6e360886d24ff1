//! The update core without a window: actions and outcomes replayed against
//! `flow::Model`, the effects it asks for checked, and the world's answers handed back by
//! hand (the iced `todos` way). No egui context, no file dialog, no thread.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;
use std::time::Duration;

use common::mini_curriculum;
use study_companion::curriculum::ItemId;
use study_companion::drawing::Sketch;
use study_companion::format::{self, Imported, ProgressFile, Student};
use study_companion::progress::{ItemState, NoteTarget};
use study_companion::search::Place;
use study_companion::ui::commands::Command;
use study_companion::ui::effect::{
    Contents, DialogMode, Effect, ImageProblem, ImageSource, Now, Outcome, ReadPurpose,
    ScrollTarget, Then,
};
use study_companion::ui::flow::Model;
use study_companion::ui::{Action, DrawingAction, ImportAction, MentorAction, UiState};

fn id(text: &str) -> ItemId {
    ItemId(text.to_owned())
}

/// A student's model, saving to a data folder, at a fixed moment.
fn model() -> Model {
    let curriculum = mini_curriculum();
    let file = ProgressFile::new(Student::new("张三"), &curriculum.version);
    let mut model = Model::new(curriculum, UiState::default(), file);
    model.saving = true;
    model
}

fn now() -> Now {
    Now {
        time: "2026-11-30T08:00:00Z".parse().unwrap(),
        instant: std::time::Instant::now(),
    }
}

fn notices(model: &Model) -> Vec<&str> {
    model
        .notices
        .as_slice()
        .iter()
        .map(|n| n.text.as_str())
        .collect()
}

fn is_progress_changed(effects: &[Effect]) -> bool {
    effects.iter().any(|e| matches!(e, Effect::ProgressChanged))
}

#[test]
fn ticking_an_item_changes_the_progress_and_asks_for_a_save() {
    let mut model = model();
    let effects = model.update(Action::ToggleDone(id("basics.software")), now());
    assert!(is_progress_changed(&effects));
    assert_eq!(
        model.file.progress.state(&id("basics.software")),
        ItemState::Done
    );

    let effects = model.update(
        Action::SetChapterOpen(model.curriculum.chapters[0].id.clone(), true),
        now(),
    );
    assert!(effects.is_empty(), "opening a chapter saves no progress");
}

#[test]
fn continue_scrolls_to_the_first_unfinished_item_and_opens_its_chapter() {
    let mut model = model();
    model.update(Action::ToggleDone(id("basics.software")), now());
    let effects = model.update(Action::Continue, now());
    assert!(matches!(
        effects.as_slice(),
        [Effect::ScrollTo(ScrollTarget::Item(item))] if *item == id("basics.files")
    ));
    assert!(
        model
            .state
            .open_chapters
            .contains(&model.curriculum.chapters[0].id)
    );
}

#[test]
fn a_search_hit_opens_its_chapter_scrolls_there_and_is_framed() {
    let mut model = model();
    assert_eq!(
        Command::Search.action(&model),
        Some(Action::OpenSearch),
        "Ctrl+F opens the search"
    );
    assert!(matches!(
        model.update(Action::OpenSearch, now()).as_slice(),
        [Effect::OpenSearch]
    ));

    let effects = model.update(Action::ShowFound(Place::Item(id("dl.course"))), now());
    let target = ScrollTarget::Item(id("dl.course"));
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::ScrollTo(scroll), Effect::Highlight(framed)]
                if *scroll == target && *framed == target
        ),
        "{effects:?}"
    );
    assert!(
        model
            .state
            .open_chapters
            .contains(&model.curriculum.chapters[1].id)
    );
    // An item the roadmap does not have, and the overall comment: nowhere to scroll.
    assert!(
        model
            .update(Action::ShowFound(Place::Item(id("gone"))), now())
            .is_empty()
    );
    assert!(
        model
            .update(Action::ShowFound(Place::Overall), now())
            .is_empty()
    );
}

#[test]
fn nothing_of_ones_own_changes_while_read_only() {
    let mut model = model();
    model.read_only = true;
    for action in [
        Action::ToggleDone(id("basics.software")),
        Action::SetNote(NoteTarget::Item(id("basics.software")), "笔记".to_owned()),
        Action::SetName("李四".to_owned()),
        DrawingAction::OpenCanvas(id("dl.drawing")).into(),
    ] {
        assert!(model.update(action, now()).is_empty());
    }
    assert!(model.file.progress.items.is_empty());
    assert_eq!(model.file.student.name, "张三");
    assert!(model.drawing.canvas.is_none());
}

#[test]
fn links_are_checked_before_they_reach_the_browser() {
    let mut model = model();
    let effects = model.update(Action::OpenUrl("javascript:alert(1)".to_owned()), now());
    assert!(effects.is_empty());
    assert_eq!(notices(&model).len(), 1);
    let url = "https://www.bilibili.com/video/BV1CE411Z7qg/";
    let effects = model.update(Action::OpenUrl(url.to_owned()), now());
    assert!(matches!(effects.as_slice(), [Effect::OpenUrl(u)] if u == url));
}

#[test]
fn an_over_long_note_is_cut_with_a_notice() {
    let mut model = model();
    let text = "笔".repeat(format::limits::MAX_NOTE_BYTES / 3 + 10);
    let target = NoteTarget::Item(id("basics.software"));
    model.update(Action::SetNote(target.clone(), text), now());
    let kept = &model.file.progress.note(&target).unwrap().text;
    assert!(kept.len() <= format::limits::MAX_NOTE_BYTES);
    assert!(notices(&model)[0].contains("MB"), "{:?}", notices(&model));
}

#[test]
fn export_asks_where_with_a_safe_name_and_writes_only_when_answered() {
    let mut model = model();
    let effects = model.update(Action::AskExport { markdown: false }, now());
    let [Effect::Pick(dialog)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(dialog.mode, DialogMode::Save);
    assert!(
        dialog
            .file_name
            .as_deref()
            .unwrap()
            .starts_with("张三-2026-11-")
    );
    assert_eq!(dialog.then, Then::Export { markdown: false });

    // Cancelled: nothing happens.
    let cancelled = Outcome::Picked {
        then: dialog.then.clone(),
        paths: Vec::new(),
    };
    assert!(model.receive(cancelled, now()).is_empty());

    let path = PathBuf::from("/somewhere/张三.scprogress");
    let answered = Outcome::Picked {
        then: dialog.then.clone(),
        paths: vec![path.clone()],
    };
    let effects = model.receive(answered, now());
    let [
        Effect::Write {
            path: written,
            contents: Contents::Text(text),
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert_eq!(written, &path);
    let back = format::read(text.as_bytes()).unwrap();
    assert_eq!(back.file.student.name, "张三");

    model.receive(
        Outcome::Written {
            path: path.clone(),
            result: Ok(()),
        },
        now(),
    );
    assert!(notices(&model)[0].contains("张三.scprogress"));
}

/// The student's own file from another computer, with one item done.
fn own_file_elsewhere(model: &Model) -> Imported {
    let mut file = model.file.clone();
    file.progress
        .set_state(&id("basics.files"), ItemState::Done, now().time);
    Imported {
        file,
        repairs: Vec::new(),
    }
}

#[test]
fn import_reads_previews_merges_queues_and_undoes() {
    let mut model = model();
    let first = PathBuf::from("/in/a.scprogress");
    let second = PathBuf::from("/in/b.scprogress");
    let effects = model.update(ImportAction::From(first.clone()).into(), now());
    assert!(matches!(
        effects.as_slice(),
        [Effect::ReadProgress { path, purpose: ReadPurpose::Import }] if *path == first
    ));
    // A second file waits until the first is decided.
    assert!(
        model
            .update(ImportAction::From(second.clone()).into(), now())
            .is_empty()
    );

    let read = Outcome::ProgressRead {
        path: first,
        purpose: ReadPurpose::Import,
        result: Ok(own_file_elsewhere(&model)),
    };
    assert!(model.receive(read, now()).is_empty());
    let preview = &model.import.pending.as_ref().unwrap().1;
    assert_eq!(preview.changes.len(), 1);
    assert!(
        model.file.progress.items.is_empty(),
        "nothing changes before the decision"
    );

    let effects = model.update(ImportAction::ConfirmMerge.into(), now());
    assert!(is_progress_changed(&effects));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::ReadProgress { path, .. } if *path == second)),
        "the queued file is read next"
    );
    assert_eq!(
        model.file.progress.state(&id("basics.files")),
        ItemState::Done
    );

    let effects = model.update(ImportAction::Undo.into(), now());
    assert!(is_progress_changed(&effects));
    assert!(model.file.progress.items.is_empty());
    assert!(Command::UndoImport.action(&model).is_none(), "one undo");
}

#[test]
fn a_merge_that_sets_something_aside_writes_it_first_and_waits() {
    let mut model = model();
    let target = NoteTarget::Item(id("basics.software"));
    let big = |c: &str| c.repeat(900 * 1024);
    model.file.progress.set_note(&target, &big("a"), now().time);
    let mut theirs = model.file.clone();
    theirs
        .progress
        .set_note(&target, &big("b"), "2026-11-30T09:00:00Z".parse().unwrap());
    let path = PathBuf::from("/in/big.scprogress");
    model.update(ImportAction::From(path.clone()).into(), now());
    model.receive(
        Outcome::ProgressRead {
            path,
            purpose: ReadPurpose::Import,
            result: Ok(Imported {
                file: theirs,
                repairs: Vec::new(),
            }),
        },
        now(),
    );
    assert!(
        !model
            .import
            .pending
            .as_ref()
            .unwrap()
            .1
            .set_aside
            .is_empty()
    );

    let effects = model.update(ImportAction::ConfirmMerge.into(), now());
    let [Effect::WriteSetAside(texts)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    for text in texts {
        format::read(text.as_bytes()).expect("what is set aside reads back");
    }
    let before = model.file.progress.note(&target).unwrap().text.clone();
    // Cancelling while the files are written changes nothing.
    model.update(ImportAction::Cancel.into(), now());
    assert!(model.import.pending.is_some());

    // The write failed: nothing changes, the preview stays for another try.
    model.receive(Outcome::SetAsideWritten(Err("磁盘已满".to_owned())), now());
    assert_eq!(model.file.progress.note(&target).unwrap().text, before);
    assert!(model.import.pending.is_some());
    assert!(notices(&model).last().unwrap().contains("磁盘已满"));

    model.update(ImportAction::ConfirmMerge.into(), now());
    let kept = PathBuf::from("/data/set-aside-1.scprogress");
    let effects = model.receive(Outcome::SetAsideWritten(Ok(vec![kept])), now());
    assert!(is_progress_changed(&effects));
    assert!(model.import.pending.is_none());
    assert!(notices(&model).iter().any(|n| n.contains("set-aside-1")));
}

#[test]
fn another_students_file_is_shown_read_only() {
    let mut model = model();
    let path = PathBuf::from("/in/li.scprogress");
    model.update(ImportAction::From(path.clone()).into(), now());
    let mut theirs = ProgressFile::new(Student::new("李四"), "v");
    theirs
        .progress
        .set_state(&id("basics.software"), ItemState::Done, now().time);
    model.receive(
        Outcome::ProgressRead {
            path,
            purpose: ReadPurpose::Import,
            result: Ok(Imported {
                file: theirs,
                repairs: Vec::new(),
            }),
        },
        now(),
    );
    model.update(ImportAction::View.into(), now());
    assert_eq!(model.import.viewing.as_ref().unwrap().student.name, "李四");
    assert_eq!(
        model.shown_progress().state(&id("basics.software")),
        ItemState::Done
    );
    assert!(
        model
            .update(Action::ToggleDone(id("basics.files")), now())
            .is_empty()
    );
    model.update(ImportAction::CloseView.into(), now());
    assert!(model.import.viewing.is_none());
    assert!(model.file.progress.items.is_empty());
}

/// A model asked to import `first`, then another file (queued behind it).
fn two_imports(first: &str) -> (Model, PathBuf, PathBuf) {
    let mut model = model();
    let first = PathBuf::from(first);
    let next = PathBuf::from("/in/next.scprogress");
    model.update(ImportAction::From(first.clone()).into(), now());
    model.update(ImportAction::From(next.clone()).into(), now());
    (model, first, next)
}

#[test]
fn a_file_that_cannot_be_read_is_explained_and_the_queue_goes_on() {
    let (mut model, bad, next) = two_imports("/in/bad.scprogress");
    let error = format::read(b"not ron at all").unwrap_err();
    let effects = model.receive(
        Outcome::ProgressRead {
            path: bad,
            purpose: ReadPurpose::Import,
            result: Err(error),
        },
        now(),
    );
    assert!(notices(&model)[0].contains("bad.scprogress"));
    assert!(matches!(effects.as_slice(), [Effect::ReadProgress { path, .. }] if *path == next));
}

#[test]
fn the_mentor_reads_a_class_views_a_student_and_writes_feedback() {
    let mut model = model();
    model.update(MentorAction::Open.into(), now());
    assert!(model.class_shown());

    let dir = tempfile::tempdir().unwrap();
    let student = ProgressFile::new(Student::new("李四"), "v");
    let path = dir.path().join("李四.scprogress");
    std::fs::write(&path, format::to_string(&student).unwrap()).unwrap();

    let effects = model.update(MentorAction::Add(vec![dir.path().to_owned()]).into(), now());
    let Some(Effect::LoadClass(paths)) = effects.first() else {
        panic!("{effects:?}");
    };
    // Watched while open, and remembered for next time.
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::WatchClass(p) if p == paths))
    );
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::SaveProfile(p) if p.class_paths == *paths))
    );
    assert!(model.mentor.loading);
    // The runner's work, done here by hand.
    let class = study_companion::report::load_class(&model.curriculum, paths);
    model.receive(Outcome::ClassLoaded(class), now());
    assert!(!model.mentor.loading);
    assert_eq!(model.mentor.class.as_ref().unwrap().class.students.len(), 1);

    let effects = model.update(MentorAction::ViewStudent(0).into(), now());
    assert!(matches!(
        effects.as_slice(),
        [Effect::ReadProgress {
            purpose: ReadPurpose::ViewStudent,
            ..
        }]
    ));
    model.receive(
        Outcome::ProgressRead {
            path: path.clone(),
            purpose: ReadPurpose::ViewStudent,
            result: format::read_path(&path),
        },
        now(),
    );
    assert_eq!(model.import.viewing.as_ref().unwrap().student.name, "李四");
    let draft = model.mentor.drafts.get(&student.student.id).unwrap();
    assert_eq!(draft.mentor, "张三", "the mentor's own name");

    // Typing feedback: the drafts are saved a little later, not at once.
    let at = now();
    let edit = |item: Option<&str>, text: &str| MentorAction::EditFeedback {
        student: student.student.id.clone(),
        item: item.map(id),
        text: text.to_owned(),
    };
    model.update(edit(None, "很好").into(), at);
    model.update(edit(Some("basics.software"), "再看看").into(), at);
    model.update(edit(Some("basics.files"), "x").into(), at);
    model.update(edit(Some("basics.files"), "").into(), at);
    let draft = &model.mentor.drafts[&student.student.id];
    assert_eq!(draft.overall, "很好");
    assert_eq!(
        draft.items.len(),
        1,
        "an emptied comment is gone: {draft:?}"
    );
    // No draft for a student not opened: nothing to write to, nothing saved.
    model.update(
        MentorAction::EditFeedback {
            student: "someone-else".to_owned(),
            item: None,
            text: "?".to_owned(),
        }
        .into(),
        at,
    );
    assert!(!model.mentor.drafts.contains_key("someone-else"));
    let (effects, wake) = model.due(at);
    assert!(effects.is_empty() && wake.is_some());
    let later = Now {
        instant: at.instant + Duration::from_secs(2),
        ..at
    };
    let (effects, _) = model.due(later);
    assert!(matches!(effects.as_slice(), [Effect::SaveDrafts(drafts)] if drafts.len() == 1));

    let out = PathBuf::from("/out/feedback.scprogress");
    let effects = model.update(MentorAction::ExportFeedbackTo(out.clone()).into(), now());
    let [
        Effect::Write {
            path,
            contents: Contents::Text(text),
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert_eq!(path, &out);
    let feedback = format::read(text.as_bytes()).unwrap().file;
    assert_eq!(feedback.student, student.student);
    assert_eq!(feedback.progress.feedback[0].overall, "很好");

    model.update(MentorAction::Close.into(), now());
    assert!(model.mentor.class.is_none() && model.import.viewing.is_none());
}

#[test]
fn a_failed_drafts_save_is_said_in_its_own_words() {
    let mut model = model();
    model.receive(Outcome::DraftsSaved(Err("只读".to_owned())), now());
    let text = notices(&model)[0];
    assert!(text.contains("反馈草稿") && text.contains("只读"), "{text}");
}

#[test]
fn pictures_are_prepared_off_the_ui_thread_and_failures_explained() {
    let mut model = model();
    let task = id("dl.drawing");
    let effects = model.update(DrawingAction::Paste(task.clone()).into(), now());
    assert!(matches!(
        effects.as_slice(),
        [Effect::PrepareImage {
            source: ImageSource::Clipboard,
            ..
        }]
    ));
    assert!(model.drawing.preparing.contains(&task));
    model.receive(
        Outcome::ImageReady {
            item: task.clone(),
            image: Err(ImageProblem::NoClipboardImage),
            sketch: None,
        },
        now(),
    );
    assert!(model.drawing.preparing.is_empty());
    assert_eq!(notices(&model).len(), 1);
    assert!(model.file.progress.drawings.is_empty());

    // A sketch is kept in the progress stroke by stroke, and saved as a picture.
    model.update(DrawingAction::OpenCanvas(task.clone()).into(), now());
    assert!(model.drawing.canvas.is_some());
    let effects = model.update(
        DrawingAction::KeepSketch(task.clone(), Some(Sketch::default())).into(),
        now(),
    );
    assert!(is_progress_changed(&effects));
    let effects = model.update(
        DrawingAction::SaveSketch(task.clone(), Sketch::default()).into(),
        now(),
    );
    assert!(model.drawing.canvas.is_none());
    assert!(matches!(
        effects.as_slice(),
        [Effect::PrepareImage {
            source: ImageSource::Sketch(_),
            ..
        }]
    ));

    // Removing asks first.
    model.update(DrawingAction::AskRemove(task.clone()).into(), now());
    assert_eq!(model.drawing.confirm_remove.as_ref(), Some(&task));
    model.update(DrawingAction::CancelRemove.into(), now());
    assert!(model.file.progress.drawings.contains_key(&task));
    model.update(DrawingAction::AskRemove(task.clone()).into(), now());
    let effects = model.update(DrawingAction::Remove(task.clone()).into(), now());
    assert!(is_progress_changed(&effects));
    assert!(model.file.progress.drawings.is_empty());
}

#[test]
fn every_command_makes_an_action_the_update_understands() {
    let mut model = model();
    for command in Command::ALL {
        if let Some(action) = command.action(&model) {
            model.update(action, now());
        }
    }
    // The mentor view toggled open by its command.
    assert!(model.mentor.class.is_some());
    assert_eq!(
        Command::MentorView.action(&model),
        Some(MentorAction::Close.into())
    );
}

#[test]
fn a_dialog_that_cannot_be_shown_becomes_a_path_field_in_the_window() {
    let mut model = model();
    model.default_folder = Some(PathBuf::from("/home/张三/Documents"));
    let effects = model.update(Action::AskExport { markdown: false }, now());
    let Some(Effect::Pick(dialog)) = effects.into_iter().next() else {
        panic!("a dialog");
    };
    assert!(
        model
            .receive(Outcome::DialogUnavailable(dialog), now())
            .is_empty()
    );
    let prompt = model.path_prompt.as_ref().expect("asked in the window");
    assert!(
        prompt
            .text
            .starts_with("/home/张三/Documents/张三-2026-11-"),
        "{}",
        prompt.text
    );
    assert!(notices(&model)[0].contains("保存"));

    // An empty path is not confirmed.
    model.path_prompt.as_mut().unwrap().text = "  ".to_owned();
    assert!(model.update(Action::ConfirmPath, now()).is_empty());
    assert!(model.path_prompt.is_some());

    model.path_prompt.as_mut().unwrap().text = "/tmp/out.scprogress".to_owned();
    let effects = model.update(Action::ConfirmPath, now());
    assert!(matches!(
        effects.as_slice(),
        [Effect::Write { path, .. }] if path == &PathBuf::from("/tmp/out.scprogress")
    ));
    assert!(model.path_prompt.is_none());

    // Written: the notice offers to show the file in its folder.
    model.receive(
        Outcome::Written {
            path: PathBuf::from("/tmp/out.scprogress"),
            result: Ok(()),
        },
        now(),
    );
    let notice = model.notices.as_slice().last().unwrap();
    assert_eq!(
        notice.file.as_deref(),
        Some(std::path::Path::new("/tmp/out.scprogress"))
    );
    let effects = model.update(Action::Reveal(notice.file.clone().unwrap()), now());
    assert!(matches!(effects.as_slice(), [Effect::Reveal(_)]));
}

#[test]
fn an_import_without_a_dialog_asks_for_the_path_and_reads_it() {
    let mut model = model();
    let effects = model.update(ImportAction::Ask.into(), now());
    let Some(Effect::Pick(dialog)) = effects.into_iter().next() else {
        panic!("a dialog");
    };
    assert_eq!(dialog.mode, DialogMode::OpenFile);
    model.receive(Outcome::DialogUnavailable(dialog), now());
    assert!(notices(&model)[0].contains("拖到窗口"));
    model.path_prompt.as_mut().unwrap().text = "/in/张三.scprogress".to_owned();
    let effects = model.update(Action::ConfirmPath, now());
    assert!(matches!(
        effects.as_slice(),
        [Effect::ReadProgress {
            purpose: ReadPurpose::Import,
            ..
        }]
    ));
    // Closing the prompt changes nothing.
    model.path_prompt = None;
    assert!(model.update(Action::CancelPath, now()).is_empty());
}

#[test]
fn the_mentor_signs_feedback_with_the_name_given_once() {
    let curriculum = mini_curriculum();
    let file = ProgressFile::new(Student::new(""), &curriculum.version);
    let mut model = Model::new(curriculum, UiState::default(), file);
    assert_eq!(model.mentor_name(), "");
    model.update(MentorAction::Open.into(), now());

    // A student viewed before the name is given: the draft is signed "导师" for now.
    let student = ProgressFile::new(Student::new("李四"), "v");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("li.scprogress");
    std::fs::write(&path, format::to_string(&student).unwrap()).unwrap();
    model.receive(
        Outcome::ProgressRead {
            path: path.clone(),
            purpose: ReadPurpose::ViewStudent,
            result: format::read_path(&path),
        },
        now(),
    );
    assert_eq!(model.mentor.drafts[&student.student.id].mentor, "导师");

    model.update(MentorAction::SetName("  王老师 ".to_owned()).into(), now());
    assert_eq!(model.state.mentor_name, "王老师");
    assert_eq!(model.mentor_name(), "王老师");
    assert_eq!(
        model.mentor.drafts[&student.student.id].mentor, "王老师",
        "drafts begun before are signed now"
    );
    // An empty name changes nothing.
    model.update(MentorAction::SetName("  ".to_owned()).into(), now());
    assert_eq!(model.state.mentor_name, "王老师");
}

#[test]
fn the_class_folder_gets_a_copy_a_little_after_each_change_and_retries_quietly() {
    use study_companion::ui::flow::hand_in::{HAND_IN_DELAY, HAND_IN_RETRY};
    let mut model = model();
    let at = now();
    let later = |d: Duration| Now {
        instant: at.instant + d,
        ..at
    };
    // No class folder: nothing is handed in.
    model.update(Action::ToggleDone(id("basics.software")), at);
    assert!(model.due(later(HAND_IN_DELAY * 2)).0.is_empty());

    let folder = PathBuf::from("/share/班级");
    model.update(Action::SetClassFolder(Some(folder.clone())), at);
    let (effects, _) = model.due(at);
    let [Effect::HandIn { path, text }] = effects.as_slice() else {
        panic!("handed in at once: {effects:?}");
    };
    let id8: String = model
        .file
        .student
        .id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    assert_eq!(path, &folder.join(format!("张三-{id8}.scprogress")));
    let copy = format::read(text.as_bytes()).unwrap().file;
    assert_eq!(copy.progress, model.file.progress);
    assert!(copy.saved_at.is_some(), "stamped");

    // Unreachable: a visible state, retried later, not at once.
    model.receive(Outcome::HandedIn(Err("网络盘未连接".to_owned())), at);
    assert_eq!(model.hand_in.problem.as_deref(), Some("网络盘未连接"));
    assert!(
        model.notices.as_slice().is_empty(),
        "no message every minute"
    );
    let (effects, wake) = model.due(later(HAND_IN_DELAY));
    assert!(effects.is_empty() && wake.is_some());
    let (effects, _) = model.due(later(HAND_IN_RETRY + Duration::from_secs(1)));
    assert_eq!(effects.len(), 1, "tried again");
    model.receive(Outcome::HandedIn(Ok(folder.join("x.scprogress"))), at);
    assert!(model.hand_in.problem.is_none() && model.hand_in.last.is_some());

    // A change is handed in a few seconds later, not at once.
    model.update(
        Action::ToggleDone(id("basics.files")),
        later(HAND_IN_RETRY * 2),
    );
    assert!(model.due(later(HAND_IN_RETRY * 2)).0.is_empty());
    assert_eq!(
        model.due(later(HAND_IN_RETRY * 2 + HAND_IN_DELAY)).0.len(),
        1
    );

    // A read-only window never hands in.
    model.read_only = true;
    model.hand_in.writing = false;
    model.hand_in.changed(at.instant);
    assert!(model.due(later(HAND_IN_RETRY * 10)).0.is_empty());
}

#[test]
fn replacing_with_another_students_file_keeps_ones_own_identity() {
    let mut model = model();
    let me = model.file.student.clone();
    let path = PathBuf::from("/in/li.scprogress");
    model.update(ImportAction::From(path.clone()).into(), now());
    let mut theirs = ProgressFile::new(Student::new("李四"), "v");
    theirs
        .progress
        .set_state(&id("basics.software"), ItemState::Done, now().time);
    model.receive(
        Outcome::ProgressRead {
            path,
            purpose: ReadPurpose::Import,
            result: Ok(Imported {
                file: theirs,
                repairs: Vec::new(),
            }),
        },
        now(),
    );
    model.update(ImportAction::Replace.into(), now());
    assert_eq!(
        model.file.student, me,
        "never 李四's id: their class-folder copy is safe"
    );
    assert_eq!(
        model.file.progress.state(&id("basics.software")),
        ItemState::Done
    );
}

#[test]
fn a_feedback_file_brings_comments_only_and_a_students_own_file_stays_progress() {
    let mut model = model();
    let draft = study_companion::progress::Feedback {
        mentor: "王老师".to_owned(),
        overall: "很好".to_owned(),
        ..Default::default()
    };
    let mut feedback =
        study_companion::exchange::feedback_file(&model.file.student, &draft, "v", now().time);
    // A hand-made feedback file that also carries progress.
    feedback
        .progress
        .set_state(&id("basics.software"), ItemState::Done, now().time);
    assert!(feedback.is_feedback());
    let path = PathBuf::from("/in/fb.scfeedback");
    model.update(ImportAction::From(path.clone()).into(), now());
    model.receive(
        Outcome::ProgressRead {
            path,
            purpose: ReadPurpose::Import,
            result: Ok(Imported {
                file: feedback,
                repairs: Vec::new(),
            }),
        },
        now(),
    );
    model.update(ImportAction::ConfirmMerge.into(), now());
    assert!(
        model.file.progress.items.is_empty(),
        "no progress from a feedback file"
    );
    assert_eq!(model.file.progress.feedback.len(), 1);

    // The student's own file, saved after accepting that feedback and before ticking
    // anything: progress, not feedback (the class must list it).
    let mut own = model.file.clone();
    own.stamp("v", "2026-11-30T10:00:00Z".parse().unwrap());
    assert!(!own.is_feedback());
}

#[test]
fn feedback_in_the_class_folder_is_offered_once_and_never_when_already_accepted() {
    use study_companion::ui::effect::FoundFeedback;
    let mut model = model();
    let folder = PathBuf::from("/share/班级");
    let effects = model.update(Action::SetClassFolder(Some(folder.clone())), now());
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::WatchClassFolder(Some(f)) if *f == folder))
    );
    assert!(effects.iter().any(
        |e| matches!(e, Effect::ScanFeedback { student_id, .. } if *student_id == model.file.student.id)
    ));
    // A change in the folder: look again.
    let effects = model.receive(Outcome::ClassFolderChanged, now());
    assert!(matches!(effects.as_slice(), [Effect::ScanFeedback { .. }]));

    let written = Some(now().time);
    let found = || {
        Outcome::FeedbackFound(vec![FoundFeedback {
            path: folder.join("张三-反馈.scfeedback"),
            entries: vec![("王老师".to_owned(), written)],
        }])
    };
    let effects = model.receive(found(), now());
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::ReadProgress {
                purpose: ReadPurpose::Import,
                ..
            }]
        ),
        "offered: {effects:?}"
    );
    assert!(
        model.receive(found(), now()).is_empty(),
        "offered once per session"
    );

    // Already accepted (in the progress): never offered, even in a new session.
    let mut fresh = self::model();
    fresh
        .file
        .progress
        .feedback
        .push(study_companion::progress::Feedback {
            mentor: "王老师".to_owned(),
            written,
            ..Default::default()
        });
    assert!(fresh.receive(found(), now()).is_empty());

    // Stopping: the watcher goes.
    let effects = model.update(Action::SetClassFolder(None), now());
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::WatchClassFolder(None)))
    );
}

#[test]
fn a_change_while_the_class_is_read_reads_it_again_afterwards() {
    let mut model = model();
    let dir = PathBuf::from("/share/班级");
    model.update(MentorAction::Add(vec![dir.clone()]).into(), now());
    assert!(model.mentor.loading);
    // A student's copy changes while the class is being read: nothing is lost.
    assert!(model.receive(Outcome::ClassChanged, now()).is_empty());
    let effects = model.receive(
        Outcome::ClassLoaded(study_companion::report::Class::default()),
        now(),
    );
    assert!(
        matches!(effects.as_slice(), [Effect::LoadClass(paths)] if *paths == vec![dir.clone()])
    );
    assert!(model.mentor.loading);
    let effects = model.receive(
        Outcome::ClassLoaded(study_companion::report::Class::default()),
        now(),
    );
    assert!(effects.is_empty(), "read once more, not forever");
}

#[test]
fn a_file_still_arriving_keeps_the_last_good_row_and_is_read_again() {
    let mut model = model();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("李四.scprogress");
    let student = ProgressFile::new(Student::new("李四"), "v");
    std::fs::write(&path, format::to_string(&student).unwrap()).unwrap();
    model.update(MentorAction::Add(vec![dir.path().to_owned()]).into(), now());
    let class = study_companion::report::load_class(&model.curriculum, &[dir.path().to_owned()]);
    model.receive(Outcome::ClassLoaded(class), now());

    // A sync client starts writing a new copy: half a file, changed just now.
    let text = format::to_string(&student).unwrap();
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    let effects = model.receive(Outcome::ClassChanged, now());
    assert!(matches!(effects.as_slice(), [Effect::LoadClass(_)]));
    let class = study_companion::report::load_class(&model.curriculum, &[dir.path().to_owned()]);
    assert_eq!(class.unsettled.len(), 1);
    let start = now();
    model.receive(Outcome::ClassLoaded(class), start);
    let view = &model.mentor.class.as_ref().unwrap().class;
    assert_eq!(view.students.len(), 1, "李四 keeps the last good row");
    assert!(view.problems.is_empty(), "not reported as broken yet");

    // No event comes (the client wrote the rest in place long ago, say): read again soon.
    let (effects, wake) = model.due(start);
    assert!(effects.is_empty());
    assert_eq!(
        wake,
        Some(study_companion::ui::flow::mentor::UNSETTLED_RETRY)
    );
    let later = Now {
        instant: start.instant + study_companion::ui::flow::mentor::UNSETTLED_RETRY,
        ..start
    };
    let (effects, _) = model.due(later);
    assert!(
        matches!(effects.as_slice(), [Effect::LoadClass(_)]),
        "{effects:?}"
    );
    let (effects, wake) = model.due(later);
    assert!(effects.is_empty() && wake.is_none(), "once");
}

#[test]
fn a_plan_is_checked_saved_read_previewed_and_accepted_without_a_window() {
    use jiff::civil::date;
    use study_companion::plan::{PlanFile, default_plan, file};
    use study_companion::ui::action::PlanAction;

    let mut model = model();
    let curriculum = std::sync::Arc::clone(&model.curriculum);

    // A plan that ends before it starts is refused with a message, and nothing is saved.
    let mut backwards = default_plan(&curriculum, date(2027, 1, 11), date(2027, 2, 21));
    backwards.end = date(2027, 1, 1);
    let effects = model.update(PlanAction::Set(backwards).into(), now());
    assert!(!effects.iter().any(|e| matches!(e, Effect::SavePlan(_))));
    assert!(model.plan.file.is_none());
    assert_eq!(notices(&model).len(), 1, "{:?}", notices(&model));

    // A good one is kept and saved.
    let plan = default_plan(&curriculum, date(2027, 1, 11), date(2027, 2, 21));
    let effects = model.update(PlanAction::Set(plan.clone()).into(), now());
    assert!(matches!(
        effects.as_slice(),
        [Effect::SavePlan(Some(saved))] if saved.plan == plan
    ));
    assert_eq!(model.plan.plan(), Some(&plan));

    // Changed again before that save is done: written after it, never beside it (an older
    // plan could land last).
    let later = default_plan(&curriculum, date(2027, 1, 12), date(2027, 2, 21));
    let effects = model.update(PlanAction::Set(later.clone()).into(), now());
    assert!(effects.is_empty(), "one save at a time: {effects:?}");
    let effects = model.receive(Outcome::PlanSaved(Ok(None)), now());
    assert!(matches!(
        effects.as_slice(),
        [Effect::SavePlan(Some(saved))] if saved.plan == later
    ));
    assert!(
        model
            .receive(Outcome::PlanSaved(Ok(None)), now())
            .is_empty()
    );

    // A mentor's plan file: read, previewed, and only used once accepted.
    let path = PathBuf::from("/class/寒假计划.scplan");
    let theirs = default_plan(&curriculum, date(2027, 1, 18), date(2027, 2, 28));
    let effects = model.update(PlanAction::From(path.clone()).into(), now());
    assert!(matches!(effects.as_slice(), [Effect::ReadPlan(read)] if *read == path));
    let sent = PlanFile::new(theirs.clone(), "王老师", &curriculum.version, now().time);
    let read = file::read(file::to_string(&sent).unwrap().as_bytes()).unwrap();
    model.receive(
        Outcome::PlanRead {
            path: path.clone(),
            result: Ok(read),
        },
        now(),
    );
    assert!(model.plan.pending.is_some(), "a preview first");
    assert_eq!(
        model.plan.plan(),
        Some(&later),
        "nothing changes before accepting"
    );
    let effects = model.update(PlanAction::Accept.into(), now());
    assert!(matches!(
        effects.as_slice(),
        [Effect::SavePlan(Some(saved))] if saved.plan == theirs && saved.author == "王老师"
    ));
    assert_eq!(model.plan.plan(), Some(&theirs));
    assert!(model.plan.pending.is_none());
    model.receive(Outcome::PlanSaved(Ok(None)), now());

    // A target typed outside the plan's days is moved, and the person is told.
    let mut outside = theirs.clone();
    outside.chapters[0].due = date(2030, 1, 1);
    model.update(PlanAction::Set(outside).into(), now());
    assert!(
        notices(&model).iter().any(|n| n.contains("1 处被调整")),
        "{:?}",
        notices(&model)
    );
    assert_eq!(model.plan.plan().unwrap().chapters[0].due, theirs.end);
    model.receive(Outcome::PlanSaved(Ok(None)), now());
    let adjusted = model.plan.plan().unwrap().clone();

    // A window that does not hold the data folder keeps no plan: it could not be saved.
    model.read_only = true;
    let effects = model.update(PlanAction::Set(plan.clone()).into(), now());
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(model.plan.plan(), Some(&adjusted));
    model.read_only = false;

    // A plan among students' files (a folder's worth opened at once, or dropped on the
    // class view) goes to its own preview, whatever the case of its extension; it is never
    // read as a student.
    let effects = model.update(
        Action::open(vec![
            PathBuf::from("/class/张三.scprogress"),
            PathBuf::from("/class/PLAN.SCPLAN"),
        ]),
        now(),
    );
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::ReadPlan(path) if path.ends_with("PLAN.SCPLAN"))),
        "{effects:?}"
    );
    let effects = model.update(
        MentorAction::Add(vec![PathBuf::from("/class/计划.scplan")]).into(),
        now(),
    );
    assert!(
        matches!(effects.as_slice(), [Effect::ReadPlan(_)]),
        "{effects:?}"
    );

    // A progress file handed over as a plan says why, and the plan in use stays.
    let progress = format::to_string(&model.file).unwrap();
    model.receive(
        Outcome::PlanRead {
            path,
            result: file::read(progress.as_bytes()).map(|_| unreachable!()),
        },
        now(),
    );
    assert_eq!(model.plan.plan(), Some(&adjusted));
    assert!(model.plan.pending.is_none());
}

#[test]
fn a_plan_under_another_name_goes_to_the_plans_preview_and_the_queue_goes_on() {
    let (mut model, plan, next) = two_imports("/in/plan-from-mail.ron");
    let effects = model.receive(
        Outcome::ProgressRead {
            path: plan.clone(),
            purpose: ReadPurpose::Import,
            result: Err(format::FormatError::PlanFile),
        },
        now(),
    );
    assert!(notices(&model).is_empty(), "{:?}", notices(&model));
    assert!(
        effects
            .iter()
            .any(|effect| matches!(effect, Effect::ReadPlan(path) if *path == plan)),
        "{effects:?}"
    );
    assert!(
        effects
            .iter()
            .any(|effect| matches!(effect, Effect::ReadProgress { path, .. } if *path == next)),
        "{effects:?}"
    );
}
