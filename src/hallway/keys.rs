//! What every view's keyboard shortcuts share: none fires while the user types in a field.

use wasm_bindgen::JsCast;

/// Whether the key went to an input, a text area, a select or an editable element.
pub fn typing_in_a_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable"))
}
