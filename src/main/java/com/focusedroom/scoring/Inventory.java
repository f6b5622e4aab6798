package com.focusedroom.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The IPIP-NEO-120 inventory: 120 items in their order of presentation, 4 per facet.
 * <p>
 * Read from {@code ipip/ipip-neo-120.en.csv} and {@code ipip/facets.csv} on the class
 * path (see {@code ipip/SOURCES.md} for where they come from and their licence).
 */
public final class Inventory {

	public static final String ID = "ipip-neo-120";

	public static final int MIN_ANSWER = 1;

	public static final int MAX_ANSWER = 5;

	private static final Inventory IPIP_NEO_120 = load();

	private final List<Item> items;

	private final List<Facet> facets;

	// Each facet's items, grouped once: every submission scores and checks all 30 facets,
	// and filtering the 120 items per facet (a record comparison each) cost a third of a
	// submission's CPU (docs/benchmarks.md, issue 14.4).
	private final Map<Facet, List<Item>> itemsByFacet;

	private Inventory(List<Item> items, List<Facet> facets) {
		this.items = List.copyOf(items);
		this.facets = List.copyOf(facets);
		Map<Facet, List<Item>> grouped = new HashMap<>();
		for (Facet facet : this.facets) {
			grouped.put(facet, this.items.stream().filter((item) -> item.facet().equals(facet)).toList());
		}
		this.itemsByFacet = Map.copyOf(grouped);
	}

	public static Inventory ipipNeo120() {
		return IPIP_NEO_120;
	}

	public List<Item> items() {
		return this.items;
	}

	public int size() {
		return this.items.size();
	}

	public List<Facet> facets() {
		return this.facets;
	}

	/** A facet's items, in the order of presentation; empty for a facet not in it. */
	public List<Item> itemsOf(Facet facet) {
		return this.itemsByFacet.getOrDefault(facet, List.of());
	}

	public List<Facet> facetsOf(Domain domain) {
		return this.facets.stream().filter((facet) -> facet.domain() == domain).toList();
	}

	private static Inventory load() {
		Map<String, Facet> facets = new HashMap<>();
		List<Facet> facetList = new ArrayList<>();
		for (String[] row : readCsv("ipip/facets.csv")) {
			Facet facet = new Facet(Domain.ofCode(row[0]), Integer.parseInt(row[1]), row[2]);
			facets.put(facet.code(), facet);
			facetList.add(facet);
		}
		List<Item> items = new ArrayList<>();
		for (String[] row : readCsv("ipip/ipip-neo-120.en.csv")) {
			Facet facet = facets.get(row[3] + row[4]);
			items.add(new Item(Integer.parseInt(row[0]), row[1], row[2], facet, "minus".equals(row[5])));
		}
		items.sort((a, b) -> Integer.compare(a.position(), b.position()));
		return new Inventory(items, facetList);
	}

	/**
	 * Rows after the header of one of the scoring's data files (items, facets, norms,
	 * reliabilities); they hold no quoted fields, so a plain split is exact.
	 */
	static List<String[]> readCsv(String resource) {
		try (InputStream in = Inventory.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing scoring data " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			List<String[]> rows = new ArrayList<>();
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					rows.add(line.split(",", -1));
				}
			}
			return Collections.unmodifiableList(rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
