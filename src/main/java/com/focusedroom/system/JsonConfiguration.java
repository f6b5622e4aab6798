package com.focusedroom.system;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The app's one JSON mapper writes and reads floating-point numbers with Jackson's own
 * fast routines (Schubfach and FastDoubleParser) rather than Java 17's
 * {@code Double.toString} and {@code Double.parseDouble}: every submission writes about a
 * hundred scores twice (the stored document and the API's answer), and the JDK's writer
 * was the largest single part of that (docs/benchmarks.md, issue 14.4). Schubfach writes
 * the shortest text that reads back as the same number (Java 17's writer now and then a
 * longer one); the numbers stay the same.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer fastNumbers() {
		return (builder) -> builder.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
			.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER);
	}

}
