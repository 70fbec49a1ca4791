//! `localStorage`, where it exists: private modes and sandboxed iframes may refuse it, and the
//! app must work without it.

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

pub fn set(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        if storage.set_item(key, value).is_err() {
            log::warn!("could not save {key}: storage is full or refused");
        }
    }
}

pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
