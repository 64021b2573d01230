-- Who works in the customer centre (issue 15.1/15.3): everyone who has logged in as staff,
-- with the role their last login gave, so a leder can assign a case to a colleague.
CREATE TABLE staff_members (
    subject        TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('saksbehandler', 'leder')),
    last_login_ms  INTEGER NOT NULL
);
INSERT OR IGNORE INTO staff_members (subject, name, role, last_login_ms)
    SELECT subject, name, role, MAX(created_at_ms) FROM staff_sessions GROUP BY subject;

-- The leder's numbers read orders by when they came in.
CREATE INDEX orders_submitted ON orders (submitted_at_ms);
