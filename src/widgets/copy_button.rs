use leptos::prelude::*;

/// Copies a text to the clipboard, saying whether it worked.
#[component]
pub fn CopyButton(#[prop(into)] text: Signal<String>, #[prop(into, default = "Copy".into())] label: String) -> impl IntoView {
    let state = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let value = text.get_untracked();
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            state.set(Some(false));
            return;
        };
        let promise = clipboard.write_text(&value);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            state.set(Some(ok));
        });
    };
    let shown = label.clone();
    view! {
        <button type="button" class="btn btn-small copy-button" on:click=copy>
            {move || match state.get() {
                Some(true) => "Copied".to_string(),
                Some(false) => "Copy failed: select the text".to_string(),
                None => shown.clone(),
            }}
        </button>
    }
}
