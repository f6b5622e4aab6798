package com.focusedroom.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per client (Bucket4j, in this instance's memory): each POST takes a
 * token, tokens refill evenly over the window. Buckets that have refilled completely hold
 * no information and are dropped when the map grows past its cap. Used where there is no
 * database (web slice tests) and while the database cannot be reached
 * ({@link SharedRateLimits}).
 */
final class ClientRateLimits implements RateLimits {

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final long capacity;

	private final Duration window;

	private final int maxClients;

	ClientRateLimits(long capacity, Duration window, int maxClients) {
		this.capacity = capacity;
		this.window = window;
		this.maxClients = maxClients;
	}

	@Override
	public Duration take(String client) {
		if (this.buckets.size() >= this.maxClients && !this.buckets.containsKey(client)) {
			forgetIdleClients();
		}
		Bucket bucket = this.buckets.computeIfAbsent(client, (key) -> newBucket());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	int trackedClients() {
		return this.buckets.size();
	}

	/**
	 * Makes room: first drops the buckets that have refilled completely (they hold no
	 * information), then, if every tracked client is active, the tenth with the most
	 * tokens left. A client that has used up its budget is never the one forgotten, so
	 * flooding the map with new addresses does not reset it.
	 */
	private void forgetIdleClients() {
		this.buckets.values().removeIf((bucket) -> bucket.getAvailableTokens() >= this.capacity);
		if (this.buckets.size() < this.maxClients) {
			return;
		}
		int toForget = Math.max(1, this.maxClients / 10);
		this.buckets.entrySet()
			.stream()
			.map((entry) -> Map.entry(entry.getKey(), entry.getValue().getAvailableTokens()))
			.filter((entry) -> entry.getValue() > 0)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(toForget)
			.map(Map.Entry::getKey)
			.toList()
			.forEach(this.buckets::remove);
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(this.capacity).refillGreedy(this.capacity, this.window).build())
			.build();
	}

}
