//! The curriculum's own text in the roadmap: Markdown, pictures on lines of their own, and
//! editorial additions (`::: ours` blocks) framed and labelled as ours, not the studio's.

use std::rc::Rc;

use crate::curriculum::text_parts;
use crate::i18n::Strings;

use super::super::theme;
use super::parts::badge_ui;

/// A run of an introduction's or item's text: the studio's, or an editorial addition.
#[derive(Debug, PartialEq)]
pub(super) struct Part {
    /// Between `::: ours` and `:::`: shown framed, labelled 编者注.
    pub ours: bool,
    /// What the run shows, in order.
    pub segments: Vec<Segment>,
}

/// A piece of text: Markdown, or a picture on a line of its own.
#[derive(Debug, PartialEq)]
pub(super) enum Segment {
    Markdown(String),
    Image { alt: String, path: String },
}

/// Splits curriculum text into its runs (the studio's, ours) and each run at its pictures.
pub(super) fn parts(text: &str) -> Rc<[Part]> {
    text_parts(text)
        .into_iter()
        .map(|part| Part {
            ours: part.ours,
            segments: segments(part.text),
        })
        .collect()
}

/// A line that is just a picture, `![alt](path)`: its alt text and path.
pub fn image_line(line: &str) -> Option<(&str, &str)> {
    line.trim()
        .strip_prefix("![")
        .and_then(|rest| rest.strip_suffix(')'))
        .and_then(|rest| rest.split_once("]("))
        .filter(|(_, path)| !path.contains(' '))
}

/// Splits Markdown at lines that are just `![alt](path)`.
fn segments(text: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut markdown = String::new();
    for line in text.lines() {
        match image_line(line) {
            Some((alt, path)) => {
                if !markdown.trim().is_empty() {
                    segments.push(Segment::Markdown(std::mem::take(&mut markdown)));
                }
                markdown.clear();
                segments.push(Segment::Image {
                    alt: alt.to_owned(),
                    path: path.to_owned(),
                });
            }
            _ => {
                markdown.push_str(line);
                markdown.push('\n');
            }
        }
    }
    if !markdown.trim().is_empty() {
        segments.push(Segment::Markdown(markdown));
    }
    segments
}

/// An editorial addition: a tinted frame with a small 编者注 label, then `add_contents`.
pub(super) fn ours_ui<R>(
    ui: &mut egui::Ui,
    strings: &Strings,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let palette = theme::palette(ui.visuals());
    egui::Frame::new()
        .fill(palette.editorial_fill)
        .stroke(egui::Stroke::new(1.0, palette.editorial))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(8, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            badge_ui(ui, strings.editorial_note, palette.editorial);
            add_contents(ui)
        })
        .inner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_runs_and_pictures() {
        let text = "类似于：\n\n::: ours\n图没有提供。\n\n![示例](images/a.png)\n:::\n";
        let parts = parts(text);
        assert_eq!(
            &parts[..],
            [
                Part {
                    ours: false,
                    segments: vec![Segment::Markdown("类似于：\n\n".to_owned())],
                },
                Part {
                    ours: true,
                    segments: vec![
                        Segment::Markdown("图没有提供。\n\n".to_owned()),
                        Segment::Image {
                            alt: "示例".to_owned(),
                            path: "images/a.png".to_owned(),
                        },
                    ],
                },
            ]
        );
    }
}
