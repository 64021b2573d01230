-- A notification that carries a secret (a login code, a password-reset link): its body
-- is emptied once SMTP has taken it, so the secret is not kept in the database (issue 13.7).
ALTER TABLE notifications ADD COLUMN secret INTEGER NOT NULL DEFAULT 0;
UPDATE notifications SET body = '' WHERE sent_at_ms IS NOT NULL AND delivered_via = 'smtp'
    AND (subject LIKE 'Sikkerhetskode%' OR subject LIKE 'Security code%' OR subject LIKE 'Nytt passord%' OR subject LIKE 'New password%');
