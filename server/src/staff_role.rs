//! What a staff member of the customer centre may do: a leaf, so the staff login
//! (`staff_oidc`) and the staff sessions (`staff`) both name it without importing each other.

use serde::{Deserialize, Serialize};

/// What a staff member may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Handles cases.
    Saksbehandler,
    /// Also reassigns cases, reads the audit log and the numbers.
    Leder,
}

impl Role {
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Saksbehandler => "saksbehandler",
            Role::Leder => "leder",
        }
    }

    pub fn parse(name: &str) -> Option<Role> {
        [Role::Saksbehandler, Role::Leder]
            .into_iter()
            .find(|r| r.as_str() == name)
    }
}
