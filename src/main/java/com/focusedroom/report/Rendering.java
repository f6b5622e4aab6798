package com.focusedroom.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The version of the app's rendering of reports: a hash of everything a report page or
 * PDF is made with (the templates, the report and scoring code with its texts and norms,
 * the style sheet), computed once at start-up. It is part of every ETag and of every
 * stored PDF's {@code content_version}, so a release that changes what a report looks
 * like or says never serves what an earlier release rendered; a release that does not
 * change them keeps every stored PDF.
 */
@Component
class Rendering {

	static final List<String> MADE_WITH = List.of("classpath*:templates/report/*.html",
			"classpath*:templates/fragments/*.html", "classpath*:static/css/*.css",
			"classpath*:com/focusedroom/report/*.class", "classpath*:com/focusedroom/scoring/*.class");

	private static final Logger log = LoggerFactory.getLogger(Rendering.class);

	private final String version;

	Rendering() {
		int[] files = { 0 };
		this.version = hashOf(MADE_WITH, files);
		log.info("Report rendering version {} (from {} files)", this.version, files[0]);
	}

	/** 16 hex digits, the same on every instance running the same build. */
	String version() {
		return this.version;
	}

	private static String hashOf(List<String> patterns, int[] files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
					Rendering.class.getClassLoader());
			for (String pattern : patterns) {
				List<Resource> resources = new ArrayList<>(List.of(resolver.getResources(pattern)));
				resources.sort(Comparator.comparing(Resource::getFilename, Comparator.nullsFirst(String::compareTo)));
				files[0] += resources.size();
				for (Resource resource : resources) {
					digest.update(
							String.valueOf(resource.getFilename()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
					try (InputStream in = resource.getInputStream()) {
						digest.update(in.readAllBytes());
					}
				}
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

}
