-- Customer-portal accounts (SPEC §1, seed 001): username + password (argon2) + a code by
-- SMS or e-mail. Accounts are created by NHN's customer centre and linked to the
-- organisations they are registered contact persons for.

CREATE TABLE accounts (
    id             INTEGER PRIMARY KEY,
    -- Stored lower-case: usernames are matched without regard to case.
    username       TEXT NOT NULL CONSTRAINT accounts_username_unique UNIQUE,
    name           TEXT NOT NULL,
    email          TEXT,
    mobile         TEXT,
    -- PHC string (argon2id, salt and parameters inside).
    password_hash  TEXT NOT NULL,
    created_at_ms  INTEGER NOT NULL
);

CREATE TABLE account_organisations (
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    orgnr       TEXT NOT NULL,
    PRIMARY KEY (account_id, orgnr)
);

-- Failed password logins, for rate limits that hold across server processes sharing the
-- database: counted per account (by username, also unknown ones, so probing reveals
-- nothing) and per client address. One row per attempt serves both counts, so a single
-- INSERT … WHERE count < limit checks and records atomically.
CREATE TABLE login_failures (
    id           INTEGER PRIMARY KEY,
    account_key  TEXT NOT NULL,
    address      TEXT NOT NULL,
    at_ms        INTEGER NOT NULL
);
CREATE INDEX login_failures_account ON login_failures (account_key, at_ms);
CREATE INDEX login_failures_address ON login_failures (address, at_ms);

-- A login past its password, waiting for the code. The browser holds the token (cookie).
CREATE TABLE pending_logins (
    token_hash     TEXT PRIMARY KEY NOT NULL,
    account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remember       INTEGER NOT NULL,
    codes_sent     INTEGER NOT NULL DEFAULT 0,
    -- The current code: a keyed hash (the pending token is the key), its expiry, and the
    -- wrong guesses so far. A new code replaces the old one.
    code_hash      TEXT,
    code_channel   TEXT,
    code_expires_ms INTEGER,
    code_attempts  INTEGER NOT NULL DEFAULT 0,
    created_at_ms  INTEGER NOT NULL
);

-- "Glemt passordet?": single-use, expiring links.
CREATE TABLE password_resets (
    token_hash     TEXT PRIMARY KEY NOT NULL,
    account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at_ms  INTEGER NOT NULL,
    expires_at_ms  INTEGER NOT NULL,
    used_at_ms     INTEGER
);
CREATE INDEX password_resets_account ON password_resets (account_id, created_at_ms);

-- Sessions now belong to a person (eID: fødselsnummer + eID) or an account, never both.
-- SQLite cannot relax NOT NULL in place: the table is rebuilt (sessions are short-lived).
CREATE TABLE sessions_v2 (
    token_hash     TEXT PRIMARY KEY NOT NULL,
    fodselsnummer  TEXT,
    eid            TEXT,
    account_id     INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    -- The organisation the user acts for now (customer portal).
    orgnr          TEXT,
    -- "Husk meg": the longer lifetime applies.
    remember       INTEGER NOT NULL DEFAULT 0,
    acr            TEXT,
    id_token       TEXT,
    created_at_ms  INTEGER NOT NULL,
    expires_at_ms  INTEGER NOT NULL,
    CHECK ((fodselsnummer IS NOT NULL AND eid IS NOT NULL AND account_id IS NULL)
        OR (fodselsnummer IS NULL AND eid IS NULL AND account_id IS NOT NULL))
);
INSERT INTO sessions_v2 (token_hash, fodselsnummer, eid, name, acr, id_token, created_at_ms, expires_at_ms)
    SELECT token_hash, fodselsnummer, eid, name, acr, id_token, created_at_ms, expires_at_ms FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_v2 RENAME TO sessions;
CREATE INDEX sessions_expires ON sessions (expires_at_ms);
CREATE INDEX sessions_account ON sessions (account_id);
