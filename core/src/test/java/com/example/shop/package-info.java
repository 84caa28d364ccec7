/**
 * Fact classes of a small shop, for the decision tables of the validation conformance corpus: tables
 * as users of Drools write them for their own facts, not for nextbest's.
 */
package com.example.shop;
