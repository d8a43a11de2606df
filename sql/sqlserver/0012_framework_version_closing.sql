-- 0012: a version's closing date is not part of its content. A stored version's measures and rules never change, but
-- the latest open version may be closed (effective_to set once) when the next version is loaded with it.
-- definition_sha256 is the hash of the content without effective_to, compared when a version is offered again;
-- content_sha256 stays the hash of the row as it stands (recomputed when a version is closed).
-- Rows stored before 0012 have none: they are compared by their stored definition, and given one when closed.
ALTER TABLE dbo.framework_versions ADD definition_sha256 CHAR(64) NULL;
