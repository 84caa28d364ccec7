/**
 * Internal: reading offer catalogs ({@link io.nextbest.catalog.CatalogReader}), the offer targets rules
 * name ({@link io.nextbest.catalog.OfferTargets}), and what a rule set works out once about its catalog
 * ({@link io.nextbest.catalog.CatalogIndex}). Not API.
 */
package io.nextbest.catalog;
