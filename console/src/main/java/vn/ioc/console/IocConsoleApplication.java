package vn.ioc.console;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator console: REST API, WebSocket push of live MQTT updates and the Leaflet map.
 * Everything it needs comes from configuration (application.yml, environment variables,
 * arguments); it keeps no static state, so one JVM may start it more than once.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IocConsoleApplication {

    /**
     * {@code java -jar ioc-console.jar} runs the console against the broker and database its
     * configuration names; {@code java -jar ioc-console.jar local} runs the whole system in this
     * process with embedded parts (see {@link vn.ioc.console.local.LocalLauncher}).
     */
    public static void main(String[] args) {
        // before the first logger exists: our configuration, not a library's logback.xml
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "ioc-logback.xml");
        }
        if (args.length > 0 && args[0].equals("local")) {
            vn.ioc.console.local.LocalLauncher.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(IocConsoleApplication.class, args);
    }

    /**
     * Starts the console with property overrides, for a launcher that brings up the broker and
     * database itself. The overrides are passed as command-line arguments, so they win over
     * application.yml and the environment; close the returned context to stop the console.
     */
    public static ConfigurableApplicationContext start(Map<String, String> overrides, String... args) {
        String[] all = Stream.concat(
                        overrides.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()),
                        Stream.of(args))
                .toArray(String[]::new);
        return SpringApplication.run(IocConsoleApplication.class, all);
    }
}
