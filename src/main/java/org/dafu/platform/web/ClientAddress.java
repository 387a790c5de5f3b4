package org.dafu.platform.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Client addresses as the audit log and the sign-in throttle keep them: literal IPv4 or
 * IPv6 addresses only, in one canonical form. Anything else (a forged
 * {@code X-Forwarded-For} such as {@code 192.0.2.920152}, a host name) is not an address.
 * A name is never looked up: only text that can only be parsed as a literal reaches
 * {@link InetAddress#getByName(String)}.
 */
public final class ClientAddress {

	private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

	private static final Pattern IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");

	/**
	 * Starts with a hex digit or a colon and holds a colon: Java parses it as IPv6 only.
	 */
	private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

	private ClientAddress() {
	}

	/**
	 * The address in canonical form ({@code 192.0.2.1}, {@code 2001:db8:0:0:0:0:0:1};
	 * IPv4-mapped IPv6 as IPv4), or empty when the text is not a literal address.
	 */
	public static Optional<String> of(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.strip();
		if (value.startsWith("[") && value.endsWith("]")) {
			value = value.substring(1, value.length() - 1);
		}
		int zone = value.indexOf('%');
		if (zone > 0) {
			value = value.substring(0, zone);
		}
		if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(value).getHostAddress());
		}
		catch (UnknownHostException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The network that counts as one client for rate limits: an IPv4 address itself, an
	 * IPv6 address its /64 (one subscriber usually holds a whole /64), or empty.
	 */
	public static Optional<String> network(String text) {
		return of(text).map((address) -> {
			if (!address.contains(":")) {
				return address;
			}
			try {
				byte[] bytes = ((Inet6Address) InetAddress.getByName(address)).getAddress();
				for (int i = 8; i < 16; i++) {
					bytes[i] = 0;
				}
				return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
			}
			catch (UnknownHostException | ClassCastException ex) {
				return address;
			}
		});
	}

}
