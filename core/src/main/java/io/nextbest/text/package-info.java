/** Internal: small text helpers shared by the readers, such as "did you mean" hints. Not API. */
package io.nextbest.text;
