package vn.ioc.console.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The lock-out after failed logins, for the web slices (it is a component the slices do not scan). */
@TestConfiguration(proxyBeanMethods = false)
@Import(LoginAttempts.class)
public class LoginAttemptsSlice {
}
