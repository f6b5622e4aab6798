package com.focusedroom.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * API settings ({@code focusedroom.api.*}).
 *
 * @param maxBodySize the largest request body the API reads; a complete test is about 1
 * KB
 */
@ConfigurationProperties("focusedroom.api")
record ApiProperties(@DefaultValue("64KB") DataSize maxBodySize) {

}
