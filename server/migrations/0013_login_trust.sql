-- Addresses a user has completed a full login from (password and code), kept 30 days:
-- there the account-wide delay on attempts does not apply, so a stranger guessing from
-- elsewhere cannot slow the user down at her usual address (issue 13, lock-out as a weapon).
CREATE TABLE login_trust (
    account_key TEXT NOT NULL,
    address     TEXT NOT NULL,
    at_ms       INTEGER NOT NULL,
    PRIMARY KEY (account_key, address)
);
CREATE INDEX login_trust_at ON login_trust (at_ms);
