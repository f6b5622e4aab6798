package com.focusedroom.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusedroom.assessment.Assessments;
import com.focusedroom.audit.Actor;
import com.focusedroom.channel.Attribution;
import com.focusedroom.channel.Channel;
import com.focusedroom.consent.NewsletterChoice;
import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.gdpr.Erasures;
import com.focusedroom.scoring.Responders;
import jakarta.servlet.http.Cookie;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A report rendered once (issue 14.5, docs/decisions/0013): the PDF stored when first
 * asked for and served from there by every instance, the page kept in memory, ETags and
 * 304s, and never a rendering of a report that was erased or re-scored. Against the
 * embedded PostgreSQL; "another instance" is this one after forgetting what it keeps in
 * memory.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportRenderedOnceIntegrationTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Assessments assessments;

	@Autowired
	private RenderedReports rendered;

	@Autowired
	private StoredPdfs storedPdfs;

	@Autowired
	private Reports reports;

	@Autowired
	private Rescoring rescoring;

	@Autowired
	private Erasures erasures;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void thePdfIsStoredWhenFirstAskedForAndServedFromThereWithoutRenderingAgain() {
		String url = submit(answers(1), "en").reportUrl() + ".pdf";
		long before = this.rendered.pdfsRendered();
		byte[] first = pdf(url, null).getResponse().getContentAsByteArray();
		assertThat(this.rendered.pdfsRendered()).isEqualTo(before + 1);
		assertThat(stored(url)).as("the stored PDF is the one served").containsExactly(first);

		this.rendered.forgetAll(); // another instance, or this one after a restart
		byte[] second = pdf(url, null).getResponse().getContentAsByteArray();
		assertThat(second).isEqualTo(first);
		assertThat(this.rendered.pdfsRendered()).as("served from the database, not rendered").isEqualTo(before + 1);
		assertThat(storedRows(url)).isOne();
	}

	@Test
	void aStoredPdfOfAnotherVersionIsNeverServedAndTheNextRenderReplacesIt() {
		String url = submit(answers(13), "en").reportUrl() + ".pdf";
		byte[] current = pdf(url, null).getResponse().getContentAsByteArray();
		// As a release that renders differently, or a row written before the result
		// changed, leaves it.
		this.jdbc
			.sql("UPDATE report_pdf SET content_version = 'older', pdf = '\\x00' WHERE big_five_result_id ="
					+ " (SELECT id FROM big_five_result WHERE report_token = ?)")
			.param(token(url))
			.update();
		this.rendered.forgetAll();
		long before = this.rendered.pdfsRendered();
		assertThat(pdf(url, null).getResponse().getContentAsByteArray())
			.startsWith("%PDF".getBytes(StandardCharsets.US_ASCII))
			.hasSameSizeAs(current);
		assertThat(this.rendered.pdfsRendered()).as("rendered again").isEqualTo(before + 1);
		assertThat(storedRows(url)).isOne();
		assertThat(stored(url)).singleElement().satisfies((pdf) -> assertThat(pdf).hasSameSizeAs(current));
	}

	@Test
	void concurrentFirstRequestsAllGetTheSamePdfAndOneIsKept() throws Exception {
		String url = submit(answers(2), "en").reportUrl() + ".pdf";
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<byte[]>> answers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return pdf(url, null).getResponse().getContentAsByteArray();
				}));
			}
			start.countDown();
			byte[] first = answers.get(0).get(60, TimeUnit.SECONDS);
			for (Future<byte[]> answer : answers) {
				assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(first);
			}
			assertThat(storedRows(url)).isOne();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void twoInstancesRenderingTheSameFirstPdfAtOnceBothServeTheOneKept() throws Exception {
		String token = token(submit(answers(3), "en"));
		ReportVersion version = this.reports.versionAt(token, OpenedReports.none(), null, null).orElseThrow();
		byte[] mine = { 1, 2, 3 };
		byte[] theirs = { 4, 5, 6 };
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Future<byte[]> one = pool.submit(() -> {
				start.await();
				return this.storedPdfs.keep(version, mine);
			});
			Future<byte[]> other = pool.submit(() -> {
				start.await();
				return this.storedPdfs.keep(version, theirs);
			});
			start.countDown();
			byte[] kept = one.get(30, TimeUnit.SECONDS);
			assertThat(other.get(30, TimeUnit.SECONDS)).as("neither fails; both serve the one kept").isEqualTo(kept);
			assertThat(kept).isIn(mine, theirs);
			assertThat(this.storedPdfs.find(version)).contains(kept);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theBrowsersCopyIsConfirmedWith304WithoutRenderingAndKeepsEverySecurityHeader() {
		String url = submit(answers(4), "en").reportUrl();
		for (String each : new String[] { url, url + ".pdf" }) {
			MvcTestResult first = this.mvc.get().uri(each).exchange();
			assertThat(first).hasStatusOk();
			String etag = first.getResponse().getHeader("ETag");
			assertThat(etag).as(each).matches("\"[A-Za-z0-9_-]{27}\"");
			assertThat(first.getResponse().getHeader("Cache-Control")).as(each).isEqualTo("no-cache, private");
			assertThat(first.getResponse().getHeader("Vary")).as(each).contains("Cookie");

			this.rendered.forgetAll();
			long pages = this.rendered.pagesRendered();
			long pdfs = this.rendered.pdfsRendered();
			MvcTestResult again = this.mvc.get().uri(each).header("If-None-Match", etag).exchange();
			assertThat(again).as(each).hasStatus(304);
			assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
			assertThat(again.getResponse().getHeader("ETag")).isEqualTo(etag);
			assertThat(again.getResponse().getHeader("Cache-Control")).isEqualTo("no-cache, private");
			assertThat(again.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(again.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'self'");
			assertThat(this.rendered.pagesRendered()).as("nothing rendered for a 304").isEqualTo(pages);
			assertThat(this.rendered.pdfsRendered()).as("nothing rendered for a 304").isEqualTo(pdfs);

			assertThat(this.mvc.get().uri(each).header("If-None-Match", "\"something-else\"")).hasStatusOk();
		}
	}

	@Test
	void aBrowserThatTakesGzipGetsThePageCompressedOnceWithItsOwnEtag() throws Exception {
		String url = submit(answers(9), "en").reportUrl();
		MvcTestResult plain = this.mvc.get().uri(url).exchange();
		long pages = this.rendered.pagesRendered();
		MvcTestResult gzipped = this.mvc.get().uri(url).header("Accept-Encoding", "gzip, deflate, br").exchange();
		assertThat(gzipped).hasStatusOk().hasHeader("Content-Encoding", "gzip");
		assertThat(gzipped.getResponse().getHeader("Vary")).contains("Cookie", "Accept-Encoding");
		byte[] body = gzipped.getResponse().getContentAsByteArray();
		assertThat(body.length).as("compressed").isLessThan(plain.getResponse().getContentAsByteArray().length / 3);
		try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
			assertThat(in.readAllBytes()).isEqualTo(plain.getResponse().getContentAsByteArray());
		}
		assertThat(this.rendered.pagesRendered()).as("one rendering, two encodings").isEqualTo(pages);
		String etag = gzipped.getResponse().getHeader("ETag");
		assertThat(etag).as("another representation").isNotEqualTo(plain.getResponse().getHeader("ETag"));
		assertThat(this.mvc.get().uri(url).header("Accept-Encoding", "gzip").header("If-None-Match", etag))
			.hasStatus(304);
		assertThat(this.mvc.get().uri(url).header("Accept-Encoding", "gzip;q=0, identity"))
			.doesNotContainHeader("Content-Encoding");
	}

	@Test
	void theChangeViewIsAnotherRenderingWithItsOwnEtag() {
		String email = "variant." + System.nanoTime() + "@example.com";
		Assessments.Submitted earlier = submit(email, answers(5), "en");
		Assessments.Submitted later = submit(email, answers(6), "en");
		Cookie opened = this.mvc.get()
			.uri(earlier.reportUrl())
			.exchange()
			.getResponse()
			.getCookie(OpenedReports.COOKIE);
		for (String suffix : new String[] { "", ".pdf" }) {
			MvcTestResult alone = this.mvc.get().uri(later.reportUrl() + suffix).exchange();
			MvcTestResult compared = this.mvc.get().uri(later.reportUrl() + suffix).cookie(opened).exchange();
			assertThat(alone).hasStatusOk();
			assertThat(compared).hasStatusOk();
			assertThat(compared.getResponse().getHeader("ETag")).as("the change view is another variant")
				.isNotEqualTo(alone.getResponse().getHeader("ETag"));
			assertThat(this.mvc.get()
				.uri(later.reportUrl() + suffix)
				.cookie(opened)
				.header("If-None-Match", alone.getResponse().getHeader("ETag"))).as("the copy without it is not this")
				.hasStatusOk();
			assertThat(text(compared, suffix)).contains("Since report 1");
			assertThat(text(alone, suffix)).doesNotContain("Since report 1");
		}
		assertThat(storedRows(later.reportUrl() + ".pdf")).as("one stored PDF per variant").isEqualTo(2);
	}

	@Test
	void theOwnerSignedInToMyReportsGetsTheChangeViewOfTheReportTheyChoseWithoutTheDevicesCookie() {
		String email = "signed-in." + System.nanoTime() + "@example.com";
		submit(email, answers(10), "en");
		submit(email, answers(11), "en");
		Assessments.Submitted third = submit(email, answers(12), "en");
		Cookie owner = signIn(email);
		MvcTestResult anonymous = this.mvc.get().uri(third.reportUrl()).exchange();
		MvcTestResult signedIn = this.mvc.get().uri(third.reportUrl()).cookie(owner).exchange();
		MvcTestResult sinceFirst = this.mvc.get().uri(third.reportUrl() + "?since=1").cookie(owner).exchange();
		assertThat(text(anonymous, "")).doesNotContain("Since report");
		assertThat(text(signedIn, "")).contains("Since report 2");
		assertThat(text(sinceFirst, "")).contains("Since report 1").doesNotContain("Since report 2");
		assertThat(List.of(anonymous, signedIn, sinceFirst).stream().map((r) -> r.getResponse().getHeader("ETag")))
			.as("three variants, three ETags")
			.doesNotHaveDuplicates();
		assertThat(text(this.mvc.get().uri(third.reportUrl() + "?since=1").exchange(), ""))
			.as("a stranger's ?since= shows nothing earlier")
			.doesNotContain("Since report");
		assertThat(text(pdf(third.reportUrl() + ".pdf", null), ".pdf")).doesNotContain("Since report");
		assertThat(text(this.mvc.get().uri(third.reportUrl() + ".pdf").cookie(owner).exchange(), ".pdf"))
			.contains("Since report 2");
	}

	@Test
	void anErasedReportIsGoneAtOnceWithItsStoredPdfOnEveryInstance() {
		Assessments.Submitted report = submit(answers(7), "en");
		assertThat(this.mvc.get().uri(report.reportUrl())).hasStatusOk();
		assertThat(this.mvc.get().uri(report.reportUrl() + ".pdf")).hasStatusOk();
		long resultId = resultId(report);
		assertThat(storedRows(report.reportUrl() + ".pdf")).isOne();
		long customer = this.jdbc.sql("SELECT customer_id FROM big_five_result WHERE id = ?")
			.param(resultId)
			.query(Long.class)
			.single();

		assertThat(this.erasures.erase(customer, new Actor("test-admin", null))).isTrue();

		assertThat(this.jdbc.sql("SELECT count(*) FROM report_pdf WHERE big_five_result_id = ?")
			.param(resultId)
			.query(Long.class)
			.single()).isZero();
		// This instance still holds both renderings in memory: they are never reached.
		assertThat(this.mvc.get().uri(report.reportUrl())).hasStatus(404);
		assertThat(this.mvc.get().uri(report.reportUrl() + ".pdf")).hasStatus(404);
	}

	@Test
	void reScoringDropsTheStoredPdfAndThePageAndPdfShowTheNewScores() throws Exception {
		List<Integer> answered = answers(8);
		answered.set(27, 1); // statements 28 and 88 of the faulty French page, see
		answered.set(87, 5); // RescoringIntegrationTests
		Assessments.Submitted report = submit(answered, "fr");
		String pageBefore = this.mvc.get().uri(report.reportUrl()).exchange().getResponse().getHeader("ETag");
		MvcTestResult pdfBefore = pdf(report.reportUrl() + ".pdf", null);
		String textBefore = text(pdfBefore, ".pdf");
		long rendered = this.rendered.pdfsRendered();

		assertThat(this.rescoring.rescore(TranslationFix.FRENCH_28_88, List.of(resultId(report)), true)).singleElement()
			.satisfies((outcome) -> assertThat(outcome.status()).isEqualTo(Rescoring.Status.RESCORED));
		assertThat(storedRows(report.reportUrl() + ".pdf")).as("dropped with the re-scoring").isZero();

		MvcTestResult page = this.mvc.get().uri(report.reportUrl()).exchange();
		assertThat(page.getResponse().getHeader("ETag")).isNotEqualTo(pageBefore);
		assertThat(this.mvc.get().uri(report.reportUrl()).header("If-None-Match", pageBefore)).hasStatusOk();
		MvcTestResult pdfAfter = pdf(report.reportUrl() + ".pdf", null);
		assertThat(pdfAfter.getResponse().getHeader("ETag")).isNotEqualTo(pdfBefore.getResponse().getHeader("ETag"));
		assertThat(this.rendered.pdfsRendered()).as("rendered again from the new scores").isEqualTo(rendered + 1);
		assertThat(text(pdfAfter, ".pdf")).isNotEqualTo(textBefore);
		assertThat(stored(report.reportUrl() + ".pdf")).containsExactly(pdfAfter.getResponse().getContentAsByteArray());
	}

	/** Signs in to "my reports" with the mailed link; the session's cookie. */
	private Cookie signIn(String email) {
		assertThat(this.mvc.post().uri("/my-reports").param("email", email).with(csrf())).hasStatusOk();
		String body = this.jdbc.sql("""
				SELECT body_text FROM mail_outbox WHERE recipient = ? AND kind = 'sign_in'
				ORDER BY mail_id DESC LIMIT 1""").param(email).query(String.class).single();
		Matcher link = Pattern.compile("https?://[^/\\s]+(/my-reports/sign-in/[A-Za-z0-9_-]+)").matcher(body);
		assertThat(link.find()).as("the mail has the sign-in link").isTrue();
		MvcTestResult signedIn = this.mvc.post().uri(link.group(1)).with(csrf()).exchange();
		assertThat(signedIn).hasStatus(303);
		// The session's cookie, whatever the session store names it.
		String[] session = signedIn.getResponse().getHeader("Set-Cookie").split(";", 2)[0].split("=", 2);
		return new Cookie(session[0], session[1]);
	}

	private MvcTestResult pdf(String url, Cookie cookie) {
		MvcTestResult result = (cookie != null) ? this.mvc.get().uri(url).cookie(cookie).exchange()
				: this.mvc.get().uri(url).exchange();
		assertThat(result).hasStatusOk().hasContentType("application/pdf");
		return result;
	}

	private static String text(MvcTestResult result, String suffix) {
		if (suffix.isEmpty()) {
			return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		}
		try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private Assessments.Submitted submit(List<Integer> answers, String language) {
		return submit("rendered." + System.nanoTime() + "@example.com", answers, language);
	}

	private Assessments.Submitted submit(String email, List<Integer> answers, String language) {
		return this.assessments.submit(EmailAddress.of(email), Demographics.none(), NewsletterChoice.notTicked(),
				answers, Channel.MOBILE_APP, Attribution.none(), language, 700);
	}

	private static List<Integer> answers(int seed) {
		return new ArrayList<>(Responders.careful(new Random(seed)));
	}

	private static String token(Assessments.Submitted report) {
		return report.reportUrl().substring("/report/".length());
	}

	private static String token(String url) {
		return url.substring("/report/".length(), url.length() - ".pdf".length());
	}

	private long resultId(Assessments.Submitted report) {
		return this.jdbc.sql("SELECT id FROM big_five_result WHERE report_token = ?")
			.param(token(report))
			.query(Long.class)
			.single();
	}

	private List<byte[]> stored(String pdfUrl) {
		return this.jdbc
			.sql("SELECT s.pdf FROM report_pdf s JOIN big_five_result r ON r.id = s.big_five_result_id"
					+ " WHERE r.report_token = ?")
			.param(token(pdfUrl))
			.query(byte[].class)
			.list();
	}

	private long storedRows(String pdfUrl) {
		return this.jdbc
			.sql("SELECT count(*) FROM report_pdf s JOIN big_five_result r ON r.id = s.big_five_result_id"
					+ " WHERE r.report_token = ?")
			.param(token(pdfUrl))
			.query(Long.class)
			.single();
	}

}
