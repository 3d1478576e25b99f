-- The contacts of each area's planning coordinator (the office's work contacts, published by the
-- coordinator's choice), printed in the catalogue brochure. A change moves the catalogue revision,
-- so the brochure is generated again. Kept in step with migrations/postgres.
CREATE TABLE coordinator_contact (
    area_id INTEGER PRIMARY KEY REFERENCES area (id) ON DELETE CASCADE,
    contact TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TRIGGER coordinator_contact_inserted AFTER INSERT ON coordinator_contact
BEGIN UPDATE catalogue_revision SET revision = revision + 1; END;
CREATE TRIGGER coordinator_contact_updated AFTER UPDATE ON coordinator_contact
BEGIN UPDATE catalogue_revision SET revision = revision + 1; END;
CREATE TRIGGER coordinator_contact_deleted AFTER DELETE ON coordinator_contact
BEGIN UPDATE catalogue_revision SET revision = revision + 1; END;
