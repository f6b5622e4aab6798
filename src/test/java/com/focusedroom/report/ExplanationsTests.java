package com.focusedroom.report;

import java.util.HashSet;
import java.util.Set;

import com.focusedroom.scoring.Domain;
import com.focusedroom.scoring.Facet;
import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExplanationsTests {

	private final Explanations explanations = Explanations.standard();

	@Test
	void everyDomainAndFacetHasItsOwnTextForEachLevel() {
		Set<String> texts = new HashSet<>();
		int count = 0;
		for (Domain domain : Domain.values()) {
			for (Level level : Level.values()) {
				texts.add(this.explanations.of(domain.code(), level));
				count++;
			}
			assertThat(this.explanations.about(domain)).contains(domain.displayName().split(" ")[0]);
		}
		for (Facet facet : Inventory.ipipNeo120().facets()) {
			for (Level level : Level.values()) {
				texts.add(this.explanations.of(facet.code(), level));
				count++;
			}
		}
		assertThat(count).isEqualTo(105);
		assertThat(texts).as("no text is used twice").hasSize(105);
		assertThat(texts).allSatisfy((text) -> assertThat(text).endsWith(".").hasSizeGreaterThan(20));
	}

	@Test
	void textsWithAccentsOrQuotesAreReadAsUtf8() {
		assertThat(this.explanations.of("A", Level.HIGH)).contains("warm, trusting");
	}

}
