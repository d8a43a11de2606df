-- 0008: who may sign in and what they may do. A user holds roles, each over an org unit and its subtree (an
-- authority's code covers the authority). Personal API tokens are kept only as a SHA-256 of the token.
CREATE TABLE users (
    id               INTEGER NOT NULL PRIMARY KEY,
    user_name        TEXT NOT NULL COLLATE NOCASE,
    display_name     TEXT NOT NULL,
    password_hash    TEXT NULL,
    failed_attempts  INTEGER NOT NULL DEFAULT 0,
    locked_until     TEXT NULL,
    created_at       TEXT NOT NULL,
    CONSTRAINT uq_users_user_name UNIQUE (user_name)
);

CREATE TABLE role_assignments (
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('Administrator', 'PerformanceOfficer', 'Approver', 'BoardMember', 'ScrutinyMember')),
    scope_code  TEXT NOT NULL REFERENCES org_units (code),
    created_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, role, scope_code)
);

CREATE TABLE api_tokens (
    id            INTEGER NOT NULL PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    token_sha256  TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    last_used_at  TEXT NULL,
    revoked_at    TEXT NULL,
    CONSTRAINT uq_api_tokens_sha256 UNIQUE (token_sha256)
);

CREATE INDEX ix_api_tokens_user ON api_tokens (user_id);
