package com.focusedroom.report;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

@Controller
class ReportController {

	private final Reports reports;

	ReportController(Reports reports) {
		this.reports = reports;
	}

	@GetMapping("/report/{token:[0-9a-zA-Z_-]{32,64}}")
	String show(@PathVariable String token, Model model) {
		ReportPage report = this.reports.findByToken(token)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No report at this address"));
		model.addAttribute("report", report);
		return "report/report";
	}

}
