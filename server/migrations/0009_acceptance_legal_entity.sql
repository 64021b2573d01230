-- Terms accepted once for a legal entity (Persontjenesten: once per municipality) are
-- found by the legal entity the accepting unit belongs to. Old rows predate the rule.
ALTER TABLE acceptances ADD COLUMN legal_entity TEXT NOT NULL DEFAULT '';
CREATE INDEX acceptances_legal_entity ON acceptances (legal_entity, document_id);
