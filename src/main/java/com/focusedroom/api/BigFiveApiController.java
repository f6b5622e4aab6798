package com.focusedroom.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.focusedroom.assessment.Assessments;
import com.focusedroom.channel.Channel;
import com.focusedroom.consent.ConsentRefusedException;
import com.focusedroom.consent.ConsentText;
import com.focusedroom.consent.Consents;
import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.NormedProfile;
import com.focusedroom.shared.PublicUrls;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mobile app's JSON API (channel 3), version 1. Described by
 * {@code /api/v1/openapi.yaml}. Every error is an RFC 9457 problem, written by the app's
 * one error writer ({@link com.focusedroom.system.ErrorAnswers}): the API's own errors
 * are {@link ErrorResponseException}s that carry their problem (bad fields 422 with each
 * one named, {@link InvalidRequestException}; a body over the limit 413,
 * {@link RequestBodyLimit}; an unknown unsubscribe link 404), and Spring MVC's request
 * errors carry theirs (unknown path 404, wrong method 405, wrong content type 415).
 */
@RestController
@RequestMapping("/api/v1")
class BigFiveApiController {

	static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	private final Assessments assessments;

	private final Consents consents;

	private final PublicUrls publicUrls;

	BigFiveApiController(Assessments assessments, Consents consents, PublicUrls publicUrls) {
		this.assessments = assessments;
		this.consents = consents;
		this.publicUrls = publicUrls;
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
	ResponseEntity<SubmittedBody> submit(@RequestBody(required = false) @Nullable JsonNode body) {
		if (body == null) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
					HttpStatus.BAD_REQUEST, "The request body is missing: send the test as a JSON object."), null);
		}
		ApiSubmission submission = ApiSubmission.read(body, this.consents.minimumAge(), this.assessments.languages());
		Assessments.Submitted submitted;
		try {
			submitted = this.assessments.submit(submission.email(), submission.demographics(), submission.newsletter(),
					submission.answers(), Channel.MOBILE_APP, submission.attribution(), Assessments.Origin.current(),
					submission.language(), submission.secondsTaken());
		}
		catch (ConsentRefusedException ex) {
			// The shared submission's refusal, as the API names bad fields.
			throw new InvalidRequestException(List.of(new FieldProblem(ex.field(), ex.getMessage())));
		}
		URI reportUrl = this.publicUrls.forResponse(submitted.reportUrl());
		return ResponseEntity.created(reportUrl)
			.body(new SubmittedBody(submitted.customerId(), submitted.reportId(), reportUrl.toString(),
					ScoresBody.scores(submitted.scores(),
							NormedProfile.of(submitted.scores(), submission.demographics().age())),
					ScoresBody.validity(submitted.validity()), !submitted.unconfirmed()));
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

	record ScalePoint(int value, String label) {
	}

	record ItemBody(int position, String text) {
	}

	record ConsentBody(String purpose, String version, String text, int minimumAge) {
	}

	record InventoryBody(String inventory, int itemCount, List<ScalePoint> scale, List<ItemBody> items,
			ConsentBody newsletterConsent) {
	}

	/**
	 * @param confirmed {@code false} when the test was taken under a confirmed address
	 * without its owner's sign-in (decision 0012): it changed none of the owner's details
	 * and the owner decides whether it is theirs
	 */
	record SubmittedBody(long customerId, int reportId, String reportUrl, Map<String, Object> scores,
			ScoresBody.ValidityBody validity, boolean confirmed) {
	}

	record UnsubscribedBody(boolean unsubscribed, boolean alreadyDone) {
	}

	static final class UnknownUnsubscribeLinkException extends ErrorResponseException {

		private static final long serialVersionUID = 1L;

		UnknownUnsubscribeLinkException() {
			super(HttpStatus.NOT_FOUND,
					ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No customer has this unsubscribe link."),
					null);
		}

	}

}
