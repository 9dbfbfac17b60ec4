package vn.ioc.console.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.admin.UserDirectory.Account;
import vn.ioc.console.report.Agency;
import vn.ioc.console.report.ReportRepository;
import vn.ioc.console.security.AppUserRepository.Role;
import vn.ioc.console.system.BadRequestException;
import vn.ioc.console.system.ConflictException;
import vn.ioc.console.system.NotFoundException;
import vn.ioc.console.system.Secrets;
import vn.ioc.ingest.geo.Ward;
import vn.ioc.ingest.geo.WardMap;

/**
 * Administrators manage accounts: create one with a password they type or one generated and
 * shown once, change its role and post, disable it, reset its password, end a lock-out. There
 * is no default password. An administrator cannot disable themselves or drop their own ADMIN
 * role, so the console never loses its last way in by a slip.
 */
@RestController
@RequestMapping("/api/admin/users")
class UserAdminController {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 200;

    /** @param password empty to have one generated */
    record NewUser(String username, String role, String agency, String ward, String password) {
    }

    record Change(String role, String agency, String ward) {
    }

    record NewPassword(String password) {
    }

    record UserView(String username, Role role, boolean enabled, String agency, String ward, Instant lockedUntil, boolean locked,
                    Instant createdAt) {
    }

    /** @param password the generated password, shown this once; null when the administrator typed it */
    record Saved(UserView user, String password) {
    }

    private final UserDirectory users;
    private final ReportRepository reports;
    private final WardMap wards;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    UserAdminController(UserDirectory users, ReportRepository reports, WardMap wards, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.users = users;
        this.reports = reports;
        this.wards = wards;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    List<UserView> list() {
        return users.all().stream().map(this::view).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Saved create(Authentication admin, @RequestBody NewUser request) {
        String username = request.username() == null ? "" : request.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw new BadRequestException("username must be 3 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter"
                    + " or digit, but was '" + username + "'");
        }
        Role role = role(request.role());
        Post post = post(role, request.agency(), request.ward());
        Password password = password(request.password());
        if (!users.create(username, encoder.encode(password.text()), role, post.agency(), post.ward())) {
            throw new ConflictException("user '" + username + "' exists already");
        }
        audit.record(admin.getName(), "user.create", username, describe(role, post) + (password.generated() ? ", generated password" : ""));
        return new Saved(view(users.find(username).orElseThrow()), password.generated() ? password.text() : null);
    }

    @PutMapping("/{username}")
    UserView change(Authentication admin, @PathVariable String username, @RequestBody Change request) {
        Account account = existing(username);
        Role role = role(request.role());
        if (account.username().equals(admin.getName()) && role != Role.ADMIN) {
            throw new ConflictException("you cannot remove your own ADMIN role; ask another administrator");
        }
        Post post = post(role, request.agency(), request.ward());
        users.update(account.username(), role, post.agency(), post.ward());
        audit.record(admin.getName(), "user.change", account.username(),
                describe(account.role(), new Post(account.agency(), account.ward())) + " → " + describe(role, post));
        return view(users.find(account.username()).orElseThrow());
    }

    @PostMapping("/{username}/disable")
    UserView disable(Authentication admin, @PathVariable String username) {
        Account account = existing(username);
        if (account.username().equals(admin.getName())) {
            throw new ConflictException("you cannot disable yourself");
        }
        users.enable(account.username(), false);
        audit.record(admin.getName(), "user.disable", account.username(), null);
        return view(users.find(account.username()).orElseThrow());
    }

    @PostMapping("/{username}/enable")
    UserView enable(Authentication admin, @PathVariable String username) {
        Account account = existing(username);
        users.enable(account.username(), true);
        audit.record(admin.getName(), "user.enable", account.username(), null);
        return view(users.find(account.username()).orElseThrow());
    }

    @PostMapping("/{username}/password")
    Saved resetPassword(Authentication admin, @PathVariable String username, @RequestBody(required = false) NewPassword request) {
        Account account = existing(username);
        Password password = password(request == null ? null : request.password());
        users.password(account.username(), encoder.encode(password.text()));
        audit.record(admin.getName(), "user.password", account.username(), password.generated() ? "generated password" : "password typed by the administrator");
        return new Saved(view(users.find(account.username()).orElseThrow()), password.generated() ? password.text() : null);
    }

    @PostMapping("/{username}/unlock")
    UserView unlock(Authentication admin, @PathVariable String username) {
        Account account = existing(username);
        users.unlock(account.username());
        audit.record(admin.getName(), "user.unlock", account.username(), null);
        return view(users.find(account.username()).orElseThrow());
    }

    private record Post(String agency, String ward) {
    }

    private record Password(String text, boolean generated) {
    }

    private Account existing(String username) {
        return users.find(username).orElseThrow(() -> new NotFoundException("no user '" + username + "'"));
    }

    private static Role role(String role) {
        try {
            return Role.valueOf(role == null ? "" : role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("role must be one of " + Arrays.toString(Role.values()) + " but was '" + role + "'");
        }
    }

    /** Agency staff belong to an agency, and to a ward for the ward People's Committees; no one else has a post. */
    private Post post(Role role, String agencyCode, String wardName) {
        String agency = blankToNull(agencyCode);
        String ward = blankToNull(wardName);
        if (role != Role.AGENCY) {
            if (agency != null || ward != null) {
                throw new BadRequestException("only AGENCY staff belong to an agency or ward, not " + role);
            }
            return new Post(null, null);
        }
        if (agency == null) {
            throw new BadRequestException("AGENCY staff need an agency, one of " + reports.agencies().stream().map(Agency::code).toList());
        }
        Agency a = reports.agency(agency).orElseThrow(() -> new BadRequestException("agency must be one of "
                + reports.agencies().stream().map(Agency::code).toList() + " but was '" + agency + "'"));
        if (a.scope() == Agency.Scope.WARD && ward == null) {
            throw new BadRequestException("staff of " + a.code() + " (one queue per ward) need a ward");
        }
        if (ward != null && wards.wards().stream().map(Ward::name).noneMatch(ward::equals)) {
            throw new BadRequestException("ward must be the name of a ward of Thừa Thiên Huế, e.g. 'Phường Phú Hội', but was '" + ward + "'");
        }
        return new Post(a.code(), ward);
    }

    private static Password password(String typed) {
        if (typed == null || typed.isEmpty()) {
            return new Password(Secrets.random("", 15), true);
        }
        if (typed.length() < MIN_PASSWORD || typed.length() > MAX_PASSWORD) {
            throw new BadRequestException("password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters but was " + typed.length());
        }
        return new Password(typed, false);
    }

    private static String describe(Role role, Post post) {
        return role + (post.agency() == null ? "" : " of " + post.agency() + (post.ward() == null ? "" : " in " + post.ward()));
    }

    private UserView view(Account a) {
        boolean locked = a.lockedUntil() != null && a.lockedUntil().isAfter(clock.instant());
        return new UserView(a.username(), a.role(), a.enabled(), a.agency(), a.ward(), locked ? a.lockedUntil() : null, locked, a.createdAt());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
