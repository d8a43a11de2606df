-- 0010: board and scrutiny packs asked for through the web, made one by one in the background. A row is the request,
-- its progress (a stage people can read and a percentage) and, once done, where the PDF and workbook were written
-- (paths relative to the configured packs folder, with their sizes and the PDF's page count). The files themselves
-- stay on disk, not in the store: they can be made again from the stored scores and would only swell the database.
CREATE TABLE dbo.pack_jobs (
    id               BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_pack_jobs PRIMARY KEY,
    kind             NVARCHAR(16)      NOT NULL CONSTRAINT ck_pack_jobs_kind CHECK (kind IN (N'board', N'scrutiny')),
    framework_code   NVARCHAR(64)      NOT NULL CONSTRAINT fk_pack_jobs_framework REFERENCES dbo.frameworks (code),
    org_unit_code    NVARCHAR(64)      NOT NULL CONSTRAINT fk_pack_jobs_org_unit REFERENCES dbo.org_units (code),
    authority_code   NVARCHAR(64)      NOT NULL,
    period_key       NVARCHAR(32)      NOT NULL,
    requested_by     NVARCHAR(256)     NOT NULL,
    requested_at     DATETIMEOFFSET(7) NOT NULL,
    status           NVARCHAR(16)      NOT NULL CONSTRAINT ck_pack_jobs_status CHECK (status IN (N'queued', N'running', N'done', N'failed')),
    progress_stage   NVARCHAR(200)     NOT NULL,
    progress_percent INT               NOT NULL CONSTRAINT df_pack_jobs_percent DEFAULT 0 CONSTRAINT ck_pack_jobs_percent CHECK (progress_percent BETWEEN 0 AND 100),
    started_at       DATETIMEOFFSET(7) NULL,
    finished_at      DATETIMEOFFSET(7) NULL,
    error_message    NVARCHAR(2000)    NULL,
    pdf_path         NVARCHAR(400)     NULL,
    pdf_bytes        BIGINT            NULL,
    xlsx_path        NVARCHAR(400)     NULL,
    xlsx_bytes       BIGINT            NULL,
    page_count       INT               NULL
);
GO

CREATE INDEX ix_pack_jobs_authority ON dbo.pack_jobs (authority_code, id);
GO

CREATE INDEX ix_pack_jobs_status ON dbo.pack_jobs (status, id);
GO
