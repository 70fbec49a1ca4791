//! Where in a JSON document a decode error happened, as a path (`results[1].id`), found from the
//! error's line and column by a small scan of the text. serde_path_to_error gives the same path by
//! wrapping every deserializer, which doubled the decoding code in the wasm (about 60 KB); this is
//! one function, run only when decoding failed.

enum Frame {
    Object { key: Option<String>, expecting_key: bool },
    Array { index: Option<usize>, expecting_value: bool },
}

/// The path of the value at `line`/`column` (serde_json's 1-based line, bytes into the line) in
/// `text`: keys joined by `.`, array indexes in brackets, `""` for the document itself.
pub fn json_path_at(text: &str, line: usize, column: usize) -> String {
    let bytes = text.as_bytes();
    let mut line_start = 0;
    for _ in 1..line {
        match bytes[line_start..].iter().position(|&b| b == b'\n') {
            Some(at) => line_start += at + 1,
            None => break,
        }
    }
    let end = (line_start + column).min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() || b == b':' {
            i += 1;
            continue;
        }
        // A value (or key) starts here: count it in its array.
        if let Some(Frame::Array { index, expecting_value }) = stack.last_mut() {
            if *expecting_value && b != b']' {
                *index = Some(index.map_or(0, |i| i + 1));
                *expecting_value = false;
            }
        }
        match b {
            b'{' => stack.push(Frame::Object { key: None, expecting_key: true }),
            b'[' => stack.push(Frame::Array { index: None, expecting_value: true }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                Some(Frame::Array { expecting_value, .. }) => *expecting_value = true,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, expecting_key }) = stack.last_mut() {
                    if *expecting_key {
                        *key = Some(text.get(start..i.min(bytes.len())).unwrap_or_default().to_string());
                        *expecting_key = false;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array { index: Some(index), .. } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            _ => {}
        }
    }
    path
}

/// The path of a serde_json error in `text`.
pub fn error_path(text: &[u8], error: &serde_json::Error) -> String {
    json_path_at(&String::from_utf8_lossy(text), error.line(), error.column())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let error = serde_json::from_str::<T>(text).unwrap_err();
        error_path(text.as_bytes(), &error)
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Push {
        id: i64,
        revision: String,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct List {
        results: Vec<Push>,
    }

    #[test]
    fn names_keys_and_indexes() {
        assert_eq!(path_of::<List>(r#"{"results": [{"id": 1, "revision": "a"}, {"id": "two", "revision": "b"}]}"#), "results[1].id");
        assert_eq!(path_of::<List>(r#"{"results": {"id": 1}}"#), "results");
        assert_eq!(path_of::<List>("{\n  \"results\": [\n    {\"id\": 1, \"revision\": 7}\n  ]\n}"), "results[0].revision");
        assert_eq!(path_of::<List>(r#"{"results": [{"id": 1}]}"#), "results[0]");
        assert_eq!(path_of::<List>(r#"{"results": [{"id": 1, "revision": "a\"b\\", "x": [1, 2]}, 5]}"#), "results[1]");
        assert_eq!(path_of::<Vec<Vec<i64>>>("[[1, 2], [3, \"four\"]]"), "[1][1]");
        assert_eq!(path_of::<List>("[]"), "");
    }
}
