//! What long-running checks read from the page: the WebAssembly heap (the Rust side's linear
//! memory), which a browser's "JS heap" figure does not include. Two numbers, because linear
//! memory only grows: its size (what the tab costs) and the bytes Rust holds live in it (what the
//! app keeps). A size that creeps while the live bytes stay put is the allocator's fragmentation,
//! not a leak; live bytes that creep are a leak.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The globals the soak bench calls: `__treeherderExplorerWasmBytes()` (linear memory size) and
/// `__treeherderExplorerLiveBytes()` (bytes allocated and not yet freed).
pub const MEMORY_PROBE: &str = "__treeherderExplorerWasmBytes";
pub const LIVE_PROBE: &str = "__treeherderExplorerLiveBytes";

/// The system allocator, counting the bytes it has handed out and not taken back. One relaxed
/// add per allocation: nothing next to the allocation itself. The binary installs it.
pub struct CountingAllocator;

static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to `System`; only a counter is kept beside it.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            LIVE_BYTES.fetch_add(new_size, Ordering::Relaxed);
            LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        moved
    }
}

/// Bytes allocated through [`CountingAllocator`] and not freed (0 where it is not installed).
pub fn live_heap_bytes() -> f64 {
    LIVE_BYTES.load(Ordering::Relaxed) as f64
}

/// Bytes of linear memory now.
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |b| b.byte_length() as f64)
}

pub fn expose_memory_probe() {
    for (name, read) in [(MEMORY_PROBE, wasm_memory_bytes as fn() -> f64), (LIVE_PROBE, live_heap_bytes)] {
        let probe = Closure::<dyn Fn() -> f64>::new(read);
        let _ = js_sys::Reflect::set(&js_sys::global(), &name.into(), probe.as_ref());
        // Lives as long as the page.
        probe.forget();
    }
}
