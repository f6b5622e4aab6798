package com.focusedroom.limits;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRateLimitsTests {

	@Test
	void eachClientHasItsOwnBudgetAndIsToldHowLongToWait() {
		ClientRateLimits limits = new ClientRateLimits(2, Duration.ofMinutes(10), 100);
		assertThat(limits.take("10.0.0.1")).isZero();
		assertThat(limits.take("10.0.0.1")).isZero();
		Duration wait = limits.take("10.0.0.1");
		assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
		assertThat(limits.take("10.0.0.2")).as("another client is not affected").isZero();
	}

	@Test
	void anIpv6ClientCountsByItsSlash64AndIpv4ByItsAddress() {
		assertThat(RateLimitFilter.clientKey("2001:db8:1:2:aaaa::1"))
			.isEqualTo(RateLimitFilter.clientKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
			.isNotEqualTo(RateLimitFilter.clientKey("2001:db8:1:3::1"));
		assertThat(RateLimitFilter.clientKey("192.0.2.7")).isEqualTo("192.0.2.7");
		assertThat(RateLimitFilter.clientKey("192.0.2.7")).isNotEqualTo(RateLimitFilter.clientKey("192.0.2.8"));
	}

	@Test
	void aClientThatUsedItsBudgetStaysLimitedWhenTheMapIsFloodedWithNewAddresses() {
		ClientRateLimits limits = new ClientRateLimits(3, Duration.ofHours(1), 20);
		for (int i = 0; i < 3; i++) {
			limits.take("203.0.113.1");
		}
		assertThat(limits.take("203.0.113.1")).isPositive();
		for (int i = 0; i < 500; i++) {
			limits.take("198.51.100." + (i % 250) + "-" + i);
		}
		assertThat(limits.take("203.0.113.1")).as("the exhausted client is not forgotten").isPositive();
	}

	@Test
	void trackingStaysBoundedWhenManyClientsCome() {
		ClientRateLimits limits = new ClientRateLimits(5, Duration.ofMinutes(1), 50);
		for (int i = 0; i < 1000; i++) {
			limits.take("192.0.2." + i);
		}
		assertThat(limits.trackedClients()).isLessThanOrEqualTo(50);
	}

}
