package vn.ioc.console.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in, and the CSRF token the page needs for its own POSTs (logging out, for now). */
@RestController
class MeController {

    record Csrf(String headerName, String parameterName, String token) {
    }

    record Me(String username, List<String> roles, Csrf csrf) {
    }

    @GetMapping("/api/me")
    Me me(Authentication user, CsrfToken csrf) {
        List<String> roles = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .toList();
        return new Me(user.getName(), roles, new Csrf(csrf.getHeaderName(), csrf.getParameterName(), csrf.getToken()));
    }
}
