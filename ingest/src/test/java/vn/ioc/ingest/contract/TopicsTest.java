package vn.ioc.ingest.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    @Test
    void everyBuiltEdgeTopicParsesBackToItsParts() throws Exception {
        assertThat(Topics.parse(Topics.sensorObservations("hue-phuhoi", "loop-1")))
                .isEqualTo(TopicAddress.edge(MessageKind.SENSOR_OBSERVATIONS, "hue-phuhoi", "loop-1"));
        assertThat(Topics.parse(Topics.cameraStats("hue-duc", "cam-1")))
                .isEqualTo(TopicAddress.edge(MessageKind.CAMERA_STATS, "hue-duc", "cam-1"));
        assertThat(Topics.parse(Topics.cameraEvent("hue-duc", "cam-1")).kind()).isEqualTo(MessageKind.CAMERA_EVENT);
        assertThat(Topics.parse(Topics.cameraFrame("hue-duc", "cam-1")).kind()).isEqualTo(MessageKind.CAMERA_FRAME);
        assertThat(Topics.parse(Topics.operatorFrame("hue-duc", "cam-2")))
                .extracting(TopicAddress::kind, TopicAddress::site, TopicAddress::device)
                .containsExactly(MessageKind.OPERATOR_FRAME, "hue-duc", "cam-2");
        assertThat(Topics.parse(Topics.status("hue-duc"))).isEqualTo(TopicAddress.edge(MessageKind.SITE_STATUS, "hue-duc", null));
    }

    @Test
    void incidentAndReportTopicsCarryTheirId() throws Exception {
        assertThat(Topics.parse(Topics.incident("a1b2"))).isEqualTo(TopicAddress.central(MessageKind.INCIDENT, "a1b2"));
        assertThat(Topics.parse(Topics.report("HUE-0042"))).isEqualTo(TopicAddress.central(MessageKind.REPORT, "HUE-0042"));
    }

    @Test
    void subscriptionFiltersMatchTheBuiltTopicsShape() {
        assertThat(Topics.ALL_SENSOR_OBSERVATIONS).isEqualTo("ioc/v1/+/sensor/+/obs");
        assertThat(Topics.shared("ioc-job", Topics.ALL_CAMERA_STATS)).isEqualTo("$share/ioc-job/ioc/v1/+/camera/+/stats");
        assertThat(Topics.sitePrefix("hue-duc")).isEqualTo("ioc/v1/hue-duc/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "+", "#", "has space", "-leading-dash", "x12345678901234567890123456789012345678901234567890123456789012345"})
    void builderRejectsIdsThatWouldChangeTheTopicStructure(String bad) {
        assertThatThrownBy(() -> Topics.sensorObservations("hue-duc", bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected an id");
    }

    @Test
    void reservedNamesCannotBeSites() {
        assertThatThrownBy(() -> Topics.status("incidents")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> Topics.parse("ioc/v1/incidents/sensor/x/obs")).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("site id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"other/v1/hue/status", "ioc/v2/hue/status", "ioc/v1/hue/sensor/x/stats",
            "ioc/v1/hue/camera/x/obs", "ioc/v1/hue/sensor/x/obs/extra", "ioc/v1/hue", "ioc/v1//status", "ioc/v1/hue/sensor//obs"})
    void parseRejectsTopicsOutsideTheContractAndSaysWhatItExpected(String topic) {
        assertThatThrownBy(() -> Topics.parse(topic))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("expected");
    }
}
