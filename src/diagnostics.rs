//! What long-running checks read from the page: the size of the WebAssembly heap (the Rust side's
//! linear memory), which a browser's "JS heap" figure does not include. Linear memory only grows,
//! so a size that stays put over hours of live updates means nothing accumulates.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The global the soak bench calls: `__treeherderExplorerWasmBytes()`.
pub const MEMORY_PROBE: &str = "__treeherderExplorerWasmBytes";

/// Bytes of linear memory now.
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |b| b.byte_length() as f64)
}

pub fn expose_memory_probe() {
    let probe = Closure::<dyn Fn() -> f64>::new(wasm_memory_bytes);
    let _ = js_sys::Reflect::set(&js_sys::global(), &MEMORY_PROBE.into(), probe.as_ref());
    // Lives as long as the page.
    probe.forget();
}
