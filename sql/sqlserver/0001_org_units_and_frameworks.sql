-- 0001: org units through time, frameworks and their immutable versions, targets.
-- Batches are separated by GO lines; the runner applies the whole script in one transaction.

-- Authorities, clusters, centres, hubs... one table; an authority is the unit whose type is 'Authority'.
CREATE TABLE dbo.org_units (
    code            NVARCHAR(64)  NOT NULL CONSTRAINT pk_org_units PRIMARY KEY,
    name            NVARCHAR(256) NOT NULL,
    type            NVARCHAR(32)  NOT NULL,
    authority_code  NVARCHAR(64)  NOT NULL,
    gss_code        NVARCHAR(16)  NULL,
    opened_on       DATE          NULL,
    closed_on       DATE          NULL,
    -- Where a closed or merged unit's history now belongs (no foreign key: a batch may name a successor it adds later).
    successor_code  NVARCHAR(64)  NULL
);
GO

CREATE INDEX ix_org_units_authority ON dbo.org_units (authority_code);
GO

-- Which parent a unit had over a span of dates (open-ended when valid_to is null).
CREATE TABLE dbo.org_unit_links (
    id           BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_org_unit_links PRIMARY KEY,
    child_code   NVARCHAR(64) NOT NULL CONSTRAINT fk_org_unit_links_child REFERENCES dbo.org_units (code),
    parent_code  NVARCHAR(64) NOT NULL CONSTRAINT fk_org_unit_links_parent REFERENCES dbo.org_units (code),
    valid_from   DATE NULL,
    valid_to     DATE NULL,
    CONSTRAINT ck_org_unit_links_not_self CHECK (child_code <> parent_code)
);
GO

CREATE INDEX ix_org_unit_links_child ON dbo.org_unit_links (child_code);
CREATE INDEX ix_org_unit_links_parent ON dbo.org_unit_links (parent_code);
GO

CREATE TABLE dbo.frameworks (
    code             NVARCHAR(64)  NOT NULL CONSTRAINT pk_frameworks PRIMARY KEY,
    name             NVARCHAR(256) NOT NULL,
    authority_code   NVARCHAR(64)  NOT NULL,
    description      NVARCHAR(MAX) NOT NULL CONSTRAINT df_frameworks_description DEFAULT (N''),
    returning_level  NVARCHAR(32)  NOT NULL
);
GO

-- A stored version is never rewritten: definition_json (measures and rules) and content_sha256 are fixed once written.
CREATE TABLE dbo.framework_versions (
    framework_code   NVARCHAR(64)      NOT NULL CONSTRAINT fk_framework_versions_framework REFERENCES dbo.frameworks (code),
    version          INT               NOT NULL,
    effective_from   DATE              NOT NULL,
    effective_to     DATE              NULL,
    scheme           NVARCHAR(32)      NOT NULL,
    notes            NVARCHAR(MAX)     NOT NULL CONSTRAINT df_framework_versions_notes DEFAULT (N''),
    content_sha256   CHAR(64)          NOT NULL,
    definition_json  NVARCHAR(MAX)     NOT NULL,
    stored_at        DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT pk_framework_versions PRIMARY KEY (framework_code, version),
    CONSTRAINT ck_framework_versions_json CHECK (ISJSON(definition_json) = 1)
);
GO

-- The main columns of each measure, for querying; definition_json is the source of truth.
CREATE TABLE dbo.measures (
    framework_code        NVARCHAR(64)  NOT NULL,
    version               INT           NOT NULL,
    code                  NVARCHAR(64)  NOT NULL,
    ordinal               INT           NOT NULL,
    title                 NVARCHAR(512) NOT NULL,
    unit                  NVARCHAR(32)  NOT NULL,
    rate_per              INT           NULL,
    polarity              NVARCHAR(32)  NOT NULL,
    aggregation           NVARCHAR(32)  NOT NULL,
    frequency             NVARCHAR(32)  NOT NULL,
    cumulative            BIT           NOT NULL,
    decimals              INT           NOT NULL,
    ci_method             NVARCHAR(32)  NOT NULL,
    disclosure_threshold  INT           NULL,
    group_name            NVARCHAR(128) NULL,
    is_required           BIT           NOT NULL,
    reported_at           NVARCHAR(32)  NULL,
    CONSTRAINT pk_measures PRIMARY KEY (framework_code, version, code),
    CONSTRAINT fk_measures_version FOREIGN KEY (framework_code, version) REFERENCES dbo.framework_versions (framework_code, version)
);
GO

-- org_unit_code null: the framework default. Applies to periods starting within [valid_from, valid_to].
CREATE TABLE dbo.targets (
    id              BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_targets PRIMARY KEY,
    framework_code  NVARCHAR(64)  NOT NULL CONSTRAINT fk_targets_framework REFERENCES dbo.frameworks (code),
    measure_code    NVARCHAR(64)  NOT NULL,
    org_unit_code   NVARCHAR(64)  NULL CONSTRAINT fk_targets_org_unit REFERENCES dbo.org_units (code),
    valid_from      DATE          NULL,
    valid_to        DATE          NULL,
    value           DECIMAL(19, 6) NOT NULL,
    stretch         DECIMAL(19, 6) NULL,
    tolerance       DECIMAL(19, 6) NOT NULL,
    tolerance_kind  NVARCHAR(32)  NOT NULL,
    source          NVARCHAR(32)  NOT NULL,
    set_on          DATE          NULL,
    set_by          NVARCHAR(256) NULL
);
GO

CREATE INDEX ix_targets_framework ON dbo.targets (framework_code, measure_code);
GO
