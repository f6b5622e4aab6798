package com.focusedroom.ebook;

/**
 * An eBook request was recorded (channel 2). Published in its transaction; a listener
 * that counts should do so after the commit. Carries nothing about the person.
 */
public record EbookRequested() {

}
