-- The ledger's own users (HTTP Basic). Passwords are bcrypt hashes only. A MEMBER user is bound
-- to exactly one member and has no other role; staff users are bound to none.
CREATE TABLE app_user (
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    roles         TEXT[]       NOT NULL,
    member_id     VARCHAR(64),
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    CONSTRAINT app_user_pk PRIMARY KEY (username),
    CONSTRAINT app_user_username_ck CHECK (username ~ '^[a-zA-Z0-9._-]{3,64}$'),
    CONSTRAINT app_user_password_hash_ck CHECK (password_hash LIKE '$2%'),
    CONSTRAINT app_user_roles_ck CHECK (
        cardinality(roles) > 0
        AND roles <@ ARRAY ['ADMIN', 'TELLER', 'MANAGER', 'AUDITOR', 'MEMBER']::TEXT[]),
    CONSTRAINT app_user_member_ck CHECK (
        (member_id IS NULL AND NOT 'MEMBER' = ANY (roles))
        OR (member_id IS NOT NULL AND roles = ARRAY ['MEMBER']::TEXT[]))
);

-- "Teller1" next to "teller1" invites mistaken identity in the audit trail: names are unique
-- regardless of case, although a login must spell its name exactly.
CREATE UNIQUE INDEX app_user_username_ci_uk ON app_user (lower(username));

-- One row per (user, Idempotency-Key) whose request succeeded, written in the same transaction
-- as the events of that request. The fingerprint is the SHA-256 (hex) of method, path and the
-- canonical JSON of the request; the response is kept verbatim (text, not jsonb, because jsonb
-- would reorder the keys of the replayed answer).
CREATE TABLE idempotency_record (
    username          VARCHAR(64)  NOT NULL,
    idem_key          VARCHAR(255) NOT NULL,
    fingerprint       CHAR(64)     NOT NULL,
    status_code       SMALLINT     NOT NULL,
    response_body     TEXT,
    response_location TEXT,
    created_at        TIMESTAMPTZ  NOT NULL,
    CONSTRAINT idempotency_record_pk PRIMARY KEY (username, idem_key),
    CONSTRAINT idempotency_record_status_ck CHECK (status_code BETWEEN 200 AND 299)
);
