package org.coopledger.core.members;

import org.coopledger.core.members.api.MemberId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code member_key} in a map: a destroyed key is kept as null, as the table keeps the row. */
class InMemoryMemberKeys implements MemberKeys {

    private final Map<MemberId, byte[]> keys = new HashMap<>();

    @Override
    public synchronized void create(MemberId memberId, byte[] key) {
        if (keys.containsKey(memberId)) {
            throw new IllegalStateException("member " + memberId + " already has a key");
        }
        keys.put(memberId, key.clone());
    }

    @Override
    public synchronized Optional<byte[]> find(MemberId memberId) {
        return Optional.ofNullable(keys.get(memberId)).map(byte[]::clone);
    }

    @Override
    public synchronized void destroy(MemberId memberId) {
        if (keys.containsKey(memberId)) {
            keys.put(memberId, null);
        }
    }

    synchronized boolean destroyed(MemberId memberId) {
        return keys.containsKey(memberId) && keys.get(memberId) == null;
    }
}
