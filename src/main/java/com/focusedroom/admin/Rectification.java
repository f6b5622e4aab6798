package com.focusedroom.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.PrimaryGoal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectifies a customer's demographics (GDPR Art. 16): the new values and the audit entry
 * (naming the changed fields, never their values) in one transaction. Past reports keep
 * the demographics they were taken with.
 */
@Service
class Rectification {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	Rectification(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The form filled with the customer's current values. */
	@Transactional(readOnly = true)
	Optional<DemographicsForm> current(long customerId) {
		return this.jdbc
			.sql("SELECT name, age, profession, career_stage, purpose FROM customer WHERE customer_id = :id")
			.param("id", customerId)
			.query((rs, row) -> {
				DemographicsForm form = new DemographicsForm();
				form.setName(rs.getString("name"));
				form.setAge(rs.getObject("age", Integer.class));
				form.setProfession(rs.getString("profession"));
				form.setCareerStage(CareerStage.ofCode(rs.getString("career_stage")).orElse(null));
				form.setPrimaryGoal(PrimaryGoal.ofCode(rs.getString("purpose")).orElse(null));
				return form;
			})
			.optional();
	}

	/**
	 * Stores the form's values.
	 * @return the names of the fields that changed; empty if there is no such customer
	 */
	@Transactional
	Optional<List<String>> rectify(long customerId, DemographicsForm form, Actor actor) {
		List<Map<String, Object>> before = this.jdbc
			.sql("SELECT name, age, profession, career_stage, purpose FROM customer WHERE customer_id = :id FOR UPDATE")
			.param("id", customerId)
			.query()
			.listOfRows();
		if (before.isEmpty()) {
			return Optional.empty();
		}
		String name = blankToNull(form.getName());
		String profession = blankToNull(form.getProfession());
		String stage = (form.getCareerStage() != null) ? form.getCareerStage().code() : null;
		String purpose = (form.getPrimaryGoal() != null) ? form.getPrimaryGoal().code() : null;
		Integer age = form.getAge();
		List<String> changed = new ArrayList<>();
		Map<String, Object> old = before.get(0);
		compare(changed, "name", old.get("name"), name);
		compare(changed, "age", (old.get("age") != null) ? ((Number) old.get("age")).intValue() : null, age);
		compare(changed, "profession", old.get("profession"), profession);
		compare(changed, "career stage", old.get("career_stage"), stage);
		compare(changed, "primary goal", old.get("purpose"), purpose);
		if (!changed.isEmpty()) {
			this.jdbc.sql("""
					UPDATE customer SET name = :name, age = :age, profession = :profession, career_stage = :stage,
					       purpose = :purpose
					WHERE customer_id = :id
					""")
				.param("name", name)
				.param("age", age)
				.param("profession", profession)
				.param("stage", stage)
				.param("purpose", purpose)
				.param("id", customerId)
				.update();
			this.audit.record(actor, AuditAction.RECTIFY, customerId, "changed: " + String.join(", ", changed));
		}
		return Optional.of(changed);
	}

	private static void compare(List<String> changed, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(field);
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
