//! The root component: shared state (language, API client, session clock), the page
//! frame (skip link, header, footer) and the router.

use common::i18n::t;
use leptos::prelude::*;
use leptos_router::Lazy;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::Api;
use crate::components::frame::{Footer, Header};
use crate::components::session_warning::SessionWarning;
use crate::i18n::{starting_lang, tr};
use crate::lazy_pages::*;
use crate::pages::{
    journey::{Journey, Landing},
    not_found::NotFound,
    portal_login::PortalLogin,
};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(starting_lang());
    provide_context(lang);
    let api = Api::new(lang);
    if crate::in_browser() {
        api.start_ticking();
        api.start_tab_sync();
    }
    provide_context(api);
    // Keep <html lang> true to the language shown, for screen readers and hyphenation.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().tag());
        }
    });
    view! {
        <Router>
            <a class="ds-skip-link" href="#main">{tr(t::SKIP_TO_MAIN)}</a>
            <Header/>
            <main id="main" class="bp-main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Landing/>
                    <Route path=path!("/skjema/:service") view=Journey/>
                    <Route path=path!("/testinnlogging") view={Lazy::<TestLoginPage>::new()}/>
                    <Route path=path!("/testsignering") view={Lazy::<TestLoginPage>::new()}/>
                    <Route path=path!("/kvittering/:reference") view={Lazy::<ReceiptRoute>::new()}/>
                    <Route path=path!("/innlogging-feilet") view={Lazy::<LoginFailedPage>::new()}/>
                    <Route path=path!("/utvikling/postkasse") view={Lazy::<MailboxPage>::new()}/>
                    <Route path=path!("/kundeportal") view={Lazy::<ServicesPage>::new()}/>
                    <Route path=path!("/kundeportal/konto") view={Lazy::<AccountPage>::new()}/>
                    <Route path=path!("/kundeportal/kundeinformasjon") view={Lazy::<CustomerPage>::new()}/>
                    <Route path=path!("/kundeportal/dokumenter") view={Lazy::<DocumentsPage>::new()}/>
                    <Route path=path!("/kundeportal/bestillinger") view={Lazy::<OrdersPage>::new()}/>
                    <Route path=path!("/kundeportal/bestillinger/:reference") view={Lazy::<ConversationPage>::new()}/>
                    <Route path=path!("/kundeportal/brukerstotte") view={Lazy::<HelpPage>::new()}/>
                    <Route path=path!("/kundeportal/persontjenesten") view={Lazy::<PersontjenestenPage>::new()}/>
                    <Route path=path!("/kundeportal/helseid") view={Lazy::<HelseIdPage>::new()}/>
                    <Route path=path!("/kundeportal/innlogging") view=PortalLogin/>
                    <Route path=path!("/kundeportal/glemt-passord") view={Lazy::<ForgotPasswordPage>::new()}/>
                    <Route path=path!("/kundeportal/nytt-passord") view={Lazy::<ResetPasswordPage>::new()}/>
                    <Route path=path!("/kundesenter") view={Lazy::<QueuePage>::new()}/>
                    <Route path=path!("/kundesenter/innlogging") view={Lazy::<StaffLoginPage>::new()}/>
                    <Route path=path!("/kundesenter/sak/:reference") view={Lazy::<CaseRoute>::new()}/>
                    <Route path=path!("/kundesenter/tall") view={Lazy::<NumbersPage>::new()}/>
                    <Route path=path!("/kundesenter/logg") view={Lazy::<AuditLogPage>::new()}/>
                </Routes>
            </main>
            <Footer/>
            <SessionWarning/>
            <FocusOnNavigation/>
        </Router>
    }
}

/// After a move to another page inside the app, keyboard focus goes to the main content,
/// where a screen reader starts reading and the next Tab goes on from — not to the body,
/// where it would start from the top. (Not the page's heading: a page still loading its
/// data may replace the one shown first, and focus would fall back to the body.)
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            crate::components::focus_by_id("main".to_owned());
        }
        path
    });
}
