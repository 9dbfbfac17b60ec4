package vn.ioc.console.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every phrase exists in both languages: the server-rendered pages' message bundles have the
 * same keys, each page dictionary has the same keys in Vietnamese and English, and every key a
 * page's markup asks for is in the dictionaries it loads.
 */
class LanguageBundlesTest {

    private static final Path STATIC = Path.of("src/main/resources/static");
    private static final Pattern SCRIPT = Pattern.compile("<script src=\"(?:\\.\\./)?(js/i18n/[\\w-]+\\.js)\"");
    private static final Pattern TEXT_KEY = Pattern.compile("data-i18n=\"([^\"]+)\"");
    private static final Pattern ATTR_KEYS = Pattern.compile("data-i18n-attr=\"([^\"]+)\"");

    @Test
    void englishMessagesHaveExactlyTheVietnameseKeys() throws IOException {
        Set<String> vi = keys("messages.properties");
        Set<String> en = keys("messages_en.properties");
        assertThat(vi).isNotEmpty();
        assertThat(new TreeSet<>(en)).isEqualTo(new TreeSet<>(vi));
    }

    @ParameterizedTest
    @ValueSource(strings = {"public-nav", "report-form", "cameras", "dashboard", "public-map"})
    void aPageDictionaryHasTheSameKeysInBothLanguages(String page) throws IOException {
        JsonNode d = dictionary("js/i18n/" + page + ".js");
        Set<String> vi = new TreeSet<>(d.get("vi").propertyNames());
        Set<String> en = new TreeSet<>(d.get("en").propertyNames());
        assertThat(vi).isNotEmpty();
        assertThat(en).as(page + ": English keys").isEqualTo(vi);
        d.get("vi").properties().forEach(e -> assertThat(e.getValue().asString()).as(page + " vi " + e.getKey()).isNotBlank());
        d.get("en").properties().forEach(e -> assertThat(e.getValue().asString()).as(page + " en " + e.getKey()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"public/report.html", "public/cameras.html", "public/map.html", "cameras.html", "dashboard.html"})
    void everyKeyAPageAsksForIsInItsDictionaries(String page) throws IOException {
        String html = Files.readString(STATIC.resolve(page));
        Set<String> known = new HashSet<>();
        Matcher scripts = SCRIPT.matcher(html);
        while (scripts.find()) {
            dictionary(scripts.group(1)).get("vi").propertyNames().forEach(known::add);
        }
        assertThat(html).as(page + " loads js/i18n.js").containsPattern("src=\"(\\.\\./)?js/i18n\\.js\"");
        assertThat(html).as(page + " has a language switch").contains("class=\"lang-switch\"");
        assertThat(html).as(page + " shows no 'Vietnamese / English' text").doesNotContainPattern("<small>/ ");
        Set<String> asked = new TreeSet<>();
        Matcher text = TEXT_KEY.matcher(html);
        while (text.find()) {
            asked.add(text.group(1));
        }
        Matcher attrs = ATTR_KEYS.matcher(html);
        while (attrs.find()) {
            for (String pair : attrs.group(1).split(";")) {
                asked.add(pair.split(":")[1].strip());
            }
        }
        assertThat(asked).isNotEmpty();
        assertThat(known).as(page).containsAll(asked);
    }

    private static Set<String> keys(String bundle) throws IOException {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", bundle)), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p.stringPropertyNames();
    }

    /** A dictionary file is I18n.add( strict JSON ); so that it can be read here without a JavaScript engine. */
    private static JsonNode dictionary(String file) throws IOException {
        String js = Files.readString(STATIC.resolve(file));
        int start = js.indexOf("I18n.add({");
        int end = js.lastIndexOf(");");
        assertThat(start).as(file + " calls I18n.add({").isNotNegative();
        return JsonMapper.builder().build().readTree(js.substring(start + "I18n.add(".length(), end));
    }
}
