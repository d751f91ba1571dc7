-- Set-based validation for member numbers: the command handler inserts here in the same
-- transaction as the MemberRegistered event, so two concurrent registrations of one number
-- cannot both commit.
CREATE TABLE member_number_registry (
    member_number VARCHAR(32)  NOT NULL,
    member_id     VARCHAR(64)  NOT NULL,
    CONSTRAINT member_number_registry_pk PRIMARY KEY (member_number),
    CONSTRAINT member_number_registry_member_uk UNIQUE (member_id)
);

-- Generated member numbers (M-000001...) when the teller does not give one.
CREATE SEQUENCE member_number_seq START WITH 1 INCREMENT BY 1;
