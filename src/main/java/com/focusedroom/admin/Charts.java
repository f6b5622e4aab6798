package com.focusedroom.admin;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The geometry of the dashboard's charts, computed on the server so the SVG needs no
 * script: horizontal bars for distributions and stacked columns for weekly counts.
 */
final class Charts {

	/** Width of the bar area of a horizontal bar chart, in SVG units. */
	static final int BAR_AREA = 300;

	static final int BAR_HEIGHT = 22;

	static final int COLUMN_AREA_HEIGHT = 160;

	static final int COLUMN_WIDTH = 28;

	static final int COLUMN_GAP = 14;

	private Charts() {
	}

	/** Bars scaled to the largest value (or to {@code max} when it is given). */
	static BarChart bars(List<Count> counts, @Nullable Double max) {
		double top = (max != null) ? max : counts.stream().mapToDouble(Count::value).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < counts.size(); i++) {
			Count count = counts.get(i);
			double width = (top > 0) ? Math.max(0, count.value()) / top * BAR_AREA : 0;
			bars.add(new Bar(count.label(), count.value(), round(width), i * (BAR_HEIGHT + 8)));
		}
		return new BarChart(bars, Math.max(1, counts.size()) * (BAR_HEIGHT + 8));
	}

	/**
	 * Columns, one per period, each stacked from its series' counts.
	 * @param labels the period of each column
	 * @param series the name of each series
	 * @param counts {@code counts[column][series]}
	 */
	static ColumnChart columns(List<String> labels, List<String> series, long[][] counts) {
		long max = 0;
		for (long[] column : counts) {
			long sum = 0;
			for (long value : column) {
				sum += value;
			}
			max = Math.max(max, sum);
		}
		List<Column> columns = new ArrayList<>();
		for (int c = 0; c < labels.size(); c++) {
			List<Segment> segments = new ArrayList<>();
			double bottom = COLUMN_AREA_HEIGHT;
			long total = 0;
			for (int s = 0; s < series.size(); s++) {
				long value = counts[c][s];
				total += value;
				double height = (max > 0) ? (double) value / max * COLUMN_AREA_HEIGHT : 0;
				bottom -= height;
				if (value > 0) {
					segments.add(new Segment(s + 1, series.get(s), value, round(bottom), round(height)));
				}
			}
			columns.add(new Column(labels.get(c), total, c * (COLUMN_WIDTH + COLUMN_GAP), segments));
		}
		return new ColumnChart(columns, series, max, Math.max(1, labels.size()) * (COLUMN_WIDTH + COLUMN_GAP));
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/** A labelled number. */
	record Count(@Nullable String label, double value) {

	}

	record Bar(@Nullable String label, double value, double width, int y) {

		public String valueText() {
			return (this.value == Math.rint(this.value)) ? String.valueOf((long) this.value)
					: String.format(java.util.Locale.ROOT, "%.1f", this.value);
		}

	}

	record BarChart(List<Bar> bars, int height) {

	}

	/**
	 * One stacked part of a column.
	 *
	 * @param series 1-based index of the series (the CSS class {@code series-n})
	 */
	record Segment(int series, String name, long value, double y, double height) {

	}

	record Column(String label, long total, int x, List<Segment> segments) {

	}

	record ColumnChart(List<Column> columns, List<String> series, long max, int width) {

	}

}
