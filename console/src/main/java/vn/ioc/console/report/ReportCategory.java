package vn.ioc.console.report;

/**
 * A kind of citizen report (an Open311 service): which kind of agency answers it, how fast,
 * and whether reports of it and their answers are shown to the public.
 *
 * @param agency an agency code, or {@code ward} for the ward's People's Committee
 */
public record ReportCategory(String code, String nameVi, String nameEn, String agency, ServiceLevel sla,
                             boolean urgent, boolean isPublic) {
}
