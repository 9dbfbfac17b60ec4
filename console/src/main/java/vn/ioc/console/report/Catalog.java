package vn.ioc.console.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.Yaml;

/** The agencies and report categories of {@code report/report-categories.yaml}. */
public final class Catalog {

    static final String HUE_RESOURCE = "/report/report-categories.yaml";

    private final Map<String, Agency> agencies = new LinkedHashMap<>();
    private final Map<String, ReportCategory> categories = new LinkedHashMap<>();

    private Catalog(List<Agency> agencies, List<ReportCategory> categories) {
        agencies.forEach(a -> this.agencies.put(a.code(), a));
        categories.forEach(c -> this.categories.put(c.code(), c));
    }

    public static Catalog hue() {
        try (InputStream in = Catalog.class.getResourceAsStream(HUE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + HUE_RESOURCE);
            }
            Map<String, List<Map<String, Object>>> root = new Yaml().load(in);
            List<Agency> agencies = root.get("agencies").stream().map(Catalog::agency).toList();
            List<ReportCategory> categories = root.get("categories").stream().map(Catalog::category).toList();
            return new Catalog(agencies, categories);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Agency agency(Map<String, Object> a) {
        return new Agency((String) a.get("code"), (String) a.get("name_vi"), (String) a.get("name_en"),
                Agency.Scope.valueOf(((String) a.get("scope")).toUpperCase()));
    }

    @SuppressWarnings("unchecked")
    private static ReportCategory category(Map<String, Object> c) {
        Map<String, Object> sla = (Map<String, Object>) c.get("sla");
        ServiceLevel level = sla.containsKey("hours")
                ? ServiceLevel.ofHours(((Number) sla.get("hours")).longValue())
                : ServiceLevel.ofWorkingDays(((Number) sla.get("working_days")).intValue());
        return new ReportCategory((String) c.get("code"), (String) c.get("name_vi"), (String) c.get("name_en"),
                (String) c.get("agency"), level, Boolean.TRUE.equals(c.get("urgent")), Boolean.TRUE.equals(c.get("public")));
    }

    public List<ReportCategory> categories() {
        return List.copyOf(categories.values());
    }

    public Optional<ReportCategory> category(String code) {
        return Optional.ofNullable(categories.get(code));
    }

    public Optional<Agency> agency(String code) {
        return Optional.ofNullable(agencies.get(code));
    }
}
