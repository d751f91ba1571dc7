-- Crypto-shredding: one AES-256 key per member, never in events or logs. The personal fields of
-- member events are encrypted with it; erasure sets key_bytes to NULL (and destroyed_at), after
-- which those ciphertexts can never be read again, while the money history stays intact.
-- Written in the same transaction as the event that needs it (registration, erasure).
CREATE TABLE member_key (
    member_id    VARCHAR(64)  NOT NULL,
    key_bytes    BYTEA,
    created_at   TIMESTAMPTZ  NOT NULL,
    destroyed_at TIMESTAMPTZ,
    CONSTRAINT member_key_pk PRIMARY KEY (member_id),
    CONSTRAINT member_key_length_ck CHECK (key_bytes IS NULL OR length(key_bytes) = 32),
    -- A key is either live or destroyed, never both or neither.
    CONSTRAINT member_key_state_ck CHECK ((key_bytes IS NULL) = (destroyed_at IS NOT NULL))
);
