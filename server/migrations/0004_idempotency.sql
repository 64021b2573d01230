-- No double orders: a submission carries a key the client made once per order; a second
-- submission with the same key (double-click, retry after a network error, back button
-- after "Fullfør") finds the first order instead of making another.

ALTER TABLE orders ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX orders_idempotency ON orders (ordered_by_fnr, idempotency_key) WHERE idempotency_key IS NOT NULL;
