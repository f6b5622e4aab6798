package com.focusedroom.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.stereotype.Component;

/**
 * Report pages and PDFs, each rendered once: kept in memory per instance (bounded by
 * size, the least recently used dropped first, and dropped when not asked for a while),
 * and the PDFs also in the database for every instance ({@link StoredPdfs}). Keyed by the
 * report's {@link ReportVersion}, which the caller reads from the database on every
 * request, so an erased report is never reached and a re-scored one is rendered again.
 * Reports are in English: rendered with the English locale whatever the browser asks for,
 * so one rendering fits every visitor.
 */
@Component
class RenderedReports {

	private final Cache<Key, Rendered> cache;

	private final ITemplateEngine templates;

	private final ReportPdf pdf;

	private final StoredPdfs stored;

	private final AtomicLong pagesRendered = new AtomicLong();

	private final AtomicLong pdfsRendered = new AtomicLong();

	RenderedReports(ReportCacheProperties properties, ITemplateEngine templates, ReportPdf pdf, StoredPdfs stored) {
		this.templates = templates;
		this.pdf = pdf;
		this.stored = stored;
		this.cache = Caffeine.newBuilder()
			.maximumWeight(properties.maxSize().toBytes())
			.weigher((Key key, Rendered value) -> value.size())
			.expireAfterAccess(properties.expireAfterAccess())
			.build();
	}

	/**
	 * The page of this version of a report, rendered from {@code content} when not kept.
	 * @param content the report as it is now in the database; it throws when the report
	 * is gone
	 */
	Rendered page(ReportVersion version, Supplier<ReportPage> content, String token, HttpServletRequest request,
			HttpServletResponse response) {
		return this.cache.get(new Key(version, ReportViewed.Format.PAGE),
				(key) -> Rendered.compressing(renderPage(content.get(), token, request, response)));
	}

	/**
	 * The PDF of this version of a report: kept in memory, else stored in the database,
	 * else rendered from {@code content} and stored.
	 */
	byte[] pdf(ReportVersion version, Supplier<ReportPage> content) {
		return this.cache.get(new Key(version, ReportViewed.Format.PDF),
				(key) -> Rendered.asIs(this.stored.find(version).orElseGet(() -> {
					this.pdfsRendered.incrementAndGet();
					return this.stored.keep(version, this.pdf.render(content.get()));
				})))
			.bytes();
	}

	private byte[] renderPage(ReportPage report, String token, HttpServletRequest request,
			HttpServletResponse response) {
		this.pagesRendered.incrementAndGet();
		// Links as they are for everyone: no session id written into a URL.
		HttpServletResponse plainLinks = new HttpServletResponseWrapper(response) {
			@Override
			public String encodeURL(String url) {
				return url;
			}
		};
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, plainLinks), Locale.ENGLISH, Map.of("report", report, "token", token));
		return this.templates.process("report/report", context).getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** How many pages this instance rendered (not served from memory). */
	long pagesRendered() {
		return this.pagesRendered.get();
	}

	/** How many PDFs this instance rendered (neither in memory nor stored). */
	long pdfsRendered() {
		return this.pdfsRendered.get();
	}

	/** Forgets what this instance keeps in memory, as a restart would (tests). */
	void forgetAll() {
		this.cache.invalidateAll();
	}

	private record Key(ReportVersion version, ReportViewed.Format format) {

	}

	/**
	 * A rendering as sent.
	 *
	 * @param bytes as they are
	 * @param gzipped gzip-compressed once, for the browsers that accept it (all do): a
	 * page is about a sixth of its size so, and Tomcat's compression would compress it
	 * again for every response; null for a PDF (compressed already)
	 */
	record Rendered(byte[] bytes, byte @Nullable [] gzipped) {

		static Rendered asIs(byte[] bytes) {
			return new Rendered(bytes, null);
		}

		static Rendered compressing(byte[] bytes) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
			try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
				gzip.write(bytes);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new Rendered(bytes, out.toByteArray());
		}

		int size() {
			return this.bytes.length + ((this.gzipped != null) ? this.gzipped.length : 0) + 200;
		}

	}

}
