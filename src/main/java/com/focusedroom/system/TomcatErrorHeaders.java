package com.focusedroom.system;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The security headers of docs/security.md on the answers Tomcat writes itself, before
 * any of the app's filters: its error report for a malformed request line, an invalid
 * header or URI (issue 12: 13). An engine valve sets them on every response before the
 * request goes on; Spring Security's header writer sets the same values again for the
 * app's own answers, and a response the app resets loses them only to set its own.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorHeaders {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> securityHeadersValve() {
		return new Customizer();
	}

	private static final class Customizer
			implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addEngineValves(new HeadersValve());
		}

		@Override
		public int getOrder() {
			// After Spring Boot's own customizer, whose forwarded-header valve tells this
			// one
			// whether the request came over HTTPS.
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	static final class HeadersValve extends ValveBase {

		HeadersValve() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			response.setHeader("Content-Security-Policy", WebSecurityConfiguration.CONTENT_SECURITY_POLICY);
			response.setHeader("X-Frame-Options", "DENY");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("Referrer-Policy", "same-origin");
			response.setHeader("X-XSS-Protection", "0");
			response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
			if (request.isSecure()) {
				response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
			}
			getNext().invoke(request, response);
		}

	}

}
