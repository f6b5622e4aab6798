package com.focusedroom.report;

import com.focusedroom.scoring.Scores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ScoresDocumentTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final ScoresDocument document = new ScoresDocument(this.json);

	@Test
	void whatIsWrittenReadsBackAsTheSameScores() {
		Scores scores = Profiles.scores("O=5,C2=1,N=2");
		String written = this.document.write(scores);
		assertThat(this.document.read(written)).contains(scores);
		assertThat(this.json.readTree(written).path("O").asDouble()).as("top-level letters for SQL")
			.isEqualTo(scores.of(com.focusedroom.scoring.Domain.OPENNESS).score());
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"O\":40,\"C\":50,\"E\":60,\"A\":70,\"N\":30,\"domains\":{}}",
			"{\"openness\":3.5,\"conscientiousness\":2.1}", "{}", "[]",
			"{\"domains\":{\"O\":{\"raw\":72,\"score\":50.0,\"level\":\"average\",\"facets\":{}}}}" })
	void scoresKeptInAnotherOrIncompleteShapeAreNotReadAsAProfile(String stored) {
		assertThat(this.document.read(stored)).isEmpty();
	}

	@Test
	void anUnknownLevelOrARawScoreOutsideItsRangeIsNotReadEither() {
		String written = this.document.write(Profiles.scores(""));
		assertThat(this.document.read(written.replaceFirst("\"level\":\"average\"", "\"level\":\"huge\""))).isEmpty();
		assertThat(this.document.read(written.replaceFirst("\"raw\":12", "\"raw\":99"))).isEmpty();
	}

}
