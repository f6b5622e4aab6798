package com.focusedroom.mail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The mail settings. The delivery worker, the queue's meters and the clean-up of client
 * keys are scheduled by the app's one scheduling switch ({@code system}'s, web app only),
 * so the command-line tools never deliver mail.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

}
