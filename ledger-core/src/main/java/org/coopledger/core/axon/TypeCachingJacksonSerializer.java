package org.coopledger.core.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's {@link JacksonSerializer}, remembering the class of each stored type name and the reader
 * of each class.
 *
 * <p>Axon 4.13 remembers the names that name no class, but looks up every other name with
 * {@code Class.forName} each time it is asked, three times per event read (twice while the event
 * is wrapped for upcasting, once when its payload is read), and builds a new reader for every
 * payload: 3.5 % of the JVM's CPU in a replay (docs/PERFORMANCE.md, "Replay, round 8"). The
 * ledger's classes do not change while it runs, so the first answer for a name stays right.
 * Names of no class keep Axon's own handling; everything else is Axon's.
 */
final class TypeCachingJacksonSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    private TypeCachingJacksonSerializer(ObjectMapper mapper) {
        super(JacksonSerializer.builder().objectMapper(mapper));
    }

    /** On {@code mapper}, which Axon extends with its metadata and time modules as it always does. */
    static TypeCachingJacksonSerializer on(ObjectMapper mapper) {
        return new TypeCachingJacksonSerializer(mapper);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> resolved = super.classForType(type);
        if (resolved != UnknownSerializedType.class && !SerializedType.emptyType().equals(type)) {
            // Bounded: only names of classes on the class path get here.
            classes.putIfAbsent(type.getName(), resolved);
        }
        return resolved;
    }

    /** Readers are immutable and thread-safe; Axon builds one per payload read. */
    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }
}
