/**
 * The eBook page (channel 2), its download links and PDF. Owns ebook_download.
 */
@ApplicationModule(displayName = "eBook",
		allowedDependencies = { "channel", "consent", "customer", "gdpr", "limits", "mail", "shared" })
@NullMarked
package com.focusedroom.ebook;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
