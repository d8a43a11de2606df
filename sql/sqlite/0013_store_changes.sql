-- 0013: a change counter for what the web service keeps in memory between requests.
-- The org-unit tree, the frameworks and each dashboard are read on almost every page; rebuilding them per request cost
-- most of a dashboard's time. They are now kept while store_changes.generation for 'data' stays the same, and every
-- insert, update or delete on the tables they are built from moves the generation on, whoever writes (the web service,
-- the CLI, another server sharing the store), so a cached view is never served after its data changed.
CREATE TABLE store_changes (
    scope      TEXT NOT NULL PRIMARY KEY,
    generation INTEGER NOT NULL
);

INSERT INTO store_changes (scope, generation) VALUES ('data', 1);

CREATE TRIGGER org_units_insert_changes AFTER INSERT ON org_units
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER org_units_update_changes AFTER UPDATE ON org_units
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER org_units_delete_changes AFTER DELETE ON org_units
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER org_unit_links_insert_changes AFTER INSERT ON org_unit_links
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER org_unit_links_update_changes AFTER UPDATE ON org_unit_links
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER org_unit_links_delete_changes AFTER DELETE ON org_unit_links
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER frameworks_insert_changes AFTER INSERT ON frameworks
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER frameworks_update_changes AFTER UPDATE ON frameworks
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER frameworks_delete_changes AFTER DELETE ON frameworks
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER framework_versions_insert_changes AFTER INSERT ON framework_versions
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER framework_versions_update_changes AFTER UPDATE ON framework_versions
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER framework_versions_delete_changes AFTER DELETE ON framework_versions
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER measures_insert_changes AFTER INSERT ON measures
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER measures_update_changes AFTER UPDATE ON measures
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER measures_delete_changes AFTER DELETE ON measures
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER targets_insert_changes AFTER INSERT ON targets
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER targets_update_changes AFTER UPDATE ON targets
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER targets_delete_changes AFTER DELETE ON targets
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER comparators_insert_changes AFTER INSERT ON comparators
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER comparators_update_changes AFTER UPDATE ON comparators
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER comparators_delete_changes AFTER DELETE ON comparators
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER returns_insert_changes AFTER INSERT ON returns
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER returns_update_changes AFTER UPDATE ON returns
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER returns_delete_changes AFTER DELETE ON returns
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER return_versions_insert_changes AFTER INSERT ON return_versions
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER return_versions_update_changes AFTER UPDATE ON return_versions
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER return_versions_delete_changes AFTER DELETE ON return_versions
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER scores_insert_changes AFTER INSERT ON scores
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER scores_update_changes AFTER UPDATE ON scores
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;

CREATE TRIGGER scores_delete_changes AFTER DELETE ON scores
BEGIN
    UPDATE store_changes SET generation = generation + 1 WHERE scope = 'data';
END;
