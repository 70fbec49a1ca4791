use leptos::prelude::*;
use treeherder_client::Error;

/// What failed, in words, with a way to try again. Text only: server messages never become
/// markup.
#[component]
pub fn ErrorBanner(
    /// What the app was doing ("Loading repositories").
    #[prop(into)]
    context: String,
    error: Error,
    #[prop(optional, into)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let title = format!("{context} failed: {}", error.title());
    let message = error.to_string();
    view! {
        <div class="error-banner" role="alert" data-error-kind=error_kind(&error)>
            <div class="error-text">
                <strong class="error-title">{title}</strong>
                <span class="error-message">{message}</span>
            </div>
            {on_retry.map(|retry| view! {
                <button class="btn" type="button" on:click=move |_| retry.run(())>"Retry"</button>
            })}
        </div>
    }
}

/// A short notice (warnings that are not failures).
#[component]
pub fn Notice(#[prop(into)] text: String) -> impl IntoView {
    view! { <div class="notice" role="status">{text}</div> }
}

/// A stable name of the error's kind, for tests and styling.
fn error_kind(error: &Error) -> &'static str {
    use treeherder_client::ErrorKind::*;
    match &error.kind {
        Http { .. } => "http",
        Timeout { .. } => "timeout",
        Network { .. } => "network",
        Decode { .. } => "decode",
        ClockSkew { .. } => "clock-skew",
        InvalidInput(_) => "invalid",
        Incomplete { .. } => "incomplete",
    }
}
