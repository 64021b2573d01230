-- Sessions, orders and the evidence of accepted documents.

CREATE TABLE sessions (
    -- SHA-256 of the cookie's token: a stolen database does not yield live cookies.
    token_hash     TEXT PRIMARY KEY NOT NULL,
    fodselsnummer  TEXT NOT NULL,
    name           TEXT NOT NULL,
    eid            TEXT NOT NULL,
    created_at_ms  INTEGER NOT NULL,
    expires_at_ms  INTEGER NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires_at_ms);

CREATE TABLE orders (
    id               INTEGER PRIMARY KEY,
    reference        TEXT NOT NULL CONSTRAINT orders_reference_unique UNIQUE,
    service          TEXT NOT NULL,
    orgnr            TEXT NOT NULL,
    org_name         TEXT NOT NULL,
    ordered_by_name  TEXT NOT NULL,
    ordered_by_fnr   TEXT NOT NULL,
    eid              TEXT NOT NULL,
    answers_json     TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'mottatt',
    submitted_at_ms  INTEGER NOT NULL
);
CREATE INDEX orders_orgnr ON orders (orgnr);

-- Append-only evidence: who accepted which exact text, for which organisation, when.
CREATE TABLE acceptances (
    id               INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES orders (id),
    document_id      TEXT NOT NULL,
    title            TEXT NOT NULL,
    version          TEXT NOT NULL,
    sha256           TEXT NOT NULL,
    accepted_by_fnr  TEXT NOT NULL,
    accepted_by_name TEXT NOT NULL,
    eid              TEXT NOT NULL,
    orgnr            TEXT NOT NULL,
    accepted_at_ms   INTEGER NOT NULL
);
CREATE INDEX acceptances_order ON acceptances (order_id);
CREATE TRIGGER acceptances_no_update BEFORE UPDATE ON acceptances
BEGIN SELECT RAISE(ABORT, 'acceptances are append-only'); END;
CREATE TRIGGER acceptances_no_delete BEFORE DELETE ON acceptances
BEGIN SELECT RAISE(ABORT, 'acceptances are append-only'); END;
