//! An order's status, from the moment it is stored until the customer centre has carried
//! it out or turned it down, and which moves between them the customer centre may make.

use serde::{Deserialize, Serialize};

use crate::i18n::{Text, t};

/// Where an order is in NHN's handling. Stored and sent as its snake_case name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// Stored, not yet looked at: every order starts here.
    Mottatt,
    /// A case handler is working on it.
    UnderBehandling,
    /// The customer centre waits for the customer to correct or add something.
    TrengerAvklaring,
    /// Carried out (for HelseID's test environment: the solution is approved).
    Fullfort,
    /// Turned down, with a reason.
    Avvist,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 5] = [
        OrderStatus::Mottatt,
        OrderStatus::UnderBehandling,
        OrderStatus::TrengerAvklaring,
        OrderStatus::Fullfort,
        OrderStatus::Avvist,
    ];

    /// The name in the database and on the wire ("under_behandling").
    pub const fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Mottatt => "mottatt",
            OrderStatus::UnderBehandling => "under_behandling",
            OrderStatus::TrengerAvklaring => "trenger_avklaring",
            OrderStatus::Fullfort => "fullfort",
            OrderStatus::Avvist => "avvist",
        }
    }

    /// The status called `name`, or `None` for anything else.
    pub fn parse(name: &str) -> Option<OrderStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// What users read ("Under behandling").
    pub const fn label(self) -> Text {
        match self {
            OrderStatus::Mottatt => t::STATUS_MOTTATT,
            OrderStatus::UnderBehandling => t::STATUS_UNDER_BEHANDLING,
            OrderStatus::TrengerAvklaring => t::STATUS_TRENGER_AVKLARING,
            OrderStatus::Fullfort => t::STATUS_FULLFORT,
            OrderStatus::Avvist => t::STATUS_AVVIST,
        }
    }

    /// Whether the customer centre may move an order from this status to `to`. A case is
    /// taken before it is completed; a clarification goes back into handling when the
    /// customer has answered; Fullført and Avvist are final (a new order starts anew).
    pub const fn can_move_to(self, to: OrderStatus) -> bool {
        use OrderStatus::*;
        matches!(
            (self, to),
            (Mottatt, UnderBehandling | TrengerAvklaring | Avvist)
                | (UnderBehandling, TrengerAvklaring | Fullfort | Avvist)
                | (TrengerAvklaring, UnderBehandling | Avvist)
        )
    }

    /// Whether moving to this status needs a reason the customer is told.
    pub const fn needs_reason(self) -> bool {
        matches!(self, OrderStatus::TrengerAvklaring | OrderStatus::Avvist)
    }

    /// Whether the order still counts for the organisation: it has the service, or is
    /// getting it. Only a refused order does not ("Aktive tjenester", once-only services).
    pub const fn counts_for_the_organisation(self) -> bool {
        !matches!(self, OrderStatus::Avvist)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_round_trip_through_text_and_json() {
        for status in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(status.as_str()), Some(status));
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
            assert_eq!(serde_json::from_str::<OrderStatus>(&json).unwrap(), status);
        }
        assert_eq!(OrderStatus::parse("godkjent"), None);
        assert_eq!(OrderStatus::parse("Mottatt"), None);
    }

    #[test]
    fn a_case_moves_only_forward_and_ends_in_fullfort_or_avvist() {
        use OrderStatus::*;
        assert!(Mottatt.can_move_to(UnderBehandling));
        assert!(UnderBehandling.can_move_to(Fullfort));
        assert!(TrengerAvklaring.can_move_to(UnderBehandling));
        // Not completed without being taken, never back to the start, nothing after the end.
        assert!(!Mottatt.can_move_to(Fullfort));
        assert!(!TrengerAvklaring.can_move_to(Fullfort));
        for from in OrderStatus::ALL.into_iter().filter(|s| *s != Mottatt) {
            assert!(!from.can_move_to(Mottatt), "{from:?}");
        }
        for end in [Fullfort, Avvist] {
            for to in OrderStatus::ALL {
                assert!(!end.can_move_to(to), "{end:?} → {to:?}");
            }
        }
        for status in OrderStatus::ALL {
            assert!(!status.can_move_to(status), "{status:?} stays");
        }
        assert!(Avvist.needs_reason() && TrengerAvklaring.needs_reason());
        assert!(!Fullfort.needs_reason());
    }
}
