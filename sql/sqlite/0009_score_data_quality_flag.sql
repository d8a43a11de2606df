-- 0009: a score keeps the data-quality flag of the figure it judged (the return's own flag, or a roll-up's
-- "incomplete: 5 of 7 units reported a usable value"), so packs can list data-quality notes without parsing sentences.
-- Rows scored before 0009 have none until they are scored again.
ALTER TABLE scores ADD COLUMN data_quality_flag TEXT NULL;
