//! Markdown (CommonMark + GFM tables) with pulldown-cmark's offset iterator.

use super::ProseRun;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub fn runs(src: &str, body_start: usize) -> Vec<ProseRun> {
    let body = src.get(body_start..).unwrap_or("");
    let mut runs = Vec::new();
    let mut run = ProseRun::default();
    let mut skip = 0usize; // inside code blocks, images, HTML blocks
    let flush = |run: &mut ProseRun, runs: &mut Vec<ProseRun>| {
        if !run.text.trim().is_empty() {
            runs.push(std::mem::take(run));
        } else {
            *run = ProseRun::default();
        }
    };
    let parser = Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    for (event, range) in parser.into_offset_iter() {
        let (s, e) = (range.start + body_start, range.end + body_start);
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock | Tag::MetadataBlock(_)) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)) => {
                skip = skip.saturating_sub(1)
            }
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut run, &mut runs);
                run.heading = true;
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell | Tag::BlockQuote(_))
            | Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell | TagEnd::BlockQuote(_),
            ) => flush(&mut run, &mut runs),
            Event::Text(t) if skip == 0 => {
                let raw = src.get(s..e).unwrap_or("");
                if raw == &*t {
                    run.push_exact(&t, s);
                } else {
                    run.push_mapped(&t, s, e);
                }
            }
            Event::Code(_) if skip == 0 => run.push_mapped("\u{2063}", s, e),
            Event::SoftBreak | Event::HardBreak if skip == 0 => run.push_mapped(" ", s, e),
            _ => {}
        }
    }
    flush(&mut run, &mut runs);
    runs
}
