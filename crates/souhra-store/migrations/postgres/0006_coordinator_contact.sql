-- The contacts of each area's planning coordinator (the office's work contacts, published by the
-- coordinator's choice), printed in the catalogue brochure. A change moves the catalogue revision,
-- so the brochure is generated again. Kept in step with migrations/sqlite.
CREATE TABLE coordinator_contact (
    area_id BIGINT PRIMARY KEY REFERENCES area (id) ON DELETE CASCADE,
    contact TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TRIGGER coordinator_contact_changed AFTER INSERT OR UPDATE OR DELETE ON coordinator_contact
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_revision();
