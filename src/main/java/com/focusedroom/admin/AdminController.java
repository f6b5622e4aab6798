package com.focusedroom.admin;

import com.focusedroom.audit.AuditLog;
import com.focusedroom.integrity.IntegrityCheck;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin area's own pages: dashboard, integrity and audit log.
 */
@Controller
class AdminController {

	private final Statistics statistics;

	private final IntegrityCheck integrity;

	private final AuditLog audit;

	AdminController(Statistics statistics, IntegrityCheck integrity, AuditLog audit) {
		this.statistics = statistics;
		this.integrity = integrity;
		this.audit = audit;
	}

	// "/admin/" too: typed by hand or by tools that treat the area as a folder.
	@GetMapping({ "/admin", "/admin/" })
	String dashboard(@RequestParam(name = "flagged", required = false) @Nullable String flagged, Model model) {
		// Reports flagged as careless answering are left out of the averages unless
		// ?flagged=include.
		model.addAttribute("dashboard", this.statistics.dashboard("include".equals(flagged)));
		return "admin/dashboard";
	}

	@GetMapping("/admin/integrity")
	String integrity(Model model) {
		var state = this.integrity.run();
		model.addAttribute("state", state);
		model.addAttribute("stateBlock", String.join("\n", state.lines()));
		model.addAttribute("findings", this.integrity.findings());
		return "admin/integrity";
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) @Nullable Long customer, @RequestParam(defaultValue = "0") int page,
			Model model) {
		var entries = this.audit.page(customer, page);
		model.addAttribute("entries", entries.subList(0, Math.min(entries.size(), AuditLog.PAGE_SIZE)));
		model.addAttribute("hasNext", entries.size() > AuditLog.PAGE_SIZE);
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("customer", customer);
		return "admin/audit";
	}

}
