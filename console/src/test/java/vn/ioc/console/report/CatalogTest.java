package vn.ioc.console.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class CatalogTest {

    private static final String AGENCIES = """
            agencies:
              - { code: transport, name_vi: "Sở Giao thông vận tải", name_en: "Department of Transport", scope: province }
              - { code: ward, name_vi: "Ủy ban nhân dân phường, xã", name_en: "Ward People's Committee", scope: ward }
            """;

    @Test
    void hueLoadsEveryAgencyAndCategoryOfTheShippedFile() {
        Catalog hue = Catalog.hue();

        assertThat(hue.agencies()).hasSize(11);
        assertThat(hue.categories()).hasSize(18);
        assertThat(hue.categories().get(0).code()).isEqualTo("traffic-incident");
        assertThat(hue.agency("ward")).get().extracting(Agency::scope).isEqualTo(Agency.Scope.WARD);
        assertThat(hue.agency("transport")).get().extracting(Agency::scope).isEqualTo(Agency.Scope.PROVINCE);
    }

    @Test
    void hueHasAWardCategoryWithWorkingDays() {
        ReportCategory construction = Catalog.hue().category("construction").orElseThrow();

        assertThat(construction.agency()).isEqualTo("ward");
        assertThat(construction.sla()).isEqualTo(ServiceLevel.ofWorkingDays(7));
        assertThat(construction.urgent()).isFalse();
        assertThat(construction.isPublic()).isTrue();
        assertThat(construction.nameVi()).isEqualTo("Xây dựng trái phép");
    }

    @Test
    void hueHasAnUrgentCategoryWithCalendarHours() {
        ReportCategory incident = Catalog.hue().category("traffic-incident").orElseThrow();

        assertThat(incident.urgent()).isTrue();
        assertThat(incident.sla().hours()).isEqualTo(Duration.ofHours(2));
        assertThat(incident.sla().workingDays()).isNull();
        assertThat(incident.agency()).isEqualTo("traffic-police");
    }

    @Test
    void aCategoryTheFileKeepsOffThePublicMapIsNotPublic() {
        assertThat(Catalog.hue().category("public-order")).get().extracting(ReportCategory::isPublic).isEqualTo(false);
    }

    @Test
    void unknownCodesAreEmpty() {
        assertThat(Catalog.hue().category("no-such-category")).isEmpty();
        assertThat(Catalog.hue().agency("no-such-agency")).isEmpty();
        assertThat(Catalog.hue().category(null)).isEmpty();
    }

    @Test
    void loadWithAnUnknownAgencyInACategoryThrowsException() {
        assertThatThrownBy(() -> load(AGENCIES + """
                categories:
                  - { code: road-damage, agency: roads, sla: { working_days: 5 } }
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("road-damage").hasMessageContaining("but was roads");
    }

    @Test
    void loadWithBothHoursAndWorkingDaysThrowsException() {
        assertThatThrownBy(() -> load(AGENCIES + """
                categories:
                  - { code: road-damage, agency: transport, sla: { hours: 4, working_days: 5 } }
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("category road-damage: expected an sla of either hours or working_days but found both");
    }

    @Test
    void loadWithNeitherHoursNorWorkingDaysThrowsException() {
        assertThatThrownBy(() -> load(AGENCIES + """
                categories:
                  - { code: road-damage, agency: transport }
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("category road-damage: expected an sla of either hours or working_days but found neither");
    }

    @Test
    void loadWithADuplicateCategoryCodeThrowsException() {
        assertThatThrownBy(() -> load(AGENCIES + """
                categories:
                  - { code: road-damage, agency: transport, sla: { working_days: 5 } }
                  - { code: road-damage, agency: ward, sla: { working_days: 3 } }
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate category code road-damage");
    }

    @Test
    void loadWithADuplicateAgencyCodeThrowsException() {
        assertThatThrownBy(() -> load(AGENCIES + """
                  - { code: ward, scope: province }
                categories: []
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate agency code ward");
    }

    @Test
    void loadWithAnUnknownScopeThrowsException() {
        assertThatThrownBy(() -> load("""
                agencies:
                  - { code: transport, scope: district }
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agency transport: expected scope province or ward but was district");
    }

    private static Catalog load(String yaml) {
        InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
        return Catalog.load(in);
    }
}
