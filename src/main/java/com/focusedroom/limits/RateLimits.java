package com.focusedroom.limits;

import java.time.Duration;

/**
 * A budget of requests per client: each request takes a token.
 */
interface RateLimits {

	/**
	 * Takes a token for the client.
	 * @return {@link Duration#ZERO} when allowed, otherwise how long until it would be
	 */
	Duration take(String client);

}
