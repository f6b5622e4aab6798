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
	void formulasBehindWhiteSpaceSeparatorsOrInFullWidthAreDefusedToo() {
		for (String formula : List.of("\u00A0=1+1", " =1+1", "\u2003+1", ";=1+1", ",=1+1", " ;\t=cmd", "\uFF1D1+1",
				"\uFF20SUM(A1)", "\uFF0B1", "\uFF0D1", "\u200B=1", "\n=1")) {
			assertThat(CsvLine.text(formula)).as(formula).startsWith("\"'");
		}
		assertThat(CsvLine.text("a;=b")).isEqualTo("\"a;=b\"");
		assertThat(CsvLine.text(" Ada")).isEqualTo("\" Ada\"");
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
