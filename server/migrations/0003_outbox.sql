-- The notification outbox: every e-mail and SMS is a row written in the same transaction
-- as the business change that causes it, and sent afterwards by a worker with retries.

CREATE TABLE notifications (
    id               INTEGER PRIMARY KEY,
    channel          TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    recipient        TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body             TEXT NOT NULL,
    created_at_ms    INTEGER NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms  INTEGER NOT NULL,
    sent_at_ms       INTEGER,
    -- 'smtp' or 'dev-mailbox': where it went.
    delivered_via    TEXT,
    last_error       TEXT
);
CREATE INDEX notifications_due ON notifications (next_attempt_ms) WHERE sent_at_ms IS NULL;
