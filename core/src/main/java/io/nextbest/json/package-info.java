/**
 * API: requests and decisions as JSON ({@link io.nextbest.json.JsonCodec}), with errors that name the
 * JSON path of every bad value. JSON names are the Java names.
 */
package io.nextbest.json;
