-- The outbox worker claims the oldest unsent notifications (ORDER BY id). Indexed by
-- next_attempt_ms, the planner walked the whole table in id order instead, sent rows and
-- all, on every claim: slower with every notification ever sent. Keyed by id and holding
-- only the unsent rows, the index is what the claim walks.
DROP INDEX notifications_due;
CREATE INDEX notifications_pending ON notifications (id) WHERE sent_at_ms IS NULL;
