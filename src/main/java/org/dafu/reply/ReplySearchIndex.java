package org.dafu.reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.apache.lucene.index.SegmentInfos;
import org.hibernate.search.engine.backend.metamodel.IndexDescriptor;
import org.hibernate.search.engine.backend.metamodel.IndexFieldDescriptor;
import org.hibernate.search.engine.backend.metamodel.IndexValueFieldTypeDescriptor;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.hibernate.search.util.common.SearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The search index of replies as a whole (docs/search.md): Hibernate Search keeps it
 * current as replies change through JPA; this re-indexes what changes around them, counts
 * it and rebuilds it with the mass indexer.
 * <p>
 * A draft's edit is not committed to a Lucene index with its transaction
 * ({@link #forDraftEdit}): it is searchable when the transaction ends, and reaches the
 * disk with the index's next commit (at most {@code dafu.search.commit-interval} later,
 * or with the next change that commits). Should the process end without that commit, the
 * next start re-indexes the replies changed since the index's last commit
 * ({@link #changedSinceLastCommit}).
 */
@Component
public class ReplySearchIndex {

	private static final Logger log = LoggerFactory.getLogger(ReplySearchIndex.class);

	private static final int BATCH = 200;

	/**
	 * How long before the index's last commit the start-up repair looks back: a
	 * transaction sets {@code reply.updated_at} when it changes the reply, and its index
	 * work runs when it commits, a little later.
	 */
	static final Duration COMMIT_MARGIN = Duration.ofSeconds(30);

	private final EntityManager entityManager;

	private final EntityManagerFactory entityManagerFactory;

	private final boolean localIndex;

	ReplySearchIndex(EntityManager entityManager, EntityManagerFactory entityManagerFactory,
			@Value("${dafu.search.backend:lucene}") String backend) {
		this.entityManager = entityManager;
		this.entityManagerFactory = entityManagerFactory;
		this.localIndex = "lucene".equalsIgnoreCase(backend.strip());
	}

	/**
	 * The current transaction edits a draft: its index work waits until the change is
	 * searchable, not until it is committed to disk (no fsync per save; the index commits
	 * it within {@code dafu.search.commit-interval}). Only for the local Lucene index;
	 * OpenSearch indexes through the outbox. A draft is not public: should the process
	 * end before that commit, the next start re-indexes it
	 * ({@link #changedSinceLastCommit}).
	 */
	void forDraftEdit() {
		if (this.localIndex && this.entityManager.isJoinedToTransaction()) {
			Search.session(this.entityManager)
				.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.readSync());
		}
	}

	/**
	 * Every change of a reply is indexed with its transaction, also when only its parts
	 * changed (a correction that keeps the text). Not a draft's edit: Hibernate Search
	 * follows the reply's and its sections' indexed texts itself, so an edit is indexed
	 * once, and not at all when it changed nothing the index holds (an addressee, a
	 * figure's value).
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ReplyChanged event) {
		if (event.change() == ReplyChanged.Change.EDITED) {
			return;
		}
		if (this.entityManager.isJoinedToTransaction()) {
			this.entityManager.flush();
			Reply reply = this.entityManager.find(Reply.class, event.replyId());
			if (reply != null) {
				Search.session(this.entityManager).indexingPlan().addOrUpdate(reply);
			}
		}
	}

	/** Re-indexes these replies (those that no longer exist are skipped), in batches. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void reindex(Collection<Long> ids) {
		SearchSession search = Search.session(this.entityManager);
		List<Long> list = List.copyOf(ids);
		for (int from = 0; from < list.size(); from += BATCH) {
			List<Reply> replies = this.entityManager
				.createQuery("select r from Reply r where r.id in :ids", Reply.class)
				.setParameter("ids", list.subList(from, Math.min(list.size(), from + BATCH)))
				.getResultList();
			replies.forEach((reply) -> search.indexingPlan().addOrUpdate(reply));
			search.indexingPlan().execute();
			this.entityManager.clear();
		}
	}

	/**
	 * When the local index was last committed to disk (its latest {@code segments_N}
	 * file), if it is a Lucene index on disk.
	 */
	public Optional<Instant> lastCommit() {
		Path root = luceneRoot();
		if (root == null) {
			return Optional.empty();
		}
		Path dir = root.resolve(ReplyIndex.NAME);
		if (!Files.isDirectory(dir)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(dir)) {
			String segments = SegmentInfos
				.getLastCommitSegmentsFileName(files.map((f) -> f.getFileName().toString()).toArray(String[]::new));
			if (segments == null) {
				return Optional.empty();
			}
			return Optional.of(Files.getLastModifiedTime(dir.resolve(segments)).toInstant());
		}
		catch (IOException ex) {
			log.warn("search: cannot read when the index was committed last", ex);
			return Optional.empty();
		}
	}

	/**
	 * The replies changed since the index's last commit (with {@link #COMMIT_MARGIN}):
	 * among them the drafts' edits that were searchable but not yet on disk when the
	 * process ended ({@link #forDraftEdit}); after a clean stop, only what changed in the
	 * last seconds before it. Empty when the index is not a Lucene index on disk.
	 */
	@Transactional(readOnly = true)
	public List<Long> changedSinceLastCommit() {
		return lastCommit()
			.map((committed) -> this.entityManager
				.createQuery("select r.id from Reply r where r.updatedAt > :since", Long.class)
				.setParameter("since", committed.minus(COMMIT_MARGIN))
				.getResultList())
			.orElse(List.of());
	}

	/** How many replies the index holds. */
	@Transactional(readOnly = true)
	public long size() {
		SearchSession search = Search.session(this.entityManager);
		return search.search(search.scope(Object.class, List.of(ReplyIndex.ENTITY)))
			.where((f) -> f.matchAll())
			.fetchTotalHitCount();
	}

	/** How many replies the database holds. */
	@Transactional(readOnly = true)
	public long replies() {
		return this.entityManager.createQuery("select count(r) from Reply r", Long.class).getSingleResult();
	}

	/**
	 * Drops the index, creates it with the current mapping and indexes every reply again
	 * with the mass indexer (its progress is logged), merges what it wrote into one
	 * segment; then notes the mapping it was built with ({@link #mappingIsCurrent}). A
	 * search pays per segment (its terms looked up, its collectors set up, for each
	 * clause, filter and facet): one segment instead of the mass indexer's dozen made the
	 * search page's CPU a tenth smaller (docs/benchmarks.md).
	 */
	public void rebuild() throws InterruptedException {
		long started = System.nanoTime();
		Search.mapping(this.entityManagerFactory)
			.scope(Reply.class)
			.massIndexer()
			.dropAndCreateSchemaOnStart(true)
			.threadsToLoadObjects(2)
			.batchSizeToLoadObjects(100)
			.mergeSegmentsOnFinish(true)
			.startAndWait();
		noteMapping();
		log.info("search: index rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Whether the index was built with the current mapping, so that a changed mapping is
	 * rebuilt at start even when the index holds as many replies as the database. On the
	 * Lucene backend the index's directory keeps the {@link #mappingFingerprint} of the
	 * mapping it was built with in {@value #MAPPING_FILE} (an index without one was built
	 * before it was kept, so not with this mapping); on OpenSearch the node keeps the
	 * index's mapping itself, and Hibernate Search's schema validation compares it.
	 */
	public boolean mappingIsCurrent() {
		Path file = mappingFile();
		if (file != null) {
			try {
				return Files.exists(file) && Files.readString(file).strip().equals(mappingFingerprint());
			}
			catch (IOException ex) {
				log.warn("search: {} could not be read ({})", file, ex.toString());
				return false;
			}
		}
		try {
			Search.mapping(this.entityManagerFactory).scope(Reply.class).schemaManager().validate();
			return true;
		}
		catch (SearchException ex) {
			log.info("search: the index does not match the mapping: {}", ex.getMessage());
			return false;
		}
	}

	/**
	 * Forgets the mapping the index was built with (tests: as if an earlier version had
	 * built it): on Lucene, another fingerprint is noted; on OpenSearch the index is
	 * dropped.
	 */
	public void forgetMapping() throws IOException {
		Path file = mappingFile();
		if (file != null) {
			Files.writeString(file, "an earlier mapping\n");
		}
		else {
			Search.mapping(this.entityManagerFactory).scope(Reply.class).schemaManager().dropIfExisting();
		}
	}

	private void noteMapping() {
		Path file = mappingFile();
		if (file == null) {
			return;
		}
		try {
			Files.writeString(file, mappingFingerprint() + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Beside the index's directory, on the Lucene backend. */
	static final String MAPPING_FILE = ReplyIndex.NAME + ".mapping";

	/** The file noting the mapping of a Lucene index; null on OpenSearch. */
	private Path mappingFile() {
		Path root = luceneRoot();
		return (root != null) ? root.resolve(MAPPING_FILE) : null;
	}

	/** The directory holding the Lucene indexes; null on OpenSearch. */
	private Path luceneRoot() {
		Map<String, Object> properties = this.entityManagerFactory.getProperties();
		Object type = properties.get("hibernate.search.backend.type");
		Object root = properties.get("hibernate.search.backend.directory.root");
		if (!this.localIndex || !"lucene".equals(String.valueOf(type)) || root == null) {
			return null;
		}
		return Path.of(root.toString());
	}

	/**
	 * A digest of the index's mapping: every field with its type's capabilities
	 * (searchable, sortable, projectable, aggregable, analyzer, what the backend can do
	 * with it), and {@link ReplyIndex#CONTENT_VERSION} for what the fields do not tell.
	 */
	public String mappingFingerprint() {
		IndexDescriptor index = Search.mapping(this.entityManagerFactory)
			.indexedEntity(Reply.class)
			.indexManager()
			.descriptor();
		List<String> lines = new ArrayList<>();
		lines.add("content " + ReplyIndex.CONTENT_VERSION);
		for (IndexFieldDescriptor field : index.staticFields()) {
			StringBuilder line = new StringBuilder(field.absolutePath()).append(' ').append(field.multiValued());
			if (field.isValueField()) {
				IndexValueFieldTypeDescriptor type = field.toValueField().type();
				line.append(' ')
					.append(type.valueClass().getName())
					.append(' ')
					.append(type.searchable())
					.append(type.sortable())
					.append(type.projectable())
					.append(type.aggregable())
					.append(' ')
					.append(type.analyzerName().orElse("-"))
					.append(' ')
					.append(type.normalizerName().orElse("-"))
					.append(' ')
					.append(new TreeSet<>(type.traits()));
			}
			lines.add(line.toString());
		}
		Collections.sort(lines);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
