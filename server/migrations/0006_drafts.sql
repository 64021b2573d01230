-- Drafts (SPEC §5, issue 6): the answers as the user goes, per user, organisation and
-- service, so an expired session loses nothing. Stored like orders (same database, same
-- care); deleted when the order is submitted, and after the retention period.

CREATE TABLE drafts (
    -- Who: 'p:' + SHA-256 of the fødselsnummer for a person, 'a:' + id for an account
    -- (the number itself is not needed to find one's draft).
    owner_key        TEXT NOT NULL,
    service          TEXT NOT NULL,
    orgnr            TEXT NOT NULL,
    step             INTEGER NOT NULL,
    answers_json     TEXT NOT NULL,
    -- The order's idempotency key: every tab that resumes the draft submits with it, so
    -- two tabs end in one order.
    idempotency_key  TEXT NOT NULL,
    updated_at_ms    INTEGER NOT NULL,
    PRIMARY KEY (owner_key, service, orgnr)
);
CREATE INDEX drafts_updated ON drafts (updated_at_ms);
