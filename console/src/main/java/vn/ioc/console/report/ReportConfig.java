package vn.ioc.console.report;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.ioc.ingest.geo.WardMap;

/** The Huế catalog and router, and the catalog's rows in the database. */
@Configuration(proxyBeanMethods = false)
class ReportConfig {

    @Bean
    Catalog catalog() {
        return Catalog.hue();
    }

    @Bean
    WardMap wardMap() {
        return WardMap.hue();
    }

    /** Routes with the agencies as stored, so an administrator's change of an agency's scope counts at once. */
    @Bean
    ReportRouter reportRouter(ReportRepository reports, WardMap wards) {
        return new ReportRouter(reports::agency, wards, WorkingCalendar.vietnam());
    }

    /**
     * Adds the catalog's agencies and categories missing from the database at start-up (after
     * the migrations, which the JdbcTemplate waits for); rows already there keep administrators' edits.
     */
    @Bean
    InitializingBean catalogSeed(ReportRepository reports, Catalog catalog) {
        return () -> reports.seed(catalog);
    }
}
