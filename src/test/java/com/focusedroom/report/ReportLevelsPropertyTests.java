package com.focusedroom.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Norms;
import com.focusedroom.scoring.Scorer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For any answers, the rendered page and PDF never call a score high below the 50th
 * normed percentile nor low above it, and every band contains its score: random protocols
 * (uniform and from the latent trait model), random ages and missing ages, through the
 * real templates.
 */
class ReportLevelsPropertyTests {

	private static final Pattern DOMAIN = Pattern.compile("<span class=\"level ([a-z-]+)\">([a-z ]+)</span></h2>\\s*"
			+ "<p class=\"numbers scale\" data-scale=\"([A-Z])\"><strong class=\"pct\">(\\d+)\\w\\w percentile</strong>"
			+ "[\\s\\S]*?<span class=\"pband\">(\\d+)\\w\\w to (\\d+)\\w\\w</span>[\\s\\S]*?<span class=\"score\">(\\d+)</span>"
			+ "[\\s\\S]*?<span class=\"sband\">(\\d+) to (\\d+)</span>");

	private static final Pattern FACET = Pattern.compile("<tr class=\"scale\" data-scale=\"([A-Z]\\d)\">[\\s\\S]*?"
			+ "<span class=\"level ([a-z-]+)\">([a-z ]+)</span>[\\s\\S]*?<span class=\"pct\">(\\d+)\\w\\w</span>[\\s\\S]*?"
			+ "<span class=\"pband\">(\\d+)\\w\\w to (\\d+)\\w\\w</span>[\\s\\S]*?<span class=\"score\">(\\d+)</span>"
			+ "[\\s\\S]*?<span class=\"sband\">(\\d+) to (\\d+)</span>");

	private static final Pattern PDF_SCALE = Pattern
		.compile("(\\d+)(?:st|nd|rd|th) percentile, (very low|low|average|high|very high)");

	private static final Pattern PDF_DOMAIN = Pattern.compile("(\\d+)(?:st|nd|rd|th) percentile among [a-z0-9 ]+ "
			+ "\\(90 % band: (\\d+)\\w\\w to (\\d+)\\w\\w\\) · score (\\d+) of 100 \\(band (\\d+) to (\\d+)\\)");

	private final ReportPages pages = new ReportPages(Explanations.standard(), Norms.johnson2014());

	private final SpringTemplateEngine engine = engine();

	@Test
	void thePageNeverContradictsThePercentileAndItsBandsHoldTheScores() {
		Random random = new Random(11);
		int pages = 2000;
		int invalid = 0;
		for (int i = 0; i < pages; i++) {
			ReportPage page = page(random, i);
			invalid += page.validity().likelyInvalid() ? 1 : 0;
			String html = render("report/report", page);
			int scales = 0;
			Matcher domain = DOMAIN.matcher(html);
			while (domain.find()) {
				check(domain.group(3), domain.group(2), domain.group(4), domain.group(5), domain.group(6),
						domain.group(7), domain.group(8), domain.group(9));
				scales++;
			}
			Matcher facet = FACET.matcher(html);
			while (facet.find()) {
				check(facet.group(1), facet.group(3), facet.group(4), facet.group(5), facet.group(6), facet.group(7),
						facet.group(8), facet.group(9));
				scales++;
			}
			assertThat(scales).as("page %d shows all 35 scales", i).isEqualTo(35);
		}
		assertThat(invalid).as("both valid and flagged protocols were rendered").isBetween(200, pages - 200);
	}

	@Test
	void thePdfNeverContradictsThePercentileAndItsBandsHoldTheScores() throws Exception {
		Random random = new Random(12);
		ReportPdf pdf = new ReportPdf(this.engine);
		for (int i = 0; i < 300; i++) {
			ReportPage page = page(random, i);
			String text;
			try (PDDocument document = Loader.loadPDF(pdf.render(page))) {
				text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			}
			Matcher scale = PDF_SCALE.matcher(text);
			int scales = 0;
			while (scale.find()) {
				int percentile = Integer.parseInt(scale.group(1));
				String level = scale.group(2);
				assertLevel("pdf " + i, level, percentile);
				scales++;
			}
			assertThat(scales).as("the overview's 5 and the 30 facets").isEqualTo(35);
			Matcher domain = PDF_DOMAIN.matcher(text);
			int domains = 0;
			while (domain.find()) {
				int percentile = Integer.parseInt(domain.group(1));
				assertThat(percentile).isBetween(Integer.parseInt(domain.group(2)), Integer.parseInt(domain.group(3)));
				assertThat(Integer.parseInt(domain.group(4))).isBetween(Integer.parseInt(domain.group(5)),
						Integer.parseInt(domain.group(6)));
				domains++;
			}
			assertThat(domains).isEqualTo(5);
		}
	}

	private static void check(String code, String level, String percentile, String bandLow, String bandHigh,
			String score, String scoreLow, String scoreHigh) {
		int p = Integer.parseInt(percentile);
		assertLevel(code, level, p);
		assertThat(p).as("%s: percentile within its band", code)
			.isBetween(Integer.parseInt(bandLow), Integer.parseInt(bandHigh));
		assertThat(Integer.parseInt(score)).as("%s: score within its band", code)
			.isBetween(Integer.parseInt(scoreLow), Integer.parseInt(scoreHigh));
	}

	private static void assertLevel(String what, String level, int percentile) {
		if (level.endsWith("high")) {
			assertThat(percentile).as("%s is %s", what, level).isGreaterThan(50);
		}
		if (level.endsWith("low")) {
			assertThat(percentile).as("%s is %s", what, level).isLessThan(50);
		}
	}

	private ReportPage page(Random random, int i) {
		List<Integer> answers = (i % 2 == 0) ? Protocols.uniform(random) : Protocols.careful(random);
		Integer age = (random.nextInt(5) == 0) ? null : 13 + random.nextInt(80);
		ReportPages.Stored stored = new ReportPages.Stored(1,
				OffsetDateTime.of(2026, 12, 2, 10, 0, 0, 0, ZoneOffset.UTC), "Ada", age, "mid_career", "focus",
				Optional.of(new Scorer(Inventory.ipipNeo120()).score(answers)), List.of(), answers);
		return this.pages.page(stored, Optional.empty());
	}

	private String render(String template, ReportPage page) {
		Context context = new Context();
		context.setVariables(Map.of("report", page, "token", "t".repeat(64)));
		return this.engine.process(template, context);
	}

	private static SpringTemplateEngine engine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setLinkBuilder(new StandardLinkBuilder() {
			@Override
			protected String computeContextPath(IExpressionContext context, String base,
					Map<String, Object> parameters) {
				return "";
			}
		});
		return engine;
	}

}
