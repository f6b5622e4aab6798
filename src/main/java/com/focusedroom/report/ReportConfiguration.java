package com.focusedroom.report;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The report module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportCacheProperties.class)
class ReportConfiguration {

}
