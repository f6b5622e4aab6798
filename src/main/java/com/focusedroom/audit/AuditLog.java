package com.focusedroom.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log of the admin area. An entry is written in the transaction of
 * the action it records, so there is no action without its entry and no entry for an
 * action that rolled back. Entries hold no personal data beyond the customer id.
 */
@Service
public class AuditLog {

	/** Entries per page of the admin's audit log. */
	public static final int PAGE_SIZE = 50;

	private static final int MAX_DETAIL_LENGTH = 500;

	private static final int MAX_ACTOR_LENGTH = 100;

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public void record(Actor actor, AuditAction action, @Nullable Long customerId, @Nullable String detail) {
		this.jdbc.sql("""
				INSERT INTO admin_audit (actor, action, customer_id, remote_address, detail)
				VALUES (:actor, :action, :customerId, :address, :detail)
				""")
			.param("actor", truncate(actor.name(), MAX_ACTOR_LENGTH))
			.param("action", action.code())
			.param("customerId", customerId)
			.param("address", actor.remoteAddress())
			.param("detail", truncate(detail, MAX_DETAIL_LENGTH))
			.update();
	}

	/**
	 * One page of entries, newest first, optionally only one customer's; one more than
	 * {@link #PAGE_SIZE} when a next page exists.
	 */
	@Transactional(readOnly = true)
	public List<Entry> page(@Nullable Long customerId, int page) {
		String where = (customerId != null) ? "WHERE customer_id = :customerId " : "";
		return this.jdbc
			.sql("SELECT audit_id, occurred_at, actor, action, customer_id, remote_address, detail "
					+ "FROM admin_audit " + where + "ORDER BY audit_id DESC LIMIT :limit OFFSET :offset")
			.param("customerId", customerId)
			.param("limit", PAGE_SIZE + 1)
			.param("offset", (long) Math.max(page, 0) * PAGE_SIZE)
			.query((rs, row) -> new Entry(rs.getLong("audit_id"), rs.getObject("occurred_at", OffsetDateTime.class),
					rs.getString("actor"), AuditAction.labelOf(rs.getString("action")),
					(Long) rs.getObject("customer_id"), rs.getString("remote_address"), rs.getString("detail")))
			.list();
	}

	private static @Nullable String truncate(@Nullable String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}

	/** One audit entry as the admin area shows it. */
	public record Entry(long id, OffsetDateTime occurredAt, String actor, String action, @Nullable Long customerId,
			@Nullable String remoteAddress, @Nullable String detail) {

	}

}
