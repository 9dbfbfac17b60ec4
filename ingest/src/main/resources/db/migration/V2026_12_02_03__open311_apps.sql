-- Citizens' apps registered for the Open311 API. Only the SHA-256 of the api_key is stored;
-- the key is shown once, when the app is registered.
CREATE TABLE open311_app (
    id         bigserial   PRIMARY KEY,
    name       text        NOT NULL,
    key_hash   text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    revoked_at timestamptz
);
