package com.focusedroom.login;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The admins of the configuration, for Spring Security's login: none by default, and then
 * nobody can log in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(AdminProperties.class)
class LoginConfiguration {

	@Bean
	AdminUsers adminUsers(AdminProperties properties) {
		return new AdminUsers(properties);
	}

}
