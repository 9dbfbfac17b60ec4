package vn.ioc.console.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.admin.AuditLog;
import vn.ioc.console.security.TokenController.TokenView;
import vn.ioc.console.system.NotFoundException;

/** Administrators see every user's tokens and may revoke any. */
@RestController
class TokenAdminController {

    private final ApiTokens tokens;
    private final AuditLog audit;
    private final Clock clock;

    TokenAdminController(ApiTokens tokens, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/admin/tokens")
    List<TokenView> all() {
        Instant now = clock.instant();
        return tokens.all().stream().map(t -> TokenView.of(t, now)).toList();
    }

    @PostMapping("/api/admin/tokens/{id}/revoke")
    TokenView revoke(Authentication admin, @PathVariable long id) {
        ApiTokens.Token token = tokens.find(id).orElseThrow(() -> new NotFoundException("no token " + id));
        return TokenController.revoke(tokens, audit, clock, admin.getName(), token);
    }
}
