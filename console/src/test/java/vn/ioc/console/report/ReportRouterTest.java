package vn.ioc.console.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ioc.console.report.WorkingCalendarTest.at;

import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.ioc.ingest.geo.WardMap;

/** Routes over the province's real ward polygons and the shipped catalog and holidays. */
class ReportRouterTest {

    private static final double PHU_HOI_LAT = 16.469;
    private static final double PHU_HOI_LON = 107.597;
    private static final double DA_NANG_LAT = 16.054;
    private static final double DA_NANG_LON = 108.202;

    private static Catalog catalog;
    private static ReportRouter router;

    @BeforeAll
    static void load() {
        catalog = Catalog.hue();
        router = new ReportRouter(catalog, WardMap.hue(), WorkingCalendar.vietnam());
    }

    @Test
    void aWardCategoryGoesToTheWardOfThePoint() {
        Instant filed = at("2026-03-10T10:00");

        Routing routing = router.route(category("urban-order"), PHU_HOI_LAT, PHU_HOI_LON, filed);

        assertThat(routing).isEqualTo(new Routing("ward", "Phường Phú Hội", at("2026-03-13T10:00")));
    }

    @Test
    void aProvinceCategoryGoesToItsAgencyAndStillNamesTheWard() {
        Routing routing = router.route(category("road-damage"), PHU_HOI_LAT, PHU_HOI_LON, at("2026-03-10T10:00"));

        assertThat(routing.agency()).isEqualTo("transport");
        assertThat(routing.ward()).isEqualTo("Phường Phú Hội");
    }

    @Test
    void anUrgentCategoryIsDueItsHoursLaterWhateverTheDay() {
        // Saturday night: calendar hours do not wait for Monday
        Instant filed = at("2026-03-07T23:00");

        Routing routing = router.route(category("traffic-incident"), PHU_HOI_LAT, PHU_HOI_LON, filed);

        assertThat(routing.deadline()).isEqualTo(at("2026-03-08T01:00"));
        assertThat(routing.agency()).isEqualTo("traffic-police");
    }

    @Test
    void aWorkingDaysCategoryIsDueAfterTheWeekendAndTheHolidays() {
        // Wednesday 29 April 2026; 30 April and 1 May are holidays, then the weekend
        Routing routing = router.route(category("waste"), PHU_HOI_LAT, PHU_HOI_LON, at("2026-04-29T10:00"));

        assertThat(routing.deadline()).isEqualTo(at("2026-05-05T10:00"));
    }

    @Test
    void aWardCategoryOutsideTheProvinceThrowsException() {
        assertThatThrownBy(() -> router.route(category("construction"), DA_NANG_LAT, DA_NANG_LON, at("2026-03-10T10:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("category construction is answered by the ward, but the point (16.054, 108.202)"
                        + " is in no ward of the province");
    }

    @Test
    void aProvinceCategoryOutsideTheProvinceHasNoWard() {
        Routing routing = router.route(category("road-damage"), DA_NANG_LAT, DA_NANG_LON, at("2026-03-10T10:00"));

        assertThat(routing.agency()).isEqualTo("transport");
        assertThat(routing.ward()).isNull();
    }

    @Test
    void withinProvinceIsTrueOnlyForPointsInSomeWard() {
        assertThat(router.withinProvince(PHU_HOI_LAT, PHU_HOI_LON)).isTrue();
        assertThat(router.withinProvince(DA_NANG_LAT, DA_NANG_LON)).isFalse();
    }

    @Test
    void aCategoryWhoseAgencyIsNotInTheCatalogThrowsException() {
        ReportCategory stray = new ReportCategory("stray", "Lạc", "Stray", "roads", ServiceLevel.ofHours(1), true, true);

        assertThatThrownBy(() -> router.route(stray, PHU_HOI_LAT, PHU_HOI_LON, at("2026-03-10T10:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("category stray: expected an agency of the catalog but was roads");
    }

    private static ReportCategory category(String code) {
        return catalog.category(code).orElseThrow();
    }
}
