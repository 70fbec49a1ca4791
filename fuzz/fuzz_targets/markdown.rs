//! The Markdown renderer of the explorer (schema descriptions come from whichever server a URL
//! names). Properties: no panic; every link it keeps is http(s) or an in-page anchor.
#![no_main]

use libfuzzer_sys::fuzz_target;
use treeherder_explorer::explorer::markdown::{parse, Md, MdTag};

fn check(nodes: &[Md]) {
    for node in nodes {
        if let Md::Element(tag, children) = node {
            if let MdTag::Link(Some(href), _) = tag {
                let lower = href.to_ascii_lowercase();
                assert!(
                    lower.starts_with("https://") || lower.starts_with("http://") || href.starts_with('#'),
                    "unsafe link kept: {href:?}"
                );
            }
            check(children);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    check(&parse(text));
});
