//! The pages that are not entry pages, loaded when the user first goes to their area:
//! every one is a lazy route whose view is drawn by its area's wasm-split point
//! (`xtask/src/split.rs`), so the landing page, the journey and the customer-portal login
//! do not download the portal, the back office, the receipt or the mailbox.

use leptos::prelude::*;
use leptos_router::LazyRoute;

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

/// Lazy routes loaded together as one area, each module a wasm-split point: one lazy
/// function per area draws any of its pages. Per page was tried first: 103 modules,
/// whose import tables and poor compression in small files made the whole app 1.5× the
/// unsplit size; an area a user walks through arrives in one request instead.
/// `lazy_area! { function: PageEnum { RouteName => Component, … } }`.
macro_rules! lazy_area {
    ($area:ident: $which:ident { $($route:ident => $page:ident),* $(,)? }) => {
        /// A page of the area, named as its route.
        #[derive(Debug, Clone, Copy)]
        #[allow(clippy::enum_variant_names)]
        pub enum $which { $($route),* }

        #[lazy]
        fn $area(page: $which) -> AnyView {
            match page {
                $($which::$route => view! { <$page/> }.into_any()),*
            }
        }

        $(
            #[derive(Debug)]
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_this: Self) -> AnyView {
                    $area($which::$route).await
                }
            }
        )*
    };
}

// Everything a customer may go to after the entry pages, in one module: the portal,
// the receipt, the mailbox, the password pages. Three areas were tried: their shared
// code went into a chunk for every combination (16 files), and the whole app was
// 14.5 kB brotli larger than with these in one.
lazy_area! { customer_pages: CustomerAreaPage {
    ServicesPage => Services,
    AccountPage => Account,
    CustomerPage => Customer,
    DocumentsPage => Documents,
    OrdersPage => Orders,
    ConversationPage => OrderConversation,
    HelpPage => Help,
    PersontjenestenPage => Persontjenesten,
    HelseIdPage => HelseId,
    TestLoginPage => TestLogin,
    ReceiptRoute => ReceiptPage,
    LoginFailedPage => LoginFailed,
    MailboxPage => Mailbox,
    ForgotPasswordPage => ForgotPassword,
    ResetPasswordPage => ResetPassword,
}}

// The customer centre's: staff only, so no customer downloads it.
lazy_area! { back_office: BackOfficePage {
    QueuePage => Queue,
    StaffLoginPage => StaffLogin,
    CaseRoute => CasePage,
    NumbersPage => Numbers,
    AuditLogPage => AuditLog,
}}
