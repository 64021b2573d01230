//! The root component: shared state (language, API client, session clock), the page
//! frame (skip link, header, footer) and the router.

use common::i18n::t;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::Api;
use crate::components::frame::{Footer, Header};
use crate::components::session_warning::SessionWarning;
use crate::i18n::{stored_lang, tr};
use crate::pages::{
    journey::{Journey, Landing},
    kundesenter::{AuditLog, CasePage, Numbers, Queue, StaffLogin},
    login::TestLogin,
    login_failed::LoginFailed,
    mailbox::Mailbox,
    not_found::NotFound,
    password_reset::ForgotPassword,
    password_reset::ResetPassword,
    portal::{
        Account, Customer, Documents, Help, HelseId, OrderConversation, Orders, Persontjenesten,
        Services,
    },
    portal_login::PortalLogin,
    receipt::ReceiptPage,
};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(stored_lang());
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
                    <Route path=path!("/testinnlogging") view=TestLogin/>
                    <Route path=path!("/testsignering") view=TestLogin/>
                    <Route path=path!("/kvittering/:reference") view=ReceiptPage/>
                    <Route path=path!("/innlogging-feilet") view=LoginFailed/>
                    <Route path=path!("/utvikling/postkasse") view=Mailbox/>
                    <Route path=path!("/kundeportal") view=Services/>
                    <Route path=path!("/kundeportal/konto") view=Account/>
                    <Route path=path!("/kundeportal/kundeinformasjon") view=Customer/>
                    <Route path=path!("/kundeportal/dokumenter") view=Documents/>
                    <Route path=path!("/kundeportal/bestillinger") view=Orders/>
                    <Route path=path!("/kundeportal/bestillinger/:reference") view=OrderConversation/>
                    <Route path=path!("/kundeportal/brukerstotte") view=Help/>
                    <Route path=path!("/kundeportal/persontjenesten") view=Persontjenesten/>
                    <Route path=path!("/kundeportal/helseid") view=HelseId/>
                    <Route path=path!("/kundeportal/innlogging") view=PortalLogin/>
                    <Route path=path!("/kundeportal/glemt-passord") view=ForgotPassword/>
                    <Route path=path!("/kundeportal/nytt-passord") view=ResetPassword/>
                    <Route path=path!("/kundesenter") view=Queue/>
                    <Route path=path!("/kundesenter/innlogging") view=StaffLogin/>
                    <Route path=path!("/kundesenter/sak/:reference") view=CasePage/>
                    <Route path=path!("/kundesenter/tall") view=Numbers/>
                    <Route path=path!("/kundesenter/logg") view=AuditLog/>
                </Routes>
            </main>
            <Footer/>
            <SessionWarning/>
        </Router>
    }
}
