package com.focusedroom.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.focusedroom.admin.CustomerDirectory.CustomerPage;
import com.focusedroom.admin.CustomerDirectory.CustomerRow;
import com.focusedroom.customer.CareerStage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which customers the admin's search and filters find, against the embedded PostgreSQL.
 * The admin tests share one database, so each test writes customers with a marker of its
 * own and searches for it, or (for the filters without a search) looks at the newest
 * customers, which are its own.
 */
@SpringBootTest(properties = AdminTestContext.PROPERTY)
class CustomerFilterTests {

	private static final String BIG_FIVE_TEST = "Big Five Test";

	private static final String EBOOK_DOWNLOAD = "eBook Download";

	@Autowired
	private CustomerDirectory directory;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aCompleteEmailInAnyCaseFindsExactlyThatCustomer() {
		String marker = marker();
		String email = marker + "@example.com";
		customer(email, "Ada", "Mathematician", "senior", 1, true);
		customer("ada." + email, "Ada Junior", "Engineer", "student", 1, true);
		customer(marker + "@example.community", "Ada Abroad", "Engineer", "student", 1, true);

		assertThat(found(search("  " + email.toUpperCase() + " "))).containsExactly(email);
		assertThat(found(search("Ada." + marker + "@Example.COM"))).containsExactly("ada." + email);
		assertThat(this.directory.find(search(email), CustomerSort.NEWEST, 0).total()).isOne();
	}

	@Test
	void partOfAnEmailANameOrAProfessionFindsEveryCustomerContainingItInAnyCase() {
		String marker = marker();
		String inEmail = "a." + marker + "@example.com";
		String inName = Fixtures.email("name");
		String inProfession = Fixtures.email("profession");
		customer(inEmail, "Plain Person", "Baker", "student", 1, true);
		customer(inName, "Ann " + marker.toUpperCase() + "son", "Baker", "student", 1, true);
		customer(inProfession, "Bob", "Chief " + marker + " officer", "student", 1, false);
		customer(Fixtures.email("neither"), "Carla", "Chief officer", "student", 1, false);

		assertThat(found(search(capitalised(marker)))).containsExactlyInAnyOrder(inEmail, inName, inProfession);
		assertThat(found(search(marker.substring(1, 10)))).containsExactlyInAnyOrder(inEmail, inName, inProfession);
		assertThat(found(search(marker.toUpperCase() + "@EXA"))).as("part of an address with its @")
			.containsExactly(inEmail);
		assertThat(found(search(marker + "SON"))).containsExactly(inName);
		assertThat(found(search(marker + " officer"))).containsExactly(inProfession);
	}

	@Test
	void likeWildcardsAndTheEscapeCharacterInTheSearchAreTakenLiterally() {
		String marker = marker();
		String percentUnderscore = Fixtures.email("literal");
		String anyCharacters = Fixtures.email("any");
		String anyCharacter = Fixtures.email("one");
		String backslash = Fixtures.email("backslash");
		String noBackslash = Fixtures.email("plain");
		customer(percentUnderscore, marker + " 50%_off", null, null, 1, false);
		customer(anyCharacters, marker + " 50 per cent off", null, null, 1, false);
		customer(anyCharacter, marker + " 50x_off", null, null, 1, false);
		customer(backslash, marker + " back\\slash", null, null, 1, false);
		customer(noBackslash, marker + " backslash", null, null, 1, false);

		assertThat(found(search(marker + " 50%_off"))).containsExactly(percentUnderscore);
		assertThat(found(search(marker + " 50_"))).isEmpty();
		assertThat(found(search(marker + "%off"))).isEmpty();
		assertThat(found(search(marker + " back\\s"))).containsExactly(backslash);
		assertThat(found(search(marker + " backs"))).containsExactly(noBackslash);
	}

	@Test
	void aControlCharacterInTheSearchIsIgnored() {
		String marker = marker();
		String email = marker + "@example.com";
		String other = Fixtures.email("control");
		customer(email, "Nul Person", null, null, 1, true);
		customer(other, "Tab " + marker + " Person", null, null, 1, true);

		String withControls = marker.substring(0, 4) + "\u0000" + marker.substring(4) + "\t";
		assertThat(found(search(withControls))).containsExactlyInAnyOrder(email, other);
		assertThat(found(search("\u0007" + email + "\u0000"))).as("still a complete email").containsExactly(email);
		assertThat(this.directory.find(search("\u0000\t\u001b"), CustomerSort.NEWEST, 0).total())
			.as("nothing but control characters is no search")
			.isEqualTo(this.directory.find(CustomerFilter.none(), CustomerSort.NEWEST, 0).total());
	}

	@Test
	void theChannelOptInAndCareerStageFiltersNarrowASearch() {
		Population people = population();

		assertThat(found(people.search(null, null, null))).containsExactlyInAnyOrderElementsOf(people.all());
		assertThat(found(people.search(2, null, null))).containsExactlyInAnyOrder(people.b, people.c);
		assertThat(found(people.search(3, null, null))).containsExactly(people.d);
		assertThat(found(people.search(null, true, null))).containsExactlyInAnyOrder(people.a, people.b);
		assertThat(found(people.search(null, false, null))).containsExactlyInAnyOrder(people.c, people.d, people.e);
		assertThat(found(people.search(null, null, CareerStage.SENIOR))).containsExactlyInAnyOrder(people.b, people.d);
		assertThat(found(people.search(null, null, CareerStage.STUDENT))).containsExactlyInAnyOrder(people.a, people.c);
		assertThat(found(people.search(null, null, CareerStage.RETURNING))).isEmpty();
	}

	@Test
	void combinedFiltersFindTheCustomersThatMeetThemAll() {
		Population people = population();

		assertThat(found(people.search(2, false, null))).containsExactly(people.c);
		assertThat(found(people.search(1, true, CareerStage.STUDENT))).containsExactly(people.a);
		assertThat(found(people.search(null, true, CareerStage.SENIOR))).containsExactly(people.b);
		assertThat(found(people.search(1, false, null))).containsExactly(people.e);
		assertThat(found(people.search(3, true, null))).isEmpty();
		assertThat(found(people.search(2, true, CareerStage.STUDENT))).isEmpty();
		assertThat(found(new CustomerFilter(people.a.toUpperCase(), 1, true, CareerStage.STUDENT)))
			.containsExactly(people.a);
		assertThat(found(new CustomerFilter(people.a, 1, false, null))).as("a complete email and a filter it fails")
			.isEmpty();
	}

	@Test
	void theExportsDefaultOfOptedInCustomersKeepsAnOptInChosenByTheAdmin() {
		Population people = population();

		assertThat(found(people.search(null, null, null).optedInUnlessChosen())).containsExactlyInAnyOrder(people.a,
				people.b);
		assertThat(found(people.search(2, null, null).optedInUnlessChosen())).containsExactly(people.b);
		assertThat(found(people.search(null, false, null).optedInUnlessChosen())).containsExactlyInAnyOrder(people.c,
				people.d, people.e);
	}

	@Test
	void theFiltersWithoutASearchFindCustomersOfEveryKindThatMeetThem() {
		Population people = population();

		List<CustomerRow> ebook = newest(new CustomerFilter(null, 2, null, null));
		assertThat(ebook).extracting(CustomerRow::channel).containsOnly(EBOOK_DOWNLOAD);
		assertThat(emails(ebook)).contains(people.b, people.c).doesNotContain(people.a, people.d, people.e);

		List<CustomerRow> notOptedIn = newest(new CustomerFilter(null, null, false, null));
		assertThat(notOptedIn).extracting(CustomerRow::optIn).containsOnly(false);
		assertThat(emails(notOptedIn)).contains(people.c, people.d, people.e).doesNotContain(people.a, people.b);

		List<CustomerRow> seniors = newest(new CustomerFilter(null, null, null, CareerStage.SENIOR));
		assertThat(seniors).extracting(CustomerRow::careerStage).containsOnly(CareerStage.SENIOR.label());
		assertThat(emails(seniors)).contains(people.b, people.d).doesNotContain(people.a, people.c, people.e);

		List<CustomerRow> optedInStudentsOfTheTest = newest(new CustomerFilter(null, 1, true, CareerStage.STUDENT));
		assertThat(optedInStudentsOfTheTest).allSatisfy((row) -> {
			assertThat(row.channel()).isEqualTo(BIG_FIVE_TEST);
			assertThat(row.optIn()).isTrue();
			assertThat(row.careerStage()).isEqualTo(CareerStage.STUDENT.label());
		});
		assertThat(emails(optedInStudentsOfTheTest)).contains(people.a)
			.doesNotContain(people.b, people.c, people.d, people.e);

		long everyone = this.directory.find(CustomerFilter.none(), CustomerSort.NEWEST, 0).total();
		long onTheTest = this.directory.find(new CustomerFilter(null, 1, null, null), CustomerSort.NEWEST, 0).total();
		long onTheEbook = this.directory.find(new CustomerFilter(null, 2, null, null), CustomerSort.NEWEST, 0).total();
		long onTheApp = this.directory.find(new CustomerFilter(null, 3, null, null), CustomerSort.NEWEST, 0).total();
		assertThat(onTheTest + onTheEbook + onTheApp).as("every customer has one of the three channels")
			.isEqualTo(everyone);
	}

	// Pure rules of the filter, without the database.

	@Test
	void likeWildcardsAndTheEscapeCharacterAreEscaped() {
		assertThat(CustomerFilter.escapeLike("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
		assertThat(CustomerFilter.escapeLike("plain text")).isEqualTo("plain text");
	}

	@Test
	void onlyAValidAddressIsACompleteEmail() {
		assertThat(new CustomerFilter("  Ada.Lovelace@Example.COM ", null, null, null).isCompleteEmail()).isTrue();
		assertThat(new CustomerFilter("lovelace@exa", null, null, null).isCompleteEmail()).isFalse();
		assertThat(new CustomerFilter("Lovelace", null, null, null).isCompleteEmail()).isFalse();
		assertThat(CustomerFilter.none().isCompleteEmail()).isFalse();
	}

	@Test
	void theSearchIsCleanedAndLowerCasedAndNothingButControlCharactersIsNoSearch() {
		assertThat(new CustomerFilter(" Lov\u0000elace\t", null, null, null).query()).isEqualTo("lovelace");
		assertThat(new CustomerFilter("\u0000\t", null, null, null).query()).isNull();
	}

	@Test
	void optedInUnlessChosenKeepsTheOtherFiltersAndAChosenOptIn() {
		assertThat(new CustomerFilter("ann", 2, null, CareerStage.SENIOR).optedInUnlessChosen())
			.isEqualTo(new CustomerFilter("ann", 2, true, CareerStage.SENIOR));
		CustomerFilter notOptedIn = new CustomerFilter(null, 2, false, null);
		assertThat(notOptedIn.optedInUnlessChosen()).isEqualTo(notOptedIn);
	}

	/**
	 * Five customers with the marker in their names: a (test, opted in, student), b
	 * (eBook, opted in, senior), c (eBook, not opted in, student), d (app, not opted in,
	 * senior), e (test, not opted in, no stage).
	 */
	private Population population() {
		String marker = marker();
		Population people = new Population(marker, Fixtures.email("a"), Fixtures.email("b"), Fixtures.email("c"),
				Fixtures.email("d"), Fixtures.email("e"));
		customer(people.a, "Ann " + marker, "Baker", "student", 1, true);
		customer(people.b, "Ben " + marker, "Judge", "senior", 2, true);
		customer(people.c, "Cem " + marker, "Baker", "student", 2, false);
		customer(people.d, "Dora " + marker, "Pilot", "senior", 3, false);
		customer(people.e, "Eve " + marker, null, null, 1, false);
		return people;
	}

	private record Population(String marker, String a, String b, String c, String d, String e) {

		CustomerFilter search(Integer channel, Boolean optIn, CareerStage careerStage) {
			return new CustomerFilter(this.marker, channel, optIn, careerStage);
		}

		List<String> all() {
			return List.of(this.a, this.b, this.c, this.d, this.e);
		}

	}

	/** Text found in no other test's customer: "zq" is not hexadecimal, as UUIDs are. */
	private static String marker() {
		return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private static String capitalised(String text) {
		return text.substring(0, 1).toUpperCase() + text.substring(1);
	}

	private static CustomerFilter search(String query) {
		return new CustomerFilter(query, null, null, null);
	}

	private void customer(String email, String name, String profession, String careerStage, int channel,
			boolean optIn) {
		Fixtures.customer(this.jdbc, email, name, profession, careerStage, channel, optIn);
	}

	/** The emails of every customer the filter finds, over all pages. */
	private List<String> found(CustomerFilter filter) {
		List<String> emails = new ArrayList<>();
		CustomerPage page;
		int number = 0;
		do {
			page = this.directory.find(filter, CustomerSort.EMAIL, number++);
			emails.addAll(emails(page.rows()));
		}
		while (page.hasNext());
		assertThat(emails).as("the count agrees with the rows").hasSize((int) page.total());
		return emails;
	}

	/** The first page, newest first: this test's customers come first. */
	private List<CustomerRow> newest(CustomerFilter filter) {
		return this.directory.find(filter, CustomerSort.NEWEST, 0).rows();
	}

	private static List<String> emails(List<CustomerRow> rows) {
		return rows.stream().map(CustomerRow::email).toList();
	}

}
