-- The groups of community planning (steering group, working groups) of an area, their members,
-- their meetings with agenda, minutes, attendance, action items and uploaded materials.
-- Meeting times are Prague local time. A member's e-mail is for invitations only and never
-- published; the name is published only with publish_name. feed_token opens the member's
-- personal calendar feed. Kept in step with migrations/postgres.

CREATE TABLE plan_group (
    id INTEGER PRIMARY KEY,
    area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX plan_group_by_area ON plan_group (area_id);

CREATE TABLE group_member (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES plan_group (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    organization TEXT,
    role TEXT NOT NULL,
    position TEXT,
    email TEXT,
    publish_name BOOLEAN NOT NULL DEFAULT FALSE,
    term_from TEXT,
    term_to TEXT,
    feed_token TEXT NOT NULL UNIQUE
);
CREATE INDEX group_member_by_group ON group_member (group_id);

CREATE TABLE meeting (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES plan_group (id) ON DELETE CASCADE,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    place TEXT NOT NULL,
    agenda TEXT,
    minutes TEXT,
    minutes_published BOOLEAN NOT NULL DEFAULT FALSE,
    cancelled BOOLEAN NOT NULL DEFAULT FALSE,
    -- Raised with every change (iCalendar SEQUENCE).
    sequence INTEGER NOT NULL DEFAULT 0,
    invited_at TEXT
);
CREATE INDEX meeting_by_group ON meeting (group_id, starts_at);

CREATE TABLE meeting_attendance (
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES group_member (id) ON DELETE CASCADE,
    presence TEXT NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE meeting_action (
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    task TEXT NOT NULL,
    owner TEXT NOT NULL,
    deadline TEXT,
    done BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE meeting_material (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX meeting_material_by_meeting ON meeting_material (meeting_id);
