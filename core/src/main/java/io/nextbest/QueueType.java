package io.nextbest;

/** The kind of queue the interaction came through: a service queue never receives sales offers in the default rule pack. */
public enum QueueType {
    SERVICE,
    SALES
}
