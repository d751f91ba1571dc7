package org.coopledger.api.platform;

import org.coopledger.api.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The traps of AXON-POSTGRES.md, checked against the live schema: serialized data in bytea
 * (never OID large objects), a global index that increments by one, and the unique constraints
 * that act as the optimistic lock between writers.
 */
class StorageSchemaTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void serializedColumnsAreByteaAndNoColumnIsAnOid() {
        assertThat(columnType("domain_event_entry", "payload")).isEqualTo("bytea");
        assertThat(columnType("domain_event_entry", "meta_data")).isEqualTo("bytea");
        assertThat(columnType("snapshot_event_entry", "payload")).isEqualTo("bytea");
        assertThat(columnType("tokenentry", "token")).isEqualTo("bytea");
        assertThat(columnType("deadletterentry", "payload")).isEqualTo("bytea");
        Integer oidColumns = jdbc.queryForObject(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'oid'",
                Integer.class);
        assertThat(oidColumns).isZero();
    }

    @Test
    void globalIndexSequenceIncrementsByOne() {
        Long increment = jdbc.queryForObject(
                "SELECT increment_by FROM pg_sequences WHERE sequencename = 'domain_event_entry_global_index_seq'",
                Long.class);
        assertThat(increment).isEqualTo(1L);
    }

    @Test
    void aggregateSequenceAndEventIdentifierAreUnique() {
        assertThat(uniqueConstraintColumns("domain_event_entry"))
                .contains("aggregate_identifier,sequence_number", "event_identifier");
    }

    @Test
    void theSchemaIsOwnedByFlyway() {
        Integer applied = jdbc.queryForObject(
                "SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class);
        assertThat(applied).isGreaterThanOrEqualTo(2);
    }

    private String columnType(String table, String column) {
        return jdbc.queryForObject(
                "SELECT data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? AND column_name = ?",
                String.class, table, column);
    }

    private java.util.List<String> uniqueConstraintColumns(String table) {
        return jdbc.queryForList("""
                SELECT string_agg(a.attname, ',' ORDER BY array_position(c.conkey, a.attnum))
                FROM pg_constraint c
                JOIN pg_class t ON t.oid = c.conrelid
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (c.conkey)
                WHERE t.relname = ? AND c.contype = 'u'
                GROUP BY c.conname
                """, String.class, table);
    }
}
