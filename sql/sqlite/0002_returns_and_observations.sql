-- 0002: returns, their versions (with the file each came from) and the observations each version holds.

-- One return per framework x org unit x period; its versions are the submissions over time.
CREATE TABLE returns (
    id              INTEGER NOT NULL PRIMARY KEY,
    framework_code  TEXT NOT NULL REFERENCES frameworks (code),
    org_unit_code   TEXT NOT NULL REFERENCES org_units (code),
    period_key      TEXT NOT NULL,
    period_type     TEXT NOT NULL,
    period_start    TEXT NOT NULL,
    period_end      TEXT NOT NULL,
    status          TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CONSTRAINT uq_returns UNIQUE (framework_code, org_unit_code, period_type, period_start, period_end)
);

CREATE TABLE return_versions (
    id                 INTEGER NOT NULL PRIMARY KEY,
    return_id          INTEGER NOT NULL REFERENCES returns (id),
    version_number     INTEGER NOT NULL,
    framework_version  INTEGER NOT NULL,
    source_file_name   TEXT NOT NULL,
    sha256             TEXT NOT NULL,
    submitted_by       TEXT NOT NULL,
    submitted_at       TEXT NOT NULL,
    status             TEXT NOT NULL,
    file_bytes         BLOB NOT NULL,
    CONSTRAINT uq_return_versions_number UNIQUE (return_id, version_number),
    CONSTRAINT uq_return_versions_sha256 UNIQUE (return_id, sha256)
);

-- A value or a suppression with its reason (value null): never a zero standing in for "not published".
CREATE TABLE observations (
    id                  INTEGER NOT NULL PRIMARY KEY,
    return_version_id   INTEGER NOT NULL REFERENCES return_versions (id),
    org_unit_code       TEXT NOT NULL REFERENCES org_units (code),
    period_key          TEXT NOT NULL,
    period_type         TEXT NOT NULL,
    period_start        TEXT NOT NULL,
    period_end          TEXT NOT NULL,
    measure_code        TEXT NOT NULL,
    value               TEXT NULL,
    numerator           TEXT NULL,
    denominator         TEXT NULL,
    suppression_reason  TEXT NULL,
    commentary          TEXT NULL,
    dq_flag             TEXT NULL,
    CONSTRAINT uq_observations UNIQUE (return_version_id, org_unit_code, measure_code, period_type, period_start, period_end)
);

CREATE INDEX ix_observations_unit_measure ON observations (org_unit_code, measure_code, period_start);
