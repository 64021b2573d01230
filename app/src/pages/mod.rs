//! One module per page.

pub mod journey;
pub mod kundesenter;
pub mod login;
pub mod login_failed;
pub mod mailbox;
pub mod not_found;
pub mod password_reset;
pub mod portal;
pub mod portal_login;
pub mod receipt;

use common::i18n::t;
use leptos::prelude::*;

use crate::api::ApiClientError;
use crate::i18n::tr;

/// A problem talking to the server, said plainly; what the user typed is kept.
#[component]
pub fn ProblemAlert(
    #[prop(into)] problem: Signal<Option<ApiClientError>>,
    #[prop(into)] login_href: Signal<String>,
    /// The login link's text: ID-porten's for customers, the staff login's in the back office.
    #[prop(default = t::LOGIN_BUTTON)]
    login_label: common::Text,
) -> impl IntoView {
    move || {
        problem.get().map(|p| {
            let text = match p {
                ApiClientError::Network => t::NETWORK_ERROR,
                ApiClientError::Expired | ApiClientError::Unauthenticated => t::SESSION_EXPIRED,
                _ => t::SERVER_ERROR,
            };
            let relogin = matches!(p, ApiClientError::Expired | ApiClientError::Unauthenticated);
            view! {
                <div class="ds-alert" data-color="danger" role="alert">
                    <p>{tr(text)}</p>
                    {relogin.then(|| view! { <p><a class="ds-link" href=login_href.get() rel="external">{tr(login_label)}</a></p> })}
                </div>
            }
        })
    }
}

/// Where "Logg inn med ID-porten" goes: the server starts the login (ID-porten, or the
/// test login when none is configured) and brings the user back to `return_to`.
pub fn login_href(return_to: &str) -> String {
    format!("/api/auth/login?tilbake={return_to}")
}

/// "Laster …" while a page fetches what it shows.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="bp-loading" role="status">{tr(t::LOADING)}</p> }
}
