-- The ledger's schema, in SQL that SQLite and PostgreSQL both run. Times are epoch milliseconds (UTC),
-- the one time type both stores keep exactly alike.

-- One row per decision, the same id once: a decision id is a hash of the rule set and the request, so
-- the same request decided twice is one decision.
CREATE TABLE decisions (
    decision_id      TEXT         NOT NULL PRIMARY KEY,
    customer_id      TEXT         NOT NULL,
    decided_at       BIGINT       NOT NULL,
    -- OFFER or NO_OFFER, as the engine's caller saw it: a held-out decision is NO_OFFER.
    decision_type    TEXT          NOT NULL,
    -- The program of the offer the rules chose (also when it was held out or paused); null without one.
    program          TEXT        ,
    offer_id         TEXT        ,
    held_out         BOOLEAN      NOT NULL,
    -- The reasons' codes, the deciding one first, separated by commas.
    reason_codes     TEXT         NOT NULL,
    rule_set_version TEXT         NOT NULL
);

-- At most one outcome of each type per decision: the same outcome twice is one outcome.
CREATE TABLE outcomes (
    decision_id        TEXT         NOT NULL REFERENCES decisions (decision_id),
    outcome_type       TEXT          NOT NULL,
    revenue            DOUBLE PRECISION NOT NULL,
    handle_seconds     DOUBLE PRECISION NOT NULL,
    recorded_at        BIGINT       NOT NULL,
    PRIMARY KEY (decision_id, outcome_type)
);

-- Programs whose offers stop until an analyst resumes them.
CREATE TABLE paused_programs (
    program   TEXT         NOT NULL PRIMARY KEY,
    paused_at BIGINT       NOT NULL,
    why       TEXT         NOT NULL
);
