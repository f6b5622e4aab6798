package com.focusedroom.admin;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsTests {

	@Test
	void barsAreScaledToTheLargestValue() {
		Charts.BarChart chart = Charts
			.bars(List.of(new Charts.Count("a", 10), new Charts.Count("b", 5), new Charts.Count("c", 0)), null);
		assertThat(chart.bars()).extracting(Charts.Bar::width).containsExactly(300.0, 150.0, 0.0);
		assertThat(chart.bars()).extracting(Charts.Bar::y).containsExactly(0, 30, 60);
	}

	@Test
	void traitBarsAreScaledToAHundred() {
		Charts.BarChart chart = Charts.bars(List.of(new Charts.Count("Openness", 50)), 100.0);
		assertThat(chart.bars().get(0).width()).isEqualTo(150.0);
		assertThat(chart.bars().get(0).valueText()).isEqualTo("50");
	}

	@Test
	void anEmptyDatabaseDrawsEmptyChartsWithoutDividingByZero() {
		Charts.ColumnChart columns = Charts.columns(List.of("1 Jan", "8 Jan"), List.of("Web", "eBook"), new long[2][2]);
		assertThat(columns.columns()).allSatisfy((column) -> assertThat(column.segments()).isEmpty());
		assertThat(Charts.bars(List.of(new Charts.Count("x", 0)), null).bars().get(0).width()).isZero();
	}

	@Test
	void columnsStackTheirSeriesFromTheBottom() {
		Charts.ColumnChart chart = Charts.columns(List.of("w1", "w2"), List.of("Web", "eBook"),
				new long[][] { { 3, 1 }, { 1, 1 } });
		Charts.Column first = chart.columns().get(0);
		assertThat(first.total()).isEqualTo(4);
		assertThat(first.segments()).extracting(Charts.Segment::height).containsExactly(120.0, 40.0);
		assertThat(first.segments()).extracting(Charts.Segment::y).containsExactly(40.0, 0.0);
		assertThat(chart.columns().get(1).segments()).extracting(Charts.Segment::height).containsExactly(40.0, 40.0);
	}

}
