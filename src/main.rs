fn main() {
    // A panic would silently kill the page; at least say why in the console.
    console_error_panic_hook::set_once();
    let _ = console_log::init_with_level(log::Level::Info);
    leptos::mount::mount_to_body(treeherder_explorer::App);
}
