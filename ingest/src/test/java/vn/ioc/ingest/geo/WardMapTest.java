package vn.ioc.ingest.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WardMapTest {

    private static WardMap hue;

    @BeforeAll
    static void load() {
        hue = WardMap.hue();
    }

    @Test
    void loadsEveryWardAndCommuneOfTheProvince() {
        assertThat(hue.wards()).hasSize(152);
        assertThat(hue.wards()).filteredOn(w -> w.district().equals("Thành phố Huế")).hasSize(27);
    }

    /** Ward centres from the data's README, each checked by hand to lie in its ward. */
    @ParameterizedTest
    @CsvSource({
            "16.469, 107.597, Phường Phú Hội",
            "16.459, 107.586, Phường Vĩnh Ninh",
            "16.475, 107.578, Phường Thuận Thành",
            "16.469, 107.587, Phường Phú Hòa",
            "16.481, 107.601, Phường Vĩ Dạ",
            "16.450, 107.601, Phường An Cựu",
            "16.459, 107.596, Phường Phú Nhuận",
            "16.468, 107.608, Phường Xuân Phú",
            "16.467, 107.560, Phường Kim Long",
            "16.4565, 107.5637, Phường Đúc"})
    void locatesWardCentresInTheirWard(double lat, double lon, String ward) {
        assertThat(hue.locate(lat, lon)).get().extracting(Ward::name).isEqualTo(ward);
    }

    @Test
    void pointOutsideTheProvinceHasNoWard() {
        assertThat(hue.locate(21.0285, 105.8542)).isEmpty(); // Hà Nội
        assertThat(hue.locate(16.2, 108.5)).isEmpty(); // the sea east of Đà Nẵng
    }
}
