package org.coopledger.core.members;

import org.coopledger.core.members.api.MemberId;

import java.util.Optional;

/** Where members' keys live: outside the event store, so that destroying one really forgets it. */
interface MemberKeys {

    /** Stores a new key; fails if the member already has one (live or destroyed). */
    void create(MemberId memberId, byte[] key);

    /** The live key, or empty when the member has none or it was destroyed. */
    Optional<byte[]> find(MemberId memberId);

    /** Forgets the key; a destroyed key stays destroyed. */
    void destroy(MemberId memberId);
}
