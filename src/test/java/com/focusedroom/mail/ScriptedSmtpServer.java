package com.focusedroom.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server in the test JVM (SubEthaSMTP) whose answers a test scripts per
 * recipient: RCPT TO answered 550 (no such mailbox) or 451 (greylisted) on chosen
 * attempts, DATA answered 554 (message refused). Everything else is accepted and kept. It
 * records every RCPT TO it was sent, with its time, so a test can count the worker's
 * attempts and the waits between them.
 */
final class ScriptedSmtpServer implements AutoCloseable {

	private final SMTPServer server;

	/** Per recipient: the reply code to its n-th RCPT TO (1, 2, ...); 250 accepts. */
	private final Map<String, IntUnaryOperator> recipientReplies = new ConcurrentHashMap<>();

	/** Recipients whose messages DATA refuses with this code. */
	private final Map<String, Integer> dataReplies = new ConcurrentHashMap<>();

	private final Map<String, List<Instant>> attempts = new ConcurrentHashMap<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private ScriptedSmtpServer() {
		this.server = SMTPServer.port(0).hostName("smtp.test").messageHandlerFactory(Handler::new).build();
	}

	static ScriptedSmtpServer start() {
		ScriptedSmtpServer smtp = new ScriptedSmtpServer();
		smtp.server.start();
		return smtp;
	}

	int port() {
		return this.server.getPortAllocated();
	}

	/** Answers the recipient's n-th RCPT TO with {@code reply.applyAsInt(n)}. */
	void answerRecipient(String recipient, IntUnaryOperator reply) {
		this.recipientReplies.put(key(recipient), reply);
	}

	/** Answers DATA of every message to the recipient with this (5xx) code. */
	void refuseMessagesTo(String recipient, int code) {
		this.dataReplies.put(key(recipient), code);
	}

	/** The recipient's mailbox works again: everything to it is accepted. */
	void acceptEverythingFor(String recipient) {
		this.recipientReplies.remove(key(recipient));
		this.dataReplies.remove(key(recipient));
	}

	/** When the server was sent RCPT TO for this recipient, accepted or not. */
	List<Instant> attempts(String recipient) {
		return List.copyOf(this.attempts.getOrDefault(key(recipient), List.of()));
	}

	/** The messages the server accepted for this recipient. */
	List<MimeMessage> receivedBy(String recipient) {
		return this.received.stream()
			.filter((mail) -> mail.recipient().equals(key(recipient)))
			.map(Received::message)
			.toList();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private static String key(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

	private record Received(String recipient, MimeMessage message) {
	}

	/** One message's conversation: MAIL FROM, RCPT TO (each), DATA. */
	private final class Handler implements MessageHandler {

		private final List<String> recipients = new ArrayList<>();

		Handler(MessageContext context) {
		}

		@Override
		public void from(String from) {
		}

		@Override
		public void recipient(String recipient) throws RejectException {
			String address = key(recipient);
			List<Instant> tries = ScriptedSmtpServer.this.attempts.computeIfAbsent(address,
					(any) -> new CopyOnWriteArrayList<>());
			tries.add(Instant.now());
			int code = ScriptedSmtpServer.this.recipientReplies.getOrDefault(address, (n) -> 250)
				.applyAsInt(tries.size());
			if (code >= 500) {
				throw new RejectException(code, "5.1.1 <" + recipient + ">: Recipient address rejected: "
						+ "User unknown in virtual mailbox table");
			}
			if (code >= 400) {
				throw new RejectException(code, "4.7.1 <" + recipient + ">: Recipient address rejected: "
						+ "Greylisted, please try again later");
			}
			this.recipients.add(address);
		}

		@Override
		public @Nullable String data(InputStream data) throws RejectException, IOException {
			byte[] bytes = data.readAllBytes();
			for (String recipient : this.recipients) {
				Integer refused = ScriptedSmtpServer.this.dataReplies.get(recipient);
				if (refused != null) {
					throw new RejectException(refused, "5.7.1 Message refused: content rejected as spam");
				}
			}
			MimeMessage message;
			try {
				message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
			}
			catch (MessagingException ex) {
				throw new IOException(ex);
			}
			for (String recipient : this.recipients) {
				ScriptedSmtpServer.this.received.add(new Received(recipient, message));
			}
			return null;
		}

		@Override
		public void done() {
		}

	}

}
