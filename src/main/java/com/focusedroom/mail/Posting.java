package com.focusedroom.mail;

/**
 * What {@link Outbox#post} did with a letter. The action that posted it succeeds either
 * way.
 */
public enum Posting {

	/** Written to the outbox; the worker delivers it. */
	QUEUED,

	/**
	 * Not written: the address failed permanently before and has not been confirmed
	 * since.
	 */
	SUPPRESSED,

	/**
	 * Not written: the address (or the client) got as much mail as the limit allows for
	 * now.
	 */
	OVER_LIMIT

}
