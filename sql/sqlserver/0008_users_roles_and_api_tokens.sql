-- 0008: who may sign in and what they may do. A user holds roles, each over an org unit and its subtree (an
-- authority's code covers the authority). Personal API tokens are kept only as a SHA-256 of the token.
-- user_name is unique without regard to case through the database's default (case-insensitive) collation.
CREATE TABLE dbo.users (
    id               BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_users PRIMARY KEY,
    user_name        NVARCHAR(256)     NOT NULL,
    display_name     NVARCHAR(256)     NOT NULL,
    password_hash    NVARCHAR(512)     NULL,
    failed_attempts  INT               NOT NULL CONSTRAINT df_users_failed_attempts DEFAULT 0,
    locked_until     DATETIMEOFFSET(7) NULL,
    created_at       DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT uq_users_user_name UNIQUE (user_name)
);
GO

CREATE TABLE dbo.role_assignments (
    user_id     BIGINT            NOT NULL CONSTRAINT fk_role_assignments_user REFERENCES dbo.users (id) ON DELETE CASCADE,
    role        NVARCHAR(32)      NOT NULL CONSTRAINT ck_role_assignments_role
                    CHECK (role IN (N'Administrator', N'PerformanceOfficer', N'Approver', N'BoardMember', N'ScrutinyMember')),
    scope_code  NVARCHAR(64)      NOT NULL CONSTRAINT fk_role_assignments_scope REFERENCES dbo.org_units (code),
    created_at  DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT pk_role_assignments PRIMARY KEY (user_id, role, scope_code)
);
GO

CREATE TABLE dbo.api_tokens (
    id            BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_api_tokens PRIMARY KEY,
    user_id       BIGINT            NOT NULL CONSTRAINT fk_api_tokens_user REFERENCES dbo.users (id) ON DELETE CASCADE,
    name          NVARCHAR(256)     NOT NULL,
    token_sha256  CHAR(64)          NOT NULL,
    created_at    DATETIMEOFFSET(7) NOT NULL,
    last_used_at  DATETIMEOFFSET(7) NULL,
    revoked_at    DATETIMEOFFSET(7) NULL,
    CONSTRAINT uq_api_tokens_sha256 UNIQUE (token_sha256)
);
GO

CREATE INDEX ix_api_tokens_user ON dbo.api_tokens (user_id);
GO
