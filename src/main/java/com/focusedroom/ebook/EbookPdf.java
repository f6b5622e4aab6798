package com.focusedroom.ebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * FocusedRoom's guide "Focused work by personality" as a PDF, rendered once from the
 * XHTML source {@code ebook/focused-work-by-personality.xhtml} on the class path. The
 * guide is the same for everyone and holds no personal data.
 */
final class EbookPdf {

	static final String SOURCE = "ebook/focused-work-by-personality.xhtml";

	static final String FILE_NAME = "focusedroom-focused-work-by-personality.pdf";

	private final byte[] pdf;

	private EbookPdf(byte[] pdf) {
		this.pdf = pdf;
	}

	static EbookPdf render() {
		String xhtml = read(SOURCE);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(xhtml, EbookPdf.class.getClassLoader().getResource(SOURCE).toExternalForm());
			builder.toStream(out);
			builder.run();
			return new EbookPdf(out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render the eBook", ex);
		}
	}

	byte[] bytes() {
		return this.pdf.clone();
	}

	int size() {
		return this.pdf.length;
	}

	private static String read(String resource) {
		try (InputStream in = EbookPdf.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing eBook source " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
