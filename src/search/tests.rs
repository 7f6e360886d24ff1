#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::single_range_in_vec_init
)]

use jiff::Timestamp;
use proptest::prelude::*;

use super::*;
use crate::progress::{Feedback, NoteTarget};

fn curriculum() -> &'static Curriculum {
    crate::embedded::curriculum()
}

fn item(id: &str) -> Place {
    Place::Item(ItemId(id.to_owned()))
}

fn places(results: &Results) -> Vec<Place> {
    results.hits.iter().map(|hit| hit.place.clone()).collect()
}

fn note(progress: &mut Progress, id: &str, text: &str) {
    progress.set_note(
        &NoteTarget::Item(ItemId(id.to_owned())),
        text,
        Timestamp::UNIX_EPOCH,
    );
}

#[test]
fn pinyin_finds_the_data_chapter_and_its_items_titles_first() {
    let mut index = SearchIndex::new(curriculum());
    let progress = Progress::default();
    for query in ["shuju", "shu ju", "SHUJU", "sjcl", "数据处理"] {
        let results = index.search(&progress, query, 50);
        let found = places(&results);
        assert_eq!(
            found.first(),
            Some(&Place::Chapter(ChapterId("data".to_owned()))),
            "{query}: {found:?}"
        );
        assert_eq!(found.get(1), Some(&item("data.purpose")), "{query}");
        let chapter = &results.hits[0];
        assert_eq!(chapter.title.text, "三、数据处理");
        assert!(
            chapter.title.marked().concat().contains("数据"),
            "{query}: {:?}",
            chapter.title
        );
    }
}

#[test]
fn texts_links_and_urls_are_searched() {
    let mut index = SearchIndex::new(curriculum());
    let progress = Progress::default();
    let results = index.search(&progress, "matplotlib", 50);
    let hit = results
        .hits
        .iter()
        .find(|hit| hit.place == item("data.libraries"))
        .expect("the libraries item");
    assert_eq!(hit.chapter.as_deref(), Some("三、数据处理"));
    assert!(
        hit.snippets
            .iter()
            .any(|(field, marked)| *field == Field::Text
                && marked.marked() == ["matplotlib", "matplotlib"]),
        "{hit:?}"
    );
    // A URL.
    let results = index.search(&progress, "BV1hx411d7jb", 50);
    assert_eq!(places(&results), [item("data.libraries")]);
    assert_eq!(results.hits[0].snippets[0].0, Field::LinkUrl);
}

#[test]
fn every_word_must_occur_somewhere_in_the_place() {
    let mut index = SearchIndex::new(curriculum());
    let progress = Progress::default();
    let both = index.search(&progress, "numpy 组件", 50);
    assert_eq!(places(&both), [item("data.libraries")]);
    assert!(index.search(&progress, "numpy 超参数", 50).hits.is_empty());
    assert_eq!(index.search(&progress, "   ", 50), Results::default());
}

#[test]
fn notes_and_feedback_are_found_and_follow_their_changes() {
    let mut index = SearchIndex::new(curriculum());
    let mut progress = Progress::default();
    note(
        &mut progress,
        "python.software",
        "今天装好了 **Miniforge**，还要配置 Mamba",
    );
    progress.set_note(
        &NoteTarget::Chapter(ChapterId("tuning".to_owned())),
        "周末看吴恩达的视频",
        Timestamp::UNIX_EPOCH,
    );
    progress.feedback.push(Feedback {
        mentor: "王老师".to_owned(),
        written: None,
        overall: "整体不错".to_owned(),
        items: [(
            ItemId("data.purpose".to_owned()),
            "再读一遍那篇文章".to_owned(),
        )]
        .into(),
    });
    progress
        .items
        .entry(ItemId("gone".to_owned()))
        .or_default()
        .note
        .text = "mamba".into();

    let results = index.search(&progress, "mamba", 50);
    assert_eq!(
        places(&results),
        [item("python.software")],
        "orphans are left out"
    );
    let (field, snippet) = &results.hits[0].snippets[0];
    assert_eq!(*field, Field::Note);
    assert_eq!(snippet.text, "今天装好了 Miniforge，还要配置 Mamba");
    assert_eq!(snippet.marked(), ["Mamba"]);

    assert_eq!(
        places(&index.search(&progress, "wuenda", 50)),
        [Place::Chapter(ChapterId("tuning".to_owned()))]
    );
    let results = index.search(&progress, "wanglaoshi", 50);
    assert_eq!(places(&results), [item("data.purpose"), Place::Overall]);
    assert_eq!(
        results.hits[0].snippets[0].1.text,
        "王老师：再读一遍那篇文章"
    );

    // The note changes: the old words are gone, the new ones found.
    note(&mut progress, "python.software", "换成了 VS Code");
    assert!(index.search(&progress, "mamba", 50).hits.is_empty());
    assert_eq!(
        places(&index.search(&progress, "vs code", 50)),
        [item("python.software")]
    );
    progress.feedback.clear();
    assert!(index.search(&progress, "wanglaoshi", 50).hits.is_empty());
}

#[test]
fn limit_keeps_the_best_and_counts_all() {
    let mut index = SearchIndex::new(curriculum());
    let progress = Progress::default();
    let all = index.search(&progress, "s", 1000);
    assert!(all.total > 5, "{}", all.total);
    assert_eq!(all.hits.len(), all.total);
    let three = index.search(&progress, "s", 3);
    assert_eq!(three.total, all.total);
    assert_eq!(three.hits, all.hits[..3]);
}

#[test]
fn snippets_are_cut_around_the_first_match() {
    let text = format!("{}数据{}", "前".repeat(40), "后".repeat(100));
    let marked = snippet(&text, &[120..126]);
    assert!(marked.text.starts_with('…') && marked.text.ends_with('…'));
    assert_eq!(marked.marked(), ["数据"]);
    assert_eq!(marked.text.chars().count(), SNIPPET_LENGTH + 2);
    let short = snippet("数据", &[0..6]);
    assert_eq!(short.text, "数据");
    assert_eq!(short.marked(), ["数据"]);
}

proptest! {
    /// Whatever the text and query, marks are valid ranges on character boundaries, and a
    /// piece of a text is always found in it.
    #[test]
    fn marks_are_valid_and_pieces_are_found(
        text in "[a-zA-Z数据处理学习 ，。é]{0,40}",
        from in 0usize..40,
        length in 1usize..6,
    ) {
        let key = Key::new(text.clone());
        let chars: Vec<char> = text.chars().collect();
        let piece: String = chars.iter().skip(from).take(length).collect();
        let mut found = Vec::new();
        for term in piece.split_whitespace() {
            key.find(&Term::new(term), &mut found);
            prop_assert!(!found.is_empty(), "{term:?} in {text:?}");
        }
        for range in &found {
            prop_assert!(text.get(range.clone()).is_some(), "{range:?} in {text:?}");
            prop_assert!(range.start < range.end);
        }
        let marked = snippet(&text, &merged(&found));
        for range in &marked.marks {
            prop_assert!(marked.text.get(range.clone()).is_some());
        }
    }

    /// Searching after notes changed finds what a fresh index finds.
    #[test]
    fn updating_equals_starting_over(
        edits in proptest::collection::vec((0usize..6, "[a-z数据 ]{0,12}"), 1..12),
        query in "[a-z数据]{1,3}",
    ) {
        let ids = ["python.software", "python.files", "data.purpose", "data.libraries",
            "tuning.what", "export.why"];
        let mut index = SearchIndex::new(curriculum());
        let mut progress = Progress::default();
        for (which, text) in edits {
            note(&mut progress, ids[which], &text);
            let updated = index.search(&progress, &query, 100);
            let fresh = SearchIndex::new(curriculum()).search(&progress, &query, 100);
            prop_assert_eq!(updated, fresh);
        }
    }
}

#[test]
fn editorial_notes_are_found_without_their_markers() {
    let mut index = SearchIndex::new(curriculum());
    let progress = Progress::default();
    // Our note in 三 says matlab is matplotlib: found, and its snippet has no "::: ours".
    let results = index.search(&progress, "应为 matplotlib", 50);
    assert!(
        places(&results).contains(&item("data.libraries")),
        "{:?}",
        places(&results)
    );
    for hit in &results.hits {
        for snippet in &hit.snippets {
            assert!(!snippet.1.text.contains(":::"), "{:?}", snippet.1.text);
        }
    }
    // The markers themselves are not text.
    assert!(index.search(&progress, "ours", 50).hits.is_empty());
}

#[test]
fn a_comment_from_another_mentor_is_found_under_that_mentor() {
    let mut index = SearchIndex::new(curriculum());
    let mut progress = Progress::default();
    let feedback = |mentor: &str| Feedback {
        mentor: mentor.to_owned(),
        written: None,
        overall: "整体不错".to_owned(),
        items: Default::default(),
    };
    progress.feedback.push(feedback("王老师"));
    assert_eq!(index.search(&progress, "王老师", 50).hits.len(), 1);
    // The same words, now from 李老师 (another student's file, say): not 王老师's any more.
    progress.feedback[0] = feedback("李老师");
    assert!(index.search(&progress, "王老师", 50).hits.is_empty());
    assert_eq!(index.search(&progress, "李老师", 50).hits.len(), 1);
}
