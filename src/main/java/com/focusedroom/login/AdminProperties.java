package com.focusedroom.login;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the admin area, and how failed logins are throttled.
 *
 * @param users the admins; none by default, and then the login refuses everyone
 * @param lockout how many failed logins lock a username or an address, and for how long
 */
@ConfigurationProperties("focusedroom.admin")
record AdminProperties(@DefaultValue List<User> users, @DefaultValue Lockout lockout) {

	/**
	 * One admin.
	 *
	 * @param username the login name
	 * @param passwordHash a bcrypt hash with its id, {@code {bcrypt}$2a$12$...}
	 */
	record User(@Nullable String username, @Nullable String passwordHash) {

		@Override
		public String toString() {
			return "User[" + this.username + "]";
		}

	}

	/**
	 * Failed logins within {@code window} lock out further attempts until the oldest of
	 * them is older than the window.
	 *
	 * @param window how long a failure counts
	 * @param maxFailuresPerUser failures for one admin username that lock it
	 * @param maxFailuresPerAddress failures from one IP address that lock it
	 */
	record Lockout(@DefaultValue("15m") Duration window, @DefaultValue("5") int maxFailuresPerUser,
			@DefaultValue("20") int maxFailuresPerAddress) {

	}

}
