package io.zerotrust.keycloak.theme;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account page "Privileged access" reads its texts by key from the account theme's messages: every key its
 * modules use must be there in every language the theme offers, and the page in the console's menu too.
 */
class PrivilegedAccessMessagesTest {

    private static final String ACCOUNT = "/theme/zero-trust/account/";
    /** A message key as the modules write it, also where a condition chooses it: "zt" and a capital (ids are zt-...). */
    private static final Pattern KEY = Pattern.compile("\"(zt[A-Z][A-Za-z_]*)\"");
    private static final List<String> STATES = List.of("PENDING", "ACTIVE", "REFUSED", "ENDED", "EXPIRED");

    private static Properties messages(String language) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = PrivilegedAccessMessagesTest.class.getResourceAsStream(ACCOUNT + "messages/messages_" + language + ".properties")) {
            assertThat(in).as("messages_%s.properties", language).isNotNull();
            messages.load(in);
        }
        return messages;
    }

    /** The keys in the page's modules, and those StateLabel builds from the state names. */
    private static Set<String> usedKeys() throws IOException, URISyntaxException {
        Path modules = Path.of(PrivilegedAccessMessagesTest.class.getResource(ACCOUNT + "resources/zt-access").toURI());
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(modules)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        STATES.forEach(state -> keys.add("ztAccessState_" + state));
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void everyKeyThePageUsesHasAText(String language) throws Exception {
        Properties messages = messages(language);
        Set<String> keys = usedKeys();
        assertThat(keys).contains("ztPrivilegedAccess", "ztAccessSignInNote", "ztAccessRecentSignInNote", "ztAccessActivated");
        for (String key : keys) {
            assertThat(messages.getProperty(key)).as(language + " " + key).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void languagesHaveTheSameKeys(String language) throws IOException {
        assertThat(messages(language).stringPropertyNames()).isEqualTo(messages("en").stringPropertyNames());
    }

    @Test
    void theMenuEntryNamesAKeyOfTheMessages() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(ACCOUNT + "resources/content.json")) {
            String content = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(content).contains("\"label\": \"ztPrivilegedAccess\"").contains("\"modulePath\": \"/zt-access/privileged-access.js\"");
        }
        assertThat(messages("en").getProperty("ztPrivilegedAccess")).isEqualTo("Privileged access");
    }
}
