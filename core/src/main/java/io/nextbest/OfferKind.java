package io.nextbest;

/** What an offer is for. Rules use the kind to keep sales offers away from service situations. */
public enum OfferKind {
    SERVICE,
    RETENTION,
    SALES,
    INFORMATION
}
