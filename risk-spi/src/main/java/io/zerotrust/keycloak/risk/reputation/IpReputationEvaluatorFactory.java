package io.zerotrust.keycloak.risk.reputation;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.spi.DelegatingEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProviderFactory;
import io.zerotrust.keycloak.risk.tuning.TunedSettings;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers the {@code ip-reputation} evaluator. Options ({@code --spi-zt-risk-evaluator--ip-reputation--<key>}):
 * {@value #ALLOW_LIST_FILE}, {@value #DENY_LIST_FILE}, {@value #TOR_EXIT_LIST_FILE} (paths; unset = no such list)
 * and {@value #RELOAD_SECONDS}, server-wide only; {@value #ALLOW_LIST} and {@value #DENY_LIST} (entries written into the
 * option), which a realm may also set. Each provider works on a snapshot of the lists taken when it is created.
 */
public class IpReputationEvaluatorFactory implements RiskEvaluatorProviderFactory {

    public static final String ALLOW_LIST_FILE = "allow-list-file";
    public static final String DENY_LIST_FILE = "deny-list-file";
    public static final String TOR_EXIT_LIST_FILE = "tor-exit-list-file";
    public static final String RELOAD_SECONDS = "reload-seconds";
    /** Addresses and CIDR prefixes written into the option, beside the files; a realm may set its own. */
    public static final String ALLOW_LIST = "allow-list";
    public static final String DENY_LIST = "deny-list";

    public static final int DEFAULT_RELOAD_SECONDS = 30;
    /** A day: a list file replaced is read within a day at the latest. */
    public static final int MAX_RELOAD_SECONDS = 86_400;

    private final InstantSource clock;
    private volatile ReloadingListFile allow;
    private volatile ReloadingListFile deny;
    private volatile ReloadingListFile torExits;
    private final TunedSettings<InlineLists> inline = new TunedSettings<>(IpReputationEvaluator.ID,
            options -> InlineLists.read(options, ALLOW_LIST, DENY_LIST),
            ALLOW_LIST_FILE, DENY_LIST_FILE, TOR_EXIT_LIST_FILE, RELOAD_SECONDS);

    public IpReputationEvaluatorFactory() {
        this(InstantSource.system());
    }

    /** For tests: a controllable clock drives the reload checks. */
    IpReputationEvaluatorFactory(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public String getId() {
        return IpReputationEvaluator.ID;
    }

    @Override
    public void init(Config.Scope config) {
        OptionReader options = new OptionReader(OptionReader.evaluator(getId()), config);
        Duration interval = Duration.ofSeconds(options.integer(RELOAD_SECONDS, DEFAULT_RELOAD_SECONDS, 1, MAX_RELOAD_SECONDS));
        allow = open(options, ALLOW_LIST_FILE, interval);
        deny = open(options, DENY_LIST_FILE, interval);
        torExits = open(options, TOR_EXIT_LIST_FILE, interval);
        inline.init(config);
    }

    private ReloadingListFile open(OptionReader options, String key, Duration interval) {
        String value = options.string(key, null);
        if (value == null) {
            return null;
        }
        try {
            return new ReloadingListFile(Path.of(value), interval, clock);
        } catch (InvalidPathException e) {
            options.invalid(key, value, e.getMessage(), "no list");
            return null;
        }
    }

    /** The lists as they stand now (reloading any file whose check interval has passed). */
    public IpLists currentLists() {
        return new IpLists(snapshot(allow), snapshot(deny), snapshot(torExits));
    }

    private static ListSnapshot snapshot(ReloadingListFile file) {
        return file == null ? null : file.current();
    }

    @Override
    public RiskEvaluatorProvider create(KeycloakSession session) {
        return new DelegatingEvaluatorProvider(new IpReputationEvaluator(currentLists(), inline.current(session)));
    }

    /** Files and their reload stay the server's: a realm must not make the server read a file of its choosing. */
    @Override
    public List<ProviderConfigProperty> realmOptions() {
        return inline.realmOptions(getConfigMetadata());
    }

    @Override
    public List<String> realmOptionProblems(Map<String, String> realmValues) {
        return inline.problems(realmValues);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(ALLOW_LIST_FILE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("File of trusted addresses and CIDR prefixes, one per line; '#' comments.").add()
                .property().name(DENY_LIST_FILE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("File of blocked addresses and CIDR prefixes, one per line; '#' comments.").add()
                .property().name(TOR_EXIT_LIST_FILE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("File of Tor exit-node addresses, one per line (e.g. the Tor Project's bulk exit list).").add()
                .property().name(RELOAD_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(String.valueOf(DEFAULT_RELOAD_SECONDS))
                .helpText("Seconds at least between two checks of the list files for a changed one").add()
                .property().name(ALLOW_LIST).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Trusted addresses and CIDR prefixes, separated by commas (e.g. 198.51.100.0/24), beside the allow list file.").add()
                .property().name(DENY_LIST).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Blocked addresses and CIDR prefixes, separated by commas, beside the deny list file.").add()
                .build();
    }
}
