//! The tables of `curriculum/README.md` the coverage check reads, and the rule that keeps a
//! correction narrow: a slip of the pinyin input method, never a number, a name or a claim.

use std::collections::BTreeSet;

use pinyin::ToPinyinMulti as _;

/// A correction of the seed's wording (a typo): within one chapter's seed text, `from`
/// occurs exactly `occurrences` times and each becomes `to`.
#[derive(Clone, Debug)]
pub struct Correction {
    pub chapter: String,
    pub from: String,
    pub to: String,
    pub occurrences: usize,
}

/// An item title the curriculum words itself: taken from `seed` (seed text of its chapter).
#[derive(Clone, Debug)]
pub struct OwnTitle {
    pub item: String,
    pub seed: String,
    pub title: String,
}

/// Where seed text goes when its heading does not name the item: from the seed line that
/// starts with `line`, the text belongs to `item` (that line included, as text).
#[derive(Clone, Debug)]
pub struct Placement {
    pub chapter: String,
    pub line: String,
    pub item: String,
}

/// Every table of the README the check uses.
#[derive(Clone, Debug, Default)]
pub struct Tables {
    pub corrections: Vec<Correction>,
    pub titles: Vec<OwnTitle>,
    pub placements: Vec<Placement>,
}

pub const CORRECTIONS_HEADER: &str =
    "| chapter | seed text | curriculum text | occurrences | why |";
pub const TITLES_HEADER: &str = "| item | seed text | item title | why |";
pub const PLACEMENTS_HEADER: &str = "| chapter | seed line starts with | item | why |";

/// Reads the three tables; problems go to `problems`.
pub fn read_tables(readme: &str, problems: &mut Vec<String>) -> Tables {
    let mut tables = Tables::default();
    for cells in table(readme, CORRECTIONS_HEADER, problems) {
        let occurrences = match cells[3].parse::<usize>() {
            Ok(n) if n > 0 => n,
            _ => {
                problems.push(format!(
                    "corrections table: occurrences `{}` is not a positive number",
                    cells[3]
                ));
                continue;
            }
        };
        tables.corrections.push(Correction {
            chapter: cells[0].clone(),
            from: cells[1].clone(),
            to: cells[2].clone(),
            occurrences,
        });
    }
    for cells in table(readme, TITLES_HEADER, problems) {
        tables.titles.push(OwnTitle {
            item: cells[0].clone(),
            seed: cells[1].clone(),
            title: cells[2].clone(),
        });
    }
    for cells in table(readme, PLACEMENTS_HEADER, problems) {
        tables.placements.push(Placement {
            chapter: cells[0].clone(),
            line: cells[1].clone(),
            item: cells[2].clone(),
        });
    }
    tables
}

/// The body rows of the table under `header`, as trimmed cells without surrounding
/// backticks. Exactly one such table must exist, and every row has the header's cells.
fn table(readme: &str, header: &str, problems: &mut Vec<String>) -> Vec<Vec<String>> {
    let width = header.matches('|').count() - 1;
    let starts: Vec<usize> = readme
        .lines()
        .enumerate()
        .filter(|(_, line)| line.trim() == header)
        .map(|(index, _)| index)
        .collect();
    let [start] = starts[..] else {
        problems.push(format!(
            "README: {} tables with the header `{header}` (want one)",
            starts.len()
        ));
        return Vec::new();
    };
    let mut rows = Vec::new();
    for line in readme.lines().skip(start + 2) {
        let line = line.trim();
        if !line.starts_with('|') {
            break;
        }
        let cells: Vec<String> = line
            .trim_matches('|')
            .split('|')
            .map(|cell| {
                let cell = cell.trim();
                cell.strip_prefix('`')
                    .and_then(|c| c.strip_suffix('`'))
                    .unwrap_or(cell)
                    .to_owned()
            })
            .collect();
        if cells.len() != width || cells[..width - 1].iter().any(String::is_empty) {
            problems.push(format!(
                "README: the row `{line}` under `{header}` needs {width} cells, all but `why` filled"
            ));
            continue;
        }
        rows.push(cells);
    }
    rows
}

/// Characters a correction may never add or remove, by what they carry.
///
/// Anything ASCII (names of software, libraries, APIs and file types, numbers, versions,
/// URLs, operators), any digit or numeral of any script, and the Chinese characters that
/// carry negation, comparison or degree, modality and quantity: changing one of these
/// changes what the roadmap claims, not how it is spelt.
const PROTECTED: &[(&str, &str)] = &[
    (
        "a Chinese numeral",
        "〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億半双倍几",
    ),
    ("a negation", "不没无非未否勿别莫毋免禁"),
    (
        "a comparison or degree",
        "大小多少高低长短快慢强弱早晚前后上下增减加降升涨跌最更较越超过欠仅只约近远深浅重轻难易优劣好坏",
    ),
    ("a modal", "必须应该需要可能会宜推荐建议允许"),
    ("a quantity", "全都每各所有任何均"),
    ("a symbol", "＋－＜＝＞％／＊≤≥±×÷≈≠‰°"),
];

/// Why changing `c` would change a claim, if it would.
fn protected(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return Some("ASCII (a name, number, URL or symbol)");
    }
    if c.is_numeric() {
        return Some("a digit or numeral");
    }
    if matches!(c, '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}') {
        return Some("a full-width Latin letter");
    }
    PROTECTED
        .iter()
        .find(|(_, chars)| chars.contains(c))
        .map(|(class, _)| *class)
}

/// The readings of a character without tones (all of them for a heteronym).
fn readings(c: char) -> BTreeSet<&'static str> {
    c.to_pinyin_multi()
        .into_iter()
        .flatten()
        .map(|reading| reading.plain())
        .collect()
}

/// Checks that `to` is `from` with one slip fixed: one character inserted or deleted, or one
/// or two adjacent characters each replaced by a character that reads the same (tones
/// ignored: what a pinyin input method gets wrong); and that no character added or removed
/// is [`protected`]. `Ok` holds the change, if any.
pub fn narrow_change(from: &str, to: &str) -> Result<Option<(String, String)>, String> {
    let a: Vec<char> = from.chars().collect();
    let b: Vec<char> = to.chars().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    let removed: Vec<char> = a[prefix..a.len() - suffix].to_vec();
    let added: Vec<char> = b[prefix..b.len() - suffix].to_vec();
    let change = (
        removed.iter().collect::<String>(),
        added.iter().collect::<String>(),
    );
    let (old, new) = &change;
    if (removed.len(), added.len()) == (0, 0) {
        return Ok(None);
    }
    if !matches!(
        (removed.len(), added.len()),
        (1, 0) | (0, 1) | (1, 1) | (2, 2)
    ) {
        return Err(format!(
            "«{from}» → «{to}» changes «{old}» → «{new}»: more than one slip"
        ));
    }
    for c in removed.iter().chain(&added) {
        if let Some(class) = protected(*c) {
            return Err(format!(
                "«{from}» → «{to}» changes «{c}», {class}: numbers, names and claims stay as \
                 the studio wrote them (add a `::: ours` note instead)"
            ));
        }
    }
    if removed.len() == added.len() {
        for (x, y) in removed.iter().zip(&added) {
            if readings(*x).is_disjoint(&readings(*y)) {
                return Err(format!(
                    "«{from}» → «{to}» replaces «{x}» by «{y}», which does not read the same: \
                     only slips of the pinyin input method are corrected"
                ));
            }
        }
    }
    Ok(Some(change))
}
