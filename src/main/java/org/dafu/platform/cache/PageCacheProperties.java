package org.dafu.platform.cache;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The public page cache ({@code dafu.page-cache.*}, docs/operations.md).
 *
 * @param enabled whether rendered public pages are cached for anonymous viewers
 * @param paths the GET paths whose pages are cached (Ant patterns)
 * @param maxSize the memory all cached pages may take together
 * @param maxEntrySize the largest page that is cached
 * @param versionCheckInterval how often the public change log is read (zero: on every
 * request); changes made through this instance drop the cache at once, others within this
 * interval
 */
@ConfigurationProperties("dafu.page-cache")
public record PageCacheProperties(Boolean enabled, List<String> paths, DataSize maxSize, DataSize maxEntrySize,
		Duration versionCheckInterval) {

	public PageCacheProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		paths = (paths != null) ? List.copyOf(paths) : List.of("/", "/replies", "/replies/**", "/search");
		maxSize = (maxSize != null) ? maxSize : DataSize.ofMegabytes(64);
		maxEntrySize = (maxEntrySize != null) ? maxEntrySize : DataSize.ofKilobytes(512);
		versionCheckInterval = (versionCheckInterval != null) ? versionCheckInterval : Duration.ofSeconds(1);
	}

}
