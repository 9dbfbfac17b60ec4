package vn.ioc.edge.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ioc.edge.AnalyzeCommand;

class AnalyzeCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void allThreeFilesAreNeeded() {
        assertThatThrownBy(() -> AnalyzeCommand.parse(new String[] {"--video", "a.mp4"}))
                .isInstanceOf(AnalyzeCommand.UsageException.class)
                .hasMessage("--video, --camera and --out are all needed");
        assertThatThrownBy(() -> AnalyzeCommand.parse(new String[] {"--video"}))
                .hasMessage("--video needs a value");
        assertThatThrownBy(() -> AnalyzeCommand.parse(new String[] {"--speed", "2"}))
                .hasMessage("unknown argument '--speed'");
    }

    @Test
    void missingFilesAreUsageErrors() throws Exception {
        Path camera = Files.writeString(dir.resolve("c.yaml"), "lanes: []\n");
        assertThatThrownBy(() -> AnalyzeCommand.parse(new String[] {
                "--video", dir.resolve("none.mp4").toString(), "--camera", camera.toString(), "--out", dir.resolve("o.jsonl").toString()}))
                .hasMessage("--video: " + dir.resolve("none.mp4") + " is not a readable file");
        assertThatThrownBy(() -> AnalyzeCommand.parse(new String[] {
                "--video", camera.toString(), "--camera", camera.toString(), "--out", dir.resolve("no/such/o.jsonl").toString()}))
                .hasMessageStartingWith("--out: the folder of");
    }

    @Test
    void fileThatIsNoVideoIsAUsageError() throws Exception {
        Path notVideo = Files.writeString(dir.resolve("v.mp4"), "not a video");
        Path camera = Files.writeString(dir.resolve("c.yaml"), "lanes: []\n");
        AnalyzeCommand.Options options = AnalyzeCommand.parse(new String[] {
                "--video", notVideo.toString(), "--camera", camera.toString(), "--out", dir.resolve("o.jsonl").toString()});
        assertThat(options.video()).isEqualTo(notVideo);
        assertThatThrownBy(() -> AnalyzeCommand.run(options))
                .isInstanceOf(AnalyzeCommand.UsageException.class)
                .hasMessageStartingWith("--video: " + notVideo + " cannot be decoded");
    }
}
