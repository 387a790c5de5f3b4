package org.dafu.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Test letters: the real Quzhou reply, and a small crafted one to vary.
 */
final class Letters {

	static final String SAMPLE_RESOURCE = "/letters/quzhou-2022-137066.txt";

	private Letters() {
	}

	static String sample() {
		return new String(sampleBytes(), StandardCharsets.UTF_8);
	}

	static byte[] sampleBytes() {
		try (InputStream in = Letters.class.getResourceAsStream(SAMPLE_RESOURCE)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String header() {
		return """
				索引号：001008003004019/2022-137066
				成文日期：2022年11月1日
				公开方式：主动公开
				组配分类：人大代表建议
				""";
	}

	static String body() {
		return """
				王明代表：
				您在区十届人大三次会议期间提出的《关于加快发展乡村旅游的建议》（第137号）收悉。现答复如下：
				一、关于发展乡村旅游
				今年1—9月，全区接待游客120万人次，同比增长8.5%。
				二、关于完善旅游设施
				截至目前，建成旅游厕所35座，完成年度任务的110%。
				""";
	}

	static String ending() {
		return """
				感谢您对我们工作的关心和支持。
				衢州市柯城区文化和旅游局
				2022年11月6日
				""";
	}

	/** A small letter with no warnings. */
	static String crafted() {
		return header() + body() + ending();
	}

}
