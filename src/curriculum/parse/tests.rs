//! The parser's rules, one by one.

use super::*;

fn parse(files: &[(&str, &str)]) -> Result<Curriculum, ParseErrors> {
    let files: Vec<SourceFile<'_>> = files
        .iter()
        .map(|(name, text)| SourceFile { name, text })
        .collect();
    parse_curriculum("test", &files, &|path| path == "images/ok.png")
}

fn messages(files: &[(&str, &str)]) -> Vec<String> {
    match parse(files) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.0.iter().map(ToString::to_string).collect(),
    }
}

const GOOD: &str = "\
# 一、基础 {#basics}

先读这一段。

## 软件准备 {#basics.software}

参考视频：[视频](https://www.bilibili.com/video/BV1CE411Z7qg/?vd_source=a4)

### 小节，不是条目

正文 <https://blog.csdn.net/x/article/details/1?>

```text
## 代码块里的标题 不算
```

### 子步骤 {#basics.software.sub}

## 手绘流程 {#basics.drawing .task}

![示例](images/ok.png)

## 空条目 {#basics.empty}
";

#[test]
fn parses_a_good_chapter() -> Result<(), ParseErrors> {
    let curriculum = parse(&[("01-basics.md", GOOD)])?;
    let chapter = &curriculum.chapters[0];
    assert_eq!(chapter.id.as_str(), "basics");
    assert_eq!(chapter.title, "一、基础");
    assert_eq!(chapter.intro, "先读这一段。");
    assert!(!chapter.elective);
    let ids: Vec<&str> = chapter.items.iter().map(|item| item.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "basics.software",
            "basics.software.sub",
            "basics.drawing",
            "basics.empty"
        ]
    );
    let software = &chapter.items[0];
    assert_eq!(software.title, "软件准备");
    assert_eq!(software.line, 5);
    assert!(software.body.contains("### 小节，不是条目"));
    assert!(software.body.contains("## 代码块里的标题 不算"));
    assert_eq!(
        software.links,
        [
            Link {
                text: "视频".to_owned(),
                url: "https://www.bilibili.com/video/BV1CE411Z7qg/?vd_source=a4".to_owned()
            },
            Link {
                text: "https://blog.csdn.net/x/article/details/1?".to_owned(),
                url: "https://blog.csdn.net/x/article/details/1?".to_owned()
            }
        ]
    );
    assert_eq!(chapter.items[1].depth, 1);
    assert_eq!(chapter.items[2].kind, ItemKind::Task);
    assert_eq!(chapter.items[2].images, ["images/ok.png"]);
    assert_eq!(chapter.items[3].body, "");
    Ok(())
}

#[test]
fn elective_chapters_are_marked() -> Result<(), ParseErrors> {
    let curriculum = parse(&[("09.md", "# 选修 {#extra .elective}\n## 平台 {#extra.p}\n")])?;
    assert!(curriculum.chapters[0].elective);
    Ok(())
}

#[test]
fn duplicate_id_across_files() {
    let errors = messages(&[
        ("01.md", "# A {#a}\n## x {#a.x}\n"),
        ("02.md", "# B {#b}\n\n## y {#a.x}\n"),
    ]);
    assert_eq!(
        errors,
        ["02.md:3: duplicate id `a.x`, first used at 01.md:2"]
    );
}

#[test]
fn broken_links() {
    let errors = messages(&[(
        "01.md",
        "# A {#a}\n## x {#a.x}\n[本地](file:///etc/passwd)\n[坏](https://)\n见 https://example.com所提供\n",
    )]);
    assert_eq!(
        errors,
        [
            "01.md:3: bad link `file:///etc/passwd`: the scheme `file` is not allowed, only http and https",
            "01.md:4: bad link `https://`: not a valid URL (empty host)",
            "01.md:5: bare URL in text `https://example.com所提供`; write it as <https://…> or [text](https://…)",
        ]
    );
}

#[test]
fn missing_and_escaping_images() {
    let errors = messages(&[(
        "02.md",
        "# A {#a}\n## x {#a.x .task}\n![图](深度学习流程-手绘版.png)\n![图](../secret.png)\n",
    )]);
    assert_eq!(
        errors,
        [
            "02.md:3: image `深度学习流程-手绘版.png` does not exist",
            "02.md:4: image path `../secret.png` must be relative to curriculum/ and stay inside it",
        ]
    );
}

#[test]
fn structure_errors() {
    assert_eq!(
        messages(&[("01.md", "前言\n# A {#a}\n## x\n### y {#a.y}\n")]),
        [
            "01.md:1: a chapter file must start with its heading, like `# 一、标题 {#chapter-id}`",
            "01.md:3: the heading `## x` has no id; write it as `## x {#some-id}`",
            "01.md:4: a sub-item (`### … {#id}`) must follow an item (`## … {#id}`)",
        ]
    );
    assert_eq!(
        messages(&[("01.md", "# A {#a}\n\n正文\n")]),
        ["01.md:1: the chapter `a` has no items"]
    );
    assert_eq!(
        messages(&[(
            "01.md",
            "# A {#A_1 .task}\n## x {#a.x .elective}\n# B {#b}\n"
        )]),
        [
            "01.md:1: invalid id `A_1`: use 1 to 128 lowercase letters, digits, `.` and `-`",
            "01.md:1: unknown attribute `.task` (allowed: `#id`, `.task` on items, `.elective` on chapters)",
            "01.md:2: unknown attribute `.elective` (allowed: `#id`, `.task` on items, `.elective` on chapters)",
            "01.md:3: a second chapter heading in one file; put each chapter in its own file",
        ]
    );
    assert_eq!(
        messages(&[]),
        ["curriculum: the curriculum has no chapters"]
    );
}

#[test]
fn raw_html_is_refused() {
    assert_eq!(
        messages(&[(
            "01.md",
            "# A {#a}\n## x {#a.x}\n<details><summary>pycharm</summary>\n"
        )]),
        ["01.md:3: raw HTML is not allowed: `<details><summary>pycharm</summary>`"]
    );
}

/// Ids follow `model::is_valid_id`, the rule the progress-file reader uses too.
#[test]
fn ids_follow_the_shared_rule() {
    let longest = "a".repeat(super::super::MAX_ID_BYTES);
    let text = format!("# A {{#a}}\n## x {{#{longest}}}\n## y {{#-y}}\n");
    assert_eq!(messages(&[("01.md", &text)]), Vec::<String>::new());
    let too_long = format!("{longest}a");
    let text = format!("# A {{#a}}\n## x {{#{too_long}}}\n");
    assert_eq!(
        messages(&[("01.md", &text)]),
        [format!(
            "01.md:2: invalid id `{too_long}`: use 1 to 128 lowercase letters, digits, `.` and `-`"
        )]
    );
}

#[test]
fn editorial_blocks_are_accepted_and_kept_in_the_text() -> Result<(), ParseErrors> {
    let text = "# A {#a}\n\n::: ours\n导言里的注\n:::\n\n## x {#a.x .task}\n\n工作室的话\n\n\
                ::: ours\n注：[仓库](https://example.com)\n\n![示例](images/ok.png)\n:::\n\n\
                ```text\n:::\n```\n";
    let curriculum = parse(&[("01.md", text)])?;
    let chapter = &curriculum.chapters[0];
    assert!(chapter.intro.contains("::: ours"));
    let item = &chapter.items[0];
    assert_eq!(item.links[0].url, "https://example.com");
    assert_eq!(item.images, ["images/ok.png"]);
    let parts = crate::curriculum::text_parts(&item.body);
    assert_eq!(parts.len(), 3);
    assert!(parts[1].ours && parts[1].text.contains("仓库"));
    assert!(!parts[2].ours && parts[2].text.contains("```"));
    Ok(())
}

#[test]
fn editorial_block_errors() {
    assert_eq!(
        messages(&[(
            "01.md",
            "# A {#a}\n## x {#a.x}\n::: ours\n注\n## y {#a.y}\n:::\n::: note\n::: ours\n::: ours\n"
        )]),
        [
            "01.md:3: the `::: ours` block opened here is not closed; end it with a line `:::`",
            "01.md:6: this `:::` closes no `::: ours` block",
            "01.md:7: unknown block `::: note`; the only block is `::: ours` … `:::`",
            "01.md:8: the `::: ours` block opened here is not closed; end it with a line `:::`",
            "01.md:9: `::: ours` blocks do not nest; close the first one with `:::`",
        ]
    );
}
