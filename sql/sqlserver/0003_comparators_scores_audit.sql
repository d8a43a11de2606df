-- 0003: published comparator values, computed scores, and the audit log.

CREATE TABLE dbo.comparators (
    id              BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_comparators PRIMARY KEY,
    indicator_code  NVARCHAR(128)  NOT NULL,
    area_code       NVARCHAR(16)   NOT NULL,
    area_name       NVARCHAR(256)  NOT NULL,
    level           NVARCHAR(32)   NOT NULL,
    period_key      NVARCHAR(32)   NOT NULL,
    period_type     NVARCHAR(32)   NOT NULL,
    period_start    DATE           NOT NULL,
    period_end      DATE           NOT NULL,
    breakdown       NVARCHAR(128)  NOT NULL,
    value           DECIMAL(19, 6) NULL,
    numerator       DECIMAL(19, 6) NULL,
    denominator     DECIMAL(19, 6) NULL,
    suppression     NVARCHAR(16)   NULL,
    CONSTRAINT uq_comparators UNIQUE (indicator_code, area_code, breakdown, period_type, period_start, period_end)
);
GO

CREATE TABLE dbo.scores (
    id                       BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_scores PRIMARY KEY,
    framework_code           NVARCHAR(64)   NOT NULL CONSTRAINT fk_scores_framework REFERENCES dbo.frameworks (code),
    measure_code             NVARCHAR(64)   NOT NULL,
    org_unit_code            NVARCHAR(64)   NOT NULL CONSTRAINT fk_scores_org_unit REFERENCES dbo.org_units (code),
    period_key               NVARCHAR(32)   NOT NULL,
    period_type              NVARCHAR(32)   NOT NULL,
    period_start             DATE           NOT NULL,
    period_end               DATE           NOT NULL,
    actual                   DECIMAL(19, 6) NULL,
    numerator                DECIMAL(19, 6) NULL,
    denominator              DECIMAL(19, 6) NULL,
    suppression_reason       NVARCHAR(16)   NULL,
    target                   DECIMAL(19, 6) NULL,
    status                   NVARCHAR(16)   NOT NULL,
    direction_from_previous  NVARCHAR(32)   NOT NULL,
    direction_from_last_year NVARCHAR(32)   NOT NULL,
    previous_value           DECIMAL(19, 6) NULL,
    lower_ci                 DECIMAL(19, 6) NULL,
    upper_ci                 DECIMAL(19, 6) NULL,
    comparator               DECIMAL(19, 6) NULL,
    compared_with_england    NVARCHAR(32)   NOT NULL,
    explanation              NVARCHAR(MAX)  NOT NULL,
    commentary               NVARCHAR(MAX)  NULL,
    CONSTRAINT uq_scores UNIQUE (framework_code, measure_code, org_unit_code, period_type, period_start, period_end)
);
GO

-- Who changed what, when and why. old_value/new_value are JSON.
CREATE TABLE dbo.audit_log (
    id          BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_audit_log PRIMARY KEY,
    changed_by  NVARCHAR(256)     NOT NULL,
    changed_at  DATETIMEOFFSET(7) NOT NULL,
    table_name  NVARCHAR(128)     NOT NULL,
    row_key     NVARCHAR(400)     NOT NULL,
    old_value   NVARCHAR(MAX)     NULL,
    new_value   NVARCHAR(MAX)     NULL,
    reason      NVARCHAR(1000)    NOT NULL
);
GO

CREATE INDEX ix_audit_log_row ON dbo.audit_log (table_name, row_key);
GO
