package com.focusedroom.shared;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one place that turns an application path into an absolute address for the outside
 * world. With {@code focusedroom.public-base-url} set (production:
 * "https://focusedroom.example"), every address starts with it. Without it, answers to a
 * request use the request's own address (the embedded default, where the app is reached
 * as localhost), while {@link #forMail mail} never does: a link in a mail built from a
 * client's {@code Host} header would let anyone who asks for a sign-in mail to someone
 * else's address have its token sent to a host of their choosing.
 */
@Component
public class PublicUrls {

	private final @Nullable String baseUrl;

	private volatile String localBaseUrl;

	public PublicUrls(@Value("${focusedroom.public-base-url:}") String baseUrl,
			@Value("${server.port:8080}") int port) {
		this.baseUrl = normalised(baseUrl);
		this.localBaseUrl = "http://localhost:" + (port > 0 ? port : 8080);
	}

	/**
	 * Once the server listens, its real port (tests and {@code server.port=0} pick a free
	 * one).
	 */
	@EventListener
	void serverStarted(WebServerInitializedEvent event) {
		this.localBaseUrl = "http://localhost:" + event.getWebServer().getPort();
	}

	/** The configured public base URL, if any, without a trailing slash. */
	public @Nullable String configuredBase() {
		return this.baseUrl;
	}

	/**
	 * The absolute address of a path for an answer to the current request (an API's
	 * {@code Location}, a redirect): the configured base, else the request's address.
	 */
	public URI forResponse(String path) {
		if (this.baseUrl != null || RequestContextHolder.getRequestAttributes() == null) {
			return forMail(path);
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUri();
	}

	/**
	 * The absolute address of a path for a mail or anything read later, away from the
	 * request: the configured base, else this machine's own address; never a
	 * client-supplied host.
	 */
	public URI forMail(String path) {
		String base = (this.baseUrl != null) ? this.baseUrl : this.localBaseUrl;
		return URI.create(base + (path.startsWith("/") ? path : "/" + path));
	}

	private static @Nullable String normalised(String baseUrl) {
		String trimmed = baseUrl.strip();
		if (trimmed.isEmpty()) {
			return null;
		}
		URI uri = URI.create(trimmed);
		if (uri.getScheme() == null || uri.getHost() == null
				|| !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
			throw new IllegalArgumentException(
					"focusedroom.public-base-url must be an absolute http(s) address, e.g. https://focusedroom.example");
		}
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

}
