//! Markdown of plan texts (vision, chapters, descriptions) as safe HTML: raw HTML in the text is
//! shown as text, links only to `http(s)`, `mailto:` and the site itself, images as their
//! description (the content security policy would block foreign images anyway), and headings
//! moved below the page's own (`#` becomes `h3`).

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

fn safe_link(dest: &str) -> bool {
    let lower = dest.trim().to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || (lower.starts_with('/') && !lower.starts_with("//"))
        || lower.starts_with('#')
}

fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// The HTML of `text`.
pub(crate) fn to_html(text: &str) -> String {
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    // Ends of links left out, so their closing tags are left out too.
    let mut dropped_links: Vec<bool> = Vec::new();
    let mut in_image = 0_usize;
    let events = parser.filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Heading {
            level,
            id: _,
            classes: _,
            attrs: _,
        }) => Some(Event::Start(Tag::Heading {
            level: lower(level),
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(lower(level)))),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            // An e-mail autolink (`<a@b.cz>`) becomes `mailto:` when written out.
            let keep = if link_type == LinkType::Email {
                !dest_url.contains(':')
            } else {
                safe_link(&dest_url)
            };
            dropped_links.push(!keep);
            keep.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link) => {
            if dropped_links.pop().unwrap_or(false) {
                None
            } else {
                Some(Event::End(TagEnd::Link))
            }
        }
        Event::Start(Tag::Image { .. }) => {
            in_image += 1;
            None
        }
        Event::End(TagEnd::Image) => {
            in_image = in_image.saturating_sub(1);
            None
        }
        Event::Text(text) if in_image > 0 => Some(Event::Text(text)),
        other => Some(other),
    });
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// `text` as blocks for a printed document: paragraphs, list items and headings as plain text
/// (emphasis dropped, a link as its text with its address in brackets, an image as its
/// description).
pub(crate) fn to_blocks(text: &str) -> Vec<souhra_docs::plan::Block> {
    use souhra_docs::plan::{Block, BlockKind};
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut kind = BlockKind::Paragraph;
    let mut link: Option<String> = None;
    let flush = |current: &mut String, kind: BlockKind, blocks: &mut Vec<Block>| {
        let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            blocks.push(Block { kind, text });
        }
        current.clear();
    };
    for event in Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Heading { .. }) => kind = BlockKind::Heading,
            Event::Start(Tag::Item) => {
                flush(&mut current, kind, &mut blocks);
                kind = BlockKind::Item;
            }
            Event::Start(Tag::Paragraph) if kind != BlockKind::Item => kind = BlockKind::Paragraph,
            Event::End(
                TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::TableRow,
            ) => {
                flush(&mut current, kind, &mut blocks);
                kind = BlockKind::Paragraph;
            }
            Event::Start(Tag::Link { dest_url, .. }) => link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = link.take()
                    && safe_link(&url)
                    && !url.starts_with('#')
                    && !url.starts_with('/')
                {
                    current.push_str(&format!(" ({url})"));
                }
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                current.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::End(TagEnd::TableCell) => current.push_str(" | "),
            _ => {}
        }
    }
    flush(&mut current, kind, &mut blocks);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_kept_and_scripts_are_text() {
        let html = to_html(
            "# Vize\n\nText **tučně** a <script>alert(1)</script> \
             <img src=x onerror=alert(2)>\n\n- a\n- b\n",
        );
        assert!(html.contains("<h3>Vize</h3>"), "{html}");
        assert!(html.contains("<strong>tučně</strong>"));
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(2)&gt;"),
            "{html}"
        );
        assert!(!html.contains("<script") && !html.contains("<img"));
        assert!(html.contains("<li>a</li>"));
    }

    #[test]
    fn blocks_for_print_keep_the_text_and_drop_the_markup() {
        use souhra_docs::plan::BlockKind;
        let blocks = to_blocks(
            "# Nadpis\n\nText **tučně** a [web](https://nepomuk.cz).\n\n- první\n- druhá\n\n<b>syrové</b>",
        );
        let got: Vec<(BlockKind, &str)> =
            blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (BlockKind::Heading, "Nadpis"),
                (
                    BlockKind::Paragraph,
                    "Text tučně a web (https://nepomuk.cz)."
                ),
                (BlockKind::Item, "první"),
                (BlockKind::Item, "druhá"),
                (BlockKind::Paragraph, "<b>syrové</b>"),
            ]
        );
    }

    #[test]
    fn only_safe_links_stay_links() {
        let html = to_html(
            "[web](https://nepomuk.cz) [zlé](javascript:alert(1)) [data](data:text/html,x) \
             [tady](/nepomuk/sluzby) [pryč](//evil.example) ![obrázek](https://x.example/a.png)",
        );
        assert!(
            html.contains("<a href=\"https://nepomuk.cz\">web</a>"),
            "{html}"
        );
        assert!(html.contains("<a href=\"/nepomuk/sluzby\">tady</a>"));
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(!html.contains("href=\"data:") && !html.contains("href=\"//evil"));
        assert!(html.contains("zlé") && html.contains("obrázek"));
        assert!(!html.contains("<img"));
    }
}
