package com.focusedroom.report;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.focusedroom.customer.SignedInCustomer;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A report, reached only through its unguessable token: as a page and as a PDF.
 */
@Controller
class ReportController {

	private final Reports reports;

	private final ReportPdf pdf;

	private final ApplicationEventPublisher events;

	ReportController(Reports reports, ReportPdf pdf, ApplicationEventPublisher events) {
		this.reports = reports;
		this.pdf = pdf;
		this.events = events;
	}

	@GetMapping("/report/{token:[0-9a-zA-Z_-]{32,64}}")
	String show(@PathVariable String token, @CookieValue(name = OpenedReports.COOKIE, required = false) String cookie,
			@RequestParam(name = "since", required = false) @Nullable Integer since, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		OpenedReports opened = OpenedReports.fromCookie(cookie);
		model.addAttribute("report", find(token, opened, request, since));
		remember(opened, token, request, response);
		model.addAttribute("token", token);
		this.events.publishEvent(new ReportViewed(ReportViewed.Format.PAGE));
		return "report/report";
	}

	@GetMapping("/report/{token:[0-9a-zA-Z_-]{32,64}}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String token,
			@CookieValue(name = OpenedReports.COOKIE, required = false) String cookie, HttpServletRequest request,
			HttpServletResponse response) {
		OpenedReports opened = OpenedReports.fromCookie(cookie);
		ReportPage report = find(token, opened, request, null);
		remember(opened, token, request, response);
		byte[] document = this.pdf.render(report);
		this.events.publishEvent(new ReportViewed(ReportViewed.Format.PDF));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header("Content-Disposition",
					ContentDisposition.inline()
						.filename(report.unconfirmed() ? "focusedroom-report.pdf"
								: "focusedroom-report-" + report.reportId() + ".pdf")
						.build()
						.toString())
			.body(document);
	}

	/** Remembers a report that exists as opened on this device. */
	private static void remember(OpenedReports opened, String token, HttpServletRequest request,
			HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, opened.with(token).cookie(request.isSecure()).toString());
	}

	/**
	 * The report, compared with the previous one on a device that opened it, or for the
	 * customer signed in to "my reports" (with any earlier report of theirs they chose).
	 */
	private ReportPage find(String token, OpenedReports opened, HttpServletRequest request, @Nullable Integer since) {
		return this.reports.findByToken(token, opened, SignedInCustomer.idOf(request), since)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No report at this address"));
	}

}
