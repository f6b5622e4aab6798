package com.focusedroom.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The in-memory cache of rendered report pages and PDFs
 * ({@code focusedroom.report.cache.*}), per instance.
 *
 * @param maxSize the most the rendered pages and PDFs may take together (the least
 * recently used go first); 0 keeps none
 * @param expireAfterAccess a rendering not asked for this long is dropped, so the memory
 * does not keep a report that nobody reads (or that was erased) for long
 */
@ConfigurationProperties("focusedroom.report.cache")
record ReportCacheProperties(@DefaultValue("64MB") DataSize maxSize, @DefaultValue("10m") Duration expireAfterAccess) {

	ReportCacheProperties {
		if (maxSize.isNegative()) {
			throw new IllegalArgumentException("focusedroom.report.cache.max-size must not be negative");
		}
		if (expireAfterAccess.isNegative() || expireAfterAccess.isZero()) {
			throw new IllegalArgumentException("focusedroom.report.cache.expire-after-access must be positive");
		}
	}

}
