-- Signing terms with eID (DDFL, SPEC §4): the signing in progress, the login attempt
-- that belongs to it, the level of every acceptance, and the signed document packages.

-- A signing from "Signer dokument" until the signer is back from the eID login. The
-- order waits here, so a refused signing returns to the form with every answer.
CREATE TABLE signings (
    -- Random; in the URL the browser comes back to (names nothing about anyone).
    id             TEXT PRIMARY KEY NOT NULL,
    -- Whose signing (`CurrentUser::owner_key`): only the user who started it may finish it.
    owner_key      TEXT NOT NULL,
    -- The order as `POST /api/orders` takes it (JSON). Emptied once the order is stored.
    order_json     TEXT NOT NULL,
    -- The fødselsnummer the form names, protected (`Sealer::protect_fnr`): compared with
    -- the signer's, never stored as the number.
    signer_key     TEXT NOT NULL,
    outcome        TEXT NOT NULL DEFAULT 'pending',
    reference      TEXT,
    created_at_ms  INTEGER NOT NULL
);

-- Which signing a login attempt is for; NULL for an ordinary login.
ALTER TABLE login_attempts ADD COLUMN signing_id TEXT;

-- The security level (`acr`) of the login that accepted or signed.
ALTER TABLE acceptances ADD COLUMN acr TEXT NOT NULL DEFAULT '';

-- A signed document package: the sealed PDF exactly as issued, and what it says.
CREATE TABLE signed_packages (
    id             INTEGER PRIMARY KEY,
    reference      TEXT NOT NULL UNIQUE REFERENCES orders (reference),
    orgnr          TEXT NOT NULL,
    document_id    TEXT NOT NULL,
    title          TEXT NOT NULL,
    version        TEXT NOT NULL,
    signer_name    TEXT NOT NULL,
    method         TEXT NOT NULL,
    signed_at_ms   INTEGER NOT NULL,
    pdf            BLOB NOT NULL
);
CREATE INDEX signed_packages_org ON signed_packages (orgnr);
CREATE TRIGGER signed_packages_no_update BEFORE UPDATE ON signed_packages
BEGIN SELECT RAISE(ABORT, 'signed packages are append-only'); END;
CREATE TRIGGER signed_packages_no_delete BEFORE DELETE ON signed_packages
BEGIN SELECT RAISE(ABORT, 'signed packages are append-only'); END;

-- A notification may carry a signed package as its attachment (the copy to e-helse).
ALTER TABLE notifications ADD COLUMN attachment_reference TEXT;
