-- 0016: the framework version a return is recorded against now. return_versions.framework_version stays the version
-- each file was made under (what was submitted is never rewritten); when a load closes a version, a return that is
-- not locked for a period after the closing date moves to the next version here, audited, and needs resubmitting
-- when it lacks a measure the next version requires or carries one it does not ask for.
-- Returns stored before 0016 are recorded against the version of their latest file.
ALTER TABLE dbo.returns ADD framework_version INT NULL;
GO

UPDATE r
SET framework_version = rv.framework_version
FROM dbo.returns r
JOIN dbo.return_versions rv ON rv.return_id = r.id
WHERE rv.version_number = (SELECT MAX(v.version_number) FROM dbo.return_versions v WHERE v.return_id = r.id);
