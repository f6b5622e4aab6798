package com.focusedroom.consent;

import com.focusedroom.channel.Channel;

/**
 * A newsletter consent to record with a visit: the wording agreed to, where, and the
 * minimum age below which the database must not record it.
 *
 * @param consentTextId the {@code consent_text} shown and agreed to
 * @param channel the channel the visitor came through
 * @param source where the visitor ticked the box
 * @param minimumAge people known to be younger cannot consent (GDPR Art. 8)
 */
public record NewsletterGrant(int consentTextId, Channel channel, ConsentSource source, int minimumAge) {

}
