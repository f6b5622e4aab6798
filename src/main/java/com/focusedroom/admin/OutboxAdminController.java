package com.focusedroom.admin;

import java.util.List;

import com.focusedroom.audit.Actor;
import com.focusedroom.mail.MailLog;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Outbox in the admin area: every message the app has written (queued, sent or
 * failed), one message with its parts, and the suppression list. Without an SMTP server
 * mail stays queued here, so a newcomer can still follow every flow.
 */
@Controller
class OutboxAdminController {

	private final MailLog mail;

	OutboxAdminController(MailLog mail) {
		this.mail = mail;
	}

	@GetMapping("/admin/outbox")
	String outbox(@RequestParam(required = false) @Nullable String state, @RequestParam(defaultValue = "0") int page,
			Model model) {
		MailLog.State filter = MailLog.State.ofCode(state);
		int shown = Math.max(page, 0);
		List<MailLog.Summary> rows = this.mail.page(filter, shown);
		model.addAttribute("messages", rows.subList(0, Math.min(rows.size(), MailLog.PAGE_SIZE)));
		model.addAttribute("hasNext", rows.size() > MailLog.PAGE_SIZE);
		model.addAttribute("page", shown);
		model.addAttribute("state", (filter != null) ? filter.code() : null);
		model.addAttribute("states", MailLog.State.values());
		model.addAttribute("counts", this.mail.counts());
		model.addAttribute("deliveryConfigured", this.mail.deliveryConfigured());
		return "admin/outbox";
	}

	@GetMapping("/admin/outbox/{id}")
	String message(@PathVariable long id, Model model) {
		model.addAttribute("m", this.mail.message(id, Actor.current()).orElseThrow(OutboxAdminController::notFound));
		model.addAttribute("deliveryConfigured", this.mail.deliveryConfigured());
		return "admin/outbox-message";
	}

	@GetMapping("/admin/suppressions")
	String suppressions(@RequestParam(defaultValue = "0") int page, Model model) {
		int shown = Math.max(page, 0);
		List<MailLog.Suppression> rows = this.mail.suppressions(shown);
		model.addAttribute("suppressions", rows.subList(0, Math.min(rows.size(), MailLog.PAGE_SIZE)));
		model.addAttribute("hasNext", rows.size() > MailLog.PAGE_SIZE);
		model.addAttribute("page", shown);
		return "admin/suppressions";
	}

	@PostMapping("/admin/suppressions/lift")
	String lift(@RequestParam String recipient, RedirectAttributes redirect) {
		boolean lifted = this.mail.liftSuppression(recipient, Actor.current());
		redirect.addFlashAttribute("message", lifted ? "Suppression lifted: the address gets mail again."
				: "That address was not suppressed (any more).");
		return "redirect:/admin/suppressions";
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
