package org.dafu.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The public address: configured, it is the only source of absolute links; left out, the
 * application refuses to start unless in demo mode (the embedded database), where links
 * follow the request.
 */
class PublicUrlTests {

	private final WebApplicationContextRunner context = new WebApplicationContextRunner()
		.withUserConfiguration(PublicUrl.class);

	@Test
	void withoutAPublicUrlOutsideDemoModeTheApplicationDoesNotStart() {
		this.context.run((app) -> assertThat(app).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("dafu.public-url is not set")
			.hasMessageContaining("DAFU_PUBLIC_URL"));
		this.context.withPropertyValues("dafu.embedded-db.active=false", "dafu.public-url= ")
			.run((app) -> assertThat(app).hasFailed());
	}

	@Test
	void aMalformedPublicUrlStopsTheStartToo() {
		for (String bad : new String[] { "dafu.example.gov.cn", "ftp://dafu.example.gov.cn", "https://",
				"https://dafu.example.gov.cn/?x=1", "https://user@dafu.example.gov.cn" }) {
			this.context.withPropertyValues("dafu.public-url=" + bad)
				.run((app) -> assertThat(app).as(bad)
					.hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("dafu.public-url must be"));
		}
	}

	@Test
	void theConfiguredAddressMakesEveryLinkWhateverTheRequest() {
		withRequest("evil.example", () -> {
			PublicUrl url = new PublicUrl("https://dafu.example.gov.cn/", false);
			assertThat(url.absolute("/sitemap.xml")).isEqualTo("https://dafu.example.gov.cn/sitemap.xml");
			assertThat(new PublicUrl("https://dafu.example.gov.cn/portal", true).absolute("/replies?page=2"))
				.isEqualTo("https://dafu.example.gov.cn/portal/replies?page=2");
		});
		this.context.withPropertyValues("dafu.public-url=https://dafu.example.gov.cn")
			.run((app) -> assertThat(app).hasNotFailed()
				.getBean(PublicUrl.class)
				.extracting(PublicUrl::configured)
				.isEqualTo("https://dafu.example.gov.cn"));
	}

	@Test
	void inDemoModeWithoutASettingLinksFollowTheRequest() {
		this.context.withPropertyValues("dafu.embedded-db.active=true").run((app) -> {
			assertThat(app).hasNotFailed();
			withRequest("demo.local", () -> assertThat(app.getBean(PublicUrl.class).absolute("/sitemap.xml"))
				.isEqualTo("http://demo.local/sitemap.xml"));
		});
	}

	@Test
	void aRunWithoutAWebServerDoesNotNeedIt() {
		new ApplicationContextRunner().withUserConfiguration(PublicUrl.class)
			.run((app) -> assertThat(app).hasNotFailed().doesNotHaveBean(PublicUrl.class));
	}

	private static void withRequest(String host, Runnable action) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/robots.txt");
		request.setServerName(host);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			action.run();
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

}
