-- 0010: board and scrutiny packs asked for through the web, made one by one in the background. A row is the request,
-- its progress (a stage people can read and a percentage) and, once done, where the PDF and workbook were written
-- (paths relative to the configured packs folder, with their sizes and the PDF's page count). The files themselves
-- stay on disk, not in the store: they can be made again from the stored scores and would only swell the database.
CREATE TABLE pack_jobs (
    id               INTEGER NOT NULL PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('board', 'scrutiny')),
    framework_code   TEXT NOT NULL REFERENCES frameworks (code),
    org_unit_code    TEXT NOT NULL REFERENCES org_units (code),
    authority_code   TEXT NOT NULL,
    period_key       TEXT NOT NULL,
    requested_by     TEXT NOT NULL,
    requested_at     TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    progress_stage   TEXT NOT NULL,
    progress_percent INTEGER NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
    started_at       TEXT NULL,
    finished_at      TEXT NULL,
    error_message    TEXT NULL,
    pdf_path         TEXT NULL,
    pdf_bytes        INTEGER NULL,
    xlsx_path        TEXT NULL,
    xlsx_bytes       INTEGER NULL,
    page_count       INTEGER NULL
);

CREATE INDEX ix_pack_jobs_authority ON pack_jobs (authority_code, id);
CREATE INDEX ix_pack_jobs_status ON pack_jobs (status, id);
