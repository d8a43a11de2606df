-- 0016: the framework version a return is recorded against now. return_versions.framework_version stays the version
-- each file was made under (what was submitted is never rewritten); when a load closes a version, a return that is
-- not locked for a period after the closing date moves to the next version here, audited, and needs resubmitting
-- when it lacks a measure the next version requires or carries one it does not ask for.
-- Returns stored before 0016 are recorded against the version of their latest file.
ALTER TABLE returns ADD COLUMN framework_version INTEGER NULL;

UPDATE returns
SET framework_version = (
    SELECT rv.framework_version
    FROM return_versions rv
    WHERE rv.return_id = returns.id
      AND rv.version_number = (SELECT MAX(v.version_number) FROM return_versions v WHERE v.return_id = returns.id));
