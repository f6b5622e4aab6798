package com.focusedroom.gdpr;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The GDPR settings. The retention job is scheduled like every job (web app only, one
 * instance at a time: {@code system.ScheduledJobsConfiguration}) and does nothing until
 * it has a period to enforce.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GdprProperties.class)
class GdprConfiguration {

}
