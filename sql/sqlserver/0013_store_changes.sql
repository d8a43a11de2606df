-- 0013: a change counter for what the web service keeps in memory between requests.
-- The org-unit tree, the frameworks and each dashboard are read on almost every page; rebuilding them per request cost
-- most of a dashboard's time. They are now kept while store_changes.generation for 'data' stays the same, and every
-- insert, update or delete on the tables they are built from moves the generation on, whoever writes (the web service,
-- the CLI, another server sharing the store), so a cached view is never served after its data changed.
-- SQL Server triggers fire once per statement, so a bulk insert of scores moves the generation once.
CREATE TABLE dbo.store_changes (
    scope      NVARCHAR(32) NOT NULL CONSTRAINT pk_store_changes PRIMARY KEY,
    generation BIGINT NOT NULL
);

INSERT INTO dbo.store_changes (scope, generation) VALUES (N'data', 1);
GO

CREATE TRIGGER dbo.tr_org_units_changes ON dbo.org_units AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE dbo.store_changes SET generation = generation + 1 WHERE scope = N'data';
END;
GO

CREATE TRIGGER dbo.tr_org_unit_links_changes ON dbo.org_unit_links AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE dbo.store_changes SET generation = generation + 1 WHERE scope = N'data';
END;
GO

CREATE TRIGGER dbo.tr_frameworks_changes ON dbo.frameworks AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE dbo.store_changes SET generation = generation + 1 WHERE scope = N'data';
END;
GO

CREATE TRIGGER dbo.tr_framework_versions_changes ON dbo.framework_versions AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE dbo.store_changes SET generation = generation + 1 WHERE scope = N'data';
END;
GO

CREATE TRIGGER dbo.tr_measures_changes ON dbo.measures AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE dbo.store_changes SET generation = generation + 1 WHERE scope = N'data';
END;
GO

CREATE TRIGGER dbo.tr_targets_changes ON dbo.targets AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE dbo.store_changes SET generation = generation + 1 WHERE scope = N'data';
END;
GO

CREATE TRIGGER dbo.tr_comparators_changes ON dbo.comparators AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE dbo.store_changes SET generation = generation + 1 WHERE scope = N'data';
END;
GO

CREATE TRIGGER dbo.tr_returns_changes ON dbo.returns AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE dbo.store_changes SET generation = generation + 1 WHERE scope = N'data';
END;
GO

CREATE TRIGGER dbo.tr_return_versions_changes ON dbo.return_versions AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE dbo.store_changes SET generation = generation + 1 WHERE scope = N'data';
END;
GO

CREATE TRIGGER dbo.tr_scores_changes ON dbo.scores AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE dbo.store_changes SET generation = generation + 1 WHERE scope = N'data';
END;
GO
