package vn.ioc.console.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} logs the request in as the token's user, with that
 * user's role, for this request only: nothing is put in a session. A revoked, expired or unknown
 * token, or one of a disabled user, is a 401 saying which. Browsers never send such a header on
 * their own, so these requests need no CSRF token ({@link #BEARER}).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    static final String SCHEME = "Bearer ";
    static final RequestMatcher BEARER = request -> bearer(request) != null;

    private final ApiTokens tokens;
    private final UserDetailsService users;

    BearerTokenFilter(ApiTokens tokens, UserDetailsService users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = bearer(request);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        ApiTokens.Check check = tokens.check(secret.strip());
        String refusal = check.refusal();
        UserDetails user = null;
        if (check.valid()) {
            try {
                user = users.loadUserByUsername(check.username());
                refusal = user.isEnabled() ? null : "the token's user is disabled";
            } catch (UsernameNotFoundException e) {
                refusal = "the token's user no longer exists";
            }
        }
        if (refusal != null) {
            refuse(response, refusal);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) ? header.substring(SCHEME.length()) : null;
    }

    private static void refuse(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\", error_description=\"" + reason + "\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                + reason.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
