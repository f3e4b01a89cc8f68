package io.zerotrust.keycloak.bench.detection;

/**
 * The attacker models of Wiefling et al. (ACM TOPS 2022), each holding the victim's correct password and no
 * device cookie of the victim.
 */
public enum AttackerModel {
    /** Random place and network anywhere, a random browser: a bot trying leaked credentials. */
    NAIVE("naive"),
    /** The victim's country through a VPN exit (70%) or a hosting network (30%) there, a random browser. */
    VPN("vpn"),
    /**
     * Knows the victim: their city and ISP (another address of it), the browser and OS family of their first
     * device at its newest version, and signs in at an hour the victim usually does.
     */
    TARGETED("targeted");

    private final String label;

    AttackerModel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
