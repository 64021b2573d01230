-- The customer centre's side (issue 15): staff sessions apart from customers', who has a
-- case, and each case's history — which is also the audit log of staff actions, so it is
-- append-only like the acceptance evidence.

CREATE TABLE staff_sessions (
    -- SHA-256 of the cookie's token, as for customers.
    token_hash     TEXT PRIMARY KEY NOT NULL,
    -- The staff identity provider's subject, and the name it gives.
    subject        TEXT NOT NULL,
    name           TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('saksbehandler', 'leder')),
    created_at_ms  INTEGER NOT NULL,
    expires_at_ms  INTEGER NOT NULL
);

ALTER TABLE orders ADD COLUMN assigned_to TEXT;
ALTER TABLE orders ADD COLUMN assigned_name TEXT;
CREATE INDEX orders_status_id ON orders (status, id);
CREATE INDEX orders_assigned ON orders (assigned_to, id);

CREATE TABLE case_events (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders (id),
    at_ms       INTEGER NOT NULL,
    -- The staff subject (or 'kunde' for the customer), and the name shown.
    actor       TEXT NOT NULL,
    actor_name  TEXT NOT NULL,
    -- viewed | taken | status | note | reply …
    kind        TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_events_order ON case_events (order_id, id);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END;
