package com.focusedroom.consent;

/**
 * One stored wording of a consent request, exactly as shown next to the checkbox
 * ({@code consent_text}).
 *
 * @param id its {@code consent_text_id}
 * @param purpose what the consent is for, such as {@code newsletter}
 * @param version the version label the form posts back, such as {@code 2026-11}
 * @param text the wording
 */
public record ConsentText(int id, String purpose, String version, String text) {

}
