package org.coopledger.api.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard is static files under {@code static/dashboard} (HTML, JS, CSS; no build step) that
 * read the report API in the browser with the user's own credentials. {@code /dashboard} redirects
 * to {@code /dashboard/} so that the page's relative links (and so a ledger behind a path prefix) work.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/dashboard", "/dashboard/");
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    }
}
