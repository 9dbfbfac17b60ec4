-- Operators, supervisors, agency staff and administrators of the console.
CREATE TABLE app_user (
    username      text PRIMARY KEY,
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('OPERATOR', 'SUPERVISOR', 'AGENCY', 'ADMIN')),
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);
