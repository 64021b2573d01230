-- The order an account's organisations were registered in, as a column of its own:
-- PostgreSQL has no rowid to sort by (the schemas of both databases stay alike).
ALTER TABLE account_organisations ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE account_organisations SET position = rowid;
