package org.dafu.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only literal addresses, canonical; nothing else, and never a name lookup. */
class ClientAddressTests {

	@Test
	void literalAddressesAreKeptInCanonicalForm() {
		assertThat(ClientAddress.of("192.0.2.1")).contains("192.0.2.1");
		assertThat(ClientAddress.of(" 10.0.0.255 ")).contains("10.0.0.255");
		assertThat(ClientAddress.of("2001:DB8::1")).contains("2001:db8:0:0:0:0:0:1");
		assertThat(ClientAddress.of("[::1]")).contains("0:0:0:0:0:0:0:1");
		assertThat(ClientAddress.of("fe80::1%eth0")).contains("fe80:0:0:0:0:0:0:1");
		assertThat(ClientAddress.of("::ffff:192.0.2.9")).contains("192.0.2.9");
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.0.2.920152", "192.0.2", "192.0.2.1.5", "256.1.1.1", "01.2.3.4", "0x7f.0.0.1",
			"localhost", "example.org", "1.2.3.4, 5.6.7.8", "unknown", "", " ", "2001:db8::1::2", "::g",
			"1.2.3.4\nFORGED", "12345", ".:" })
	void anythingElseIsNoAddress(String text) {
		assertThat(ClientAddress.of(text)).isEmpty();
	}

	@Test
	void nullIsNoAddress() {
		assertThat(ClientAddress.of(null)).isEmpty();
	}

	@Test
	void anIpv6ClientCountsAsItsSlash64() {
		assertThat(ClientAddress.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).contains("2001:db8:1:2:0:0:0:0/64");
		assertThat(ClientAddress.network("2001:db8:1:2::9")).contains("2001:db8:1:2:0:0:0:0/64");
		assertThat(ClientAddress.network("192.0.2.7")).contains("192.0.2.7");
		assertThat(ClientAddress.network("not an address")).isEmpty();
	}

	@Test
	void trustedProxiesAreAddressesOrBlocks() {
		assertThat(TrustedProxies.cidrs("")).isEmpty();
		assertThat(TrustedProxies.cidrs(null)).isEmpty();
		assertThat(TrustedProxies.cidrs("172.28.0.10")).isEqualTo("172.28.0.10/32");
		assertThat(TrustedProxies.cidrs(" 10.1.0.0/16 , ::1 ")).isEqualTo("10.1.0.0/16,0:0:0:0:0:0:0:1/128");
		assertThatThrownBy(() -> TrustedProxies.cidrs("nginx")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> TrustedProxies.cidrs("10.0.0.0/33")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> TrustedProxies.cidrs("10.0.0.0/8/8")).isInstanceOf(IllegalStateException.class);
	}

}
