package com.focusedroom.mail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/**
 * Why a message was not delivered, read from what Jakarta Mail threw: the SMTP server's
 * reply code where it gave one.
 *
 * @param kind what to do about it
 * @param code the server's reply code, if it answered (e.g. 550, 451)
 * @param description the server's answer or the error, for {@code last_error} (it may
 * name the address: it is stored, never logged)
 */
record DeliveryFailure(Kind kind, @Nullable Integer code, String description) {

	private static final int MAX_DESCRIPTION = 1000;

	enum Kind {

		/**
		 * A 5xx for the recipient (RCPT TO): the address does not take mail. The message
		 * fails and the address is suppressed.
		 */
		RECIPIENT_REJECTED,

		/**
		 * A 5xx for the message itself (MAIL FROM, DATA: content, size, policy). The
		 * message fails; the address is not to blame and stays.
		 */
		MESSAGE_REJECTED,

		/**
		 * A 4xx for this message (greylisting, mailbox busy): retried later; the server
		 * is reachable, so the next message is tried now.
		 */
		TEMPORARY,

		/**
		 * No conversation with the server (connection refused or timed out, no greeting,
		 * unknown host, login refused): the message never reached it. Retried later
		 * without costing a try, however long the server is away, and no more messages
		 * are tried in this run.
		 */
		NOT_CONNECTED,

		/**
		 * The server went away during the conversation (the connection broke, a reply
		 * timed out): retried later, and no more messages are tried in this run.
		 */
		SERVER_UNAVAILABLE

	}

	boolean stopsTheRun() {
		return this.kind == Kind.NOT_CONNECTED || this.kind == Kind.SERVER_UNAVAILABLE;
	}

	/** The reply code or the exception's type, for the log (no address in it). */
	String forLog() {
		return (this.code != null) ? "SMTP " + this.code : this.description.split(":", 2)[0];
	}

	static DeliveryFailure of(Exception failure) {
		Throwable cause = failure;
		if (failure instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
			cause = send.getFailedMessages().values().iterator().next();
		}
		if (failure instanceof MailAuthenticationException) {
			return new DeliveryFailure(Kind.NOT_CONNECTED, null, describe(failure));
		}
		Set<Throwable> seen = new HashSet<>();
		Integer code = null;
		Kind kind = null;
		Throwable answer = cause;
		for (Throwable t = cause; t != null && seen.add(t); t = next(t)) {
			if (t instanceof SMTPAddressFailedException address) {
				code = address.getReturnCode();
				kind = permanent(code) ? Kind.RECIPIENT_REJECTED : Kind.TEMPORARY;
				answer = address;
				break;
			}
			if (t instanceof SMTPSendFailedException send && kind == null) {
				code = send.getReturnCode();
				kind = permanent(code) ? Kind.MESSAGE_REJECTED : Kind.TEMPORARY;
				answer = send;
				// An address failure further down the chain says more: keep looking.
			}
			if (kind == null && (t instanceof MailConnectException || t instanceof ConnectException
					|| t instanceof UnknownHostException || t instanceof AuthenticationFailedException)) {
				kind = Kind.NOT_CONNECTED;
			}
			if (kind == null && t instanceof SocketTimeoutException) {
				kind = Kind.SERVER_UNAVAILABLE;
			}
		}
		if (kind == null) {
			// No reply code and no known cause: an I/O error in the conversation is the
			// server going away; anything else is taken as temporary.
			kind = (hasCause(cause, IOException.class)) ? Kind.SERVER_UNAVAILABLE : Kind.TEMPORARY;
		}
		return new DeliveryFailure(kind, code, describe(answer));
	}

	private static boolean permanent(int code) {
		return code >= 500 && code < 600;
	}

	private static @Nullable Throwable next(Throwable t) {
		if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
			return messaging.getNextException();
		}
		return t.getCause();
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		Set<Throwable> seen = new HashSet<>();
		for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		String text = failure.getClass().getSimpleName() + ((message != null) ? ": " + message.strip() : "");
		return (text.length() > MAX_DESCRIPTION) ? text.substring(0, MAX_DESCRIPTION) : text;
	}

}
