-- An order's status is one of `common::OrderStatus`, enforced by the database. SQLite
-- cannot add a CHECK to an existing table without rebuilding it (and the tables that
-- reference it), so two triggers make the same check on every insert and update; they
-- fail with SQLite's own "CHECK constraint failed" message. The customer centre's
-- reason for Avvist and Trenger avklaring is kept with the status.

-- HelseID's test approval was written as 'godkjent' (by hand: no code set a status):
-- in `OrderStatus` an approved test environment order is Fullført.
UPDATE orders SET status = 'fullfort' WHERE status = 'godkjent';
UPDATE orders SET status = 'mottatt'
WHERE status NOT IN ('mottatt', 'under_behandling', 'trenger_avklaring', 'fullfort', 'avvist');

ALTER TABLE orders ADD COLUMN status_reason TEXT;
ALTER TABLE orders ADD COLUMN status_changed_at_ms INTEGER;

CREATE TRIGGER orders_status_check_insert BEFORE INSERT ON orders
WHEN NEW.status NOT IN ('mottatt', 'under_behandling', 'trenger_avklaring', 'fullfort', 'avvist')
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: orders.status'); END;

CREATE TRIGGER orders_status_check_update BEFORE UPDATE OF status ON orders
WHEN NEW.status NOT IN ('mottatt', 'under_behandling', 'trenger_avklaring', 'fullfort', 'avvist')
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: orders.status'); END;
