//! Markdown from the schema (written by whoever wrote the server), rendered safely: parsed with
//! pulldown-cmark into our own small tree and drawn as DOM nodes. Raw HTML is shown as literal
//! text, never parsed; links keep their target only when it is http(s) or a page anchor.

use leptos::prelude::*;
use pulldown_cmark::{Event, Parser, Tag};

/// A node of rendered Markdown.
#[derive(Clone, Debug, PartialEq)]
pub enum Md {
    Text(String),
    Code(String),
    Break,
    Element(MdTag, Vec<Md>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum MdTag {
    Paragraph,
    Heading(u8),
    Quote,
    CodeBlock,
    List(Option<u64>),
    Item,
    Emphasis,
    Strong,
    Strike,
    /// A link: its target when safe, else `None` (drawn as text).
    Link(Option<String>, String),
    /// Anything else (tables, footnotes, images…): its content, unstyled.
    Plain,
}

/// A link target that cannot run code or leave for an unexpected scheme.
pub fn safe_link(dest: &str) -> Option<String> {
    let d = dest.trim();
    let lower: String = d.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return crate::hallway::links::safe_href(d);
    }
    // In-page anchors only; no relative paths that a browser might resolve to other schemes.
    (d.starts_with('#') && !d.contains(['"', '<', '>'])).then(|| d.to_string())
}

pub fn parse(text: &str) -> Vec<Md> {
    let mut stack: Vec<(MdTag, Vec<Md>)> = vec![(MdTag::Plain, Vec::new())];
    let push = |stack: &mut Vec<(MdTag, Vec<Md>)>, node: Md| {
        if let Some((_, children)) = stack.last_mut() {
            children.push(node);
        }
    };
    for event in Parser::new(text) {
        match event {
            Event::Start(tag) => {
                let t = match tag {
                    Tag::Paragraph => MdTag::Paragraph,
                    Tag::Heading { level, .. } => MdTag::Heading(level as u8),
                    Tag::BlockQuote(_) => MdTag::Quote,
                    Tag::CodeBlock(_) => MdTag::CodeBlock,
                    Tag::List(start) => MdTag::List(start),
                    Tag::Item => MdTag::Item,
                    Tag::Emphasis => MdTag::Emphasis,
                    Tag::Strong => MdTag::Strong,
                    Tag::Strikethrough => MdTag::Strike,
                    Tag::Link { dest_url, title, .. } => MdTag::Link(safe_link(&dest_url), title.to_string()),
                    _ => MdTag::Plain,
                };
                stack.push((t, Vec::new()));
            }
            Event::End(_) => {
                if stack.len() > 1 {
                    let (tag, children) = stack.pop().unwrap_or((MdTag::Plain, Vec::new()));
                    push(&mut stack, Md::Element(tag, children));
                }
            }
            Event::Text(t) | Event::InlineMath(t) | Event::DisplayMath(t) => push(&mut stack, Md::Text(t.to_string())),
            // Raw HTML is shown as what it is: text.
            Event::Html(t) | Event::InlineHtml(t) => push(&mut stack, Md::Code(t.to_string())),
            Event::Code(t) => push(&mut stack, Md::Code(t.to_string())),
            Event::SoftBreak => push(&mut stack, Md::Text(" ".into())),
            Event::HardBreak => push(&mut stack, Md::Break),
            Event::Rule => push(&mut stack, Md::Break),
            Event::FootnoteReference(t) => push(&mut stack, Md::Text(format!("[{t}]"))),
            Event::TaskListMarker(done) => push(&mut stack, Md::Text(if done { "[x] " } else { "[ ] " }.into())),
        }
    }
    while stack.len() > 1 {
        let (tag, children) = stack.pop().unwrap_or((MdTag::Plain, Vec::new()));
        push(&mut stack, Md::Element(tag, children));
    }
    stack.pop().map(|(_, c)| c).unwrap_or_default()
}

fn render(nodes: Vec<Md>) -> AnyView {
    nodes
        .into_iter()
        .map(|n| match n {
            Md::Text(t) => t.into_any(),
            Md::Code(t) => view! { <code>{t}</code> }.into_any(),
            Md::Break => view! { <br/> }.into_any(),
            Md::Element(tag, children) => {
                let inner = render(children);
                match tag {
                    MdTag::Paragraph => view! { <p>{inner}</p> }.into_any(),
                    MdTag::Heading(1 | 2) => view! { <h4>{inner}</h4> }.into_any(),
                    MdTag::Heading(_) => view! { <h5>{inner}</h5> }.into_any(),
                    MdTag::Quote => view! { <blockquote>{inner}</blockquote> }.into_any(),
                    MdTag::CodeBlock => view! { <pre><code>{inner}</code></pre> }.into_any(),
                    MdTag::List(None) => view! { <ul>{inner}</ul> }.into_any(),
                    MdTag::List(Some(start)) => view! { <ol start=start.to_string()>{inner}</ol> }.into_any(),
                    MdTag::Item => view! { <li>{inner}</li> }.into_any(),
                    MdTag::Emphasis => view! { <em>{inner}</em> }.into_any(),
                    MdTag::Strong => view! { <strong>{inner}</strong> }.into_any(),
                    MdTag::Strike => view! { <del>{inner}</del> }.into_any(),
                    MdTag::Link(Some(href), title) if href.starts_with('#') => view! {
                        <a href=super::target::here(href) title=(!title.is_empty()).then_some(title)>{inner}</a>
                    }
                    .into_any(),
                    MdTag::Link(Some(href), title) => view! {
                        <a href=href title=(!title.is_empty()).then_some(title) target="_blank" rel="noopener noreferrer nofollow">{inner}</a>
                    }
                    .into_any(),
                    MdTag::Link(None, _) => view! { <span class="unsafe-link" title="Link removed: not an http(s) address">{inner}</span> }.into_any(),
                    MdTag::Plain => view! { <span>{inner}</span> }.into_any(),
                }
            }
        })
        .collect_view()
        .into_any()
}

/// Markdown text, drawn safely.
#[component]
pub fn Markdown(#[prop(into)] text: String) -> impl IntoView {
    view! { <div class="markdown">{render(parse(&text))}</div> }
}
