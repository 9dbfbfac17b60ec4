package vn.ioc.console.reportmap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The public map's repository for the web slices (it is package-private). */
@TestConfiguration(proxyBeanMethods = false)
@Import(ReportMapRepository.class)
public class ReportMapSlice {
}
