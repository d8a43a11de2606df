-- 0005: the original bytes of every uploaded file, kept once by SHA-256.
-- A long CSV or a wide workbook holds many returns; each return version keeps a canonical text of its own figures
-- (so an unchanged quarter in a re-sent file is recognised) and points here at the file the person actually sent.
CREATE TABLE dbo.uploads (
    id           BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_uploads PRIMARY KEY,
    file_name    NVARCHAR(400)     NOT NULL,
    format       NVARCHAR(32)      NOT NULL,
    sha256       CHAR(64)          NOT NULL,
    byte_count   BIGINT            NOT NULL,
    uploaded_by  NVARCHAR(256)     NOT NULL,
    uploaded_at  DATETIMEOFFSET(7) NOT NULL,
    file_bytes   VARBINARY(MAX)    NOT NULL,
    CONSTRAINT uq_uploads_sha256 UNIQUE (sha256)
);
GO

ALTER TABLE dbo.return_versions ADD upload_id BIGINT NULL CONSTRAINT fk_return_versions_upload REFERENCES dbo.uploads (id);
GO
