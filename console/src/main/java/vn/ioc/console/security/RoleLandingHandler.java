package vn.ioc.console.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where a browser goes after logging in: back to the page that asked for the login when the user
 * may open it, else to the user's own page — agency staff to their queue, everyone else to the
 * map. Without this, agency staff would land on the map and be refused.
 */
final class RoleLandingHandler implements AuthenticationSuccessHandler {

    static final String AGENCY_PAGE = "/agency.html";
    static final String MAP_PAGE = "/";

    private final RequestCache requests;
    /** Looked up at login time: the evaluator is built from the very filter chain this handler is part of. */
    private final ObjectProvider<WebInvocationPrivilegeEvaluator> privileges;

    RoleLandingHandler(RequestCache requests, ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
        this.requests = requests;
        this.privileges = privileges;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication user)
            throws IOException {
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        String target = saved != null && mayOpen(request, saved, user) ? saved.getRedirectUrl()
                : request.getContextPath() + landing(user);
        response.sendRedirect(response.encodeRedirectURL(target));
    }

    /** The user's own page: agency staff's queue, or the operator map for operators, supervisors and administrators. */
    static String landing(Authentication user) {
        boolean agencyOnly = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_AGENCY"));
        return agencyOnly ? AGENCY_PAGE : MAP_PAGE;
    }

    private boolean mayOpen(HttpServletRequest request, SavedRequest saved, Authentication user) {
        WebInvocationPrivilegeEvaluator evaluator = privileges.getIfAvailable();
        if (evaluator == null) {
            return false;
        }
        String path = URI.create(saved.getRedirectUrl()).getRawPath();
        String context = request.getContextPath();
        if (path == null || !path.startsWith(context)) {
            return false;
        }
        return evaluator.isAllowed(context, path.substring(context.length()), "GET", user);
    }
}
