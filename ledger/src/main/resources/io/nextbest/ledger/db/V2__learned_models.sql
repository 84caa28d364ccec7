-- The models of learned propensities, so that a restarted application goes on from what they had learned.
-- One row per learner (the ledger keeps one, named 'default'): the same JSON as a models file, written
-- whole in one transaction, with the predictors it was learned on inside it.
CREATE TABLE learned_models (
    name     TEXT   NOT NULL PRIMARY KEY,
    models   TEXT   NOT NULL,
    saved_at BIGINT NOT NULL
);
