package com.focusedroom.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.focusedroom.assessment.Assessments;
import com.focusedroom.channel.Channel;
import com.focusedroom.consent.ConsentText;
import com.focusedroom.consent.Consents;
import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Scores;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The mobile app's JSON API (channel 3), version 1. Described by
 * {@code /api/v1/openapi.yaml}; every error is an RFC 9457 problem (see
 * {@link ApiProblems}).
 */
@RestController
@RequestMapping("/api/v1")
class BigFiveApiController {

	static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	private final Assessments assessments;

	private final Consents consents;

	BigFiveApiController(Assessments assessments, Consents consents) {
		this.assessments = assessments;
		this.consents = consents;
	}

	@GetMapping(path = "/big-five/items", produces = MediaType.APPLICATION_JSON_VALUE)
	InventoryBody items() {
		Inventory inventory = Inventory.ipipNeo120();
		ConsentText consent = this.consents.currentNewsletterText();
		return new InventoryBody(Inventory.ID, inventory.size(),
				List.of(new ScalePoint(1, "Very inaccurate"), new ScalePoint(2, "Moderately inaccurate"),
						new ScalePoint(3, "Neither accurate nor inaccurate"), new ScalePoint(4, "Moderately accurate"),
						new ScalePoint(5, "Very accurate")),
				inventory.items().stream().map((item) -> new ItemBody(item.position(), item.text())).toList(),
				new ConsentBody(consent.purpose(), consent.version(), consent.text(), this.consents.minimumAge()));
	}

	@PostMapping(path = "/big-five", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SubmittedBody> submit(@RequestBody JsonNode body) {
		ApiSubmission submission = ApiSubmission.read(body, this.consents.minimumAge());
		Assessments.Submitted submitted = this.assessments.submit(submission.email(), submission.demographics(),
				submission.newsletter(), submission.answers(), Channel.MOBILE_APP, submission.attribution());
		URI reportUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path(submitted.reportUrl())
			.build()
			.toUri();
		return ResponseEntity.created(reportUrl)
			.body(new SubmittedBody(submitted.customerId(), submitted.reportId(), reportUrl.toString(),
					scores(submitted.scores())));
	}

	/**
	 * One-click unsubscribe for mail programs (RFC 8058): the newsletter's
	 * {@code List-Unsubscribe} header points here and {@code List-Unsubscribe-Post:
	 * List-Unsubscribe=One-Click} makes the mail program POST. Works once; after that it
	 * says it was already done.
	 */
	@PostMapping(path = "/unsubscribe/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UnsubscribedBody> unsubscribe(@PathVariable String token) {
		return switch (this.consents.unsubscribe(token)) {
			case NOW -> ResponseEntity.ok(new UnsubscribedBody(true, false));
			case ALREADY -> ResponseEntity.ok(new UnsubscribedBody(true, true));
			case UNKNOWN_LINK -> throw new UnknownUnsubscribeLinkException();
		};
	}

	@GetMapping(path = "/openapi.yaml")
	ResponseEntity<Resource> openApi() {
		return ResponseEntity.ok()
			.contentType(YAML)
			.cacheControl(CacheControl.noCache())
			.body(new ClassPathResource("api/openapi.yaml"));
	}

	private static Map<String, Object> scores(Scores scores) {
		Map<String, Object> body = new LinkedHashMap<>();
		Map<String, Double> facets = new LinkedHashMap<>();
		for (Scores.DomainScore domain : scores.domains()) {
			body.put(domain.domain().code(), domain.score());
			for (Scores.FacetScore facet : domain.facets()) {
				facets.put(facet.facet().code(), facet.score());
			}
		}
		body.put("scale", "0-100");
		body.put("facets", facets);
		return body;
	}

	record ScalePoint(int value, String label) {
	}

	record ItemBody(int position, String text) {
	}

	record ConsentBody(String purpose, String version, String text, int minimumAge) {
	}

	record InventoryBody(String inventory, int itemCount, List<ScalePoint> scale, List<ItemBody> items,
			ConsentBody newsletterConsent) {
	}

	record SubmittedBody(long customerId, int reportId, String reportUrl, Map<String, Object> scores) {
	}

	record UnsubscribedBody(boolean unsubscribed, boolean alreadyDone) {
	}

	static final class UnknownUnsubscribeLinkException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UnknownUnsubscribeLinkException() {
			super("No customer has this unsubscribe link");
		}

	}

}
