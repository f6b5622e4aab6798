package com.focusedroom.report;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A report, reached only through its unguessable token: as a page and as a PDF.
 */
@Controller
class ReportController {

	private final Reports reports;

	private final ReportPdf pdf;

	ReportController(Reports reports, ReportPdf pdf) {
		this.reports = reports;
		this.pdf = pdf;
	}

	@GetMapping("/report/{token:[0-9a-zA-Z_-]{32,64}}")
	String show(@PathVariable String token, Model model) {
		model.addAttribute("report", find(token));
		model.addAttribute("token", token);
		return "report/report";
	}

	@GetMapping("/report/{token:[0-9a-zA-Z_-]{32,64}}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String token) {
		ReportPage report = find(token);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header("Content-Disposition",
					ContentDisposition.inline()
						.filename("focusedroom-report-" + report.reportId() + ".pdf")
						.build()
						.toString())
			.body(this.pdf.render(report));
	}

	private ReportPage find(String token) {
		return this.reports.findByToken(token)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No report at this address"));
	}

}
