package com.focusedroom.report;

import java.util.Arrays;
import java.util.List;

import com.focusedroom.scoring.Validity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes the careless-answering checks of results stored before they were stored with
 * each result (V7), from their stored answers, without the time (never recorded). Runs
 * once in the background after start-up, in small batches that each commit on their own;
 * several instances share the work (rows locked by one are skipped by the others), and a
 * result already checked is never touched again. Legacy results without answers stay
 * unchecked. See docs/decisions/0010.
 */
@Component
class ValidityBackfill {

	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(ValidityBackfill.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ValidityDocument document;

	private final boolean enabled;

	ValidityBackfill(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json,
			@Value("${focusedroom.validity-backfill.enabled:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.document = new ValidityDocument(json);
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startInTheBackground() {
		if (!this.enabled) {
			return;
		}
		Thread thread = new Thread(() -> {
			try {
				int checked = run();
				if (checked > 0) {
					log.info("Checked the answers of {} results stored before V7", checked);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Checking the answers of results stored before V7 stopped; the next start carries on", ex);
			}
		}, "validity-backfill");
		thread.setDaemon(true);
		thread.start();
	}

	/** Checks every result still without checks; returns how many it checked. */
	int run() {
		int total = 0;
		int batch;
		do {
			batch = batch();
			total += batch;
		}
		while (batch > 0);
		return total;
	}

	private int batch() {
		Integer done = this.transactions.execute((status) -> {
			List<Pending> pending = this.jdbc.sql("""
					SELECT id, answers::int[] AS answers FROM big_five_result
					WHERE validity IS NULL AND answers IS NOT NULL
					ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED
					""")
				.param("batch", BATCH)
				.query((rs, row) -> new Pending(rs.getLong("id"), (Integer[]) rs.getArray("answers").getArray()))
				.list();
			for (Pending result : pending) {
				Validity validity = Validity.of(Arrays.asList(result.answers()), null);
				this.jdbc.sql("UPDATE big_five_result SET validity = CAST(:validity AS jsonb) WHERE id = :id")
					.param("validity", this.document.write(validity, ValidityDocument.Source.STORED_ANSWERS))
					.param("id", result.id())
					.update();
			}
			return pending.size();
		});
		return (done != null) ? done : 0;
	}

	private record Pending(long id, Integer[] answers) {

	}

}
