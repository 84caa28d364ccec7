package com.example.contactcenter;

import java.io.IOException;

/** The README's ledger section, for the tests of the commands in another package. */
public final class LedgerExampleTestAccess {
    private LedgerExampleTestAccess() {
    }

    public static String ledgerSection() throws IOException {
        return LedgerExampleTest.ledgerSection();
    }
}
