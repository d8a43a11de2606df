-- 0014: uploads validated and waiting for "Confirm import", held in the store (not one web server's memory) so that
-- any server sharing the store can confirm them and a restart does not forget them. A row is one user's file, keyed by
-- the user and the file's SHA-256 (nobody else can confirm or download it): the exact bytes that were checked, the
-- problems found (JSON), the framework a .csv was checked against, and when it was kept and when it expires
-- (Outcomes:Uploads:PendingMinutes). Confirming deletes the row as it claims it, so a file is imported once.
-- Times are UTC; id orders rows kept in the same instant (the oldest go first when the held total is capped).
CREATE TABLE pending_uploads (
    id              INTEGER NOT NULL PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sha256          TEXT NOT NULL,
    file_name       TEXT NOT NULL,
    byte_count      INTEGER NOT NULL,
    file_bytes      BLOB NOT NULL,
    issues_json     TEXT NOT NULL,
    framework_code  TEXT NULL,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    CONSTRAINT uq_pending_uploads_user_sha256 UNIQUE (user_id, sha256)
);

CREATE INDEX ix_pending_uploads_expires ON pending_uploads (expires_at);
CREATE INDEX ix_pending_uploads_created ON pending_uploads (created_at, id);
