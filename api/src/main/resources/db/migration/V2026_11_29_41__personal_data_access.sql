-- Who was shown which member's personal fields, when, through which endpoint and request.
-- Never the personal data itself: an erased member's history here names only their member id.
-- Append-only by convention; auditors read it through GET /api/v1/audit/personal-data-access.
CREATE TABLE personal_data_access (
    id         BIGSERIAL    NOT NULL,
    at         TIMESTAMPTZ  NOT NULL,
    username   VARCHAR(64)  NOT NULL,
    roles      VARCHAR(100) NOT NULL,
    member_id  VARCHAR(64)  NOT NULL,
    endpoint   VARCHAR(100) NOT NULL,
    request_id VARCHAR(64),
    CONSTRAINT personal_data_access_pk PRIMARY KEY (id)
);

CREATE INDEX personal_data_access_member_idx ON personal_data_access (member_id, id);
