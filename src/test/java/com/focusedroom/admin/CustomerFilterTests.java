package com.focusedroom.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerFilterTests {

	@Test
	void aCompleteEmailInAnyCaseIsLookedUpExactlyAsStored() {
		CustomerFilter filter = new CustomerFilter("  Ada.Lovelace@Example.COM ", null, null, null);
		assertThat(filter.where()).isEqualTo("WHERE c.email_id = :email ");
		assertThat(filter.parameters()).containsEntry("email", "ada.lovelace@example.com");
	}

	@Test
	void controlCharactersAreDroppedFromTheSearchAndNothingButThemIsNoSearch() {
		assertThat(new CustomerFilter("/e\u0000\t", null, null, null).parameters()).containsEntry("pattern", "%/e%");
		assertThat(new CustomerFilter("\u0000", null, null, null).query()).isNull();
	}

	@Test
	void partOfAnAddressANameOrAProfessionIsASubstringSearch() {
		CustomerFilter filter = new CustomerFilter("Lovelace@Exa", null, null, null);
		assertThat(filter.where()).contains("c.email_id LIKE :pattern", "lower(c.name) LIKE :pattern",
				"lower(c.profession) LIKE :pattern");
		assertThat(filter.parameters()).containsEntry("pattern", "%lovelace@exa%");
	}

	@Test
	void wildcardsInTheSearchTextAreEscaped() {
		assertThat(new CustomerFilter("50%_off\\", null, null, null).parameters()).containsEntry("pattern",
				"%50\\%\\_off\\\\%");
	}

	@Test
	void filtersAreOnlyAddedWhenSetAndExportDefaultsToOptedIn() {
		assertThat(CustomerFilter.none().where()).isEmpty();
		CustomerFilter exported = CustomerFilter.none().optedInUnlessChosen();
		assertThat(exported.where()).isEqualTo("WHERE c.opt_in = :optIn ");
		assertThat(exported.parameters()).containsEntry("optIn", true);
		CustomerFilter notOptedIn = new CustomerFilter(null, 2, false, null).optedInUnlessChosen();
		assertThat(notOptedIn.parameters()).containsEntry("optIn", false).containsEntry("channel", 2);
	}

}
