//! A class folder to look at: a dozen students at different paces over the last weeks, and the
//! mentor's plan (`plan.scplan`) around today, for screenshots and for trying the class view
//! and the plan by hand.
//!
//! `cargo run --example demo_class -- <folder>`, then open the folder in the class view
//! (`study-companion <folder>`), or import one student's file and the plan as that student.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use study_companion::format::{self, ProgressFile, Student};
use study_companion::plan::{PlanFile, add_days, default_plan};
use study_companion::progress::{ItemState, NoteTarget};

/// Name, and how many items a day they manage (tenths), and the days they skip now and then.
const STUDENTS: [(&str, u32, u32); 12] = [
    ("张三", 9, 3),
    ("李四", 4, 2),
    ("王五", 12, 5),
    ("赵六", 2, 2),
    ("孙七", 7, 4),
    ("周八", 6, 7),
    ("吴九", 10, 6),
    ("郑十", 3, 3),
    ("陈晨", 8, 5),
    ("林琳", 5, 4),
    ("Zhou Jie", 11, 7),
    ("安娜", 0, 1),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("usage: demo_class <folder>")?,
    );
    std::fs::create_dir_all(&dir)?;
    let curriculum = study_companion::embedded::curriculum();
    let tz = TimeZone::system();
    let now = Timestamp::now();
    let today = tz.to_datetime(now).date();
    // The break began 24 days ago and lasts six weeks.
    let start = add_days(today, -24);
    let plan = default_plan(curriculum, start, add_days(start, 41));
    let items: Vec<_> = curriculum
        .items()
        .map(|(_, item)| item.id.clone())
        .collect();

    for (n, (name, per_ten_days, rest)) in STUDENTS.into_iter().enumerate() {
        let mut file = ProgressFile::new(
            Student {
                id: format!("demo-{n:02}"),
                name: name.to_owned(),
            },
            &curriculum.version,
        );
        let mut done = 0usize;
        let mut owed = 0u32;
        for day in 0..24i64 {
            if (day as u32 + n as u32).is_multiple_of(rest + 1) {
                continue; // a day off
            }
            owed += per_ten_days;
            while owed >= 10 && done < items.len() {
                owed -= 10;
                let hour = 9 + (n % 8) as i8;
                let at = tz.to_timestamp(add_days(today, day - 24).at(hour, 0, 0, 0))?;
                file.progress.set_state(&items[done], ItemState::Done, at);
                if done.is_multiple_of(3) {
                    file.progress.set_note(
                        &NoteTarget::Item(items[done].clone()),
                        "今天看完了，示例代码跑通了。",
                        at,
                    );
                }
                done += 1;
            }
        }
        let path = dir.join(format!("{name}-demo-{n:02}.scprogress"));
        std::fs::write(path, format::to_string(&file)?)?;
    }
    let plan_file = PlanFile::new(plan, "王老师", &curriculum.version, Timestamp::now());
    std::fs::write(
        dir.join("寒假计划.scplan"),
        study_companion::plan::file::to_string(&plan_file)?,
    )?;
    println!(
        "{} students and a plan in {}",
        STUDENTS.len(),
        dir.display()
    );
    Ok(())
}
