package com.focusedroom.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * The report as a PDF: the same content as the page, laid out for paper by the
 * {@code report/pdf} template (XHTML) and rendered by openhtmltopdf. The bars are drawn
 * with CSS boxes, which openhtmltopdf renders natively, rather than SVG.
 */
@Component
class ReportPdf {

	private final ITemplateEngine templates;

	ReportPdf(ITemplateEngine templates) {
		this.templates = templates;
	}

	byte[] render(ReportPage report) {
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("report", report);
		String html = this.templates.process("report/pdf", context);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html, null);
			builder.toStream(pdf);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pdf.toByteArray();
	}

}
