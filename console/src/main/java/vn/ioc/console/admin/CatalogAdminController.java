package vn.ioc.console.admin;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.report.Agency;
import vn.ioc.console.report.CategoryEntry;
import vn.ioc.console.report.ReportCategory;
import vn.ioc.console.report.ReportRepository;
import vn.ioc.console.system.BadRequestException;
import vn.ioc.console.system.ConflictException;
import vn.ioc.console.system.NotFoundException;

/**
 * Administrators edit the agencies and report categories as stored. The console seeds them from
 * report-categories.yaml only when missing, so these edits survive restarts; routing and Open311
 * read the stored rows, so an edit counts for the next report.
 */
@RestController
@RequestMapping("/api/admin")
class CatalogAdminController {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    static final int MAX_NAME = 200;

    /** @param wardLevel one queue per ward (the ward People's Committees), else one for the province */
    record AgencyRequest(String code, String nameVi, String nameEn, Boolean wardLevel) {
    }

    record AgencyView(String code, String nameVi, String nameEn, boolean wardLevel) {

        static AgencyView of(Agency a) {
            return new AgencyView(a.code(), a.nameVi(), a.nameEn(), a.scope() == Agency.Scope.WARD);
        }
    }

    /** Exactly one of slaHours and slaWorkingDays; {@code isPrivate} hides its reports from the public. */
    record CategoryRequest(String nameVi, String nameEn, String agency, Integer slaHours, Integer slaWorkingDays, Boolean isPrivate) {
    }

    record CategoryView(String code, String nameVi, String nameEn, String agency, String agencyName, Integer slaHours,
                        Integer slaWorkingDays, boolean isPrivate, boolean active) {

        static CategoryView of(CategoryEntry e) {
            ReportCategory c = e.category();
            return new CategoryView(c.code(), c.nameVi(), c.nameEn(), c.agency(), e.agencyName(),
                    c.sla().hours() == null ? null : (int) c.sla().hours().toHours(), c.sla().workingDays(), !c.isPublic(), e.active());
        }
    }

    private final ReportRepository reports;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    CatalogAdminController(ReportRepository reports, JdbcTemplate jdbc, AuditLog audit) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @GetMapping("/agencies")
    List<AgencyView> agencies() {
        return reports.agencies().stream().map(AgencyView::of).toList();
    }

    @PostMapping("/agencies")
    @ResponseStatus(HttpStatus.CREATED)
    AgencyView createAgency(Authentication admin, @RequestBody AgencyRequest request) {
        String code = request.code() == null ? "" : request.code().strip().toLowerCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new BadRequestException("code must be 2 to 40 lower-case letters, digits or '-' but was '" + request.code() + "'");
        }
        String vi = name("nameVi", request.nameVi());
        String en = name("nameEn", request.nameEn());
        boolean ward = Boolean.TRUE.equals(request.wardLevel());
        if (jdbc.update("INSERT INTO agency (code, name_vi, name_en, scope) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO NOTHING",
                code, vi, en, scope(ward)) != 1) {
            throw new ConflictException("agency '" + code + "' exists already");
        }
        audit.record(admin.getName(), "agency.create", code, vi + " / " + en + (ward ? ", ward level" : ""));
        return AgencyView.of(reports.agency(code).orElseThrow());
    }

    @PutMapping("/agencies/{code}")
    AgencyView changeAgency(Authentication admin, @PathVariable String code, @RequestBody AgencyRequest request) {
        Agency before = reports.agency(code).orElseThrow(() -> new NotFoundException("no agency '" + code + "'"));
        String vi = name("nameVi", request.nameVi());
        String en = name("nameEn", request.nameEn());
        boolean ward = request.wardLevel() == null ? before.scope() == Agency.Scope.WARD : request.wardLevel();
        jdbc.update("UPDATE agency SET name_vi = ?, name_en = ?, scope = ? WHERE code = ?", vi, en, scope(ward), code);
        audit.record(admin.getName(), "agency.change", code, before.nameVi() + " / " + before.nameEn() + ", " + before.scope()
                + " → " + vi + " / " + en + ", " + scope(ward));
        return AgencyView.of(reports.agency(code).orElseThrow());
    }

    @GetMapping("/categories")
    List<CategoryView> categories() {
        return reports.categories().stream().map(CategoryView::of).toList();
    }

    @PutMapping("/categories/{code}")
    CategoryView changeCategory(Authentication admin, @PathVariable String code, @RequestBody CategoryRequest request) {
        CategoryView before = reports.category(code).map(CategoryView::of).orElseThrow(() -> new NotFoundException("no category '" + code + "'"));
        String vi = name("nameVi", request.nameVi());
        String en = name("nameEn", request.nameEn());
        String agency = request.agency() == null ? "" : request.agency().strip();
        if (reports.agency(agency).isEmpty()) {
            throw new BadRequestException("agency must be one of " + reports.agencies().stream().map(Agency::code).toList()
                    + " but was '" + request.agency() + "'");
        }
        if ((request.slaHours() == null) == (request.slaWorkingDays() == null)) {
            throw new BadRequestException("give exactly one of slaHours and slaWorkingDays");
        }
        Integer sla = request.slaHours() != null ? request.slaHours() : request.slaWorkingDays();
        if (sla < 1 || sla > (request.slaHours() != null ? 24 * 90 : 90)) {
            throw new BadRequestException("the service level must be 1 to " + (request.slaHours() != null ? "2160 hours" : "90 working days")
                    + " but was " + sla);
        }
        boolean isPrivate = request.isPrivate() == null ? before.isPrivate() : request.isPrivate();
        jdbc.update("""
                        UPDATE report_category SET name_vi = ?, name_en = ?, agency = ?, sla_hours = ?, sla_working_days = ?, public = ?
                         WHERE code = ?""", vi, en, agency, request.slaHours(), request.slaWorkingDays(), !isPrivate, code);
        CategoryView after = reports.category(code).map(CategoryView::of).orElseThrow();
        audit.record(admin.getName(), "category.change", code, summary(before) + " → " + summary(after));
        return after;
    }

    private static String summary(CategoryView c) {
        return c.nameVi() + " / " + c.nameEn() + ", " + c.agency() + ", "
                + (c.slaHours() != null ? c.slaHours() + " h" : c.slaWorkingDays() + " working days") + (c.isPrivate() ? ", private" : "");
    }

    private static String scope(boolean wardLevel) {
        return (wardLevel ? Agency.Scope.WARD : Agency.Scope.PROVINCE).name();
    }

    private static String name(String field, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > MAX_NAME) {
            throw new BadRequestException(field + " is required, at most " + MAX_NAME + " characters, but was "
                    + (text.isEmpty() ? "empty" : text.length() + " characters"));
        }
        return text;
    }
}
