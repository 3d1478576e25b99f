-- Public identifiers (UUIDs) of services and providers, kept across HSDS exports and imports.
-- Empty for records whose identifier is derived from their registration id or IČO.
-- Kept in step with migrations/postgres.
ALTER TABLE service ADD COLUMN public_id TEXT;
CREATE UNIQUE INDEX service_by_public_id ON service (public_id) WHERE public_id IS NOT NULL;
ALTER TABLE organization ADD COLUMN public_id TEXT;
CREATE UNIQUE INDEX organization_by_public_id ON organization (public_id) WHERE public_id IS NOT NULL;
