-- Personal data kept only where it must be (issue 13):

-- The orderer is known by the keyed hash of the fødselsnummer (`Sealer::protect_fnr`), as
-- the acceptances already were; `orders::protect_old_orderers` converts the existing rows at
-- start (SQL does not hold the key). The idempotency index follows the rename.
ALTER TABLE orders RENAME COLUMN ordered_by_fnr TO ordered_by_key;

-- Owner keys become keyed hashes too (`CurrentUser::owner_key`). The old unsalted ones
-- cannot be converted without the number: drafts and uploads no order took are dropped
-- (a user loses at most an unfinished form), pending signings with them end.
DELETE FROM drafts WHERE owner_key LIKE 'p:%';
DELETE FROM attachments WHERE owner_key LIKE 'p:%' AND order_reference IS NULL;
DELETE FROM signings WHERE owner_key LIKE 'p:%';

-- A signed signing's answers (with the signer's number) are stored in its order, masked.
UPDATE signings SET order_json = json_set(order_json, '$.answers', json('{}'))
    WHERE outcome = 'signed';

-- Sessions past their end are deleted with the fødselsnummer, name and ID token they hold;
-- only the token's hash stays a day, to tell the user that the time ran out.
CREATE TABLE ended_sessions (
    token_hash   TEXT PRIMARY KEY NOT NULL,
    ended_at_ms  INTEGER NOT NULL
);

-- Access requests keep their old keys: the tilgangsstyrer still sees them all; the
-- requester, who cannot be matched to them without the number, no longer sees her own.

-- The outbox claims a notification before sending it (`outbox::deliver_due`): until this
-- time no other process sends it; a process that died holding it loses it then.
ALTER TABLE notifications ADD COLUMN claimed_until_ms INTEGER;
