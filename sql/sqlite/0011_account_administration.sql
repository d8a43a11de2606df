-- 0011: what the users and account pages need. An account can be disabled (kept, with its history, but unable to
-- sign in or use its tokens); its last sign-in is shown to administrators; a personal API token may have an expiry.
ALTER TABLE users ADD COLUMN disabled_at TEXT NULL;
ALTER TABLE users ADD COLUMN last_signed_in_at TEXT NULL;
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT NULL;
