package vn.ioc.console.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.admin.AuditLog;
import vn.ioc.console.system.BadRequestException;
import vn.ioc.console.system.ConflictException;
import vn.ioc.console.system.NotFoundException;

/** Every user's own API tokens: list, create (the secret is in this one answer only), revoke. */
@RestController
@RequestMapping("/api/tokens")
class TokenController {

    /** @param expiresAt ISO-8601 with an offset, or empty for a token that does not expire */
    record NewToken(String name, String expiresAt) {
    }

    record TokenView(long id, String username, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                     Instant revokedAt, String state) {

        static TokenView of(ApiTokens.Token t, Instant now) {
            return new TokenView(t.id(), t.username(), t.name(), t.createdAt(), t.expiresAt(), t.lastUsedAt(), t.revokedAt(), t.state(now));
        }
    }

    record CreatedToken(TokenView token, String secret) {
    }

    private final ApiTokens tokens;
    private final AuditLog audit;
    private final Clock clock;

    TokenController(ApiTokens tokens, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    List<TokenView> mine(Authentication user) {
        Instant now = clock.instant();
        return tokens.of(user.getName()).stream().map(t -> TokenView.of(t, now)).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedToken create(Authentication user, @RequestBody NewToken request) {
        ApiTokens.Created created = tokens.create(user.getName(), request.name(), instant(request.expiresAt()));
        audit.record(user.getName(), "token.create", user.getName(), "token " + created.token().id() + " '" + created.token().name() + "'"
                + (created.token().expiresAt() == null ? "" : ", expires " + created.token().expiresAt()));
        return new CreatedToken(TokenView.of(created.token(), clock.instant()), created.secret());
    }

    @PostMapping("/{id}/revoke")
    TokenView revoke(Authentication user, @PathVariable long id) {
        ApiTokens.Token token = tokens.find(id).filter(t -> t.username().equals(user.getName()))
                .orElseThrow(() -> new NotFoundException("you have no token " + id));
        return revoke(tokens, audit, clock, user.getName(), token);
    }

    /** Revokes the token and records who did; 409 when it was revoked already. */
    static TokenView revoke(ApiTokens tokens, AuditLog audit, Clock clock, String actor, ApiTokens.Token token) {
        if (!tokens.revoke(token.id())) {
            throw new ConflictException("token " + token.id() + " is revoked already");
        }
        audit.record(actor, "token.revoke", token.username(), "token " + token.id() + " '" + token.name() + "'");
        return TokenView.of(tokens.find(token.id()).orElseThrow(), clock.instant());
    }

    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException("expiresAt must be ISO-8601 with an offset, e.g. 2026-12-31T23:59:00+07:00, but was '" + text + "'");
        }
    }
}
