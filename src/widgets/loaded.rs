//! Data a panel loads on its own, drawn in its three states: loading (a spinner), failed (the
//! error with Retry) and loaded.
//!
//! The resource is type-erased: `LocalResource` is generic over its fetcher and its value, and
//! each instantiation costs ~3 KB of wasm in the chunk that uses it (plus its future's poll).
//! Erased, every panel shares one; only the fetch and the drawing are its own.

use std::any::Any;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use treeherder_client::Error;

use super::{ErrorBanner, Spinner};

type Value = Result<Arc<dyn Any + Send + Sync>, Error>;
type Fetch = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Value>>>>;
type Draw = Box<dyn Fn(&dyn Any) -> Option<AnyView> + Send>;

/// A panel's data; `fetch` runs again when a signal it reads changes, or on Retry.
#[derive(Clone, Copy)]
pub struct Loaded(LocalResource<Value>);

impl Loaded {
    pub fn new<T, F>(fetch: impl Fn() -> F + 'static) -> Loaded
    where
        T: Send + Sync + 'static,
        F: Future<Output = Result<T, Error>> + 'static,
    {
        Loaded::erased(Box::new(move || {
            let pending = fetch();
            Box::pin(async move { pending.await.map(|v| Arc::new(v) as Arc<dyn Any + Send + Sync>) })
        }))
    }

    fn erased(fetch: Fetch) -> Loaded {
        Loaded(LocalResource::new(fetch))
    }

    /// The three states, `draw` for the loaded one. `context` names what failed ("Loading the
    /// failure summary").
    pub fn view<T: 'static>(self, context: &'static str, loading: Option<&'static str>, draw: impl Fn(&T) -> AnyView + 'static) -> AnyView {
        // Drawn on the page's one thread only: the wrapper vouches for that (leptos wants `Send`).
        let draw = send_wrapper::SendWrapper::new(draw);
        self.erased_view(context, loading, Box::new(move |value| value.downcast_ref::<T>().map(|v| (*draw)(v))))
    }

    fn erased_view(self, context: &'static str, loading: Option<&'static str>, draw: Draw) -> AnyView {
        let resource = self.0;
        (move || match resource.get() {
            None => match loading {
                Some(label) => view! { <Spinner label=Signal::stored(label.to_string())/> }.into_any(),
                None => view! { <Spinner/> }.into_any(),
            },
            Some(Err(error)) => view! { <ErrorBanner context error on_retry=Callback::new(move |_| resource.refetch())/> }.into_any(),
            Some(Ok(value)) => draw(value.as_ref()).unwrap_or_else(|| ().into_any()),
        })
        .into_any()
    }
}
