//! The pages that are not entry pages, each loaded when the user first goes there: every
//! one is a lazy route whose view is a wasm-split point (`xtask/src/split.rs`), so the
//! landing page, the journey and the customer-portal login do not download the portal,
//! the back office, the receipt or the mailbox.

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

use crate::pages::{
    kundesenter::{AuditLog, CasePage, Numbers, Queue, StaffLogin},
    login::TestLogin,
    login_failed::LoginFailed,
    mailbox::Mailbox,
    password_reset::{ForgotPassword, ResetPassword},
    portal::{
        Account, Customer, Documents, Help, HelseId, OrderConversation, Orders, Persontjenesten,
        Services,
    },
    receipt::ReceiptPage,
};

/// A lazy route for each page component: `lazy_page! { RouteName => Component, … }`.
macro_rules! lazy_page {
    ($($route:ident => $page:ident),* $(,)?) => {$(
        #[derive(Debug)]
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }
    )*};
}

lazy_page! {
    TestLoginPage => TestLogin,
    ReceiptRoute => ReceiptPage,
    LoginFailedPage => LoginFailed,
    MailboxPage => Mailbox,
    ServicesPage => Services,
    AccountPage => Account,
    CustomerPage => Customer,
    DocumentsPage => Documents,
    OrdersPage => Orders,
    ConversationPage => OrderConversation,
    HelpPage => Help,
    PersontjenestenPage => Persontjenesten,
    HelseIdPage => HelseId,
    ForgotPasswordPage => ForgotPassword,
    ResetPasswordPage => ResetPassword,
    QueuePage => Queue,
    StaffLoginPage => StaffLogin,
    CaseRoute => CasePage,
    NumbersPage => Numbers,
    AuditLogPage => AuditLog,
}
