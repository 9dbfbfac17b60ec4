package vn.ioc.console.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.ioc.console.ConsoleIntegrationTest;
import vn.ioc.console.HeadlessChromium;
import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.store.IncidentStore;

/**
 * The operator map at a city's scale: 10,000 devices and 1,000 open incidents in the console's
 * store, the map opened logged in, in headless Chromium, with clustering (the map as shipped) and
 * with {@code ?cluster=off} (every marker drawn on its own, the baseline), alternately in one run.
 * Not part of the test run (the name ends in neither Test nor IT): {@code console/bench/map-benchmark.sh}
 * runs it and writes the figures to {@code console/bench/map-benchmark.md}.
 */
class MapBenchmark extends ConsoleIntegrationTest {

    static final int DEVICES = Integer.getInteger("bench.devices", 10_000);
    static final int INCIDENTS = Integer.getInteger("bench.incidents", 1_000);
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    /** Huế and its edges: where the devices and incidents are spread. */
    static final double SOUTH = 16.40, NORTH = 16.53, WEST = 107.52, EAST = 107.66;
    static final List<String> METRICS = List.of("fcp", "devicesReady", "incidentsReady", "devicesPainted", "incidentsPainted", "longTasks");

    @Test
    void mapAtCityScale() throws Exception {
        Random random = new Random(42);
        try (Connection c = DB.connect()) {
            seedDevices(c, random);
            seedIncidents(c, random);
        }
        Map<String, List<Double>> clustered = new java.util.LinkedHashMap<>();
        Map<String, List<Double>> unclustered = new java.util.LinkedHashMap<>();
        try (HeadlessChromium chromium = HeadlessChromium.start(Duration.ofMinutes(3))) {
            chromium.logInToTheMap(url(""), ADMIN, ADMIN_PASSWORD);
            open(chromium, ""); // warm-up: the server's first answers and Chromium's caches, not counted
            for (int run = 0; run < RUNS; run++) {
                add(clustered, open(chromium, ""));
                add(unclustered, open(chromium, "?cluster=off"));
            }
        }
        String table = table(clustered, unclustered);
        System.out.println(table);
        String out = System.getProperty("bench.out");
        if (out != null) {
            Files.writeString(Path.of(out), table, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** Loads the map and returns its timings in milliseconds since navigation started. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> open(HeadlessChromium chromium, String query) throws InterruptedException {
        // from a blank page: the previous map's teardown (thousands of elements) must not count against this load
        chromium.browser().get("about:blank");
        Thread.sleep(1000);
        chromium.browser().get(url("/" + query));
        WebDriverWait wait = new WebDriverWait(chromium.browser(), Duration.ofMinutes(3), Duration.ofMillis(50));
        wait.until(d -> chromium.dataset("devicesPainted") != null && chromium.dataset("incidentsPainted") != null);
        int devices = Integer.parseInt(chromium.dataset("devices"));
        if (devices < DEVICES) {
            throw new IllegalStateException("expected " + DEVICES + " devices on the map but it has " + devices);
        }
        return (Map<String, Object>) ((JavascriptExecutor) chromium.browser()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const d = document.body.dataset;
                const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                let blocked = 0;
                try {
                  new PerformanceObserver(list => list.getEntries().forEach(e => { blocked += e.duration; }))
                      .observe({ type: 'longtask', buffered: true });
                } catch (e) { blocked = -1; }
                setTimeout(() => done({ fcp: fcp ? fcp.startTime : -1, devicesReady: +d.devicesReady, incidentsReady: +d.incidentsReady,
                  devicesPainted: +d.devicesPainted, incidentsPainted: +d.incidentsPainted, longTasks: blocked }), 200);""");
    }

    private static void add(Map<String, List<Double>> into, Map<String, Object> run) {
        for (String metric : METRICS) {
            into.computeIfAbsent(metric, k -> new ArrayList<>()).add(((Number) run.get(metric)).doubleValue());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String table(Map<String, List<Double>> clustered, Map<String, List<Double>> unclustered) {
        Map<String, String> names = Map.of(
                "fcp", "first contentful paint",
                "devicesReady", "all device and camera markers in their layer",
                "incidentsReady", "all incident markers in their layer",
                "devicesPainted", "devices drawn, page free again",
                "incidentsPainted", "incidents drawn, page free again",
                "longTasks", "main thread blocked (sum of tasks over 50 ms)");
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%n%d devices, %d open incidents; median of %d loads each, ms since navigation:%n%n", DEVICES, INCIDENTS, RUNS));
        s.append("| measure | clustered (as shipped) | unclustered (`?cluster=off`) | unclustered / clustered |\n|---|---|---|---|\n");
        for (String metric : METRICS) {
            double on = median(clustered.get(metric));
            double off = median(unclustered.get(metric));
            s.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s |%n", names.get(metric), on, off,
                    on > 0 ? String.format(Locale.ROOT, "%.2f×", off / on) : "–"));
        }
        return s.toString();
    }

    /** Sites of one device each, every fifth a camera, a few offline, spread over the city. */
    private static void seedDevices(Connection c, Random random) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement site = c.prepareStatement("""
                INSERT INTO site (id, agent_id, name, lat, lon, ward, online, status_reason, status_at, last_seen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement device = c.prepareStatement("INSERT INTO device (site, id, kind, type, public) VALUES (?, ?, ?, ?, ?)")) {
            for (int n = 0; n < DEVICES; n++) {
                String id = String.format(Locale.ROOT, "bench-%05d", n);
                boolean online = random.nextInt(20) != 0;
                site.setString(1, id);
                site.setString(2, "agent-" + id);
                site.setString(3, "Trạm đo " + n);
                site.setDouble(4, SOUTH + random.nextDouble() * (NORTH - SOUTH));
                site.setDouble(5, WEST + random.nextDouble() * (EAST - WEST));
                site.setString(6, "Phường " + (n % 40));
                site.setBoolean(7, online);
                site.setString(8, online ? null : "connection lost");
                site.setTimestamp(9, now);
                site.setTimestamp(10, now);
                site.addBatch();
                boolean camera = n % 5 == 0;
                device.setString(1, id);
                device.setString(2, camera ? "cam-1" : "s-1");
                device.setString(3, camera ? "CAMERA" : "SENSOR");
                device.setString(4, camera ? "traffic" : "water_level");
                device.setBoolean(5, camera);
                device.addBatch();
                if (n % 1000 == 999) {
                    site.executeBatch();
                    device.executeBatch();
                }
            }
            site.executeBatch();
            device.executeBatch();
        }
    }

    /** Open incidents of every type; one in twenty critical. */
    private static void seedIncidents(Connection c, Random random) throws SQLException {
        Incident.Type[] types = Incident.Type.values();
        Incident.Severity[] others = {Incident.Severity.HIGH, Incident.Severity.MEDIUM, Incident.Severity.LOW};
        Instant now = Instant.now();
        for (int n = 0; n < INCIDENTS; n++) {
            String site = String.format(Locale.ROOT, "bench-%05d", random.nextInt(DEVICES));
            Incident.Severity severity = n % 20 == 0 ? Incident.Severity.CRITICAL : others[random.nextInt(others.length)];
            Instant opened = now.minusSeconds(random.nextInt(6 * 3600));
            Incident i = new Incident("bench-incident-" + n, types[n % types.length], severity, Incident.Status.OPEN, site, "s-1", "value",
                    SOUTH + random.nextDouble() * (NORTH - SOUTH), WEST + random.nextDouble() * (EAST - WEST), "Phường " + (n % 40),
                    opened, opened, null, 1.0, "benchmark incident " + n, 1, 0.8,
                    List.of(new Evidence(Evidence.Kind.SENSOR, site, null, null, opened, "benchmark")));
            IncidentStore.applyFromJob(c, i, "opened", i.summary());
        }
    }
}
