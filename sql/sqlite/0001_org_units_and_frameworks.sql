-- 0001: org units through time, frameworks and their immutable versions, targets.
-- Dates are ISO 'yyyy-MM-dd' TEXT; decimals are TEXT (exact: '51.05', never a REAL 51.04999...).

-- Authorities, clusters, centres, hubs... one table; an authority is the unit whose type is 'Authority'.
CREATE TABLE org_units (
    code            TEXT NOT NULL PRIMARY KEY,
    name            TEXT NOT NULL,
    type            TEXT NOT NULL,
    authority_code  TEXT NOT NULL,
    gss_code        TEXT NULL,
    opened_on       TEXT NULL,
    closed_on       TEXT NULL,
    -- Where a closed or merged unit's history now belongs (no foreign key: a batch may name a successor it adds later).
    successor_code  TEXT NULL
);

CREATE INDEX ix_org_units_authority ON org_units (authority_code);

-- Which parent a unit had over a span of dates (open-ended when valid_to is null).
CREATE TABLE org_unit_links (
    id           INTEGER NOT NULL PRIMARY KEY,
    child_code   TEXT NOT NULL REFERENCES org_units (code),
    parent_code  TEXT NOT NULL REFERENCES org_units (code),
    valid_from   TEXT NULL,
    valid_to     TEXT NULL,
    CHECK (child_code <> parent_code)
);

CREATE INDEX ix_org_unit_links_child ON org_unit_links (child_code);
CREATE INDEX ix_org_unit_links_parent ON org_unit_links (parent_code);

CREATE TABLE frameworks (
    code             TEXT NOT NULL PRIMARY KEY,
    name             TEXT NOT NULL,
    authority_code   TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    returning_level  TEXT NOT NULL
);

-- A stored version is never rewritten: definition_json (measures and rules) and content_sha256 are fixed once written.
CREATE TABLE framework_versions (
    framework_code   TEXT NOT NULL REFERENCES frameworks (code),
    version          INTEGER NOT NULL,
    effective_from   TEXT NOT NULL,
    effective_to     TEXT NULL,
    scheme           TEXT NOT NULL,
    notes            TEXT NOT NULL DEFAULT '',
    content_sha256   TEXT NOT NULL,
    definition_json  TEXT NOT NULL,
    stored_at        TEXT NOT NULL,
    PRIMARY KEY (framework_code, version)
);

-- The main columns of each measure, for querying; definition_json is the source of truth.
CREATE TABLE measures (
    framework_code        TEXT NOT NULL,
    version               INTEGER NOT NULL,
    code                  TEXT NOT NULL,
    ordinal               INTEGER NOT NULL,
    title                 TEXT NOT NULL,
    unit                  TEXT NOT NULL,
    rate_per              INTEGER NULL,
    polarity              TEXT NOT NULL,
    aggregation           TEXT NOT NULL,
    frequency             TEXT NOT NULL,
    cumulative            INTEGER NOT NULL,
    decimals              INTEGER NOT NULL,
    ci_method             TEXT NOT NULL,
    disclosure_threshold  INTEGER NULL,
    group_name            TEXT NULL,
    is_required           INTEGER NOT NULL,
    reported_at           TEXT NULL,
    PRIMARY KEY (framework_code, version, code),
    FOREIGN KEY (framework_code, version) REFERENCES framework_versions (framework_code, version)
);

-- org_unit_code null: the framework default. Applies to periods starting within [valid_from, valid_to].
CREATE TABLE targets (
    id              INTEGER NOT NULL PRIMARY KEY,
    framework_code  TEXT NOT NULL REFERENCES frameworks (code),
    measure_code    TEXT NOT NULL,
    org_unit_code   TEXT NULL REFERENCES org_units (code),
    valid_from      TEXT NULL,
    valid_to        TEXT NULL,
    value           TEXT NOT NULL,
    stretch         TEXT NULL,
    tolerance       TEXT NOT NULL,
    tolerance_kind  TEXT NOT NULL,
    source          TEXT NOT NULL,
    set_on          TEXT NULL,
    set_by          TEXT NULL
);

CREATE INDEX ix_targets_framework ON targets (framework_code, measure_code);
