package org.dafu.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP over a plain socket, for what a well-behaved client refuses to send: a malformed
 * request line, a spoofed {@code Host}, an oversized header. The request is sent as given
 * (lines joined with CRLF); the answer is read until the server closes the connection.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** A parsed answer: status, headers (names in lower case) and body. */
	public record Answer(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	/**
	 * Sends {@code head} (request line and headers, without the blank line that ends
	 * them) and {@code body} to 127.0.0.1:{@code port}, with {@code Connection: close}.
	 */
	public static Answer send(int port, String head, byte[] body) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			try {
				out.write(body);
				out.flush();
			}
			catch (IOException ex) {
				// the server may answer and close before it has read the whole body
			}
			return parse(readAll(socket.getInputStream()));
		}
	}

	public static Answer get(int port, String target, String... headers) throws IOException {
		StringBuilder head = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost");
		for (String header : headers) {
			head.append("\r\n").append(header);
		}
		return send(port, head.toString(), new byte[0]);
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n; (n = in.read(buffer)) >= 0;) {
				bytes.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			// a reset after the answer: keep what came
			if (bytes.size() == 0) {
				throw ex;
			}
		}
		return bytes.toByteArray();
	}

	private static Answer parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IllegalStateException("No HTTP answer: " + text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
		}
		String body = text.substring(end + 4);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Answer(status, headers, body);
	}

	private static String unchunk(String chunked) {
		byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int i = 0;
		while (i < bytes.length) {
			int lineEnd = indexOfCrlf(bytes, i);
			if (lineEnd < 0) {
				break;
			}
			String size = new String(bytes, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0].trim();
			int n = Integer.parseInt(size, 16);
			if (n == 0) {
				break;
			}
			out.write(bytes, lineEnd + 2, Math.min(n, bytes.length - lineEnd - 2));
			i = lineEnd + 2 + n + 2;
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static int indexOfCrlf(byte[] bytes, int from) {
		for (int i = from; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}

}
