package vn.ioc.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ioc.ingest.contract.SiteStatus;

class SitesConfigTest {

    private static final String VALID_SITE = """
            sites:
              - id: hue-test
                name: "Nút giao thử"
                lat: 16.469
                lon: 107.597
                sensors:
                  - id: loop-1
                    type: traffic-loop
                    start: "2015-09-16T07:30"
                    series:
                      - { metric: speed, unit: km/h, recordedUnit: mph, file: nab/realTraffic/speed_t4013.csv }
            """;

    private static SitesConfig parse(String yaml) throws InvalidConfigException {
        return SitesConfig.parse(yaml, "test.yaml", path -> SitesConfigTest.class.getClassLoader().getResource("replay/" + path));
    }

    @Test
    void bundledConfigurationPlacesTheHueSites() {
        SitesConfig config = SitesConfig.bundled();

        assertThat(config.sites()).extracting(Site::id).containsExactly(
                "hue-phuhoi", "hue-vinhninh", "hue-thuanthanh", "hue-phuhoa", "hue-vida",
                "hue-ancuu", "hue-phunhuan", "hue-xuanphu", "hue-kimlong", "hue-duc");
        assertThat(config.sites()).extracting(Site::ward, Site::lat, Site::lon).contains(
                tuple("Phú Hội", 16.469, 107.597), tuple("Kim Long", 16.467, 107.560), tuple("Phường Đúc", 16.4565, 107.5637));
        assertThat(config.sites().stream().filter(s -> !s.sensors().isEmpty())).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void bundledSensorsUseTheContractsMetricsUnitsAndTypes() {
        SitesConfig config = SitesConfig.bundled();

        Sensor phuhoi = config.site("hue-phuhoi").orElseThrow().sensors().get(0);
        assertThat(phuhoi.id()).isEqualTo("loop-1");
        assertThat(phuhoi.type()).isEqualTo("traffic-loop");
        assertThat(phuhoi.start()).isEqualTo(LocalDateTime.parse("2015-09-16T07:30"));
        assertThat(phuhoi.series()).extracting(MetricSeries::metric, MetricSeries::unit, MetricSeries::factor, s -> s.file().name())
                .containsExactly(tuple("speed", "km/h", Units.KM_PER_MILE, "nab/realTraffic/speed_t4013.csv"),
                        tuple("occupancy", "%", 1.0, "nab/realTraffic/occupancy_t4013.csv"));

        Sensor vida = config.site("hue-vida").orElseThrow().sensors().get(0);
        assertThat(vida.id()).isEqualTo("tt-1");
        assertThat(vida.type()).isEqualTo("travel-time");
        assertThat(vida.series()).extracting(MetricSeries::metric, MetricSeries::unit).containsExactly(tuple("travel_time", "s"));

        for (Site site : config.sites()) {
            for (Sensor s : site.sensors()) {
                for (MetricSeries m : s.series()) {
                    assertThat(m.metric()).as(site.id()).isIn("speed", "occupancy", "travel_time");
                    assertThat(m.file().indexAt(s.start())).as(site.id()).isNotNegative();
                }
            }
        }
    }

    @Test
    void bundledCameraSiteSharesItsCameraAndListsAllDevices() {
        Site duc = SitesConfig.bundled().site("hue-duc").orElseThrow();

        assertThat(duc.cameras()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("cam-1");
            assertThat(c.isPublic()).isTrue();
            assertThat(c.video().name()).isEqualTo("video/street-2lane.mp4");
        });
        assertThat(duc.sensors().get(0).start()).isEqualTo(LocalDateTime.parse("2015-07-30T10:00"));
        assertThat(duc.devices()).containsExactly(
                new SiteStatus.Device("tt-1", SiteStatus.Kind.SENSOR, "travel-time", false),
                new SiteStatus.Device("cam-1", SiteStatus.Kind.CAMERA, "traffic-camera", true));
        assertThat(duc.withoutCameras().devices()).extracting(SiteStatus.Device::id).containsExactly("tt-1");
    }

    @Test
    void aFileConfigurationResolvesPathsBesideItAndOnTheClasspath(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.csv"), "timestamp,value\n2020-01-01 00:00:00,1\n2020-01-01 00:05:00,2\n");
        Path file = dir.resolve("sites.yaml");
        Files.writeString(file, VALID_SITE.replace("nab/realTraffic/speed_t4013.csv", "classpath:replay/nab/realTraffic/speed_t4013.csv")
                + """
                  - id: hue-mine
                    name: mine
                    lat: 16.4
                    lon: 107.5
                    sensors:
                      - { id: s1, type: traffic-loop, start: "2020-01-01T00:00", series: [ { metric: occupancy, unit: "%", file: mine.csv } ] }
                """);

        SitesConfig config = SitesConfig.load(file);

        assertThat(config.sites()).extracting(Site::id).containsExactly("hue-test", "hue-mine");
        assertThat(config.site("hue-mine").orElseThrow().sensors().get(0).series().get(0).file().size()).isEqualTo(2);
    }

    @Test
    void validSiteParses() throws InvalidConfigException {
        assertThat(parse(VALID_SITE).sites()).singleElement().extracting(Site::name).isEqualTo("Nút giao thử");
    }

    @Test
    void startAfterTheRecordingThrowsExceptionNamingSiteSensorAndField() {
        assertThatThrownBy(() -> parse(VALID_SITE.replace("2015-09-16T07:30", "2016-01-01T00:00")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("site 'hue-test'").hasMessageContaining("sensor 'loop-1'")
                .hasMessageContaining("'start'").hasMessageContaining("2015-09-17T16:19");
    }

    @Test
    void malformedStartThrowsException() {
        assertThatThrownBy(() -> parse(VALID_SITE.replace("2015-09-16T07:30", "yesterday")))
                .hasMessageContaining("site 'hue-test', sensor 'loop-1': 'start' expected").hasMessageContaining("'yesterday'");
    }

    @Test
    void unknownFieldThrowsExceptionNamingIt() {
        assertThatThrownBy(() -> parse(VALID_SITE.replace("    lat: 16.469", "    latitude: 16.469")))
                .hasMessageContaining("site 'hue-test'").hasMessageContaining("unknown field 'latitude'");
    }

    @Test
    void missingOrOutOfRangeCoordinateThrowsException() {
        assertThatThrownBy(() -> parse(VALID_SITE.replace("lon: 107.597", "lon: 207.597")))
                .hasMessageContaining("site 'hue-test': 'lon' expected a number between -180.0 and 180.0 but was 207.597");
        assertThatThrownBy(() -> parse(VALID_SITE.replace("    lat: 16.469\n", "")))
                .hasMessageContaining("site 'hue-test': 'lat' expected a number but was missing");
    }

    @Test
    void invalidOrReservedSiteIdThrowsException() {
        assertThatThrownBy(() -> parse(VALID_SITE.replace("id: hue-test", "id: hue/test")))
                .hasMessageContaining("sites[0]: 'id' expected a site id").hasMessageContaining("'hue/test'");
        assertThatThrownBy(() -> parse(VALID_SITE.replace("id: hue-test", "id: incidents")))
                .hasMessageContaining("'incidents'");
    }

    @Test
    void duplicateSiteIdThrowsException() {
        String twice = VALID_SITE + VALID_SITE.substring(VALID_SITE.indexOf("  - id"));
        assertThatThrownBy(() -> parse(twice)).hasMessageContaining("sites[1]: 'id' expected to be unique but 'hue-test'");
    }

    @Test
    void unknownUnitConversionThrowsException() {
        assertThatThrownBy(() -> parse(VALID_SITE.replace("recordedUnit: mph", "recordedUnit: furlong/fortnight")))
                .hasMessageContaining("site 'hue-test', sensor 'loop-1', series[0]: 'recordedUnit' expected a unit that converts to 'km/h'");
    }

    @Test
    void missingSeriesFileThrowsException() {
        assertThatThrownBy(() -> parse(VALID_SITE.replace("speed_t4013.csv", "speed_nowhere.csv")))
                .hasMessageContaining("site 'hue-test', sensor 'loop-1', series[0]: 'file' expected an existing file")
                .hasMessageContaining("speed_nowhere.csv");
    }

    @Test
    void siteWithoutDevicesThrowsException() {
        assertThatThrownBy(() -> parse(VALID_SITE.substring(0, VALID_SITE.indexOf("    sensors:"))))
                .hasMessageContaining("site 'hue-test': expected at least one of 'sensors' or 'cameras'");
    }

    @Test
    void duplicateDeviceIdThrowsException() {
        String withCamera = VALID_SITE + """
                    cameras:
                      - { id: loop-1, type: traffic-camera, video: video/street-2lane.mp4 }
                """;
        assertThatThrownBy(() -> parse(withCamera)).hasMessageContaining("site 'hue-test': device id 'loop-1'");
    }

    @Test
    void cameraWithNonBooleanPublicThrowsException() {
        String withCamera = VALID_SITE + """
                    cameras:
                      - { id: cam-1, type: traffic-camera, public: "yes please", video: video/street-2lane.mp4 }
                """;
        assertThatThrownBy(() -> parse(withCamera)).hasMessageContaining("site 'hue-test', camera 'cam-1': 'public' expected true or false");
    }

    @Test
    void notYamlThrowsException() {
        assertThatThrownBy(() -> parse("sites: [ {id: x")).isInstanceOf(InvalidConfigException.class).hasMessageContaining("test.yaml");
        assertThatThrownBy(() -> parse("sites: []")).hasMessageContaining("'sites' to be a non-empty list");
    }

    @Test
    void missingConfigurationFileThrowsIoException(@TempDir Path dir) {
        assertThatThrownBy(() -> SitesConfig.load(dir.resolve("nope.yaml"))).isInstanceOf(IOException.class);
    }
}
