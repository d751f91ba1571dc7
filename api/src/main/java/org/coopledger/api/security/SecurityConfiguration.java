package org.coopledger.api.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.time.Clock;
import java.time.Duration;

/**
 * Who may call what. The API is stateless: HTTP Basic on every request against the ledger's own
 * users, no session and no cookie, hence no CSRF token. Health, metrics and the OpenAPI
 * description are open; everything else needs a user, and the controllers check roles with
 * {@code @PreAuthorize}.
 * <p>
 * The dashboard's files are open too: they hold no data, only the login form and the code that
 * sends the user's credentials to the report API, which checks them and the role on every call.
 * They are served with a Content-Security-Policy that allows scripts, styles and connections to
 * this origin only, and no framing.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] OPEN = {
            "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
            // Error pages of failures outside Spring MVC; the failed request was checked already.
            "/error",
            "/dashboard", "/dashboard/", "/dashboard/**"
    };

    /** No inline script or style, nothing from another origin, no framing, no form posted anywhere. */
    static final String DASHBOARD_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
                                    SecurityProblems problems) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(authenticationManager)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        PathPatternRequestMatcher.withDefaults().matcher("/dashboard/**"),
                        new StaticHeadersWriter("Content-Security-Policy", DASHBOARD_POLICY))))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPEN).permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization:
     * with a registry present, Spring Security wraps every filter of the chain in an observation
     * of its own, per request. The request as a whole is still observed ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new PasswordHashing();
    }

    /**
     * Wrong passwords in a row before a username is paused ({@code ledger.security.login-failures-allowed})
     * and the first pause ({@code ledger.security.login-pause}), doubled by each further wrong one.
     */
    @Bean
    AuthenticationManager authenticationManager(JdbcTemplate jdbc, PasswordEncoder passwordEncoder,
                                                CredentialCache cache, Clock clock,
                                                @Value("${ledger.security.login-failures-allowed:5}") int failuresAllowed,
                                                @Value("${ledger.security.login-pause:30s}") Duration firstPause) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(new LedgerUserDetailsService(jdbc));
        bcrypt.setPasswordEncoder(passwordEncoder);
        LoginThrottle throttle = new LoginThrottle(failuresAllowed, firstPause, clock);
        return new ProviderManager(new CachingAuthenticationProvider(bcrypt, cache, throttle));
    }
}
