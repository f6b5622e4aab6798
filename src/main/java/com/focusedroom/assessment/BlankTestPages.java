package com.focusedroom.assessment;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * The test page as a new visitor gets it, rendered once per language and consent wording
 * and kept as bytes around the one thing that differs between visitors: the CSRF token.
 * It is the product's most requested page (88 KB), and the same for everyone who arrives
 * without campaign data; rendering it on every request cost most of the request
 * (docs/benchmarks.md). The test page's start stamp ({@link StartStamps}) is filled in
 * the same way. A form coming back with answers or errors, or a visit with campaign data,
 * is rendered as usual.
 */
final class BlankTestPages {

	// Letters only, so no escaping changes it; a token never looks like this.
	private static final String PLACEHOLDER = "csrfTokenPlaceholderOfTheBlankTestPage";

	// The page's start time (StartStamps), also different for every visitor.
	private static final String STAMP_PLACEHOLDER = "startStampPlaceholderOfTheBlankTestPage";

	private static final Pattern PLACEHOLDERS = Pattern
		.compile(Pattern.quote(PLACEHOLDER) + "|" + Pattern.quote(STAMP_PLACEHOLDER));

	private final Map<String, Kept> pages = new ConcurrentHashMap<>();

	private final Supplier<? extends ViewResolver> views;

	private final String viewName;

	BlankTestPages(Supplier<? extends ViewResolver> views, String viewName) {
		this.views = views;
		this.viewName = viewName;
	}

	/** The view that writes the kept page for this language and consent version. */
	View view(String languageCode, String consentVersion) {
		return new KeptPage(languageCode + "|" + consentVersion);
	}

	private final class KeptPage implements View {

		private final String key;

		KeptPage(String key) {
			this.key = key;
		}

		@Override
		public String getContentType() {
			return MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (token == null) {
				// Only where security is switched off (some tests): nothing to fill in.
				template(request).render(model, request, response);
				return;
			}
			Kept kept = BlankTestPages.this.pages.get(this.key);
			if (kept == null) {
				kept = renderOnce(model, request, response);
				BlankTestPages.this.pages.putIfAbsent(this.key, kept);
			}
			byte[] tokenBytes = HtmlUtils.htmlEscape(token.getToken()).getBytes(StandardCharsets.UTF_8);
			Object stamp = model.get(StartStamps.FIELD);
			byte[] stampBytes = HtmlUtils.htmlEscape((stamp != null) ? stamp.toString() : "")
				.getBytes(StandardCharsets.UTF_8);
			response.setContentType(getContentType());
			response.setLocale(RequestContextUtils.getLocale(request));
			OutputStream out = response.getOutputStream();
			for (int i = 0; i < kept.parts().size(); i++) {
				if (i > 0) {
					out.write(kept.stampAt().get(i - 1) ? stampBytes : tokenBytes);
				}
				out.write(kept.parts().get(i));
			}
		}

		/**
		 * The page as the template renders it, split where the token and the start stamp
		 * go.
		 */
		private Kept renderOnce(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			Captured captured = new Captured(response);
			Map<String, Object> withPlaceholders = new HashMap<>(model);
			withPlaceholders.put(StartStamps.FIELD, STAMP_PLACEHOLDER);
			template(request).render(withPlaceholders, new WithPlaceholderToken(request), captured);
			String page = captured.page();
			List<byte[]> parts = new ArrayList<>();
			List<Boolean> stampAt = new ArrayList<>();
			Matcher matcher = PLACEHOLDERS.matcher(page);
			int from = 0;
			while (matcher.find()) {
				parts.add(page.substring(from, matcher.start()).getBytes(StandardCharsets.UTF_8));
				stampAt.add(matcher.group().equals(STAMP_PLACEHOLDER));
				from = matcher.end();
			}
			parts.add(page.substring(from).getBytes(StandardCharsets.UTF_8));
			if (!stampAt.contains(false)) {
				throw new IllegalStateException("The test page has no CSRF field to fill in");
			}
			return new Kept(List.copyOf(parts), List.copyOf(stampAt));
		}

	}

	/**
	 * A page in pieces: between piece i and i + 1 goes the start stamp where
	 * {@code stampAt.get(i)}, else the CSRF token.
	 */
	private record Kept(List<byte[]> parts, List<Boolean> stampAt) {

	}

	private View template(HttpServletRequest request) throws Exception {
		return this.views.get().resolveViewName(this.viewName, RequestContextUtils.getLocale(request));
	}

	/**
	 * The visitor's request, but with a placeholder where the template reads the token.
	 */
	private static final class WithPlaceholderToken extends HttpServletRequestWrapper {

		private final CsrfToken placeholder;

		WithPlaceholderToken(HttpServletRequest request) {
			super(request);
			CsrfToken real = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			this.placeholder = new DefaultCsrfToken(real.getHeaderName(), real.getParameterName(), PLACEHOLDER);
		}

		@Override
		public Object getAttribute(String name) {
			Object value = super.getAttribute(name);
			return (value instanceof CsrfToken) ? this.placeholder : value;
		}

	}

	/** Keeps what the template writes (as characters or bytes) instead of sending it. */
	private static final class Captured extends HttpServletResponseWrapper {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private PrintWriter writer;

		Captured(HttpServletResponse response) {
			super(response);
		}

		@Override
		public ServletOutputStream getOutputStream() {
			return new ServletOutputStream() {
				@Override
				public void write(int b) {
					Captured.this.bytes.write(b);
				}

				@Override
				public void write(byte[] b, int off, int len) {
					Captured.this.bytes.write(b, off, len);
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(WriteListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public PrintWriter getWriter() {
			if (this.writer == null) {
				this.writer = new PrintWriter(getOutputStream(), false, StandardCharsets.UTF_8);
			}
			return this.writer;
		}

		String page() {
			if (this.writer != null) {
				this.writer.flush();
			}
			return this.bytes.toString(StandardCharsets.UTF_8);
		}

	}

}
