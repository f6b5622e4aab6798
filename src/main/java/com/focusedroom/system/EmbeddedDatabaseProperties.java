package com.focusedroom.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that starts when no {@code spring.datasource.url}
 * is set.
 *
 * @param dataDirectory where the database files live; they survive a restart
 * @param port the TCP port on localhost, 0 for any free port
 * @param cleanStart wipe the data directory on start and stop (tests only)
 * @param durable flush every commit to disk ({@code fsync}, synchronous commit), so an
 * acknowledged submission survives a crash of the machine; tests turn it off for speed
 */
@ConfigurationProperties("focusedroom.embedded-database")
public record EmbeddedDatabaseProperties(@DefaultValue("data/postgres") Path dataDirectory, @DefaultValue("0") int port,
		@DefaultValue("false") boolean cleanStart, @DefaultValue("true") boolean durable) {

}
