package org.dafu.platform;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Moments shown to people, in Beijing time (Asia/Shanghai) whatever the server's zone:
 * {@code ${@beijing.minute(n.createdAt())}} in a template, labelled with the message
 * {@code time.beijing} ("…（北京时间）"), and {@code ${@beijing.iso(…)}} for a
 * {@code <time datetime>}, which carries the +08:00 offset.
 */
@Component("beijing")
public class BeijingTime {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ClockConfiguration.ZONE);

	private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ClockConfiguration.ZONE);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd")
		.withZone(ClockConfiguration.ZONE);

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
		.withZone(ClockConfiguration.ZONE);

	/** 2022-11-06 14:30, Beijing time; empty for null. */
	public String minute(Instant moment) {
		return (moment != null) ? MINUTE.format(moment) : "";
	}

	/** 2022-11-06 14:30:05, Beijing time; empty for null. */
	public String second(Instant moment) {
		return (moment != null) ? SECOND.format(moment) : "";
	}

	/** The day in Beijing: 2022-11-06; empty for null. */
	public String date(Instant moment) {
		return (moment != null) ? DATE.format(moment) : "";
	}

	/** For {@code <time datetime>}: 2022-11-06T14:30:05+08:00; empty for null. */
	public String iso(Instant moment) {
		return (moment != null) ? ISO.format(moment) : "";
	}

	/** 2022-11-06 14:30 for a local date-time already in Beijing time; empty for null. */
	public String localMinute(java.time.LocalDateTime beijing) {
		return (beijing != null) ? minute(beijing.atZone(ClockConfiguration.ZONE).toInstant()) : "";
	}

	/** For {@code <time datetime>}, from a local date-time already in Beijing time. */
	public String localIso(java.time.LocalDateTime beijing) {
		return (beijing != null) ? iso(beijing.atZone(ClockConfiguration.ZONE).toInstant()) : "";
	}

}
