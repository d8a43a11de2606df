-- 0005: the original bytes of every uploaded file, kept once by SHA-256.
-- A long CSV or a wide workbook holds many returns; each return version keeps a canonical text of its own figures
-- (so an unchanged quarter in a re-sent file is recognised) and points here at the file the person actually sent.
CREATE TABLE uploads (
    id           INTEGER NOT NULL PRIMARY KEY,
    file_name    TEXT NOT NULL,
    format       TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    byte_count   INTEGER NOT NULL,
    uploaded_by  TEXT NOT NULL,
    uploaded_at  TEXT NOT NULL,
    file_bytes   BLOB NOT NULL,
    CONSTRAINT uq_uploads_sha256 UNIQUE (sha256)
);

ALTER TABLE return_versions ADD COLUMN upload_id INTEGER NULL REFERENCES uploads (id);
