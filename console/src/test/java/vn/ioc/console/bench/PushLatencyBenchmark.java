package vn.ioc.console.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ConfigurableApplicationContext;

import vn.ioc.console.IocConsoleApplication;
import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.IncidentCodec;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.embedded.Ports;
import vn.ioc.ingest.mqtt.MqttConnection;
import vn.ioc.ingest.mqtt.MqttSettings;
import vn.ioc.ingest.testing.TestBroker;
import vn.ioc.ingest.testing.TestDatabase;

/**
 * WebSocket push latency: the real console (Spring Boot, Tomcat, Spring Security) on a real
 * broker and database, browsers that log in with the form and open {@code /ws/live} with their
 * session cookie, and incident updates published over MQTT at a fixed rate as the stream job
 * publishes them. For every (update, browser) it measures the delay from the publish to the
 * WebSocket frame's arrival, and counts the updates that never arrived.
 *
 * <p>Two phases in one run: a baseline with one browser, then all of them. A plain MQTT
 * subscriber on the same broker measures the broker's own publish-to-subscribe delay throughout,
 * so the console's share can be told from the broker's.
 *
 * <p>Run by {@code console/bench/push-benchmark.sh}; not a test, so the build never runs it.
 * Arguments: {@code out.md clients rate warmupSeconds baselineSeconds measureSeconds [label [logins]]};
 * with fewer logins than browsers, browsers share sessions (quicker to start, same push path).
 * The broker and database are those of {@link TestBroker} and {@link TestDatabase}
 * ({@code IOC_TEST_MQTT_URL}, {@code IOC_TEST_PG_URL}, else embedded ones).
 */
public final class PushLatencyBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final String PASSWORD = "bench-" + UUID.randomUUID();
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final int TARGET_P99_MS = 200;
    private static final String WHOLE = "whole process (all threads, GC and JIT included)";

    private final Path out;
    private final int clients;
    private final int rate;
    private final int warmupS;
    private final int baselineS;
    private final int measureS;
    private final String label;
    private final int logins;
    private final String run = "pb" + UUID.randomUUID().toString().substring(0, 6) + "-";
    private final AtomicLongArray sentAt;
    private final IncidentCodec codec = new IncidentCodec();
    private final Instant opened = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final ExecutorService socketThreads = Executors.newFixedThreadPool(4, named("bench-ws-"));
    private final List<HttpClient> socketClients = new ArrayList<>();
    private final List<BenchSocket> sockets = new ArrayList<>();
    private final List<WebSocket> open = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private BenchSocket mqttBaseline;
    private MqttConnection publisher;
    private int port;
    private int nextSeq;

    private PushLatencyBenchmark(String[] args) {
        out = Path.of(args[0]);
        clients = Integer.parseInt(args[1]);
        rate = Integer.parseInt(args[2]);
        warmupS = Integer.parseInt(args[3]);
        baselineS = Integer.parseInt(args[4]);
        measureS = Integer.parseInt(args[5]);
        label = args.length > 6 ? args[6] : "";
        logins = args.length > 7 ? Math.min(clients, Integer.parseInt(args[7])) : clients;
        sentAt = new AtomicLongArray(rate * (2 * warmupS + baselineS + measureS + 10) + 1_000);
        for (int i = 0; i < 4; i++) {
            socketClients.add(HttpClient.newBuilder().executor(socketThreads).build());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: PushLatencyBenchmark out.md clients rate warmupSeconds baselineSeconds measureSeconds [label [logins]]");
            System.exit(2);
        }
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "ioc-logback.xml");
        }
        new PushLatencyBenchmark(args).run();
        System.exit(0);
    }

    private void run() throws Exception {
        String load = loadAverage();
        TestDatabase db = TestDatabase.freshSchema();
        String broker = TestBroker.url();
        port = Ports.free();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("server.port", Integer.toString(port));
        props.put("spring.datasource.url", db.jdbcUrl());
        props.put("ioc.mqtt.url", broker);
        props.put("ioc.admin.password", PASSWORD);
        props.put("ioc.map.tile-url", "");
        props.put("logging.level.root", "WARN");
        props.put("logging.level.vn.ioc.console.live", "INFO");
        ConfigurableApplicationContext console = IocConsoleApplication.start(props);
        try {
            publisher = MqttConnection.builder(MqttSettings.of(broker, run + "publisher")).build().connect(Duration.ofSeconds(30));
            mqttBaseline = new BenchSocket(run, sentAt);
            MqttConnection raw = MqttConnection.builder(MqttSettings.of(broker, run + "raw"))
                    .subscribe(Topics.ALL_INCIDENTS, 1)
                    .listener((topic, m) -> mqttBaseline.record(new String(m.getPayload(), StandardCharsets.UTF_8), System.nanoTime()))
                    .build().connect(Duration.ofSeconds(30));

            long t = System.nanoTime();
            List<String> distinct = logIn(logins);
            double loginS = (System.nanoTime() - t) / 1e9;
            log("%d form logins in %.1f s", logins, loginS);
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                sessions.add(distinct.get(i % distinct.size()));
            }

            connect(sessions.subList(0, 1));
            awaitConsoleSubscribed();
            Phase baseline = phase("1 browser", 1, baselineS);

            t = System.nanoTime();
            connect(sessions.subList(1, clients));
            log("%d more WebSockets open in %.1f s", clients - 1, (System.nanoTime() - t) / 1e9);
            Phase full = phase(clients + " browsers", clients, measureS);

            raw.close();
            publisher.close();
            write(db, broker, load, loginS, baseline, full);
        } finally {
            console.close();
            open.forEach(WebSocket::abort);
            db.drop();
        }
    }

    /** Form login as a browser does it: the login page's CSRF token, then the post; returns the session id. */
    private List<String> logIn(int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<String>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return logIn();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            return all.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    private String logIn() throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("http", "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF field on the login page");
        }
        String form = "username=admin&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(uri("http", "/login"))
                .header("Cookie", "JSESSIONID=" + session(page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.headers().map());
        }
        return session(login);
    }

    private static String session(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(SESSION::matcher).filter(Matcher::find).map(m -> m.group(1))
                .findFirst().orElseThrow(() -> new IllegalStateException("no session cookie in " + response.headers().map()));
    }

    private void connect(List<String> sessionIds) {
        List<CompletableFuture<WebSocket>> all = new ArrayList<>();
        for (String id : sessionIds) {
            BenchSocket socket = new BenchSocket(run, sentAt);
            sockets.add(socket);
            HttpClient client = socketClients.get(sockets.size() % socketClients.size());
            all.add(client.newWebSocketBuilder().header("Cookie", "JSESSIONID=" + id).connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(uri("ws", "/ws/live"), socket));
        }
        all.forEach(f -> open.add(f.join()));
    }

    /** The console connects to the broker in the background: publish until the first browser sees an update. */
    private void awaitConsoleSubscribed() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sockets.get(0).received() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no update reached the browser in 60 s");
            }
            publish(nextSeq++);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    /** Warm-up at the rate, then the measured updates, then time for the last ones to arrive. */
    private Phase phase(String name, int browsers, int seconds) throws InterruptedException {
        log("%s: warming up %d s", name, warmupS);
        publishFor(warmupS);
        Map<String, Long> cpuBefore = cpuByThread();
        long wallBefore = System.nanoTime();
        int first = nextSeq;
        log("%s: measuring %d s", name, seconds);
        publishFor(seconds);
        int last = nextSeq;
        long wall = System.nanoTime() - wallBefore;
        Map<String, Long> cpu = cpuByGroup(cpuBefore, cpuByThread());
        Thread.sleep(DRAIN.toMillis());
        Phase p = new Phase(name, browsers, first, last, wall, cpu, loadAverage());
        log("%s: %s", name, p.push.summary());
        return p;
    }

    private void publishFor(int seconds) {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long end = next + TimeUnit.SECONDS.toNanos(seconds);
        while (next < end) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            publish(nextSeq++);
            next += interval;
        }
    }

    /** Incident {@code seq}: as the job publishes one, with a camera's evidence. */
    private void publish(int seq) {
        String id = run + seq;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Incident i = new Incident(id, Incident.Type.CONGESTION, Incident.Severity.HIGH, Incident.Status.OPEN,
                "hue-bench", "cam-1", "queue_length", 16.4725, 107.5862, "Phường Đông Ba", opened, now, null, 42.0,
                "Hàng xe dài 42 m trên đường Lê Duẩn", 1 + seq, 0.6,
                List.of(new Evidence(Evidence.Kind.CAMERA, "hue-bench/cam-1", "queue_length", 42.0, now, "queue 42 m")));
        byte[] payload = codec.encode(i);
        sentAt.set(seq, System.nanoTime());
        publisher.publish(Topics.incident(id), payload, 1, false);
    }

    /** What one phase measured. */
    private final class Phase {
        final String name;
        final int browsers;
        final int updates;
        final double seconds;
        final Stats push;
        final Stats mqtt;
        final Map<String, Long> cpuNanos;
        final String loadAfter;
        final List<String> closed = new ArrayList<>();

        Phase(String name, int browsers, int first, int last, long wallNanos, Map<String, Long> cpuNanos, String loadAfter) {
            this.name = name;
            this.browsers = browsers;
            this.updates = last - first;
            this.seconds = wallNanos / 1e9;
            this.cpuNanos = cpuNanos;
            this.loadAfter = loadAfter;
            this.push = Stats.of(sockets.subList(0, browsers), first, last);
            this.mqtt = Stats.of(List.of(mqttBaseline), first, last);
            sockets.subList(0, browsers).stream().map(BenchSocket::closed).filter(c -> c != null).forEach(closed::add);
        }
    }

    /** Delays of every (update, receiver) in a range of updates. */
    record Stats(long expected, long lost, long duplicates, double p50, double p95, double p99, double p999, double max) {

        static Stats of(List<BenchSocket> receivers, int first, int last) {
            int[] all = new int[(last - first) * receivers.size()];
            int n = 0;
            long lost = 0;
            long dup = 0;
            for (BenchSocket r : receivers) {
                dup += r.duplicates();
                for (int seq = first; seq < last; seq++) {
                    int d = r.delayMicros(seq);
                    if (d < 0) {
                        lost++;
                    } else {
                        all[n++] = d;
                    }
                }
            }
            int[] got = Arrays.copyOf(all, n);
            Arrays.sort(got);
            return new Stats(all.length, lost, dup, ms(got, 0.50), ms(got, 0.95), ms(got, 0.99), ms(got, 0.999),
                    n == 0 ? Double.NaN : got[n - 1] / 1000.0);
        }

        /** Nearest rank. */
        private static double ms(int[] sorted, double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1000.0;
        }

        String summary() {
            return String.format("p50 %.1f ms, p95 %.1f, p99 %.1f, max %.1f, lost %d of %d", p50, p95, p99, max, lost, expected);
        }
    }

    /** CPU time per thread (by id and name), to see where a phase's work went. */
    private static Map<String, Long> cpuByThread() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byThread = new java.util.HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    byThread.put(info.getThreadId() + " " + info.getThreadName(), cpu);
                }
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            byThread.put("0 " + WHOLE, os.getProcessCpuTime());
        }
        return byThread;
    }

    /**
     * CPU used between two snapshots per thread family; a thread that ended in between is missed
     * (the whole-process figure still has it).
     */
    private static Map<String, Long> cpuByGroup(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> byGroup = new java.util.TreeMap<>();
        after.forEach((thread, cpu) -> byGroup.merge(group(thread.substring(thread.indexOf(' ') + 1)),
                cpu - before.getOrDefault(thread, 0L), Long::sum));
        return byGroup;
    }

    private static String group(String thread) {
        if (thread.equals(WHOLE)) {
            return WHOLE;
        }
        if (thread.startsWith("ioc-live-send")) {
            return "console: live senders (ioc-live-send-*)";
        }
        if (thread.startsWith("http-nio")) {
            return "console: Tomcat (http-nio-*)";
        }
        if (thread.startsWith("MQTT") && !thread.contains("pb")) {
            return "console: its MQTT client (Paho)";
        }
        if (thread.startsWith("MQTT")) {
            return "benchmark: publisher and raw subscriber (Paho)";
        }
        if (thread.startsWith("bench-ws") || thread.startsWith("HttpClient")) {
            return "benchmark: the browsers (JDK WebSocket)";
        }
        if (thread.startsWith("main")) {
            return "benchmark: publishing loop";
        }
        return "other";
    }

    private void write(TestDatabase db, String broker, String loadBefore, double loginS, Phase baseline, Phase full) throws IOException {
        String earlier = "";
        if (Files.exists(out)) {
            String old = Files.readString(out);
            int at = old.indexOf("\n## Earlier runs");
            earlier = at < 0 ? "" : old.substring(at);
        }
        StringBuilder md = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        md.append("# WebSocket push latency\n\n");
        md.append(String.format("Made by `console/bench/push-benchmark.sh` on %s%s.%n%n", LocalDate.now(ZoneOffset.UTC),
                label.isBlank() ? "" : " (" + label + ")"));
        md.append("- **Machine**: ").append(rt.availableProcessors()).append(" cores (").append(cpuModel())
                .append("), shared with other users; load average before the run ").append(loadBefore)
                .append(", after the baseline ").append(baseline.loadAfter).append(", after the full phase ")
                .append(full.loadAfter).append(".\n");
        md.append("- **JVM**: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
                .append(", max heap ").append(rt.maxMemory() / (1024 * 1024)).append(" MB, ")
                .append(ManagementFactory.getGarbageCollectorMXBeans().get(0).getName().startsWith("G1") ? "G1" : "default GC")
                .append("; console, browsers and publisher in this one JVM (one clock).\n");
        md.append("- **Broker**: ").append(broker.startsWith("tcp://127.0.0.1:1883") ? "the machine's Mosquitto, " : "")
                .append('`').append(broker).append("`; **database**: `").append(db.jdbcUrl().replaceAll("[?&]currentSchema=\\w+", ""))
                .append("`, a fresh schema.\n");
        md.append(String.format("- **Load**: %d incident updates a second, published with QoS 1 on `ioc/v1/incidents/{id}` as the stream job does "
                + "(%d-byte JSON incidents with one evidence entry); %d s warm-up before each phase, %d s measured with one browser, "
                + "%d s with %d; %d s after the last update for stragglers.%n",
                rate, codec.encode(sampleIncident()).length, warmupS, baselineS, measureS, clients, DRAIN.toSeconds()));
        md.append(String.format("- **Browsers**: %s with the form (CSRF token, session cookie; %d logins took %.1f s) and opens "
                + "`/ws/live` with its cookie (JDK `java.net.http.WebSocket`). A delay is from just before the MQTT publish to the "
                + "frame's arrival at the browser; an update a browser never got counts as lost.%n%n",
                logins == clients ? "each logs in" : "they share " + logins + " sessions, logged in", logins, loginS));

        md.append("| phase | browsers | updates | deliveries expected | lost | duplicates | p50 ms | p95 ms | p99 ms | p99.9 ms | max ms |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : List.of(baseline, full)) {
            row(md, "push, " + p.name, p.browsers, p.updates, p.push);
            row(md, "raw MQTT (same broker, during " + p.name + ")", 1, p.updates, p.mqtt);
        }
        md.append('\n');
        md.append(String.format("- **Target p99 under %d ms**: %s (p99 %.1f ms with %d browsers%s).%n", TARGET_P99_MS,
                full.push.p99 < TARGET_P99_MS && full.push.lost == 0 ? "met" : "missed", full.push.p99, clients,
                full.push.lost == 0 ? ", nothing lost" : ", " + full.push.lost + " deliveries lost"));
        md.append(String.format("- **Ratios**: p99 with %d browsers / with one: %.2f×; p50 %.2f×. p99 push / raw MQTT p99 in the same phase: "
                + "%.2f× with one browser, %.2f× with %d.%n", clients, full.push.p99 / baseline.push.p99, full.push.p50 / baseline.push.p50,
                baseline.push.p99 / baseline.mqtt.p99, full.push.p99 / full.mqtt.p99, clients));
        if (!full.closed.isEmpty()) {
            md.append("- **Closed by the console** during the run: ").append(full.closed.size()).append(" (e.g. ")
                    .append(full.closed.get(0)).append(").\n");
        }
        md.append("\nCPU time per thread family during each measured phase (seconds of CPU per second of wall time; 2.0 is both cores):\n\n");
        md.append("| thread family | ").append(baseline.name).append(" | ").append(full.name).append(" |\n|---|---|---|\n");
        for (String group : full.cpuNanos.keySet()) {
            md.append(String.format("| %s | %.2f | %.2f |%n", group, baseline.cpuNanos.getOrDefault(group, 0L) / 1e9 / baseline.seconds,
                    full.cpuNanos.get(group) / 1e9 / full.seconds));
        }
        md.append(earlier);
        Files.writeString(out, md.toString());
        log("wrote %s", out);
    }

    private Incident sampleIncident() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new Incident(run + "100000", Incident.Type.CONGESTION, Incident.Severity.HIGH, Incident.Status.OPEN,
                "hue-bench", "cam-1", "queue_length", 16.4725, 107.5862, "Phường Đông Ba", opened, now, null, 42.0,
                "Hàng xe dài 42 m trên đường Lê Duẩn", 100001, 0.6,
                List.of(new Evidence(Evidence.Kind.CAMERA, "hue-bench/cam-1", "queue_length", 42.0, now, "queue 42 m")));
    }

    private static void row(StringBuilder md, String what, int receivers, int updates, Stats s) {
        md.append(String.format("| %s | %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", what, receivers, updates,
                s.expected(), s.lost(), s.duplicates(), s.p50(), s.p95(), s.p99(), s.p999(), s.max()));
    }

    private URI uri(String scheme, String path) {
        return URI.create(scheme + "://127.0.0.1:" + port + path);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void log(String format, Object... args) {
        System.out.printf("[push-benchmark] " + format + "%n", args);
    }
}
