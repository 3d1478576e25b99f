-- A number that changes whenever the catalogue does (services, their local overrides, providers),
-- whoever writes: search indexes and other caches compare it with the revision they were built
-- from. Kept in step with migrations/postgres (statement triggers there, row triggers here).
CREATE TABLE catalogue_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
);
INSERT INTO catalogue_revision (id, revision) VALUES (1, 1);

CREATE TRIGGER service_inserted AFTER INSERT ON service
BEGIN UPDATE catalogue_revision SET revision = revision + 1; END;
CREATE TRIGGER service_updated AFTER UPDATE ON service
BEGIN UPDATE catalogue_revision SET revision = revision + 1; END;
CREATE TRIGGER service_deleted AFTER DELETE ON service
BEGIN UPDATE catalogue_revision SET revision = revision + 1; END;
CREATE TRIGGER service_override_inserted AFTER INSERT ON service_override
BEGIN UPDATE catalogue_revision SET revision = revision + 1; END;
CREATE TRIGGER service_override_updated AFTER UPDATE ON service_override
BEGIN UPDATE catalogue_revision SET revision = revision + 1; END;
CREATE TRIGGER service_override_deleted AFTER DELETE ON service_override
BEGIN UPDATE catalogue_revision SET revision = revision + 1; END;
CREATE TRIGGER organization_updated AFTER UPDATE ON organization
BEGIN UPDATE catalogue_revision SET revision = revision + 1; END;
