-- A number that changes whenever the catalogue does (services, their local overrides, providers),
-- whoever writes: search indexes and other caches compare it with the revision they were built
-- from. Kept in step with migrations/sqlite (statement triggers here, row triggers there).
CREATE TABLE catalogue_revision (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    revision BIGINT NOT NULL
);
INSERT INTO catalogue_revision (id, revision) VALUES (1, 1);

CREATE FUNCTION bump_catalogue_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalogue_revision SET revision = revision + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER service_changed AFTER INSERT OR UPDATE OR DELETE ON service
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_revision();
CREATE TRIGGER service_override_changed AFTER INSERT OR UPDATE OR DELETE ON service_override
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_revision();
CREATE TRIGGER organization_changed AFTER UPDATE ON organization
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_revision();
