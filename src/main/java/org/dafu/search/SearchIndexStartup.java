package org.dafu.search;

import java.util.List;

import org.dafu.reply.ReplySearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The search index at start-up (docs/search.md): with {@code --dafu.search.rebuild} it is
 * rebuilt and the process ends (0 when done, 1 when the rebuild failed); otherwise, when
 * it was built with another mapping (an upgrade changed what is indexed, or how) or holds
 * a different number of replies than the database (a new or emptied index directory,
 * replies written by the data generator's SQL), the mass indexer rebuilds it before the
 * application takes requests; when it holds as many, the replies changed since its last
 * commit are re-indexed (drafts' edits are searchable at once but committed to disk
 * within {@code dafu.search.commit-interval}: those the process did not commit before it
 * ended).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class SearchIndexStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexStartup.class);

	private final ReplySearchIndex index;

	private final Environment environment;

	private final ConfigurableApplicationContext context;

	SearchIndexStartup(ReplySearchIndex index, Environment environment, ConfigurableApplicationContext context) {
		this.index = index;
		this.environment = environment;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		if (this.environment.getProperty("dafu.search.rebuild", Boolean.class, false)) {
			int code = rebuildCommand();
			System.exit(SpringApplication.exit(this.context, () -> code));
			return;
		}
		rebuildIfIncomplete();
	}

	private int rebuildCommand() {
		try {
			log.info("search: rebuilding the index of {} replies", this.index.replies());
			this.index.rebuild();
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
		catch (RuntimeException ex) {
			log.error("search: the index could not be rebuilt", ex);
			return 1;
		}
	}

	/**
	 * Rebuilds the index when it was built with another mapping
	 * ({@link ReplySearchIndex#mappingIsCurrent}) or does not hold as many replies as the
	 * database; else re-indexes the replies changed since its last commit.
	 */
	boolean rebuildIfIncomplete() throws InterruptedException {
		if (!this.index.mappingIsCurrent()) {
			log.info("search: the index was built with another mapping: rebuilding it");
			this.index.rebuild();
			return true;
		}
		long indexed = this.index.size();
		long replies = this.index.replies();
		if (indexed == replies) {
			List<Long> changed = this.index.changedSinceLastCommit();
			if (!changed.isEmpty()) {
				log.info("search: re-indexing {} replies changed since the index's last commit", changed.size());
				this.index.reindex(changed);
			}
			return false;
		}
		log.info("search: the index holds {} replies, the database {}: rebuilding it", indexed, replies);
		this.index.rebuild();
		return true;
	}

}
