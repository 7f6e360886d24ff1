//! The plan, its pace, the calendar and the class numbers, at fixed dates.

use jiff::Timestamp;
use jiff::civil::{Date, date};
use jiff::tz::{TimeZone, offset};
use proptest::prelude::*;

use super::*;
use crate::curriculum::{ItemId, SourceFile, parse_curriculum};
use crate::progress::{ItemState, Progress};

/// Chapter a: 4 items, b: 6 items, e: elective, 2 items.
fn curriculum() -> Curriculum {
    let files = [
        SourceFile {
            name: "01.md",
            text: "# 一 {#a}\n\n## 1 {#a.1}\n\n## 2 {#a.2}\n\n## 3 {#a.3}\n\n## 4 {#a.4}\n",
        },
        SourceFile {
            name: "02.md",
            text: "# 二 {#b}\n\n## 1 {#b.1}\n\n## 2 {#b.2}\n\n## 3 {#b.3}\n\n## 4 {#b.4}\n\n\
                   ## 5 {#b.5}\n\n## 6 {#b.6}\n",
        },
        SourceFile {
            name: "03.md",
            text: "# 选修 {#e .elective}\n\n## 1 {#e.1}\n\n## 2 {#e.2}\n",
        },
    ];
    parse_curriculum("t", &files, &|_| false).unwrap()
}

fn chapter(id: &str) -> ChapterId {
    ChapterId(id.to_owned())
}

/// A progress with these items done, each finished at noon UTC of its date.
fn done(items: &[(&str, Date)]) -> Progress {
    let mut progress = Progress::default();
    for (id, day) in items {
        let time = TimeZone::UTC.to_timestamp(day.at(12, 0, 0, 0)).unwrap();
        progress.set_state(&ItemId((*id).to_owned()), ItemState::Done, time);
    }
    progress
}

fn first(n: usize) -> Vec<(&'static str, Date)> {
    [
        "a.1", "a.2", "a.3", "a.4", "b.1", "b.2", "b.3", "b.4", "b.5", "b.6",
    ]
    .into_iter()
    .take(n)
    .map(|id| (id, date(2027, 1, 1)))
    .collect()
}

fn ten_days() -> Plan {
    default_plan(&curriculum(), date(2027, 1, 1), date(2027, 1, 10))
}

#[test]
fn the_default_plan_spreads_chapters_by_their_items_and_makes_electives_optional() {
    let plan = ten_days();
    assert_eq!(
        plan.chapters,
        [
            ChapterTarget {
                chapter: chapter("a"),
                due: date(2027, 1, 4),
                optional: false
            },
            ChapterTarget {
                chapter: chapter("b"),
                due: date(2027, 1, 10),
                optional: false
            },
            ChapterTarget {
                chapter: chapter("e"),
                due: date(2027, 1, 10),
                optional: true
            },
        ]
    );
    assert_eq!(plan.days(), 10);
}

#[test]
fn pace_is_exact_for_hand_made_progress_at_fixed_dates() {
    let curriculum = curriculum();
    let plan = ten_days();
    let status = |n: usize, today: Date| pace(&curriculum, &plan, &done(&first(n)), today).status;
    // Day 1: the plan expects 0 at its start and 1 by its end.
    assert_eq!(status(0, date(2027, 1, 1)), PaceStatus::OnPace);
    assert_eq!(status(1, date(2027, 1, 1)), PaceStatus::OnPace);
    assert_eq!(status(3, date(2027, 1, 1)), PaceStatus::Ahead(2));
    // Day 3: 2 by its start, 3 by its end.
    assert_eq!(status(0, date(2027, 1, 3)), PaceStatus::Behind(2));
    assert_eq!(status(2, date(2027, 1, 3)), PaceStatus::OnPace);
    assert_eq!(status(3, date(2027, 1, 3)), PaceStatus::OnPace);
    assert_eq!(status(4, date(2027, 1, 3)), PaceStatus::Ahead(1));
    // Day 6: chapter a (4) and one day of b's six (6 items over 6 days).
    assert_eq!(status(4, date(2027, 1, 6)), PaceStatus::Behind(1));
    assert_eq!(status(5, date(2027, 1, 6)), PaceStatus::OnPace);
    // After the end everything is expected; the elective never counts.
    assert_eq!(status(9, date(2027, 2, 1)), PaceStatus::Behind(1));
    assert_eq!(status(10, date(2027, 2, 1)), PaceStatus::OnPace);
    // Before the start nothing is expected.
    assert_eq!(status(0, date(2026, 12, 20)), PaceStatus::OnPace);
    assert_eq!(status(2, date(2026, 12, 20)), PaceStatus::Ahead(2));
}

#[test]
fn a_fractional_plan_line_gives_a_band_of_a_day() {
    let curriculum = curriculum();
    // Chapter a's 4 items over 3 days: 1⅓ by the end of day 1, 2⅔ by the end of day 2.
    let plan = Plan {
        start: date(2027, 1, 1),
        end: date(2027, 1, 3),
        chapters: vec![ChapterTarget {
            chapter: chapter("a"),
            due: date(2027, 1, 3),
            optional: false,
        }],
    };
    let on = |n: usize| pace(&curriculum, &plan, &done(&first(n)), date(2027, 1, 2));
    let p = on(0);
    assert_eq!((p.expected_low, p.expected_high, p.total), (1, 3, 4));
    assert_eq!(p.status, PaceStatus::Behind(1));
    assert_eq!(on(1).status, PaceStatus::OnPace);
    assert_eq!(on(3).status, PaceStatus::OnPace);
    assert_eq!(on(4).status, PaceStatus::Ahead(1));
}

#[test]
fn the_current_chapter_and_overdue_chapters() {
    let curriculum = curriculum();
    let plan = ten_days();
    let p = pace(&curriculum, &plan, &done(&first(3)), date(2027, 1, 2));
    assert_eq!(p.current, Some(chapter("a")));
    assert!(p.chapters.iter().all(|c| !c.overdue));
    let p = pace(&curriculum, &plan, &done(&first(3)), date(2027, 1, 5));
    assert_eq!(p.current, Some(chapter("b")));
    assert!(
        p.chapters[0].overdue,
        "a is due on the 4th with one item open"
    );
    assert!(!p.chapters[1].overdue);
    let p = pace(&curriculum, &plan, &done(&first(4)), date(2027, 1, 5));
    assert!(!p.chapters[0].overdue, "finished: not overdue");
    let p = pace(&curriculum, &plan, &Progress::default(), date(2027, 3, 1));
    assert_eq!(p.current, None);
    assert!(
        !p.chapters[2].overdue,
        "an optional chapter is never overdue"
    );
    assert_eq!(p.chapters[0].complete, 0);
    assert_eq!(p.chapters[1].total, 6);
}

#[test]
fn skipped_items_count_as_complete() {
    let curriculum = curriculum();
    let plan = ten_days();
    let mut progress = Progress::default();
    progress.skip_chapter(&curriculum.chapters[0], true, Timestamp::UNIX_EPOCH);
    let p = pace(&curriculum, &plan, &progress, date(2027, 1, 4));
    assert_eq!(p.done, 4);
    assert_eq!(p.status, PaceStatus::OnPace);
}

#[test]
fn the_calendar_counts_distinct_moments_per_local_day() {
    let mut progress = done(&[("a.1", date(2027, 1, 4)), ("a.2", date(2027, 1, 4))]);
    // 20:00 UTC on the 5th is the 6th in Beijing.
    let late: Timestamp = "2027-01-05T20:00:00Z".parse().unwrap();
    progress.set_note(
        &crate::progress::NoteTarget::Chapter(chapter("a")),
        "笔记",
        late,
    );
    let utc = activity_days(&progress, &TimeZone::UTC);
    // started, finished and changed are one moment per item.
    assert_eq!(utc.get(&date(2027, 1, 4)), Some(&2));
    assert_eq!(utc.get(&date(2027, 1, 5)), Some(&1));
    let beijing = activity_days(&progress, &TimeZone::fixed(offset(8)));
    assert_eq!(beijing.get(&date(2027, 1, 6)), Some(&1));
    assert_eq!(beijing.get(&date(2027, 1, 5)), None);

    // 2027-01-06 is a Wednesday; two weeks back from it start on Monday 2026-12-28.
    let calendar = ActivityCalendar::new(&beijing, date(2027, 1, 6), 2);
    assert_eq!(calendar.first, date(2026, 12, 28));
    assert_eq!(calendar.weeks.len(), 2);
    assert_eq!(calendar.weeks[1][0], 2, "Monday the 4th");
    assert_eq!(calendar.weeks[1][2], 1, "Wednesday the 6th");
    assert_eq!(calendar.active_days, 2);
    assert_eq!(calendar.date(1, 2), date(2027, 1, 6));
    assert_eq!(ActivityCalendar::level(0), 0);
    assert_eq!(ActivityCalendar::level(1), 1);
    assert_eq!(ActivityCalendar::level(50), 4);
}

#[test]
fn burn_up_and_funnel_for_a_small_class() {
    let curriculum = curriculum();
    let plan = ten_days();
    let ahead = done(&[
        ("a.1", date(2027, 1, 1)),
        ("a.2", date(2027, 1, 1)),
        ("a.3", date(2027, 1, 2)),
        ("a.4", date(2027, 1, 2)),
        ("b.1", date(2027, 1, 3)),
    ]);
    let middle = done(&[("a.1", date(2027, 1, 2)), ("a.2", date(2027, 1, 3))]);
    let idle = Progress::default();
    let class = [&ahead, &middle, &idle];
    let points = burn_up(&curriculum, &plan, &class, &TimeZone::UTC, date(2027, 1, 3));
    assert_eq!(points.len(), 3);
    // Day 1: 2, 0, 0. Day 2: 4, 1, 0. Day 3: 5, 2, 0.
    assert_eq!(points[0].median, 0.0);
    assert_eq!(points[1].median, 1.0);
    assert_eq!(points[2].median, 2.0);
    assert_eq!(points[2].low, 1.0);
    assert_eq!(points[2].high, 3.5);
    assert_eq!(points[2].plan, 3.0);
    assert!(
        burn_up(
            &curriculum,
            &plan,
            &class,
            &TimeZone::UTC,
            date(2026, 12, 1)
        )
        .is_empty()
    );
    assert!(burn_up(&curriculum, &plan, &[], &TimeZone::UTC, date(2027, 1, 3)).is_empty());

    let bars = funnel(&curriculum, &plan, &class, date(2027, 1, 5));
    assert_eq!(bars.len(), 3);
    assert_eq!((bars[0].finished, bars[0].expected), (1, 3));
    assert_eq!((bars[1].finished, bars[1].expected), (0, 0));
    assert!(bars[2].optional);
}

#[test]
fn a_plan_file_round_trips_and_bad_ones_say_why() {
    let written = file::PlanFile::new(ten_days(), "王老师", "t", Timestamp::UNIX_EPOCH);
    let text = file::to_string(&written).unwrap();
    assert!(text.starts_with("PlanFile("), "{text}");
    assert!(text.contains("due: \"2027-01-04\""), "{text}");
    let back = file::read(text.as_bytes()).unwrap();
    assert_eq!(back.file, written);
    assert!(back.repairs.is_empty());

    let err = |text: &str| file::read(text.as_bytes()).unwrap_err();
    assert!(matches!(err(""), PlanError::Empty));
    assert!(matches!(
        err("ProgressFile(format: 3)"),
        PlanError::ProgressFile
    ));
    assert!(matches!(
        err("PlanFile(format: 9, plan: Plan(start: \"2027-01-01\"))"),
        PlanError::TooNew { found: 9, .. }
    ));
    assert!(matches!(
        err("PlanFile(format: 1"),
        PlanError::Syntax { .. }
    ));
    assert!(matches!(
        err("PlanFile(format: 1, plan: Plan(start: \"2027-02-01\", end: \"2027-01-01\"))"),
        PlanError::EndBeforeStart { .. }
    ));
    assert!(matches!(
        err("PlanFile(format: 1, plan: Plan(start: \"2027-02-01\", end: \"2037-01-01\"))"),
        PlanError::TooLong { .. }
    ));
    assert!(matches!(
        file::read(&[0xff, 0xfe]).unwrap_err(),
        PlanError::NotText(0)
    ));
    let big = vec![b' '; file::MAX_PLAN_BYTES as usize + 1];
    assert!(matches!(
        file::read(&big).unwrap_err(),
        PlanError::TooLarge { .. }
    ));

    let messy = "PlanFile(format: 1, author: \"王\u{202e}老师\", plan: Plan(start: \"2027-01-01\", \
                 end: \"2027-01-10\", chapters: [\
                 ChapterTarget(chapter: \"a\", due: \"2027-03-01\"),\
                 ChapterTarget(chapter: \"a\", due: \"2027-01-02\"),\
                 ChapterTarget(chapter: \"Bad Id\", due: \"2027-01-02\")]))";
    let read = file::read(messy.as_bytes()).unwrap();
    assert_eq!(read.file.author, "王老师");
    assert_eq!(read.file.plan.chapters.len(), 1);
    assert_eq!(read.file.plan.chapters[0].due, date(2027, 1, 10));
    assert_eq!(
        read.repairs,
        [
            PlanRepair::AuthorCleaned,
            PlanRepair::DueMoved {
                chapter: "a".to_owned(),
                from: date(2027, 3, 1),
                to: date(2027, 1, 10)
            },
            PlanRepair::DuplicateChapter("a".to_owned()),
            PlanRepair::BadChapterId("Bad Id".to_owned()),
        ]
    );
}

fn any_date() -> impl Strategy<Value = Date> {
    (2000i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
}

proptest! {
    #[test]
    fn default_plans_are_ordered_within_the_break_and_read_back(
        start in any_date(),
        days in 0i64..file::MAX_PLAN_DAYS,
    ) {
        let curriculum = crate::embedded::curriculum();
        let end = add_days(start, days);
        let plan = default_plan(curriculum, start, end);
        let required: Vec<&ChapterTarget> = plan.chapters.iter().filter(|t| !t.optional).collect();
        prop_assert!(required.windows(2).all(|w| w[0].due <= w[1].due));
        prop_assert!(plan.chapters.iter().all(|t| start <= t.due && t.due <= end));
        prop_assert_eq!(required.last().map(|t| t.due), Some(end));
        // Everything is expected after the end; nothing before the start.
        let after = pace(curriculum, &plan, &Progress::default(), add_days(end, 1));
        prop_assert_eq!(after.expected_low, after.total);
        let before = pace(curriculum, &plan, &Progress::default(), add_days(start, -1));
        prop_assert_eq!(before.expected_high, 0);
        // What the app writes, it reads back unchanged.
        let written = PlanFile::new(plan, "导师", "v", Timestamp::UNIX_EPOCH);
        let back = file::read(file::to_string(&written).unwrap().as_bytes()).unwrap();
        prop_assert_eq!(back.file, written);
        prop_assert!(back.repairs.is_empty());
    }

    #[test]
    fn more_done_is_never_a_worse_pace(n in 0usize..10, day in -3i64..15) {
        let curriculum = curriculum();
        let plan = ten_days();
        let today = add_days(plan.start, day);
        let a = pace(&curriculum, &plan, &done(&first(n)), today).status.signed();
        let b = pace(&curriculum, &plan, &done(&first(n + 1)), today).status.signed();
        prop_assert!(a <= b);
    }
}
