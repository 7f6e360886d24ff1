//! The curriculum carries the studio's roadmap exactly: per chapter and per item, the seed's
//! text (`curriculum/source/roadmap-original.md`, a byte copy of the seed) in order, after
//! the corrections listed in `curriculum/README.md`, is the curriculum's text minus what is
//! marked `::: ours`; the links match per item, in order, with repeats.
//!
//! The check itself is `seed::check` (texts in, mismatches out). It runs on the real files,
//! and on copies carrying each edit a weaker check let through: each must be caught.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod seed;

use std::collections::BTreeSet;
use std::path::Path;

use seed::tables::narrow_change;
use study_companion::curriculum::{ItemKind, SourceFile, parse_curriculum, text_parts};
use study_companion::embedded;

const SEED: &str = include_str!("../curriculum/source/roadmap-original.md");
const README: &str = include_str!("../curriculum/README.md");

/// The chapter files as build.rs reads them: `curriculum/NN-*.md`, sorted by name.
fn chapter_files() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("curriculum");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".md") && name.starts_with(|c: char| c.is_ascii_digit()))
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(&name)).unwrap();
            (name, text)
        })
        .collect();
    files.sort();
    files
}

fn check(readme: &str, files: &[(String, String)]) -> Vec<String> {
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    seed::check(SEED, readme, &files)
}

#[test]
fn the_curriculum_is_the_seed_exactly() {
    let problems = check(README, &chapter_files());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_files_checked_are_the_embedded_ones() {
    let files = chapter_files();
    let sources: Vec<SourceFile<'_>> = files
        .iter()
        .map(|(name, text)| SourceFile { name, text })
        .collect();
    let parsed =
        parse_curriculum("disk", &sources, &|path| embedded::image(path).is_some()).unwrap();
    assert_eq!(parsed.chapters, embedded::curriculum().chapters);
}

/// One edit of a copy: in `file` (a chapter file, or `README.md`), `from` (which must occur
/// exactly once) becomes `to`.
type Edit = (&'static str, &'static str, &'static str);

/// Edits that a check comparing only sets of links and normalised substrings let through,
/// and others that must fail too: (what, edits, a fragment of the expected mismatch).
const MUTATIONS: &[(&str, &[Edit], &str)] = &[
    (
        "delete the 网格搜索 and 随机搜索 headings",
        &[
            ("07-tuning.md", "#### 网格搜索\n\n", ""),
            ("07-tuning.md", "#### 随机搜索\n\n", ""),
        ],
        "missing from the curriculum: «网格搜索»",
    ),
    (
        "delete the 谷歌 and 等等 bullets of 选修",
        &[("09-elective-online.md", "- 谷歌\n- 等等", "")],
        "missing from the curriculum: «谷歌»",
    ),
    (
        "delete two of the three BV1nt411r7tj links (三 and 四)",
        &[
            (
                "03-data-processing.md",
                "p6-p18：<https://www.bilibili.com/video/BV1nt411r7tj?p=5&vd_source=a4099ed25e84174f682a90592f2649c8>",
                "p6-p18：",
            ),
            (
                "04-ml-cases.md",
                "p2-p5：<https://www.bilibili.com/video/BV1nt411r7tj?p=5&vd_source=a4099ed25e84174f682a90592f2649c8>",
                "p2-p5：",
            ),
        ],
        "links differ from the seed's",
    ),
    (
        "move the Atlas link from 八 into 一",
        &[
            (
                "08-export-inference.md",
                "跳转至仓库学习链接：<https://github.com/doublelf/Atlas-200I-DK-A2/blob/main/doc/Three/explain.md>\n",
                "",
            ),
            (
                "01-python-basics.md",
                "线上环境一般都是集成的好环境\n",
                "线上环境一般都是集成的好环境\n\n跳转至仓库学习链接：<https://github.com/doublelf/Atlas-200I-DK-A2/blob/main/doc/Three/explain.md>\n",
            ),
        ],
        "`python.online-sites`: not in the seed",
    ),
    (
        "add an invented sentence",
        &[(
            "02-what-is-ml-dl.md",
            "工作室寒假培训第一课程\n",
            "工作室寒假培训第一课程\n\n工作室要求每位同学一周内完成本章并把流程图交给导师。\n",
        )],
        "not in the seed (mark it with `::: ours` if it is ours): «工作室要求每位同学一周内完成本章并把流程图交给导师。»",
    ),
    (
        "change 1.1-1.2 to 1.11.2",
        &[(
            "05-dl-cases.md",
            "## 深度学习的框架与网络 {#dl-cases.frameworks}\n\n结合实践：劈里啪啦wz前两课1.1-1.2",
            "## 深度学习的框架与网络 {#dl-cases.frameworks}\n\n结合实践：劈里啪啦wz前两课1.11.2",
        )],
        "`dl-cases.frameworks`: missing from the curriculum",
    ),
    (
        "delete a line holding only a URL",
        &[(
            "01-python-basics.md",
            "<https://blog.csdn.net/wufengfeng130/article/details/125363292?ops_request_misc=&request_id=&biz_id=102&utm_term=python%E5%9F%BA%E7%A1%80%E5%A4%8D%E4%B9%A0&utm_medium=distribute.pc_search_result.none-task-blog-2~all~sobaiduweb~default-4-125363292.142^v99^pc_search_result_base9&spm=1018.2226.3001.4187>\n",
            "",
        )],
        "`python.basics-review`: missing from the curriculum: «https://blog.csdn.net/wufengfeng130",
    ),
    (
        "change one character of a URL-only line",
        &[(
            "01-python-basics.md",
            "default-4-125363292.142",
            "default-4-125363293.142",
        )],
        "`python.basics-review`: links differ",
    ),
    (
        "add a correction that reverses a fact (0.01 或更小 → 0.1 或更大)",
        &[
            (
                "README.md",
                "| tuning | 比赛进行联系 |",
                "| tuning | 学习率通常应为 0.01 或更小 | 学习率通常应为 0.1 或更大 | 1 | |\n| tuning | 比赛进行联系 |",
            ),
            (
                "07-tuning.md",
                "学习率通常应为 0.01 或更小",
                "学习率通常应为 0.1 或更大",
            ),
        ],
        "is not allowed",
    ),
    (
        "add a correction that flips a comparison, digits unchanged (更小 → 更大)",
        &[
            (
                "README.md",
                "| tuning | 比赛进行联系 |",
                "| tuning | 0.01 或更小 | 0.01 或更大 | 1 | |\n| tuning | 比赛进行联系 |",
            ),
            ("07-tuning.md", "0.01 或更小", "0.01 或更大"),
        ],
        "changes «小», a comparison or degree",
    ),
    (
        "add a correction that negates (应为 → 不为)",
        &[
            (
                "README.md",
                "| tuning | 比赛进行联系 |",
                "| tuning | 通常应为 | 通常不为 | 1 | |\n| tuning | 比赛进行联系 |",
            ),
            ("07-tuning.md", "通常应为", "通常不为"),
        ],
        "is not allowed",
    ),
    (
        "add a correction that renames a library (matlab → matplotlib)",
        &[
            (
                "README.md",
                "| tuning | 比赛进行联系 |",
                "| data | 绘图组件：matlab | 绘图组件：matplotlib | 1 | |\n| tuning | 比赛进行联系 |",
            ),
            (
                "03-data-processing.md",
                "绘图组件：matlab",
                "绘图组件：matplotlib",
            ),
        ],
        "is not allowed",
    ),
    (
        "a correction that matches nothing",
        &[(
            "README.md",
            "| tuning | 比赛进行联系 |",
            "| tuning | 不存在的句子 | 不存在的句字 | 1 | |\n| tuning | 比赛进行联系 |",
        )],
        "matches 0 times, not 1",
    ),
    (
        "a correction that matches more often than it says",
        &[(
            "README.md",
            "| tuning | 比赛进行联系 | 比赛进行练习 | 2 |",
            "| tuning | 比赛进行联系 | 比赛进行练习 | 1 |",
        )],
        "matches 2 times, not 1",
    ),
    (
        "delete a correction row (the curriculum keeps the corrected word)",
        &[(
            "README.md",
            "| python | 这写平台 | 这些平台 | 1 | typo: 写 for 些 |\n",
            "",
        )],
        "`python.online-sites`: missing from the curriculum: «这写平台",
    ),
    (
        "remove the ours mark around 二's example diagram",
        &[
            (
                "02-what-is-ml-dl.md",
                "类似于：\n\n::: ours\n",
                "类似于：\n\n",
            ),
            (
                "02-what-is-ml-dl.md",
                "workflow-example.png)\n:::\n",
                "workflow-example.png)\n",
            ),
        ],
        "not in the seed (mark it with `::: ours` if it is ours): «![深度学习流程示例]",
    ),
    (
        "mark the studio's text as ours",
        &[(
            "02-what-is-ml-dl.md",
            "工作室寒假培训第一课程\n",
            "::: ours\n工作室寒假培训第一课程\n:::\n",
        )],
        "missing from the curriculum: «工作室寒假培训第一课程»",
    ),
    (
        "move 八's text back from step 1 to step 2",
        &[
            (
                "08-export-inference.md",
                "{#export.why}\n\n通过案例理解各模型文件导出原理\n\n",
                "{#export.why}\n\n",
            ),
            (
                "08-export-inference.md",
                "{#export.principles}\n",
                "{#export.principles}\n\n通过案例理解各模型文件导出原理\n",
            ),
        ],
        "`export.principles`: not in the seed",
    ),
    (
        "swap two lines",
        &[(
            "07-tuning.md",
            "4-细化搜索范围：当发现某些超参数对模型性能的影响较大时，可以将搜索范围细化以获得更好的效果。\n\n\
             5-停下来的时机：当模型性能不再提升时，应该停止调参。此时继续调参只会浪费时间和资源，并可能导致过拟合。\n",
            "5-停下来的时机：当模型性能不再提升时，应该停止调参。此时继续调参只会浪费时间和资源，并可能导致过拟合。\n\n\
             4-细化搜索范围：当发现某些超参数对模型性能的影响较大时，可以将搜索范围细化以获得更好的效果。\n",
        )],
        "`tuning.what`",
    ),
    (
        "reword an item title without a row",
        &[("04-ml-cases.md", "## 机器学习流程 {", "## 机器学习的流程 {")],
        "but the seed's outline gives",
    ),
    (
        "a title row that changes a number",
        &[
            (
                "README.md",
                "| what-is-dl.course | 完成第一课程p1内容 | 完成第一课程p1内容 |",
                "| what-is-dl.course | 完成第一课程p1内容 | 完成第二课程p1内容 |",
            ),
            (
                "02-what-is-ml-dl.md",
                "## 完成第一课程p1内容 {",
                "## 完成第二课程p1内容 {",
            ),
        ],
        "`what-is-dl.course`: the title is not allowed",
    ),
    (
        "delete a placement row (二's text would be its introduction)",
        &[(
            "README.md",
            "| what-is-dl | 参考学习连接： | what-is-dl.course |",
            "| what-is-dl | 参考学习连接：x | what-is-dl.course |",
        )],
        "`what-is-dl` (introduction): missing from the curriculum: «参考学习连接：",
    ),
    (
        "reword 二's task title beyond its row",
        &[(
            "02-what-is-ml-dl.md",
            "## 结合实例手绘一份深度学习流程 {",
            "## 结合实例画一份深度学习流程 {",
        )],
        "`what-is-dl.workflow-drawing`: the titles table says",
    ),
];

/// `files` and `readme` with the edits applied; each `from` must occur exactly once, so a
/// mutation can never silently not happen.
fn mutated(edits: &[Edit]) -> (String, Vec<(String, String)>) {
    let mut readme = README.to_owned();
    let mut files = chapter_files();
    for (file, from, to) in edits {
        let text = if *file == "README.md" {
            &mut readme
        } else {
            &mut files
                .iter_mut()
                .find(|(name, _)| name == file)
                .unwrap_or_else(|| panic!("no file {file}"))
                .1
        };
        assert_eq!(
            text.matches(from).count(),
            1,
            "{file}: «{from}» must occur once"
        );
        *text = text.replacen(from, to, 1);
    }
    (readme, files)
}

#[test]
fn every_listed_edit_is_caught() {
    let mut missed = Vec::new();
    for (what, edits, expected) in MUTATIONS {
        let (readme, files) = mutated(edits);
        let problems = check(&readme, &files);
        // Shown with `cargo test --test seed_coverage -- --nocapture`.
        println!("{what}:\n    {}", problems.join("\n    "));
        if !problems.iter().any(|p| p.contains(expected)) {
            missed.push(format!("{what}: want «{expected}» in {problems:#?}"));
        }
    }
    assert!(missed.is_empty(), "{missed:#?}");
}

#[test]
fn corrections_may_change_one_harmless_character_only() {
    // The kinds of the table's rows: a homophone, an inserted or deleted character.
    for (from, to) in [
        ("如何再python中", "如何在python中"),
        ("是代码可以", "使代码可以"),
        ("不错得同学", "不错的同学"),
        ("比赛进行联系", "比赛进行练习"),
        ("结合实例手绘出一份", "结合实例手绘一份"),
        ("这写平台", "这些平台"),
    ] {
        assert!(narrow_change(from, to).unwrap().is_some(), "{from} → {to}");
    }
    assert_eq!(narrow_change("一样", "一样"), Ok(None));
    // Refused: numbers of any script, names, negation, comparison, modality, several characters.
    for (from, to) in [
        ("学习率通常应为 0.01", "学习率通常应为 0.1"),
        ("批量大小可以设置为 32", "批量大小可以设置为 64"),
        ("p6-p18", "p6-p19"),
        ("１２", "１３"),
        ("第一课程", "第二课程"),
        ("绘图组件：matlab", "绘图组件：matplotlib"),
        ("ancoconda", "anaconda"),
        ("L1 正则化", "L2 正则化"),
        ("或更小", "或更大"),
        ("收敛速度较快", "收敛速度较慢"),
        ("是模型参数", "不模型参数"),
        ("应该停止调参", "必该停止调参"),
        ("网格搜索", "随机搜索"),
        ("训练集", "验证集"),
        ("分类", "分布"),
        ("机械/深度学习", "机器/深度学习"),
        ("欠拟合", "过拟合"),
        ("1.1-1.2", "1.11.2"),
    ] {
        assert!(
            narrow_change(from, to).is_err(),
            "{from} → {to} must be refused"
        );
    }
}

#[test]
fn every_link_of_the_seed_is_embedded_and_no_other() {
    let mut seed = BTreeSet::new();
    let mut rest = SEED;
    while let Some(start) = rest.find("https://").or(rest.find("http://")) {
        let url: String = rest[start..]
            .chars()
            .take_while(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>'))
            .collect();
        rest = &rest[start + url.len()..];
        seed.insert(url);
    }
    assert_eq!(seed.len(), 18, "the seed has 18 distinct links: {seed:#?}");
    let embedded: BTreeSet<String> = embedded::curriculum()
        .links()
        .map(|link| link.url.clone())
        .collect();
    assert_eq!(embedded, seed);
}

#[test]
fn chapter_two_shows_our_example_diagram_marked_as_ours() {
    let curriculum = embedded::curriculum();
    let tasks: Vec<_> = curriculum
        .items()
        .filter(|(_, item)| item.kind == ItemKind::Task)
        .collect();
    assert_eq!(tasks.len(), 1);
    let (chapter, task) = tasks[0];
    assert_eq!(chapter.id.as_str(), "what-is-dl");
    assert!(task.title.contains("手绘"));
    assert_eq!(task.images, ["images/workflow-example.png"]);
    assert!(embedded::image("images/workflow-example.png").is_some());
    let parts = text_parts(&task.body);
    let ours: Vec<_> = parts.iter().filter(|part| part.ours).collect();
    assert_eq!(ours.len(), 1);
    assert!(
        ours[0]
            .text
            .contains("![深度学习流程示例](images/workflow-example.png)")
    );
    assert!(ours[0].text.contains("没有随路线一起提供"));
    assert!(
        parts.last().unwrap().ours,
        "the example comes after the studio's 类似于："
    );
}
