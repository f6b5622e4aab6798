package com.focusedroom.integrity;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * {@code java -jar focusedroom.jar verify}: prints the database state and exits 0 when
 * the integrity checks hold, 1 when one fails, 2 when the database cannot be reached. It
 * uses the same database settings as the app and changes nothing (no migrations run).
 */
public final class VerifyCommand {

	public static final String NAME = "verify";

	static final int OK = 0;

	static final int CHECK_FAILED = 1;

	static final int UNREACHABLE = 2;

	private VerifyCommand() {
	}

	public static int run(Class<?> application, String[] args) {
		return run(application, args, System.out, System.err);
	}

	static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		SpringApplication spring = new SpringApplication(application);
		spring.setWebApplicationType(WebApplicationType.NONE);
		spring.setAdditionalProfiles(NAME);
		String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
		DatabaseState state;
		try (ConfigurableApplicationContext context = spring.run(rest)) {
			state = context.getBean(IntegrityCheck.class).run();
		}
		catch (RuntimeException ex) {
			if (unreachable(ex)) {
				err.println("Cannot connect to the database: " + rootMessage(ex));
				return UNREACHABLE;
			}
			if (hasSqlState(ex, "42P01")) {
				err.println("The database has no FocusedRoom schema yet: start the app once to migrate it.");
			}
			err.println("The integrity check could not run: " + rootMessage(ex));
			return CHECK_FAILED;
		}
		state.lines().forEach(out::println);
		return state.healthy() ? OK : CHECK_FAILED;
	}

	private static boolean unreachable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof java.net.ConnectException || isConnectionState(cause)) {
				return true;
			}
		}
		// Start-up failed before any query (for example the embedded server did not
		// start).
		return !(ex instanceof org.springframework.dao.DataAccessException);
	}

	private static boolean hasSqlState(Throwable ex, String state) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/** SQLState class 08 is "connection exception"; 28 "invalid authorization". */
	private static boolean isConnectionState(Throwable cause) {
		if (cause instanceof SQLException sql && sql.getSQLState() != null) {
			return sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28")
					|| sql.getSQLState().equals("3D000");
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage();
	}

}
