package com.focusedroom.ebook;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EbookPdfTests {

	@Test
	void theGuideIsARealPdfOfAboutTenPagesWithAChapterForEachTrait() throws Exception {
		byte[] pdf = EbookPdf.render().bytes();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isBetween(10, 18);
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Focused work by personality");
			assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("FocusedRoom");
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Openness to Experience", "Conscientiousness", "Extraversion", "Agreeableness",
					"Neuroticism", "If you score high", "If you score low", "Build your focus plan",
					"International Personality Item Pool");
			assertThat(text.split("\\s+")).as("words of real content").hasSizeGreaterThan(3000);
		}
	}

	@Test
	void theCoverIsTheFirstPageAndHasNoFooter() throws Exception {
		try (PDDocument document = Loader.loadPDF(EbookPdf.render().bytes())) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(1);
			stripper.setEndPage(1);
			String cover = stripper.getText(document);
			assertThat(cover).contains("Focused work", "by personality").doesNotContain("| 1");
		}
	}

	@Test
	void everyTraitChapterStartsOnItsOwnPage() throws Exception {
		try (PDDocument document = Loader.loadPDF(EbookPdf.render().bytes())) {
			PDFTextStripper stripper = new PDFTextStripper();
			for (String trait : new String[] { "Trait O", "Trait C", "Trait E", "Trait A", "Trait N" }) {
				boolean found = false;
				for (int page = 1; page <= document.getNumberOfPages() && !found; page++) {
					stripper.setStartPage(page);
					stripper.setEndPage(page);
					String withoutFooter = stripper.getText(document)
						.lines()
						.filter((line) -> !line.contains("| Focused work by personality |"))
						.collect(java.util.stream.Collectors.joining("\n"))
						.strip();
					found = withoutFooter.toUpperCase().startsWith(trait.toUpperCase());
				}
				assertThat(found).as("a page starts with %s", trait).isTrue();
			}
		}
	}

}
