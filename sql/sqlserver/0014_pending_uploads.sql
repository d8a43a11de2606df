-- 0014: uploads validated and waiting for "Confirm import", held in the store (not one web server's memory) so that
-- any server sharing the store can confirm them and a restart does not forget them. A row is one user's file, keyed by
-- the user and the file's SHA-256 (nobody else can confirm or download it): the exact bytes that were checked, the
-- problems found (JSON), the framework a .csv was checked against, and when it was kept and when it expires
-- (Outcomes:Uploads:PendingMinutes). Confirming deletes the row as it claims it, so a file is imported once.
-- Times are UTC; id orders rows kept in the same instant (the oldest go first when the held total is capped).
CREATE TABLE dbo.pending_uploads (
    id              BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_pending_uploads PRIMARY KEY,
    user_id         BIGINT            NOT NULL CONSTRAINT fk_pending_uploads_user REFERENCES dbo.users (id) ON DELETE CASCADE,
    sha256          CHAR(64)          NOT NULL,
    file_name       NVARCHAR(400)     NOT NULL,
    byte_count      BIGINT            NOT NULL,
    file_bytes      VARBINARY(MAX)    NOT NULL,
    issues_json     NVARCHAR(MAX)     NOT NULL,
    framework_code  NVARCHAR(64)      NULL,
    created_at      DATETIMEOFFSET(7) NOT NULL,
    expires_at      DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT uq_pending_uploads_user_sha256 UNIQUE (user_id, sha256)
);
GO

CREATE INDEX ix_pending_uploads_expires ON dbo.pending_uploads (expires_at);
GO

CREATE INDEX ix_pending_uploads_created ON dbo.pending_uploads (created_at, id);
GO
