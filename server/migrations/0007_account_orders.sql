-- Orders by customer-portal accounts (registered contact persons, SPEC §4): services
-- without terms to accept may be ordered by an account. Such an order has no person:
-- `ordered_by_fnr` is '' and `ordered_by_account` names the account; a person's order
-- has account 0. Idempotency keys are unique per orderer, whichever kind.

ALTER TABLE orders ADD COLUMN ordered_by_account INTEGER NOT NULL DEFAULT 0;
DROP INDEX orders_idempotency;
CREATE UNIQUE INDEX orders_idempotency ON orders (ordered_by_fnr, ordered_by_account, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
