package org.dafu.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.dafu.testing.TestData;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real server: {@code X-Forwarded-For} is believed only from the configured proxy
 * (127.0.0.2 here), never from any other client (127.0.0.1 here, a private address the
 * stock RemoteIpValve would trust), and what reaches the audit log is a valid address or
 * nothing. The requests go out from a chosen loopback address over a plain socket: a
 * failed API sign-in is audited with the client's address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "dafu.trusted-proxies=127.0.0.2")
@Import(TestDataConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class TrustedProxiesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aForgedForwardedForFromAnUnlistedAddressIsIgnored() throws Exception {
		String user = "xff" + TestData.unique();
		assertThat(failedSignIn("127.0.0.1", user, "203.0.113.7")).startsWith("HTTP/1.1 401");
		assertThat(auditedAddresses(user)).containsExactly("127.0.0.1");
	}

	@Test
	void theForwardedForFromTheConfiguredProxyIsUsed() throws Exception {
		String user = "xff" + TestData.unique();
		// nginx appends the address it saw; whatever the client wrote before it is not
		// used.
		assertThat(failedSignIn("127.0.0.2", user, "198.51.100.1, 203.0.113.9")).startsWith("HTTP/1.1 401");
		assertThat(auditedAddresses(user)).containsExactly("203.0.113.9");
	}

	@Test
	void anInvalidAddressNeverReachesTheAuditLog(CapturedOutput output) throws Exception {
		String user = "xff" + TestData.unique();
		assertThat(failedSignIn("127.0.0.2", user, "192.0.2.920152")).startsWith("HTTP/1.1 401");
		assertThat(this.jdbc.sql("select count(*) from audit_log where actor = :a and remote_addr is null")
			.param("a", user)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from audit_log where remote_addr like '%920152%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(output.getAll()).contains("actor=" + user).doesNotContain("920152");
	}

	private java.util.List<String> auditedAddresses(String user) {
		return this.jdbc.sql("select remote_addr from audit_log where actor = :a order by id")
			.param("a", user)
			.query(String.class)
			.list();
	}

	/** A failed HTTP Basic sign-in on the API, sent from {@code local}. */
	private String failedSignIn(String local, String user, String forwardedFor) throws IOException {
		try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), this.port, InetAddress.getByName(local),
				0)) {
			socket.setSoTimeout(30_000);
			String credentials = Base64.getEncoder()
				.encodeToString((user + ":wrong password!!").getBytes(StandardCharsets.UTF_8));
			String request = "POST /api/v1/imports/preview HTTP/1.1\r\nHost: localhost:" + this.port + "\r\n"
					+ "Authorization: Basic " + credentials + "\r\nX-Requested-By: test\r\n"
					+ "Content-Type: application/json\r\nX-Forwarded-For: " + forwardedFor + "\r\n"
					+ "Content-Length: 2\r\nConnection: close\r\n\r\n{}";
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
