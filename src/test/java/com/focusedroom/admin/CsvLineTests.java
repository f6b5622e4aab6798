package com.focusedroom.admin;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvLineTests {

	@Test
	void cellsAFormulaCouldStartWithGetALeadingApostrophe() {
		for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=cmd|' /C calc'!A0")) {
			assertThat(CsvLine.text(formula)).as(formula).startsWith("\"'").endsWith("\"");
		}
	}

	@Test
	void quotesCommasAndLineBreaksStayInsideTheirCell() {
		assertThat(CsvLine.of(Arrays.asList("a \"b\", c", "line\nbreak", null, 42, true)))
			.isEqualTo("\"a \"\"b\"\", c\",\"line\nbreak\",,42,true\r\n");
	}

	@Test
	void ordinaryTextIsKeptAsItIs() {
		assertThat(CsvLine.text("Ada Lovelace")).isEqualTo("\"Ada Lovelace\"");
		assertThat(CsvLine.text("")).isEqualTo("\"\"");
		assertThat(CsvLine.text("a=b")).isEqualTo("\"a=b\"");
	}

}
