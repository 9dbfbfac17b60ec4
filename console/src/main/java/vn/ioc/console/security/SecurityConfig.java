package vn.ioc.console.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Browsers log in with the form and keep a session; scripts use HTTP Basic. CSRF protection is
 * on. The API and the WebSocket answer 401 to a missing login (a script or the map's own
 * requests cannot follow a redirect to a login page); pages redirect to the login page. The
 * Open311 API is public and has no CSRF check: citizens' apps post form data without a session
 * or cookie, so there is no session for a forged request to ride on; the same holds for the
 * citizens' ratings and reopenings under /public/reports, which only need the tracking code.
 * After logging in, each role lands on its own page ({@link RoleLandingHandler}). Scripts may
 * also send a personal API token ({@link BearerTokenFilter}): no session, no CSRF token.
 * Health is public (probes); the other actuator endpoints, Prometheus' scrape among them, are
 * for administrators, whose API token a scraper sends as a Bearer token.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** Who may use the operator map and its API for now. */
    static final String[] OPERATOR_ROLES = {"OPERATOR", "SUPERVISOR", "ADMIN"};

    /** Who may work agencies' queues: staff their own, supervisors and administrators any. */
    static final String[] AGENCY_ROLES = {"AGENCY", "SUPERVISOR", "ADMIN"};

    static final String LOGIN_PAGE = "/login";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<WebInvocationPrivilegeEvaluator> privileges,
                                            ApiTokens tokens, UserDetailsService users) throws Exception {
        RequestMatcher machine = new OrRequestMatcher(pathPattern("/api/**"), pathPattern("/ws/**"), pathPattern("/actuator/**"));
        HttpSessionRequestCache pages = pagesOnly(machine);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // metrics tell how busy the city and its people are: administrators and their scrapers only
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers(LOGIN_PAGE, "/error", "/api/wards", "/open311/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/public/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/public/reports/**").permitAll()
                        .requestMatchers("/api/me", "/api/tokens", "/api/tokens/**", "/tokens.html").authenticated()
                        .requestMatchers("/api/admin/**", "/admin.html").hasRole("ADMIN")
                        .requestMatchers("/api/agency/**", RoleLandingHandler.AGENCY_PAGE).hasAnyRole(AGENCY_ROLES)
                        .requestMatchers("/", "/index.html", "/cameras.html", "/dashboard.html", "/api/**", "/ws/**").hasAnyRole(OPERATOR_ROLES)
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(pathPattern("/open311/**"), pathPattern("/public/reports/**"),
                        BearerTokenFilter.BEARER))
                .addFilterBefore(new BearerTokenFilter(tokens, users), BasicAuthenticationFilter.class)
                .formLogin(form -> form.loginPage(LOGIN_PAGE).successHandler(new RoleLandingHandler(pages, privileges)).permitAll())
                .httpBasic(Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessUrl(LOGIN_PAGE + "?logout"))
                .requestCache(cache -> cache.requestCache(pages))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(machine)));
        return http.build();
    }

    private static AuthenticationEntryPoint entryPoint(RequestMatcher machine) {
        return DelegatingAuthenticationEntryPoint.builder()
                .addEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), machine)
                .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE))
                .build();
    }

    /** After logging in, go back to the page that asked for it, never to an API response. */
    private static HttpSessionRequestCache pagesOnly(RequestMatcher machine) {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(pathPattern(HttpMethod.GET, "/**"), new NegatedRequestMatcher(machine)));
        return cache;
    }

    @Bean
    UserDetailsService userDetailsService(AppUserRepository users, java.time.Clock clock) {
        return new AppUserDetailsService(users, clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // stores {bcrypt} hashes and still reads any other {id} a future migration brings
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
