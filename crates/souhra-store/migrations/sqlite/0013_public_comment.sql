-- Public comment on a plan version: an area's rules (shortest period, what commenters without an
-- account give, the consent text), comment periods (first and last day; closed_at when the
-- coordinator ended one early; snapshot holds the text as published, for the changes made since),
-- and comments anchored to an element's stable key (NULL: the whole plan), with the element's
-- number and title as they were, the author's data (e-mail never published; erased on request,
-- the text and settlement stay), moderation and the settlement with its justification.
-- Kept in step with migrations/postgres.

CREATE TABLE comment_rules (
    area_id INTEGER PRIMARY KEY REFERENCES area (id) ON DELETE CASCADE,
    min_days INTEGER NOT NULL,
    identification TEXT NOT NULL,
    consent TEXT
);

CREATE TABLE comment_period (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    announcement TEXT,
    snapshot TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES account (id) ON DELETE SET NULL,
    closed_at TEXT
);
CREATE INDEX comment_period_by_version ON comment_period (version_id);

CREATE TABLE plan_comment (
    id INTEGER PRIMARY KEY,
    period_id INTEGER NOT NULL REFERENCES comment_period (id) ON DELETE CASCADE,
    element_key TEXT,
    element_label TEXT,
    body TEXT NOT NULL,
    proposal TEXT,
    account_id INTEGER REFERENCES account (id) ON DELETE SET NULL,
    author_name TEXT,
    author_organization TEXT,
    author_email TEXT,
    named BOOLEAN NOT NULL DEFAULT FALSE,
    notify BOOLEAN NOT NULL DEFAULT FALSE,
    consent TEXT,
    submitted_at TEXT NOT NULL,
    hidden_reason TEXT,
    settlement TEXT,
    justification TEXT,
    change_key TEXT,
    settled_at TEXT,
    settled_by INTEGER REFERENCES account (id) ON DELETE SET NULL,
    notified_at TEXT,
    erased_at TEXT,
    revision INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX plan_comment_by_period ON plan_comment (period_id, id);
