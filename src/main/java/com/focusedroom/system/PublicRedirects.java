package com.focusedroom.system;

import java.io.IOException;
import java.net.URI;

import com.focusedroom.shared.PublicUrls;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code focusedroom.public-base-url} set, an absolute redirect to the app itself
 * (Spring Security's login redirect, the page remembered before a login) starts with the
 * configured base, not with the scheme and host the request named: a forged {@code Host}
 * or {@code X-Forwarded-Host} cannot send a visitor elsewhere (issue 12: 13). A redirect
 * to a path (which Tomcat would complete with the request's host) gets the base too;
 * addresses of other sites are left alone.
 */
@Configuration(proxyBeanMethods = false)
class PublicRedirects {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> publicRedirectsFilter(PublicUrls urls) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new RedirectFilter(urls));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		registration.setEnabled(urls.configuredBase() != null);
		return registration;
	}

	static final class RedirectFilter extends OncePerRequestFilter {

		private final PublicUrls urls;

		RedirectFilter(PublicUrls urls) {
			this.urls = urls;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(request, new HttpServletResponseWrapper(response) {

				@Override
				public void sendRedirect(String location) throws IOException {
					super.sendRedirect(rewrite(request, location));
				}

				@Override
				public void sendRedirect(String location, int sc) throws IOException {
					super.sendRedirect(rewrite(request, location), sc);
				}

				@Override
				public void sendRedirect(String location, boolean clearBuffer) throws IOException {
					super.sendRedirect(rewrite(request, location), clearBuffer);
				}

				@Override
				public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
					super.sendRedirect(rewrite(request, location), sc, clearBuffer);
				}

				@Override
				public void setHeader(String name, @Nullable String value) {
					super.setHeader(name, isLocation(name, value) ? rewrite(request, value) : value);
				}

				@Override
				public void addHeader(String name, @Nullable String value) {
					super.addHeader(name, isLocation(name, value) ? rewrite(request, value) : value);
				}

			});
		}

		private static boolean isLocation(String name, @Nullable String value) {
			return value != null && HttpHeaders.LOCATION.equalsIgnoreCase(name);
		}

		/**
		 * The location on the configured base when it points at the request's own origin.
		 */
		private String rewrite(HttpServletRequest request, String location) {
			if (location.startsWith("/") && !location.startsWith("//")) {
				// Tomcat would make it absolute from the request's host
				// (server.tomcat.use-relative-redirects is false).
				return this.urls.forMail(location).toString();
			}
			URI uri;
			try {
				uri = URI.create(location);
			}
			catch (IllegalArgumentException ex) {
				return location;
			}
			if (!uri.isAbsolute() || uri.getHost() == null
					|| !uri.getHost().equalsIgnoreCase(request.getServerName())) {
				return location;
			}
			String path = (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) ? uri.getRawPath() : "/";
			String rest = ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "")
					+ ((uri.getRawFragment() != null) ? "#" + uri.getRawFragment() : "");
			return this.urls.forMail(path) + rest;
		}

	}

}
