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
    // What it means first; the browser's own words ("TypeError: Failed to fetch") and the URL
    // stay one click away.
    let meaning = meaning(&error);
    view! {
        <div class="error-banner" role="alert" data-error-kind=error_kind(&error)>
            <div class="error-text">
                <strong class="error-title">{title}</strong>
                {match meaning {
                    Some(meaning) => view! {
                        <span class="error-message">{meaning}</span>
                        <details class="error-detail"><summary>"Details"</summary><span>{message}</span></details>
                    }
                    .into_any(),
                    None => view! { <span class="error-message">{message}</span> }.into_any(),
                }}
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

/// In plain words, for failures whose own message is a browser's or a transport's.
fn meaning(error: &Error) -> Option<&'static str> {
    use treeherder_client::ErrorKind::*;
    match &error.kind {
        Network { .. } => Some(
            "Could not reach the server: it may be down or its address wrong, or it does not allow \
             this page's origin (CORS). Retry, or choose another server in Settings.",
        ),
        Timeout { .. } => Some("The server did not answer in time: it may be busy. Retry in a moment."),
        _ => None,
    }
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
