-- Crypto-shredding on the read side: the personal columns now hold the events' ciphertexts
-- (base64 AES-GCM, see ledger-core's PersonalFieldCipher) and are decrypted at read time with
-- the key in member_key. Once the key is destroyed they can never be read again, even after a
-- replay, so no clear copy of a member's personal data survives erasure in this table.
-- There is no production data yet: the projection is emptied and its token dropped so that the
-- members processor rebuilds it from the first event.
TRUNCATE TABLE member_projection;
DELETE FROM tokenentry WHERE processorname = 'members';

ALTER TABLE member_projection
    DROP COLUMN legal_name,
    DROP COLUMN date_of_birth,
    DROP COLUMN phone,
    DROP COLUMN address,
    DROP COLUMN document_number,
    ADD COLUMN sealed_legal_name      TEXT,
    ADD COLUMN sealed_date_of_birth   TEXT,
    ADD COLUMN sealed_phone           TEXT,
    ADD COLUMN sealed_address         TEXT,
    ADD COLUMN sealed_document_number TEXT,
    -- Set by MemberPersonalDataErased; the sealed columns are then blanked as well.
    ADD COLUMN erased                 BOOLEAN NOT NULL DEFAULT FALSE;
