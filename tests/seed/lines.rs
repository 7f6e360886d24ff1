//! Lines as text, the same for the seed and the curriculum, and how two texts are compared:
//! exactly, except where a line ends.

/// A seed line as text: HTML dropped (`<details>`, `<br>`, the missing `<img>`), a
/// `<summary>` kept as its text, the missing Markdown image dropped; then [`text_line`].
pub fn seed_line(line: &str) -> Option<String> {
    let mut line = line.trim().to_owned();
    if let Some(summary) = line
        .strip_prefix("<details><summary>")
        .and_then(|rest| rest.split_once("</summary>"))
        .filter(|(_, tail)| matches!(tail.trim(), "" | "<br>"))
        .map(|(summary, _)| summary.to_owned())
    {
        line = summary;
    }
    if matches!(line.as_str(), "</details>" | "<br>") {
        return None;
    }
    while let Some(start) = line.find("<img ") {
        let end = line[start..]
            .find('>')
            .map_or(line.len(), |e| start + e + 1);
        line.replace_range(start..end, "");
    }
    if line.starts_with("![") && line.ends_with(')') {
        return None;
    }
    text_line(&line)
}

/// A line as text, the same for the seed and the curriculum: trimmed; a heading's `#`
/// marks, a quote's `> `, a bullet's `- `, bold around the whole line and the angle brackets
/// of autolinks left out. Nothing else is touched. Blank lines give `None`.
pub fn text_line(line: &str) -> Option<String> {
    let mut line = line.trim();
    let hashes = line.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        line = line[hashes..].trim_start();
    }
    line = line.strip_prefix("> ").unwrap_or(line);
    line = line.strip_prefix("- ").unwrap_or(line);
    if let Some(inner) = line.strip_prefix("**").and_then(|l| l.strip_suffix("**"))
        && !inner.is_empty()
        && !inner.contains("**")
    {
        line = inner;
    }
    let mut text = String::new();
    let mut rest = line;
    while let Some(start) = rest.find("<http") {
        let candidate = &rest[start + 1..];
        let end = candidate.find('>');
        match end {
            Some(end)
                if (candidate.starts_with("http://") || candidate.starts_with("https://"))
                    && !candidate[..end].contains(char::is_whitespace) =>
            {
                text.push_str(&rest[..start]);
                text.push_str(&candidate[..end]);
                rest = &candidate[end + 1..];
            }
            _ => {
                text.push_str(&rest[..=start]);
                rest = &rest[start + 1..];
            }
        }
    }
    text.push_str(rest);
    (!text.trim().is_empty()).then_some(text)
}

/// The seed's URLs in a line: `http(s)://` up to whitespace, a quote, `<`/`>` or the first
/// non-ASCII character (the seed glues one URL to Chinese text: `…f2649c8所提供的代码`).
pub fn seed_urls(line: &str) -> Vec<String> {
    let mut urls = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find("http") {
        let candidate = &rest[start..];
        if candidate.starts_with("http://") || candidate.starts_with("https://") {
            let url: String = candidate
                .chars()
                .take_while(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>'))
                .collect();
            rest = &candidate[url.len()..];
            urls.push(url);
        } else {
            rest = &candidate[4..];
        }
    }
    urls
}

/// The seed's lines against the curriculum's. The texts must be equal; only where a line
/// ends may differ (the curriculum joins `注：` to the sentence after it, and splits some
/// lines into paragraphs). On a difference: the lines missing and the lines added, from
/// the first difference on.
pub fn compare_lines(seed: &[String], ours: &[String]) -> Vec<String> {
    if seed.concat() == ours.concat() {
        return Vec::new();
    }
    // The last point before the texts part where both sides start a line.
    let (mut i, mut j) = (0, 0);
    let mut sync = (0, 0);
    let (mut a, mut b) = (
        seed.first().map_or("", String::as_str),
        ours.first().map_or("", String::as_str),
    );
    while i < seed.len() && j < ours.len() {
        if a == b {
            i += 1;
            j += 1;
            a = seed.get(i).map_or("", String::as_str);
            b = ours.get(j).map_or("", String::as_str);
            sync = (i, j);
        } else if let Some(rest) = a.strip_prefix(b).filter(|_| !b.is_empty()) {
            a = rest;
            j += 1;
            b = ours.get(j).map_or("", String::as_str);
        } else if let Some(rest) = b.strip_prefix(a).filter(|_| !a.is_empty()) {
            b = rest;
            i += 1;
            a = seed.get(i).map_or("", String::as_str);
        } else {
            break;
        }
    }
    let (seed, ours) = (&seed[sync.0..], &ours[sync.1..]);
    // Longest common subsequence of the rest, by lines.
    let mut table = vec![vec![0_usize; ours.len() + 1]; seed.len() + 1];
    for x in (0..seed.len()).rev() {
        for y in (0..ours.len()).rev() {
            table[x][y] = if seed[x] == ours[y] {
                table[x + 1][y + 1] + 1
            } else {
                table[x + 1][y].max(table[x][y + 1])
            };
        }
    }
    let mut found = Vec::new();
    let (mut x, mut y) = (0, 0);
    while x < seed.len() || y < ours.len() {
        if x < seed.len() && y < ours.len() && seed[x] == ours[y] {
            x += 1;
            y += 1;
        } else if y < ours.len() && (x == seed.len() || table[x][y + 1] >= table[x + 1][y]) {
            found.push(format!(
                "not in the seed (mark it with `::: ours` if it is ours): «{}»",
                ours[y]
            ));
            y += 1;
        } else {
            found.push(format!("missing from the curriculum: «{}»", seed[x]));
            x += 1;
        }
    }
    if found.is_empty() {
        found.push("the text differs from the seed's".to_owned());
    }
    found
}
