-- ID-porten login: pending login attempts (single use) and what a session needs to log
-- out of ID-porten too.

CREATE TABLE login_attempts (
    -- SHA-256 of the OAuth `state`; the browser that started the attempt holds a cookie
    -- whose hash must match `browser_hash`, so a forwarded callback URL logs nobody in.
    state_hash     TEXT PRIMARY KEY NOT NULL,
    browser_hash   TEXT NOT NULL,
    nonce          TEXT NOT NULL,
    pkce_verifier  TEXT NOT NULL,
    return_to      TEXT NOT NULL,
    created_at_ms  INTEGER NOT NULL
);

ALTER TABLE sessions ADD COLUMN acr TEXT;
ALTER TABLE sessions ADD COLUMN id_token TEXT;
