package vn.ioc.edge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code run} says, and its exit status, when it cannot start; the running agent is {@code SiteAgentIT}'s. */
class RunCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureErr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr() {
        System.setErr(originalErr);
    }

    private String said() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutAConfigurationItSaysHowToCallIt() throws Exception {
        assertThat(RunCommand.run(new String[0], Map.of())).isEqualTo(2);
        assertThat(said()).contains("--config is required").contains(RunCommand.USAGE);
    }

    @Test
    void anUnknownOptionIsNamed() throws Exception {
        assertThat(RunCommand.run(new String[] {"--config", "a.yaml", "--fast"}, Map.of())).isEqualTo(2);
        assertThat(said()).contains("'--fast'");
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path missing = dir.resolve("agent.yaml");
        assertThat(RunCommand.run(new String[] {"--config", missing.toString()}, Map.of())).isEqualTo(2);
        assertThat(said()).contains("cannot read " + missing);
    }

    @Test
    void aWrongConfigurationStopsTheStartWithWhereItIsWrong() throws Exception {
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, "site: {id: hue-1, name: x, lat: 116, lon: 107}\nsensors: []\n");
        assertThat(RunCommand.run(new String[] {"--config", file.toString()}, Map.of())).isEqualTo(2);
        assertThat(said()).contains(file + " site").contains("'lat'").contains("116");
    }
}
