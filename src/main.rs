// Counts live heap bytes for the soak bench (see `diagnostics`).
#[global_allocator]
static ALLOCATOR: treeherder_explorer::diagnostics::CountingAllocator = treeherder_explorer::diagnostics::CountingAllocator;

fn main() {
    // A panic would silently kill the page; at least say why in the console.
    console_error_panic_hook::set_once();
    let _ = console_log::init_with_level(log::Level::Info);
    treeherder_explorer::diagnostics::expose_memory_probe();
    treeherder_explorer::ready::mark("app:start");
    leptos::mount::mount_to_body(treeherder_explorer::App);
}
