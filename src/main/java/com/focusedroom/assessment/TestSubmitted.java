package com.focusedroom.assessment;

import com.focusedroom.channel.Channel;

/**
 * A test was stored as a customer's next report. Published in the submission's
 * transaction; a listener that counts should do so after the commit
 * ({@code @TransactionalEventListener}). Carries nothing about the person.
 *
 * @param channel the channel it came through
 */
public record TestSubmitted(Channel channel) {

}
