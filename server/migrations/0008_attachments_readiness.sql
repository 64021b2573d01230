-- Attachments (PDF, checked by content), uploaded before the order and bound to it when
-- the order is stored; Persontjenesten's readiness checklist per organisation; requests
-- for delegated rights to a tilgangsstyrer (seed 003).

CREATE TABLE attachments (
    id               TEXT PRIMARY KEY NOT NULL,
    -- Whose upload (as drafts: the person's fødselsnummer only hashed, or the account).
    owner_key        TEXT NOT NULL,
    name             TEXT NOT NULL,
    size             INTEGER NOT NULL,
    sha256           TEXT NOT NULL,
    bytes            BLOB NOT NULL,
    order_reference  TEXT,
    created_at_ms    INTEGER NOT NULL
);
CREATE INDEX attachments_owner ON attachments (owner_key);
CREATE INDEX attachments_order ON attachments (order_reference);

CREATE TABLE readiness (
    orgnr         TEXT NOT NULL,
    item          TEXT NOT NULL,
    done_by_name  TEXT NOT NULL,
    done_at_ms    INTEGER NOT NULL,
    PRIMARY KEY (orgnr, item)
);

CREATE TABLE access_requests (
    id               INTEGER PRIMARY KEY,
    orgnr            TEXT NOT NULL,
    requester_key    TEXT NOT NULL,
    requester_name   TEXT NOT NULL,
    requester_email  TEXT NOT NULL,
    purposes_json    TEXT NOT NULL,
    message          TEXT NOT NULL,
    tilgangsstyrer   TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'venter' CHECK (status IN ('venter', 'godkjent', 'avslatt')),
    decided_by_name  TEXT,
    created_at_ms    INTEGER NOT NULL,
    decided_at_ms    INTEGER
);
CREATE INDEX access_requests_org ON access_requests (orgnr, status);
