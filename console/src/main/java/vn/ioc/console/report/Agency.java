package vn.ioc.console.report;

/**
 * A unit that answers citizens' reports. A {@code WARD}-scoped agency is the People's Committee of
 * the ward the report's point falls in, so one agency code stands for one queue per ward.
 */
public record Agency(String code, String nameVi, String nameEn, Scope scope) {

    public enum Scope { PROVINCE, WARD }
}
