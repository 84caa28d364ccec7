package io.nextbest.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;

/**
 * The ledger's database: where it is, its schema (Flyway's versioned migrations under
 * {@code io/nextbest/ledger/db}), and the SQL that SQLite and PostgreSQL both run.
 */
final class Store {
    static final String DECISION_INSERT = "INSERT INTO decisions (decision_id, customer_id, decided_at, "
            + "decision_type, program, offer_id, held_out, reason_codes, rule_set_version) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    // An outcome goes in only if its decision is there, and only once per type. This WHERE EXISTS is the one
    // check of the decision on SQLite: its foreign-key enforcement stays off (see connect()).
    static final String OUTCOME_INSERT = "INSERT INTO outcomes (decision_id, outcome_type, revenue, handle_seconds, "
            + "recorded_at) SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM decisions WHERE decision_id = ?) "
            + "ON CONFLICT DO NOTHING";
    static final String DECISION_EXISTS = "SELECT 1 FROM decisions WHERE decision_id = ?";
    static final String MODELS_SAVE = "INSERT INTO learned_models (name, models, saved_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (name) DO UPDATE SET models = excluded.models, saved_at = excluded.saved_at";
    /** The one learner a ledger keeps. */
    static final String MODELS_NAME = "default";

    private final String url;
    private final String user;
    private final String password;
    /** How long a connection waits for another process's write lock on SQLite before it fails. */
    private final long busyTimeoutMillis;

    Store(String url, String user, String password, long busyTimeoutMillis) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.busyTimeoutMillis = busyTimeoutMillis;
    }

    String url() {
        return url;
    }

    /** Brings the schema up to the newest version; a ledger written by an older NextBest is migrated. */
    void migrate() {
        try {
            Flyway.configure(Store.class.getClassLoader())
                    .dataSource(url, user, password)
                    .locations("classpath:io/nextbest/ledger/db")
                    .table("ledger_schema_history")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new LedgerException("cannot bring the ledger's schema up to date at " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new connection. On SQLite: write-ahead logging, and {@code synchronous=FULL} so that every commit
     * is on disk (fsync) before the commit returns: an acknowledged write survives a killed process and a
     * power cut. SQLite's foreign-key enforcement is left off (its default): {@link #OUTCOME_INSERT} checks
     * the decision already, in the same statement, and decisions are never deleted, so enforcing the
     * {@code REFERENCES} clause too would look each decision up twice for every outcome. PostgreSQL always
     * enforces it.
     */
    Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        if (url.startsWith("jdbc:sqlite:")) {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=" + busyTimeoutMillis);
                s.execute("PRAGMA cache_size=-32768");
            }
        }
        return connection;
    }

    Set<String> pausedPrograms() {
        Set<String> paused = new LinkedHashSet<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT program FROM paused_programs ORDER BY program")) {
            while (rs.next()) {
                paused.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot read the paused programs: " + e.getMessage(), e);
        }
        return paused;
    }

    void pause(String program, long at, String why) {
        update("INSERT INTO paused_programs (program, paused_at, why) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                program, at, why);
    }

    void resume(String program) {
        update("DELETE FROM paused_programs WHERE program = ?", program);
    }

    private void update(String sql, Object... values) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot update the ledger: " + e.getMessage(), e);
        }
    }

    /**
     * The ledger's figures for each program and group in the period: one row per program, held-out flag
     * and decision type, with the decisions that have each type of outcome and their sums.
     */
    List<GroupCounts> counts(long from, long to) {
        String sql = "SELECT d.program, d.held_out, d.decision_type, COUNT(*), "
                + "SUM(o.accepted), SUM(o.declined), SUM(o.ignored), SUM(o.saved), SUM(o.revenue), SUM(o.handle) "
                + "FROM decisions d LEFT JOIN (SELECT decision_id, "
                + "MAX(CASE WHEN outcome_type = 'ACCEPTED' THEN 1 ELSE 0 END) AS accepted, "
                + "MAX(CASE WHEN outcome_type = 'DECLINED' THEN 1 ELSE 0 END) AS declined, "
                + "MAX(CASE WHEN outcome_type = 'IGNORED' THEN 1 ELSE 0 END) AS ignored, "
                + "MAX(CASE WHEN outcome_type = 'SAVED' THEN 1 ELSE 0 END) AS saved, "
                + "SUM(revenue) AS revenue, SUM(handle_seconds) AS handle "
                + "FROM outcomes GROUP BY decision_id) o ON o.decision_id = d.decision_id "
                + "WHERE d.program IS NOT NULL AND d.decided_at >= ? AND d.decided_at < ? "
                + "GROUP BY d.program, d.held_out, d.decision_type ORDER BY d.program";
        List<GroupCounts> rows = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new GroupCounts(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getDouble(9),
                            rs.getDouble(10)));
                }
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot read the ledger for the report: " + e.getMessage(), e);
        }
        return rows;
    }

    /** The models the ledger's learner last saved, or null if it never saved any. */
    String models() {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT models FROM learned_models WHERE name = ?")) {
            ps.setString(1, MODELS_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot read the learned models: " + e.getMessage(), e);
        }
    }

    /** The first and last decision times in the ledger, or null if it holds none. */
    long[] span() {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(decided_at), MAX(decided_at), COUNT(*) FROM decisions")) {
            rs.next();
            return rs.getLong(3) == 0 ? null : new long[] {rs.getLong(1), rs.getLong(2)};
        } catch (SQLException e) {
            throw new LedgerException("cannot read the ledger: " + e.getMessage(), e);
        }
    }

    /** The decisions of one program, held-out or not, with one decision type, and their outcomes. */
    record GroupCounts(String program, boolean heldOut, String decisionType, long decisions, long accepted,
                       long declined, long ignored, long saved, double revenue, double handleSeconds) {
    }
}
