-- The public site: each area's life situations (when its coordinator changed the defaults) and
-- error reports from the public, waiting for moderation. Kept in step with migrations/postgres.

CREATE TABLE life_situation (
    area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    title TEXT,
    kinds TEXT NOT NULL,
    target_groups TEXT NOT NULL,
    PRIMARY KEY (area_id, key)
);

CREATE TABLE error_report (
    id INTEGER PRIMARY KEY,
    service_id INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    area_id INTEGER REFERENCES area (id) ON DELETE SET NULL,
    message TEXT NOT NULL,
    contact TEXT,
    status TEXT NOT NULL DEFAULT 'new',
    created_at TEXT NOT NULL
);
CREATE INDEX error_report_by_status ON error_report (status, created_at);
