package vn.ioc.console;

import vn.ioc.console.open311.RegisteredApps;
import vn.ioc.ingest.testing.TestBroker;

/** Open311 apps registered as an administrator does, so that posts with their api_key are accepted. */
public final class TestApps {

    private TestApps() {
    }

    /** Registers a new app and returns its api_key. */
    public static String register(RegisteredApps apps, String name) {
        return apps.register(TestBroker.unique(name), "test").apiKey();
    }

    /** What a report filed with the key stores as its client. */
    public static String client(RegisteredApps apps, String apiKey) {
        return "app:" + apps.byKey(apiKey).orElseThrow().id();
    }
}
