package io.zerotrust.keycloak.bench.login;

import java.util.List;

/**
 * What a round signs in to: a client (and so a browser flow) on one server, the simulated browsers that sign in
 * there, and the server's process for its CPU time.
 *
 * @param label     how the reports name it, e.g. {@code adaptive}
 * @param clientId  the client whose browser flow the logins run
 * @param note      what it is, for the report's header
 * @param browsers  one per worker, all on this target's server and realm
 * @param serverPid the server's process (or a parent of it); 0 when its CPU time is not measured
 */
record LoadTarget(String label, String clientId, String note, List<BrowserSession> browsers, long serverPid) {

    LoadTarget {
        browsers = List.copyOf(browsers);
    }
}
