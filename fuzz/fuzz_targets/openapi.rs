//! The explorer's schema loader: OpenAPI text → the operations, parameters and search index the
//! explorer shows (`Spec::parse`, which resolves `$ref`s). Seed: the recorded schema.
//! Property: an `Err` or a spec, never a panic (or an endless `$ref` loop).
#![no_main]

use libfuzzer_sys::fuzz_target;
use treeherder_explorer::explorer::spec::{Source, Spec};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(spec) = Spec::parse(text.to_string(), Source::Live) {
        let words = vec!["job".to_string()];
        for op in &spec.operations {
            let _ = op.match_hint(&words);
        }
    }
});
