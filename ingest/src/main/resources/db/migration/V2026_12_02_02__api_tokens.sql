-- Personal API tokens for scripts (Authorization: Bearer ...). Only the SHA-256 of the random
-- token is stored; the token itself is shown once, when created.
CREATE TABLE api_token (
    id           bigserial   PRIMARY KEY,
    username     text        NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    name         text        NOT NULL,
    token_hash   text        NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_by_user ON api_token (username);
