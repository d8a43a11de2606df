-- 0002: returns, their versions (with the file each came from) and the observations each version holds.

-- One return per framework x org unit x period; its versions are the submissions over time.
CREATE TABLE dbo.returns (
    id              BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_returns PRIMARY KEY,
    framework_code  NVARCHAR(64)      NOT NULL CONSTRAINT fk_returns_framework REFERENCES dbo.frameworks (code),
    org_unit_code   NVARCHAR(64)      NOT NULL CONSTRAINT fk_returns_org_unit REFERENCES dbo.org_units (code),
    period_key      NVARCHAR(32)      NOT NULL,
    period_type     NVARCHAR(32)      NOT NULL,
    period_start    DATE              NOT NULL,
    period_end      DATE              NOT NULL,
    status          NVARCHAR(32)      NOT NULL,
    created_at      DATETIMEOFFSET(7) NOT NULL,
    updated_at      DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT uq_returns UNIQUE (framework_code, org_unit_code, period_type, period_start, period_end)
);
GO

CREATE TABLE dbo.return_versions (
    id                 BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_return_versions PRIMARY KEY,
    return_id          BIGINT            NOT NULL CONSTRAINT fk_return_versions_return REFERENCES dbo.returns (id),
    version_number     INT               NOT NULL,
    framework_version  INT               NOT NULL,
    source_file_name   NVARCHAR(400)     NOT NULL,
    sha256             CHAR(64)          NOT NULL,
    submitted_by       NVARCHAR(256)     NOT NULL,
    submitted_at       DATETIMEOFFSET(7) NOT NULL,
    status             NVARCHAR(32)      NOT NULL,
    file_bytes         VARBINARY(MAX)    NOT NULL,
    CONSTRAINT uq_return_versions_number UNIQUE (return_id, version_number),
    CONSTRAINT uq_return_versions_sha256 UNIQUE (return_id, sha256)
);
GO

-- A value or a suppression with its reason (value null): never a zero standing in for "not published".
CREATE TABLE dbo.observations (
    id                  BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_observations PRIMARY KEY,
    return_version_id   BIGINT         NOT NULL CONSTRAINT fk_observations_version REFERENCES dbo.return_versions (id),
    org_unit_code       NVARCHAR(64)   NOT NULL CONSTRAINT fk_observations_org_unit REFERENCES dbo.org_units (code),
    period_key          NVARCHAR(32)   NOT NULL,
    period_type         NVARCHAR(32)   NOT NULL,
    period_start        DATE           NOT NULL,
    period_end          DATE           NOT NULL,
    measure_code        NVARCHAR(64)   NOT NULL,
    value               DECIMAL(19, 6) NULL,
    numerator           DECIMAL(19, 6) NULL,
    denominator         DECIMAL(19, 6) NULL,
    suppression_reason  NVARCHAR(16)   NULL,
    commentary          NVARCHAR(MAX)  NULL,
    dq_flag             NVARCHAR(64)   NULL,
    CONSTRAINT uq_observations UNIQUE (return_version_id, org_unit_code, measure_code, period_type, period_start, period_end)
);
GO

CREATE INDEX ix_observations_unit_measure ON dbo.observations (org_unit_code, measure_code, period_start);
GO
