-- ServiceBus activations by the customer centre (issue 15.5): the username made for the
-- order, where it and the password were sent, by whom and when. Never the password: it
-- went by SMS and exists nowhere here. One per order; append-only like the case history.
CREATE TABLE servicebus_activations (
    order_id          INTEGER PRIMARY KEY NOT NULL REFERENCES orders (id),
    orgnr             TEXT NOT NULL,
    username          TEXT NOT NULL UNIQUE,
    email             TEXT NOT NULL,
    mobile            TEXT NOT NULL,
    activated_at_ms   INTEGER NOT NULL,
    activated_by      TEXT NOT NULL,
    activated_by_name TEXT NOT NULL
);
CREATE INDEX servicebus_activations_orgnr ON servicebus_activations (orgnr);
CREATE TRIGGER servicebus_activations_no_update BEFORE UPDATE ON servicebus_activations
BEGIN SELECT RAISE(ABORT, 'servicebus activations are append-only'); END;
CREATE TRIGGER servicebus_activations_no_delete BEFORE DELETE ON servicebus_activations
BEGIN SELECT RAISE(ABORT, 'servicebus activations are append-only'); END;

-- Staff actions that concern no single case (an export of the queue): the rest of the
-- audit log (issue 15.6), append-only as well.
CREATE TABLE staff_actions (
    id          INTEGER PRIMARY KEY,
    at_ms       INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    actor_name  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER staff_actions_no_update BEFORE UPDATE ON staff_actions
BEGIN SELECT RAISE(ABORT, 'staff actions are append-only'); END;
CREATE TRIGGER staff_actions_no_delete BEFORE DELETE ON staff_actions
BEGIN SELECT RAISE(ABORT, 'staff actions are append-only'); END;

-- Staff log in through their own OpenID provider (issue 15.1): their login attempts are
-- kept apart, so a customer's state never finishes a staff login, nor the other way.
ALTER TABLE login_attempts ADD COLUMN for_staff INTEGER NOT NULL DEFAULT 0;
