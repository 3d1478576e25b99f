-- Accounts, their roles per planning area, server-side sessions and one-time tokens (invitations
-- and password resets). Session ids and tokens are kept only as SHA-256 hashes, so a copy of the
-- database lets no one in. Kept in step with migrations/postgres.

CREATE TABLE account (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    -- argon2id in PHC form; NULL until an invited person sets a password.
    password_hash TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL,
    last_login_at TEXT
);

CREATE TABLE account_grant (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    area_id INTEGER REFERENCES area (id) ON DELETE CASCADE,
    organization_ico TEXT
);
CREATE UNIQUE INDEX account_grant_once ON account_grant
    (account_id, role, COALESCE(area_id, 0), COALESCE(organization_ico, ''));
CREATE INDEX account_grant_by_area ON account_grant (area_id);

CREATE TABLE login_session (
    id_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX login_session_by_account ON login_session (account_id);

CREATE TABLE account_token (
    token_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_by INTEGER REFERENCES account (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX account_token_by_account ON account_token (account_id);
