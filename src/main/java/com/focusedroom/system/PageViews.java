package com.focusedroom.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Map;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Pages are rendered by Thymeleaf into a buffer (see application.properties) and then
 * written as bytes. The servlet container's writer encodes characters to bytes through a
 * {@code CharsetEncoder} in 8 KB pieces: on the 88 KB test page that was 43 % of the
 * request's CPU in a profile (docs/benchmarks.md), while {@code String.getBytes} of a
 * page that is all Latin-1 is little more than an array copy.
 */
@Configuration(proxyBeanMethods = false)
class PageViews {

	@Bean
	static BeanPostProcessor pagesWrittenAsBytes() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setViewClass(BytesView.class);
				}
				return bean;
			}
		};
	}

	/** Thymeleaf's view, given a response whose writer writes bytes. */
	static class BytesView extends ThymeleafView {

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			super.render(model, request, new BytesResponse(response));
		}

	}

	private static final class BytesResponse extends HttpServletResponseWrapper {

		private PrintWriter writer;

		BytesResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			if (this.writer == null) {
				this.writer = new PrintWriter(new BytesWriter(getResponse()), false);
			}
			return this.writer;
		}

	}

	/**
	 * Encodes each string it is given in one go, in the response's character encoding.
	 */
	private static final class BytesWriter extends Writer {

		private final ServletResponse response;

		private OutputStream out;

		private Charset charset;

		BytesWriter(ServletResponse response) {
			this.response = response;
		}

		@Override
		public void write(String text, int offset, int length) throws IOException {
			String part = (offset == 0 && length == text.length()) ? text : text.substring(offset, offset + length);
			out().write(part.getBytes(this.charset));
		}

		@Override
		public void write(char[] characters, int offset, int length) throws IOException {
			write(new String(characters, offset, length), 0, length);
		}

		@Override
		public void flush() throws IOException {
			out().flush();
		}

		@Override
		public void close() throws IOException {
			flush();
		}

		// Opened at the first write: the view sets the content type (and so the
		// encoding) before it writes.
		private OutputStream out() throws IOException {
			if (this.out == null) {
				this.charset = Charset.forName(this.response.getCharacterEncoding());
				this.out = this.response.getOutputStream();
			}
			return this.out;
		}

	}

}
