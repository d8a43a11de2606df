-- 0003: published comparator values, computed scores, and the audit log.

CREATE TABLE comparators (
    id              INTEGER NOT NULL PRIMARY KEY,
    indicator_code  TEXT NOT NULL,
    area_code       TEXT NOT NULL,
    area_name       TEXT NOT NULL,
    level           TEXT NOT NULL,
    period_key      TEXT NOT NULL,
    period_type     TEXT NOT NULL,
    period_start    TEXT NOT NULL,
    period_end      TEXT NOT NULL,
    breakdown       TEXT NOT NULL,
    value           TEXT NULL,
    numerator       TEXT NULL,
    denominator     TEXT NULL,
    suppression     TEXT NULL,
    CONSTRAINT uq_comparators UNIQUE (indicator_code, area_code, breakdown, period_type, period_start, period_end)
);

CREATE TABLE scores (
    id                       INTEGER NOT NULL PRIMARY KEY,
    framework_code           TEXT NOT NULL REFERENCES frameworks (code),
    measure_code             TEXT NOT NULL,
    org_unit_code            TEXT NOT NULL REFERENCES org_units (code),
    period_key               TEXT NOT NULL,
    period_type              TEXT NOT NULL,
    period_start             TEXT NOT NULL,
    period_end               TEXT NOT NULL,
    actual                   TEXT NULL,
    numerator                TEXT NULL,
    denominator              TEXT NULL,
    suppression_reason       TEXT NULL,
    target                   TEXT NULL,
    status                   TEXT NOT NULL,
    direction_from_previous  TEXT NOT NULL,
    direction_from_last_year TEXT NOT NULL,
    previous_value           TEXT NULL,
    lower_ci                 TEXT NULL,
    upper_ci                 TEXT NULL,
    comparator               TEXT NULL,
    compared_with_england    TEXT NOT NULL,
    explanation              TEXT NOT NULL,
    commentary               TEXT NULL,
    CONSTRAINT uq_scores UNIQUE (framework_code, measure_code, org_unit_code, period_type, period_start, period_end)
);

-- Who changed what, when and why. old_value/new_value are JSON.
CREATE TABLE audit_log (
    id          INTEGER NOT NULL PRIMARY KEY,
    changed_by  TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    table_name  TEXT NOT NULL,
    row_key     TEXT NOT NULL,
    old_value   TEXT NULL,
    new_value   TEXT NULL,
    reason      TEXT NOT NULL
);

CREATE INDEX ix_audit_log_row ON audit_log (table_name, row_key);
