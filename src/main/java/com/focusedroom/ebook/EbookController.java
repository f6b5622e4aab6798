package com.focusedroom.ebook;

import java.util.Locale;

import com.focusedroom.channel.Attribution;
import com.focusedroom.consent.ConsentRefusedException;
import com.focusedroom.consent.Consents;
import com.focusedroom.consent.NewsletterChoice;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.limits.RequestingClient;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The eBook download page (channel 2). A valid request answers {@code 303 See Other}:
 * with mail delivery configured, to a page saying "check your inbox" (the link goes only
 * by mail); without it, to the visitor's own download link, which serves the PDF. The
 * link stays valid, so it can be saved and opened again.
 */
@Controller
class EbookController {

	private static final String FORM = "ebook/form";

	private static final String SENT_PATH = "/ebook/sent";

	private final Ebooks ebooks;

	private final Consents consents;

	private volatile @Nullable EbookPdf pdf;

	EbookController(Ebooks ebooks, Consents consents) {
		this.ebooks = ebooks;
		this.consents = consents;
	}

	@ModelAttribute
	void formContext(Model model, Attribution attribution) {
		model.addAttribute("newsletterConsent", this.consents.currentNewsletterText());
		model.addAttribute("consentAgeRule", this.consents.ageRule());
		model.addAttribute("minimumAge", this.consents.minimumAge());
		model.addAttribute("attribution", attribution);
	}

	@GetMapping("/ebook")
	String form(Model model) {
		model.addAttribute("ebookForm", new EbookForm());
		return FORM;
	}

	@PostMapping("/ebook")
	ModelAndView request(@Valid EbookForm form, BindingResult result,
			@RequestParam(name = "consentVersion", required = false) String consentVersion, Attribution attribution,
			Locale locale, HttpServletRequest request) {
		if (result.hasErrors()) {
			return new ModelAndView(FORM, HttpStatus.UNPROCESSABLE_CONTENT);
		}
		String token;
		try {
			token = this.ebooks.request(EmailAddress.of(form.getEmail()), form.getName(),
					new NewsletterChoice(form.isOptIn(), consentVersion), attribution, locale,
					RequestingClient.current());
		}
		catch (ConsentRefusedException ex) {
			result.rejectValue("optIn", "consent.refused", ex.getMessage());
			return new ModelAndView(FORM, HttpStatus.UNPROCESSABLE_CONTENT);
		}
		// With mail delivery the link goes only by mail, so the address is proven by
		// opening it; the page then says where to look, the same for every address.
		RedirectView redirect = new RedirectView(this.ebooks.linkGoesByMail() ? SENT_PATH : Ebooks.downloadPath(token),
				true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(redirect);
	}

	@GetMapping(SENT_PATH)
	String sent() {
		return "ebook/sent";
	}

	@GetMapping("/ebook/download/{token}")
	ResponseEntity<byte[]> download(@PathVariable String token) {
		if (!this.ebooks.isValidLink(token)) {
			throw new UnknownDownloadLinkException();
		}
		EbookPdf guide = pdf();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.contentLength(guide.size())
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header("Content-Disposition",
					ContentDisposition.attachment().filename(EbookPdf.FILE_NAME).build().toString())
			.header("X-Robots-Tag", "noindex")
			.body(guide.bytes());
	}

	@ExceptionHandler(UnknownDownloadLinkException.class)
	ModelAndView unknownLink() {
		return new ModelAndView("ebook/unknown-link", HttpStatus.NOT_FOUND);
	}

	private EbookPdf pdf() {
		EbookPdf rendered = this.pdf;
		if (rendered == null) {
			synchronized (this) {
				rendered = this.pdf;
				if (rendered == null) {
					rendered = EbookPdf.render();
					this.pdf = rendered;
				}
			}
		}
		return rendered;
	}

	static final class UnknownDownloadLinkException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UnknownDownloadLinkException() {
			super("No eBook download has this link");
		}

	}

}
