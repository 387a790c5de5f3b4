package org.dafu.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The client's address and scheme come from {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} only when the connection comes from a configured reverse
 * proxy ({@code dafu.trusted-proxies}: addresses or CIDR blocks, comma-separated; empty
 * by default, so by default no forwarded header is believed). Tomcat's RemoteIpValve
 * (from {@code server.forward-headers-strategy=native}) would otherwise trust every
 * private address, and anyone on such a network could name any address they like.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final String internalProxies;

	TrustedProxies(@Value("${dafu.trusted-proxies:}") String trustedProxies) {
		this.internalProxies = cidrs(trustedProxies);
	}

	/**
	 * The configured proxies as Tomcat's CIDR list ({@code 172.28.0.10/32,…}); empty when
	 * none. A value that is not an address or block stops the start.
	 */
	static String cidrs(String trustedProxies) {
		List<String> blocks = new ArrayList<>();
		for (String entry : StringUtils.commaDelimitedListToStringArray(trustedProxies)) {
			String value = entry.strip();
			if (value.isEmpty()) {
				continue;
			}
			String[] parts = value.split("/", -1);
			String address = ClientAddress.of(parts[0])
				.orElseThrow(() -> new IllegalStateException("dafu.trusted-proxies: not an address: " + value));
			int max = address.contains(":") ? 128 : 32;
			int prefix = max;
			if (parts.length > 2) {
				throw new IllegalStateException("dafu.trusted-proxies: not an address or block: " + value);
			}
			if (parts.length == 2) {
				try {
					prefix = Integer.parseInt(parts[1]);
				}
				catch (NumberFormatException ex) {
					prefix = -1;
				}
				if (prefix < 0 || prefix > max) {
					throw new IllegalStateException("dafu.trusted-proxies: not a prefix length: " + value);
				}
			}
			blocks.add(address + "/" + prefix);
		}
		return String.join(",", blocks);
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		for (Valve valve : factory.getEngineValves()) {
			if (valve instanceof RemoteIpValve remoteIp) {
				// Empty: no proxy is trusted, the forwarded headers are ignored.
				remoteIp.setInternalProxies(this.internalProxies);
				remoteIp.setTrustedProxies(null);
			}
		}
	}

	/** After Spring Boot's customizer, which adds the valve with its own defaults. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
