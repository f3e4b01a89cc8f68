package io.zerotrust.keycloak.risk.reputation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.net.IpAddress;

/**
 * Looks the client address up in the admin's deny and allow lists and in a Tor exit-node list, all taken as a
 * snapshot before evaluation (see {@link ReloadingListFile}), so this class does no I/O.
 * <ul>
 *   <li>{@code IP_DENY_LISTED} (+8): the admin blocks this address;</li>
 *   <li>{@code IP_TOR_EXIT} (+5): the sign-in comes through Tor, which hides the real origin;</li>
 *   <li>{@code IP_ALLOW_LISTED} (-2): a known address, only when neither rule above applies: an allow list is
 *       a convenience and never cancels evidence of blocking or anonymisation.</li>
 * </ul>
 * Evidence found in a loaded list is reported even if another list is unavailable; with no evidence and a
 * configured list that was never loaded, the result is unavailable, since the address might have been on it.
 */
public final class IpReputationEvaluator implements RiskEvaluator {

    public static final String ID = "ip-reputation";

    public static final String DENY_LISTED = "IP_DENY_LISTED";
    public static final String TOR_EXIT = "IP_TOR_EXIT";
    public static final String ALLOW_LISTED = "IP_ALLOW_LISTED";

    public static final double DENY_LISTED_LOG_ODDS = 8.0;
    public static final double TOR_EXIT_LOG_ODDS = 5.0;
    public static final double ALLOW_LISTED_LOG_ODDS = -2.0;

    private final IpLists lists;
    private final InlineLists inline;

    public IpReputationEvaluator(IpLists lists) {
        this(lists, InlineLists.NONE);
    }

    /** @param inline entries of the options themselves (a realm's own), counted as the files' entries are */
    public IpReputationEvaluator(IpLists lists, InlineLists inline) {
        this.lists = Objects.requireNonNull(lists, "lists");
        this.inline = Objects.requireNonNull(inline, "inline");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public EvaluatorResult evaluate(RiskContext context) {
        String ip = context.clientIp();
        if (ip == null) {
            return EvaluatorResult.unavailable(ID, "client address unknown");
        }
        IpAddress address = IpAddress.parseClient(ip);
        if (address == null) {
            return EvaluatorResult.unavailable(ID, "client address '" + ip + "' is not an IP address");
        }
        Map<String, String> attributes = Map.of("ip", ip);
        List<RiskReason> reasons = new ArrayList<>(2);
        if (listed(lists.deny(), address) || inline.deny().contains(address)) {
            reasons.add(new RiskReason(ID, DENY_LISTED, DENY_LISTED_LOG_ODDS,
                    "Client address " + ip + " is on the deny list", attributes));
        }
        if (listed(lists.torExits(), address)) {
            reasons.add(new RiskReason(ID, TOR_EXIT, TOR_EXIT_LOG_ODDS,
                    "Client address " + ip + " is a Tor exit node", attributes));
        }
        if (!reasons.isEmpty()) {
            return EvaluatorResult.of(ID, reasons);
        }
        String missing = firstUnavailable();
        if (missing != null) {
            return EvaluatorResult.unavailable(ID, missing);
        }
        if (listed(lists.allow(), address) || inline.allow().contains(address)) {
            reasons.add(new RiskReason(ID, ALLOW_LISTED, ALLOW_LISTED_LOG_ODDS,
                    "Client address " + ip + " is on the allow list", attributes));
        }
        return EvaluatorResult.of(ID, reasons);
    }

    private static boolean listed(ListSnapshot list, IpAddress address) {
        return list != null && list.set().contains(address);
    }

    private String firstUnavailable() {
        for (ListSnapshot list : new ListSnapshot[] {lists.deny(), lists.torExits(), lists.allow()}) {
            if (list != null && !list.available()) {
                return list.unavailableReason();
            }
        }
        return null;
    }
}
