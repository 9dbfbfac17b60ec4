package vn.ioc.console.report;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ioc.console.photo.PhotoRepository;

/** Citizen reports for the web slices: the real service, router and repository on the slice's database. */
@TestConfiguration(proxyBeanMethods = false)
@Import({ReportConfig.class, ReportRepository.class, ReportService.class, ReportPublisher.class,
        ReportProgressRepository.class, ReportProgress.class, ReportEscalation.class, PhotoRepository.class})
public class ReportSlice {

    @Bean
    TransactionTemplate transactionTemplate(DataSource dataSource) {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }
}
