//! Notes on items and chapters: the rendered note, and its editor with a live preview.
//!
//! A note may come from another student's file, so its images are never loaded: each becomes
//! its alt text, and a web image a link that opens through the app's checked path
//! ([`Action::OpenUrl`]). Nothing a note names is read from disk or fetched.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use egui_commonmark::{CommonMarkCache, CommonMarkViewer};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::progress::{Note, NoteTarget};

use super::action::Action;
use super::{local_time, theme};
use crate::i18n::{Strings, fill};

/// Which notes are being edited, with their text as typed (never saved by itself: every change
/// is sent as [`Action::SetNote`]).
#[derive(Default)]
pub struct NoteEditors {
    drafts: HashMap<NoteTarget, String>,
    /// The editor just opened, to receive keyboard focus.
    focus: Option<NoteTarget>,
}

impl NoteEditors {
    /// Whether the note of `target` is open for editing.
    pub fn is_editing(&self, target: &NoteTarget) -> bool {
        self.drafts.contains_key(target)
    }

    /// The "note" button: opens the editor (or closes it).
    pub fn toggle_button_ui(
        &mut self,
        ui: &mut egui::Ui,
        target: &NoteTarget,
        note: Option<&Note>,
        strings: &Strings,
    ) {
        let has_note = note.is_some_and(|note| !note.is_empty());
        let label = if has_note {
            strings.note_button_filled
        } else {
            strings.note_button
        };
        let editing = self.is_editing(target);
        if ui.selectable_label(editing, label).clicked() {
            if editing {
                self.drafts.remove(target);
            } else {
                self.open(target, note);
            }
        }
    }

    /// Opens the editor of `target`'s note, with the keyboard focus in it.
    pub fn open(&mut self, target: &NoteTarget, note: Option<&Note>) {
        if !self.is_editing(target) {
            let text = note.map(|note| note.text.clone()).unwrap_or_default();
            self.drafts.insert(target.clone(), text);
        }
        self.focus = Some(target.clone());
    }

    /// The note: rendered when there is one, or the editor and preview while editing.
    pub fn note_ui(
        &mut self,
        ui: &mut egui::Ui,
        markdown: &mut CommonMarkCache,
        target: &NoteTarget,
        note: Option<&Note>,
        strings: &Strings,
        actions: &mut Vec<Action>,
    ) {
        let palette = theme::palette(ui.visuals());
        let edited = note
            .and_then(|note| note.edited)
            .map(|time| fill(strings.note_edited, &[("time", &local_time(time))]));
        let Some(draft) = self.drafts.get_mut(target) else {
            if let Some(note) = note.filter(|note| !note.is_empty()) {
                note_frame(palette).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.push_id(("note", target_salt(target)), |ui| {
                        note_markdown_ui(ui, markdown, &note.text, strings);
                    });
                    if let Some(edited) = &edited {
                        ui.label(egui::RichText::new(edited).small().color(palette.weak));
                    }
                });
            }
            return;
        };

        let mut close = false;
        note_frame(palette).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.columns(2, |columns| {
                if let [left, right] = columns {
                    let label = left.label(egui::RichText::new(strings.note_editor).small());
                    let response = left.add(
                        egui::TextEdit::multiline(draft)
                            .id_salt(("note-editor", target_salt(target)))
                            .hint_text(strings.note_hint)
                            .desired_rows(theme::NOTE_EDITOR_ROWS)
                            .desired_width(f32::INFINITY),
                    );
                    let response = response.labelled_by(label.id);
                    if self.focus.as_ref() == Some(target) {
                        response.request_focus();
                        self.focus = None;
                    }
                    if response.changed() {
                        actions.push(Action::SetNote(target.clone(), draft.clone()));
                    }
                    right.label(egui::RichText::new(strings.note_preview).small());
                    right.push_id(("preview", target_salt(target)), |ui| {
                        note_markdown_ui(ui, markdown, draft, strings);
                    });
                }
            });
            ui.horizontal(|ui| {
                close = ui.button(strings.done_editing).clicked();
                if let Some(edited) = &edited {
                    ui.label(egui::RichText::new(edited).small().color(palette.weak));
                }
            });
        });
        if close {
            self.drafts.remove(target);
        }
    }
}

/// A note rendered as Markdown, its images shown as text (see [`images_as_text`]).
fn note_markdown_ui(
    ui: &mut egui::Ui,
    markdown: &mut CommonMarkCache,
    text: &str,
    strings: &Strings,
) {
    let text = images_as_text(text, strings);
    CommonMarkViewer::new()
        // Belt and braces: no image reaches the viewer, and no image URI without a scheme
        // would be taken for a file.
        .explicit_image_uri_scheme(true)
        .show(ui, markdown, &text);
}

/// The parser options egui_commonmark renders with, so images are found where it sees them.
fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_DEFINITION_LIST
}

/// An image found in a note: where it is in the text, where it points, its alt text.
struct FoundImage {
    range: Range<usize>,
    url: String,
    alt: String,
    /// Images nested in this one's alt text.
    depth: usize,
    /// It sits inside a link (which must not get a link inside it).
    in_link: bool,
}

/// `markdown` with every image replaced by `[图片：alt]`: a link for an http(s) image, plain
/// text otherwise. Borrowed unchanged when there is no image.
fn images_as_text<'a>(markdown: &'a str, strings: &Strings) -> Cow<'a, str> {
    if !markdown.contains("![") {
        return Cow::Borrowed(markdown);
    }
    let mut out = String::with_capacity(markdown.len());
    let mut copied = 0;
    let mut links = 0_usize;
    let mut image: Option<FoundImage> = None;
    for (event, range) in Parser::new_ext(markdown, parser_options()).into_offset_iter() {
        if let Some(found) = image.as_mut() {
            match event {
                Event::Start(Tag::Image { .. }) => found.depth += 1,
                Event::End(TagEnd::Image) => {
                    found.depth -= 1;
                    if found.depth == 0
                        && let Some(found) = image.take()
                        && let Some(before) = markdown.get(copied..found.range.start)
                    {
                        out.push_str(before);
                        out.push_str(&image_replacement(&found, strings));
                        copied = found.range.end;
                    }
                }
                Event::Text(text) | Event::Code(text) => found.alt.push_str(&text),
                Event::SoftBreak | Event::HardBreak => found.alt.push(' '),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some(FoundImage {
                    range,
                    url: dest_url.into_string(),
                    alt: String::new(),
                    depth: 1,
                    in_link: links > 0,
                });
            }
            Event::Start(Tag::Link { .. }) => links += 1,
            Event::End(TagEnd::Link) => links = links.saturating_sub(1),
            _ => {}
        }
    }
    out.push_str(markdown.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

/// The Markdown that stands for an image: its alt text, linked when it is a web image.
fn image_replacement(image: &FoundImage, strings: &Strings) -> String {
    let alt = image.alt.trim();
    let text = if alt.is_empty() {
        strings.note_image_untitled.to_owned()
    } else {
        fill(strings.note_image, &[("alt", alt)])
    };
    let text = escape_markdown(&text);
    let web = url::Url::parse(&image.url)
        .ok()
        .filter(|url| matches!(url.scheme(), "http" | "https"));
    match web {
        // The URL as the url crate writes it has no spaces, `<` or `>`.
        Some(url) if !image.in_link => format!("[{text}](<{url}>)"),
        _ => text,
    }
}

/// `text` with every ASCII punctuation character backslash-escaped, so Markdown shows it as
/// written.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The background a note sits on.
fn note_frame(palette: theme::Palette) -> egui::Frame {
    egui::Frame::new()
        .fill(palette.note_fill)
        .corner_radius(4.0)
        .inner_margin(6.0)
}

/// A stable id salt for a note target.
fn target_salt(target: &NoteTarget) -> String {
    match target {
        NoteTarget::Item(id) => format!("item:{id}"),
        NoteTarget::Chapter(id) => format!("chapter:{id}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, ZH};

    #[test]
    fn text_without_images_is_borrowed_unchanged() {
        let text = "**粗体** [链接](https://example.com) `![不是图](x)`";
        assert_eq!(images_as_text(text, &ZH), text);
        assert!(matches!(images_as_text("普通笔记", &ZH), Cow::Borrowed(_)));
    }

    #[test]
    fn local_images_become_their_alt_text() {
        assert_eq!(
            images_as_text("看 ![猫](/dev/zero) 吧", &ZH),
            "看 \\[图片：猫\\] 吧"
        );
        assert_eq!(images_as_text("![](file:///etc/passwd)", &ZH), "\\[图片\\]");
        assert_eq!(
            images_as_text("![a *b*](file://server/share/x.png)", &EN),
            "\\[image\\: a b\\]"
        );
        // Reference images, and Markdown in the alt text is shown as written.
        assert_eq!(
            images_as_text("![x_y|z][r]\n\n[r]: C:\\secret.png", &EN),
            "\\[image\\: x\\_y\\|z\\]\n\n[r]: C:\\secret.png"
        );
        // Inside inline code it is not an image.
        assert_eq!(images_as_text("`![a](b)`", &EN), "`![a](b)`");
    }

    #[test]
    fn web_images_become_links_but_never_inside_a_link() {
        assert_eq!(
            images_as_text("![图](https://example.com/a b.png)", &ZH),
            "![图](https://example.com/a b.png)",
            "not an image in CommonMark (a space in the URL): left alone"
        );
        assert_eq!(
            images_as_text("![图](<https://example.com/a b.png>)", &ZH),
            "[\\[图片：图\\]](<https://example.com/a%20b.png>)"
        );
        assert_eq!(
            images_as_text(
                "[![图](https://example.com/a.png)](https://example.com)",
                &ZH
            ),
            "[\\[图片：图\\]](https://example.com)"
        );
    }

    #[test]
    fn nested_images_are_replaced_once() {
        assert_eq!(
            images_as_text("![外 ![内](/b)](/a)", &ZH),
            "\\[图片：外 内\\]"
        );
    }

    #[test]
    fn the_result_parses_to_no_image_at_all() {
        let note = "表格\n\n| a | b |\n|---|---|\n| ![x](/dev/zero) | ![y](http://h/y.png) |\n\n\
                    - [ ] ![z](z.png)\n\n> ![q](file:///q)\n";
        let text = images_as_text(note, &ZH);
        let images = Parser::new_ext(&text, parser_options())
            .filter(|event| matches!(event, Event::Start(Tag::Image { .. })))
            .count();
        assert_eq!(images, 0, "{text}");
        assert!(
            text.contains("图片：x") && text.contains("图片：z"),
            "{text}"
        );
    }
}
