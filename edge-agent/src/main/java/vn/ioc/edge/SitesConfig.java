package vn.ioc.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sites to replay, loaded and checked: every series file read, every start inside its
 * recording, every video present. The bundled configuration places the Huế sites; another
 * file in the same format may replace it.
 */
public record SitesConfig(List<Site> sites) {

    /** The bundled configuration, a classpath resource; its relative paths are resources beside it. */
    public static final String BUNDLED = "replay/hue-sites.yaml";
    private static final String CLASSPATH = "classpath:";

    public SitesConfig {
        sites = List.copyOf(sites);
    }

    public static SitesConfig bundled() {
        ClassLoader loader = SitesConfig.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled replay configuration " + BUNDLED + " is missing from the classpath");
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(yaml, BUNDLED, path -> resource("replay/" + path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        } catch (InvalidConfigException e) {
            throw new IllegalStateException("the bundled replay configuration is invalid: " + e.getMessage(), e);
        }
    }

    /** Reads a configuration file; its relative paths are files beside it, {@code classpath:…} the bundled data. */
    public static SitesConfig load(Path file) throws IOException, InvalidConfigException {
        Path dir = file.toAbsolutePath().getParent();
        return parse(Files.readString(file), file.toString(), path -> {
            Path p = dir.resolve(path);
            try {
                return Files.isRegularFile(p) ? p.toUri().toURL() : null;
            } catch (MalformedURLException e) {
                return null;
            }
        });
    }

    /**
     * @param origin   what errors call the configuration
     * @param resolver finds a relative data path; null when there is no such file
     */
    public static SitesConfig parse(String yaml, String origin, Function<String, URL> resolver) throws InvalidConfigException {
        Function<String, URL> withClasspath = path -> path.startsWith(CLASSPATH)
                ? resource(path.substring(CLASSPATH.length()))
                : resolver.apply(path);
        return new SitesConfigReader(origin, withClasspath).read(yaml);
    }

    private static URL resource(String path) {
        return SitesConfig.class.getClassLoader().getResource(path);
    }

    public Optional<Site> site(String id) {
        return sites.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public SitesConfig map(Function<Site, Site> change) {
        List<Site> out = new ArrayList<>(sites.size());
        for (Site s : sites) {
            out.add(change.apply(s));
        }
        return new SitesConfig(out);
    }
}
