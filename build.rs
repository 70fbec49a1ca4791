//! Turns `src/views.json` (the one list of views) into Rust: the `ViewId` enum and the `VIEWS`
//! table that the hallway, the router and the nav bar read. The build hook reads the same file
//! for the boot script and index.html's route pattern, so a route string is written only there.

use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=src/views.json");
    println!("cargo:rerun-if-changed=src/bin");
    let text = std::fs::read_to_string("src/views.json").expect("src/views.json is readable");
    let list: serde_json::Value = serde_json::from_str(&text).expect("src/views.json is JSON");
    let views = list["views"].as_array().expect("src/views.json has a views array");
    let default = list["default"].as_str().expect("src/views.json names the default view");

    let mut ids = String::new();
    let mut table = String::new();
    for view in views {
        let id = view["id"].as_str().expect("each view has an id");
        let path = view["path"].as_str().expect("each view has a path");
        let chunk = view["chunk"].as_str().expect("each view has a chunk");
        assert!(path.starts_with('/') && !path.ends_with('/'), "view path {path:?}: starts with / and does not end with it");
        // Each chunk is a binary of its own: a view in a chunk without one would never load.
        assert!(
            std::path::Path::new(&format!("src/bin/{chunk}.rs")).exists(),
            "src/views.json puts {id} in chunk {chunk}, but src/bin/{chunk}.rs does not exist"
        );
        let nav = match view["nav"].as_str() {
            Some(label) => format!("Some({label:?})"),
            None => "None".to_string(),
        };
        writeln!(ids, "    {id},").unwrap();
        writeln!(table, "    ViewSpec {{ id: ViewId::{id}, path: {path:?}, nav: {nav}, chunk: {chunk:?} }},").unwrap();
    }
    let code = format!(
        "/// A view of the app (one entry of `src/views.json`).\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n\
         pub enum ViewId {{\n{ids}}}\n\n\
         /// Every view, in the nav bar's order.\n\
         pub const VIEWS: &[ViewSpec] = &[\n{table}];\n\n\
         /// The view `/` opens.\n\
         pub const DEFAULT_VIEW: ViewId = ViewId::{default};\n"
    );
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("views.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
