package com.focusedroom.channel;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives web controllers an {@link Attribution} parameter, read from the request.
 * <p>
 * A visitor lands with {@code ?utm_source=...} on a form page, coming from some other
 * site; the page keeps what it was given in hidden fields of the same names (see
 * {@code templates/channel/attribution.html}), so the form's POST carries them. The
 * landing's {@code Referer} is kept in the hidden field {@code referrer}; a POST's own
 * {@code Referer} is our form, which says nothing, so a referrer from this site is
 * ignored.
 */
@Component
class AttributionResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	static final String REFERRER_FIELD = "referrer";

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Attribution.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		return (request != null) ? of(request) : Attribution.none();
	}

	static Attribution of(HttpServletRequest request) {
		String referrer = request.getParameter(REFERRER_FIELD);
		if (referrer == null || referrer.isBlank()) {
			referrer = foreignReferrer(request);
		}
		return new Attribution(request.getParameter("utm_source"), request.getParameter("utm_medium"),
				request.getParameter("utm_campaign"), request.getParameter("utm_term"),
				request.getParameter("utm_content"), referrer);
	}

	private static @Nullable String foreignReferrer(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null || referer.isBlank()) {
			return null;
		}
		try {
			String host = URI.create(referer.strip()).getHost();
			return (host != null && host.equalsIgnoreCase(request.getServerName())) ? null : referer;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
