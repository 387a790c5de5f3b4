package org.dafu.letter;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

/**
 * Turns an uploaded letter file into text for {@link LetterParser}.
 *
 * <p>
 * Only the file name's extension is looked at (directories, {@code ../} and NUL in the
 * name do not matter). {@code .txt} is read as UTF-8 (with or without BOM), UTF-16 with
 * BOM, or else the charset ICU detects among the Chinese ones (GB18030, which covers GBK
 * and GB2312, or Big5), GB18030 when detection is unsure; {@code .docx} is read as a
 * stream ({@link DocxText}: never more than the limit, however much the file inflates),
 * paragraphs and tables in document order, a table row becoming one line of cells joined
 * by {@code " | "} like the header table of published letters.
 */
public final class LetterReader {

	/** Largest file accepted, in bytes. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	private static final Set<String> CHINESE_CHARSETS = Set.of("GB18030", "Big5", "UTF-8", "UTF-16LE", "UTF-16BE");

	private static final int CONFIDENT = 30;

	private LetterReader() {
	}

	/**
	 * Reads a letter file.
	 * @param content the file's bytes
	 * @param filename the name it was uploaded under; only its extension is used
	 * @return the text, never blank
	 * @throws LetterFormatException EMPTY, TOO_LARGE, NOT_DOCX, BINARY or
	 * UNSUPPORTED_TYPE
	 */
	public static String read(byte[] content, String filename) {
		return read(content, filename, MAX_BYTES);
	}

	/**
	 * Reads a letter file whose text, once extracted, may be at most {@code maxTextBytes}
	 * (as UTF-8); a {@code .docx} is read no further than that (see {@link DocxText}).
	 * @param content the file's bytes
	 * @param filename the name it was uploaded under; only its extension is used
	 * @param maxTextBytes the most text accepted, and the most bytes of file
	 * @return the text, never blank
	 * @throws LetterFormatException EMPTY, TOO_LARGE, TEXT_TOO_LARGE, NOT_DOCX, BINARY or
	 * UNSUPPORTED_TYPE
	 */
	public static String read(byte[] content, String filename, long maxTextBytes) {
		String extension = extension(filename);
		if (!extension.equals("txt") && !extension.equals("docx")) {
			throw new LetterFormatException(LetterFormatException.UNSUPPORTED_TYPE,
					"不支持的文件类型“%s”，请上传 .txt 或 .docx 文件".formatted(extension.isEmpty() ? "无扩展名" : "." + extension));
		}
		if (content == null || content.length == 0) {
			throw empty();
		}
		long limit = Math.min(maxTextBytes, MAX_BYTES);
		if (content.length > limit) {
			throw new LetterFormatException(LetterFormatException.TOO_LARGE,
					"文件过大（%d 字节），上限为 %d 字节".formatted(content.length, limit));
		}
		String text = extension.equals("docx") ? docx(content, limit) : txt(content);
		if (text.isBlank()) {
			throw empty();
		}
		return text;
	}

	/**
	 * The lower-case extension of a file name, looking only at its last path segment.
	 * @param filename any name, possibly with a path, or {@code null}
	 * @return the extension without the dot, or an empty string
	 */
	static String extension(String filename) {
		if (filename == null) {
			return "";
		}
		String name = filename.replace("\0", "");
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		int dot = name.lastIndexOf('.');
		return (dot >= 0) ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
	}

	private static String txt(byte[] content) {
		if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
			return checked(decode(content, 3, StandardCharsets.UTF_8));
		}
		if (startsWith(content, 0xFF, 0xFE)) {
			return checked(decode(content, 2, StandardCharsets.UTF_16LE));
		}
		if (startsWith(content, 0xFE, 0xFF)) {
			return checked(decode(content, 2, StandardCharsets.UTF_16BE));
		}
		for (byte b : content) {
			if (b == 0) {
				throw binary();
			}
		}
		String utf8 = decode(content, 0, StandardCharsets.UTF_8);
		if (utf8 != null) {
			return checked(utf8);
		}
		return checked(decode(content, 0, detect(content)));
	}

	private static Charset detect(byte[] content) {
		CharsetDetector detector = new CharsetDetector();
		detector.setText(content);
		for (CharsetMatch match : detector.detectAll()) {
			if (match.getConfidence() >= CONFIDENT && CHINESE_CHARSETS.contains(match.getName())) {
				return Charset.forName(match.getName());
			}
		}
		return Charset.forName("GB18030");
	}

	/** Strict decoding: {@code null} when the bytes are not valid in the charset. */
	private static String decode(byte[] content, int offset, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content, offset, content.length - offset))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/**
	 * Rejects undecodable text and text with control characters other than tab and line
	 * ends.
	 */
	private static String checked(String text) {
		if (text == null) {
			throw binary();
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F) {
				throw binary();
			}
		}
		return text;
	}

	private static String docx(byte[] content, long maxTextBytes) {
		if (!startsWith(content, 'P', 'K', 3, 4)) {
			throw notDocx(null);
		}
		return DocxText.read(new ByteArrayInputStream(content), maxTextBytes, new AtomicLong());
	}

	private static boolean startsWith(byte[] content, int... prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((content[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static LetterFormatException empty() {
		return new LetterFormatException(LetterFormatException.EMPTY, "文件为空");
	}

	private static LetterFormatException binary() {
		return new LetterFormatException(LetterFormatException.BINARY, "文件不是可识别的文本（含有控制字符或无法解码）");
	}

	private static LetterFormatException notDocx(Exception cause) {
		return new LetterFormatException(LetterFormatException.NOT_DOCX, "文件不是有效的 .docx 文档", cause);
	}

}
