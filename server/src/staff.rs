//! The customer centre's staff: their sessions, apart from customers' in every way — their
//! own table, their own cookie (`bp_staff`, sent only to `/api/staff`), their own
//! middleware. A customer's session never reaches a staff endpoint (`require_staff` reads
//! only the staff cookie), and a staff session is no customer's (`auth::require_session`
//! reads only the customer cookie, and the browser never sends the staff one there).

use crate::db::Db;
use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

use crate::auth::{cookie_value, hash_token, new_token};
use crate::db::cases::Actor;
use crate::error::ApiError;
use crate::now_ms;
pub use crate::staff_role::Role;
use crate::state::AppState;

pub const STAFF_COOKIE: &str = "bp_staff";

/// A working day's session: staff log in again the next morning.
const STAFF_SESSION_MS: i64 = 10 * 3600 * 1000;

/// The staff member of a request.
#[derive(Clone, Debug)]
pub struct StaffUser {
    pub token_hash: String,
    pub subject: String,
    pub name: String,
    pub role: Role,
}

impl StaffUser {
    /// The staff member as the case history names them.
    pub fn actor(&self) -> Actor<'_> {
        Actor {
            subject: &self.subject,
            name: &self.name,
        }
    }
}

/// Starts a staff session; its cookie.
pub async fn start(
    state: &AppState,
    subject: &str,
    name: &str,
    role: Role,
) -> Result<HeaderValue, ApiError> {
    let token = new_token()?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    sqlx::query(
        "INSERT INTO staff_sessions (token_hash, subject, name, role, created_at_ms, expires_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(hash_token(&token))
    .bind(subject)
    .bind(name)
    .bind(role.as_str())
    .bind(now)
    .bind(now + STAFF_SESSION_MS)
    .execute(&mut *tx)
    .await?;
    // Known from now on, for a leder to assign cases to.
    sqlx::query(
        "INSERT INTO staff_members (subject, name, role, last_login_ms) VALUES ($1, $2, $3, $4)
         ON CONFLICT (subject) DO UPDATE SET name = excluded.name, role = excluded.role,
             last_login_ms = excluded.last_login_ms",
    )
    .bind(subject)
    .bind(name)
    .bind(role.as_str())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(crate::auth::cookie(
        STAFF_COOKIE,
        &token,
        "Path=/api/staff; HttpOnly; SameSite=Strict",
        state.config.secure_cookies,
    )?)
}

/// A colleague in the customer centre, as a leder assigns cases to them.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Member {
    pub subject: String,
    pub name: String,
}

/// Everyone who has logged in as staff, by name.
pub async fn members(db: &Db) -> Result<Vec<Member>, sqlx::Error> {
    sqlx::query_as("SELECT subject, name FROM staff_members ORDER BY name, subject")
        .fetch_all(db)
        .await
}

/// Ends a staff session.
pub async fn end(db: &Db, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM staff_sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}

/// Middleware for the staff endpoints: 401 without a live staff session.
pub async fn require_staff(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let token = cookie_value(request.headers(), STAFF_COOKIE).ok_or(ApiError::Unauthenticated)?;
    let token_hash = hash_token(&token);
    let row: Option<(String, String, String)> = sqlx::query_as(
        "SELECT subject, name, role FROM staff_sessions WHERE token_hash = $1 AND expires_at_ms > $2",
    )
    .bind(&token_hash)
    .bind(now_ms())
    .fetch_optional(&state.db)
    .await?;
    let Some((subject, name, role)) = row else {
        return Err(ApiError::Unauthenticated);
    };
    let role = Role::parse(&role).ok_or(ApiError::broken("a staff session's role"))?;
    request.extensions_mut().insert(StaffUser {
        token_hash,
        subject,
        name,
        role,
    });
    Ok(next.run(request).await)
}
