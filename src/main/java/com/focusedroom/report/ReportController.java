package com.focusedroom.report;

import java.util.Enumeration;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.focusedroom.customer.SignedInCustomer;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * A report, reached only through its unguessable token: as a page and as a PDF. Each
 * request looks the token up (one query: which rendering this visitor gets, see
 * {@link ReportVersion}); the rendering itself is made once ({@link RenderedReports}).
 * Both answer with a strong ETag and {@code Cache-Control: private, no-cache}: the
 * browser may keep its copy but asks each time, and gets 304 without anything being
 * rendered while the report and the visitor's variant are unchanged
 * (docs/decisions/0013).
 */
@Controller
class ReportController {

	static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	/**
	 * Private: the report is personal, no shared cache may keep it. No-cache: a browser
	 * revalidates every time, so an erased report is gone and the change view follows the
	 * device's cookie.
	 */
	static final String CACHE_CONTROL = CacheControl.noCache().cachePrivate().getHeaderValue();

	private static final Pattern REFUSED = Pattern.compile("(?i)q\\s*=\\s*0(\\.0*)?");

	private final Reports reports;

	private final RenderedReports rendered;

	private final Rendering rendering;

	private final ApplicationEventPublisher events;

	ReportController(Reports reports, RenderedReports rendered, Rendering rendering, ApplicationEventPublisher events) {
		this.reports = reports;
		this.rendered = rendered;
		this.rendering = rendering;
		this.events = events;
	}

	@GetMapping("/report/{token:[0-9a-zA-Z_-]{32,64}}")
	@Nullable ResponseEntity<byte[]> show(@PathVariable String token,
			@CookieValue(name = OpenedReports.COOKIE, required = false) String cookie,
			@RequestParam(name = "since", required = false) @Nullable Integer since, HttpServletRequest request,
			HttpServletResponse response, ServletWebRequest conditions) {
		OpenedReports opened = OpenedReports.fromCookie(cookie);
		Long signedIn = SignedInCustomer.idOf(request);
		ReportVersion version = versionAt(token, opened, signedIn, since);
		remember(opened, token, request, response);
		this.events.publishEvent(new ReportViewed(ReportViewed.Format.PAGE));
		boolean gzip = acceptsGzip(request);
		String etag = gzip ? version.gzipEtag(this.rendering.version())
				: version.etag(ReportViewed.Format.PAGE, this.rendering.version());
		if (notModified(etag, HttpHeaders.COOKIE + ", " + HttpHeaders.ACCEPT_ENCODING, conditions, response)) {
			return null;
		}
		RenderedReports.Rendered page = this.rendered.page(version, () -> find(token, opened, signedIn, since), token,
				request, response);
		byte[] gzipped = page.gzipped();
		if (gzip && gzipped != null) {
			return ResponseEntity.ok().contentType(HTML).header(HttpHeaders.CONTENT_ENCODING, "gzip").body(gzipped);
		}
		return ResponseEntity.ok().contentType(HTML).body(page.bytes());
	}

	@GetMapping("/report/{token:[0-9a-zA-Z_-]{32,64}}.pdf")
	@Nullable ResponseEntity<byte[]> pdf(@PathVariable String token,
			@CookieValue(name = OpenedReports.COOKIE, required = false) String cookie, HttpServletRequest request,
			HttpServletResponse response, ServletWebRequest conditions) {
		OpenedReports opened = OpenedReports.fromCookie(cookie);
		Long signedIn = SignedInCustomer.idOf(request);
		ReportVersion version = versionAt(token, opened, signedIn, null);
		remember(opened, token, request, response);
		this.events.publishEvent(new ReportViewed(ReportViewed.Format.PDF));
		if (notModified(version.etag(ReportViewed.Format.PDF, this.rendering.version()), HttpHeaders.COOKIE, conditions,
				response)) {
			return null;
		}
		byte[] document = this.rendered.pdf(version, () -> find(token, opened, signedIn, null));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition",
					ContentDisposition.inline()
						.filename(version.unconfirmed() ? "focusedroom-report.pdf"
								: "focusedroom-report-" + version.reportId() + ".pdf")
						.build()
						.toString())
			.body(document);
	}

	/**
	 * Sends the caching headers and the ETag of this rendering; true (and 304) when the
	 * browser's copy is this rendering.
	 * @param vary what the rendering sent depends on: the device's cookie and the "my
	 * reports" session choose the variant, the page's encoding follows Accept-Encoding
	 */
	private static boolean notModified(String etag, String vary, ServletWebRequest conditions,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		response.setHeader(HttpHeaders.VARY, vary);
		return conditions.checkNotModified(etag);
	}

	/**
	 * Whether the client takes a gzip-compressed body (every browser says so; a client
	 * that does not, or refuses it with {@code q=0}, gets the page as it is).
	 */
	static boolean acceptsGzip(HttpServletRequest request) {
		for (Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT_ENCODING); values.hasMoreElements();) {
			for (String coding : values.nextElement().split(",")) {
				String[] parts = coding.trim().split(";");
				if (parts[0].trim().equalsIgnoreCase("gzip")) {
					return !(parts.length > 1 && REFUSED.matcher(parts[1].trim()).matches());
				}
			}
		}
		return false;
	}

	/** Remembers a report that exists as opened on this device. */
	private static void remember(OpenedReports opened, String token, HttpServletRequest request,
			HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, opened.with(token).cookie(request.isSecure()).toString());
	}

	private ReportVersion versionAt(String token, OpenedReports opened, @Nullable Long signedIn,
			@Nullable Integer since) {
		return this.reports.versionAt(token, opened, signedIn, since).orElseThrow(ReportController::notFound);
	}

	/**
	 * The report, compared with the previous one on a device that opened it, or for the
	 * customer signed in to "my reports" (with any earlier report of theirs they chose).
	 */
	private ReportPage find(String token, OpenedReports opened, @Nullable Long signedIn, @Nullable Integer since) {
		return this.reports.findByToken(token, opened, signedIn, since).orElseThrow(ReportController::notFound);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No report at this address");
	}

}
