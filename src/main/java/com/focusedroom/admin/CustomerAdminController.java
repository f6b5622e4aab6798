package com.focusedroom.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import com.focusedroom.audit.Actor;
import com.focusedroom.audit.AuditAction;
import com.focusedroom.audit.AuditLog;
import com.focusedroom.channel.Channel;
import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.Customers;
import com.focusedroom.customer.DemographicsForm;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.gdpr.CustomerDataExport;
import com.focusedroom.gdpr.Erasures;
import com.focusedroom.mail.MailLog;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Customers in the admin area: search and list, one customer's page, CSV export, and the
 * GDPR requests (data export, rectification, erasure).
 */
@Controller
class CustomerAdminController {

	private static final int UNPROCESSABLE = 422;

	private final CustomerDirectory directory;

	private final CustomerExport export;

	private final CustomerDataExport data;

	private final Customers customers;

	private final Erasures erasures;

	private final AuditLog audit;

	private final Clock clock;

	private final MailLog mail;

	CustomerAdminController(CustomerDirectory directory, CustomerExport export, CustomerDataExport data,
			Customers customers, Erasures erasures, AuditLog audit, Clock clock, MailLog mail) {
		this.directory = directory;
		this.export = export;
		this.data = data;
		this.customers = customers;
		this.erasures = erasures;
		this.audit = audit;
		this.clock = clock;
		this.mail = mail;
	}

	@ModelAttribute("careerStages")
	CareerStage[] careerStages() {
		return CareerStage.values();
	}

	@ModelAttribute("primaryGoals")
	PrimaryGoal[] primaryGoals() {
		return PrimaryGoal.values();
	}

	@GetMapping("/admin/customers")
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer channel,
			@RequestParam(required = false) @Nullable Boolean optIn,
			@RequestParam(required = false) @Nullable CareerStage careerStage,
			@RequestParam(defaultValue = "newest") String sort, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CustomerFilter filter = new CustomerFilter(q, channel, optIn, careerStage);
		CustomerSort order = CustomerSort.ofCode(sort);
		model.addAttribute("result", this.directory.find(filter, order, page));
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("channel", channel);
		model.addAttribute("optIn", optIn);
		model.addAttribute("careerStage", careerStage);
		model.addAttribute("sort", order);
		model.addAttribute("sorts", CustomerSort.values());
		model.addAttribute("channels", Channel.values());
		return "admin/customers";
	}

	/**
	 * Streams the CSV from the request's own thread. Not a {@code StreamingResponseBody}:
	 * written on another thread, its first flush commits the admin's session (Spring
	 * Session JDBC) while the request thread commits it too, and a session created by the
	 * request was then inserted twice (a duplicate key, the export failed).
	 */
	@GetMapping(value = "/admin/customers/export.csv", produces = "text/csv")
	void exportCsv(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer channel,
			@RequestParam(required = false) @Nullable Boolean optIn,
			@RequestParam(required = false) @Nullable CareerStage careerStage,
			@RequestParam(defaultValue = "false") boolean includeWithoutConsent, HttpServletResponse response)
			throws IOException {
		CustomerFilter filter = new CustomerFilter(q, channel, optIn, careerStage);
		CustomerFilter exported = includeWithoutConsent ? filter : filter.optedInUnlessChosen();
		this.audit.record(Actor.current(), AuditAction.EXPORT_CSV, null, describe(exported));
		String filename = "customers-" + LocalDate.now(this.clock) + ".csv";
		response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		this.export.write(exported, response.getOutputStream());
	}

	@GetMapping("/admin/customers/{id}")
	String detail(@PathVariable long id, Model model) {
		CustomerDirectory.CustomerDetail customer = this.directory.detail(id)
			.orElseThrow(CustomerAdminController::notFound);
		this.audit.record(Actor.current(), AuditAction.VIEW_CUSTOMER, id, null);
		model.addAttribute("customer", customer);
		model.addAttribute("erasedBefore", this.erasures.erasedAt(customer.email()).orElse(null));
		model.addAttribute("mail", this.mail.forCustomer(id));
		return "admin/customer";
	}

	@GetMapping(value = "/admin/customers/{id}/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> exportData(@PathVariable long id) {
		String json = this.data.export(id, Actor.current()).orElseThrow(CustomerAdminController::notFound);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("customer-" + id + ".json").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(json);
	}

	@GetMapping("/admin/customers/{id}/demographics")
	String editDemographics(@PathVariable long id, Model model) {
		model.addAttribute("form",
				DemographicsForm.of(this.customers.demographics(id).orElseThrow(CustomerAdminController::notFound)));
		model.addAttribute("customerId", id);
		return "admin/demographics";
	}

	@PostMapping("/admin/customers/{id}/demographics")
	String rectify(@PathVariable long id, @Valid @ModelAttribute("form") DemographicsForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (result.hasErrors()) {
			model.addAttribute("customerId", id);
			response.setStatus(UNPROCESSABLE);
			return "admin/demographics";
		}
		List<String> changed = this.customers.rectify(id, form.demographics(), Actor.current())
			.orElseThrow(CustomerAdminController::notFound);
		redirect.addFlashAttribute("message",
				changed.isEmpty() ? "Nothing changed." : "Saved. Changed: " + String.join(", ", changed) + ".");
		return "redirect:/admin/customers/" + id;
	}

	@GetMapping("/admin/customers/{id}/erase")
	String confirmErasure(@PathVariable long id, Model model) {
		model.addAttribute("customer", this.directory.detail(id).orElseThrow(CustomerAdminController::notFound));
		model.addAttribute("erasureAvailable", this.erasures.available());
		return "admin/erase";
	}

	@PostMapping("/admin/customers/{id}/erase")
	String erase(@PathVariable long id, RedirectAttributes redirect) {
		if (!this.erasures.available()) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Erasure is not configured");
		}
		if (!this.erasures.erase(id, Actor.current())) {
			throw notFound();
		}
		redirect.addFlashAttribute("message", "Customer " + id + " was erased.");
		return "redirect:/admin/customers";
	}

	/** Which filters were used, without the search text (it may be an email). */
	private static String describe(CustomerFilter filter) {
		List<String> parts = new ArrayList<>();
		if (filter.query() != null) {
			parts.add("search");
		}
		if (filter.channel() != null) {
			parts.add("channel=" + filter.channel());
		}
		if (filter.optIn() != null) {
			parts.add("opt-in=" + filter.optIn());
		}
		if (filter.careerStage() != null) {
			parts.add("career stage=" + filter.careerStage().code());
		}
		return parts.isEmpty() ? "all customers" : "filters: " + String.join(", ", parts);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
