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
 * @param serverPids the processes of the servers it signs in to (or parents of them), for their CPU time; none
 *                   when not measured
 */
record LoadTarget(String label, String clientId, String note, List<BrowserSession> browsers, List<Long> serverPids) {

    LoadTarget {
        browsers = List.copyOf(browsers);
        serverPids = serverPids.stream().filter(pid -> pid > 0).distinct().toList();
    }

    /** A target on one server; {@code serverPid} 0 when its CPU time is not measured. */
    LoadTarget(String label, String clientId, String note, List<BrowserSession> browsers, long serverPid) {
        this(label, clientId, note, browsers, List.of(serverPid));
    }
}
