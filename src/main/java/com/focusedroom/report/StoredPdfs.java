package com.focusedroom.report;

import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The PDFs rendered once and kept in {@code report_pdf}, shared by every instance: one
 * per result and variant, served only while its {@code content_version} is the report's
 * current one (docs/decisions/0013).
 */
@Component
class StoredPdfs {

	private static final String VARIANT = """
			big_five_result_id = :resultId AND coalesce(compared_with_id, 0) = :comparedWith
			AND marked_unconfirmed = :unconfirmed
			""";

	// Concurrent first requests (on any instances) each render; the first to commit is
	// kept and the others find it. A row of an older version (the result was re-scored,
	// claimed, or the rendering changed with a release) is replaced.
	private static final String KEEP = """
			INSERT INTO report_pdf (big_five_result_id, compared_with_id, marked_unconfirmed, content_version, pdf)
			VALUES (:resultId, :previousId, :unconfirmed, :version, :pdf)
			ON CONFLICT (big_five_result_id, (coalesce(compared_with_id, 0)), marked_unconfirmed)
			DO UPDATE SET content_version = excluded.content_version, pdf = excluded.pdf,
			              rendered_at = excluded.rendered_at
			WHERE report_pdf.content_version <> excluded.content_version
			""";

	private final JdbcClient jdbc;

	private final Rendering rendering;

	StoredPdfs(JdbcClient jdbc, Rendering rendering) {
		this.jdbc = jdbc;
		this.rendering = rendering;
	}

	/** The stored PDF of this version of a report, if one was kept. */
	Optional<byte[]> find(ReportVersion report) {
		return this.jdbc.sql("SELECT pdf FROM report_pdf WHERE " + VARIANT + " AND content_version = :version")
			.param("resultId", report.resultId())
			.param("comparedWith", (report.previousId() != null) ? report.previousId() : 0L)
			.param("unconfirmed", report.unconfirmed())
			.param("version", report.contentVersion(this.rendering.version()))
			.query(byte[].class)
			.optional();
	}

	/**
	 * Keeps a PDF just rendered, unless another request kept this version first.
	 * @return the PDF kept: the one given, or the one stored first; the one given when it
	 * cannot be kept (the report was erased meanwhile)
	 */
	byte[] keep(ReportVersion report, byte[] pdf) {
		int stored;
		try {
			// Its own transaction (none is open here): the key into big_five_result is
			// checked at its commit, so an erasure that got there first refuses it here.
			stored = this.jdbc.sql(KEEP)
				.param("resultId", report.resultId())
				.param("previousId", report.previousId(), java.sql.Types.BIGINT)
				.param("unconfirmed", report.unconfirmed())
				.param("version", report.contentVersion(this.rendering.version()))
				.param("pdf", pdf)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			return pdf;
		}
		return (stored > 0) ? pdf : find(report).orElse(pdf);
	}

	/**
	 * Drops the stored PDFs that show these results, as the report or as the earlier one.
	 */
	int forget(Collection<Long> resultIds) {
		if (resultIds.isEmpty()) {
			return 0;
		}
		return this.jdbc
			.sql("DELETE FROM report_pdf WHERE big_five_result_id = ANY (CAST(:ids AS bigint[]))"
					+ " OR compared_with_id = ANY (CAST(:ids AS bigint[]))")
			.param("ids", resultIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.update();
	}

}
