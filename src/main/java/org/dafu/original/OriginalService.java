package org.dafu.original;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dafu.access.AccessPolicy;
import org.dafu.access.ReplyFacts;
import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.reply.ReplyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * 答复原件: the signed and sealed original of an issued reply, attached by its unit as a PDF
 * or OFD file (the type told from the bytes, {@link OriginalFileType}), at most
 * {@code dafu.original.max-bytes} (20 MB). Kept in PostgreSQL with its SHA-256, size,
 * type and name (table {@code reply_original}); attaching again adds a version and keeps
 * the earlier ones. Whoever may read the reply (the access policy) may download its
 * newest version; anyone else gets "not found".
 */
@Service
@Transactional(readOnly = true)
public class OriginalService {

	private static final Logger log = LoggerFactory.getLogger(OriginalService.class);

	private static final String COLUMNS = "reply_id, version, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at";

	private final NamedParameterJdbcTemplate jdbc;

	private final ReplyService replies;

	private final AccessPolicy access;

	private final ApplicationEventPublisher events;

	private final long maxBytes;

	OriginalService(NamedParameterJdbcTemplate jdbc, ReplyService replies, AccessPolicy access,
			ApplicationEventPublisher events, @Value("${dafu.original.max-bytes:20MB}") DataSize maxBytes) {
		this.jdbc = jdbc;
		this.replies = replies;
		this.access = access;
		this.events = events;
		this.maxBytes = maxBytes.toBytes();
	}

	public long maxBytes() {
		return this.maxBytes;
	}

	/**
	 * Attaches a new version of the reply's original. A reply the viewer may not read is
	 * "not found"; one they may read but not attach to is refused by the access policy; a
	 * file that is empty, too large, badly named or neither PDF nor OFD is refused with
	 * {@link OriginalRefusedException}, and nothing is stored.
	 */
	@Transactional
	public OriginalView attach(Viewer viewer, long replyId, String fileName, byte[] bytes) {
		ReplyFacts facts = this.replies.facts(replyId);
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", replyId);
		}
		if (!this.access.canAttachOriginal(viewer, facts)) {
			if (!facts.issued() && viewer.isOfficial() && viewer.unitId().equals(facts.unitId())) {
				throw new OriginalRefusedException(OriginalRefusedException.NOT_ISSUED);
			}
			throw new AccessDeniedException("only the reply's unit attaches its original");
		}
		if (bytes == null || bytes.length == 0) {
			throw refused(OriginalRefusedException.EMPTY, replyId, viewer);
		}
		if (bytes.length > this.maxBytes) {
			throw refused(OriginalRefusedException.TOO_LARGE, replyId, viewer);
		}
		String name = OriginalFileName.clean(fileName)
			.orElseThrow(() -> refused(OriginalRefusedException.BAD_NAME, replyId, viewer));
		OriginalFileType type = OriginalFileType.detect(bytes)
			.orElseThrow(() -> refused(OriginalRefusedException.NOT_PDF_OR_OFD, replyId, viewer));
		// versions of one reply are numbered one after another: its row lock orders them
		this.replies.lock(replyId);
		Integer version = this.jdbc.queryForObject(
				"select coalesce(max(version), 0) + 1 from reply_original where reply_id = :id", Map.of("id", replyId),
				Integer.class);
		Map<String, Object> row = new java.util.HashMap<>();
		row.put("reply", replyId);
		row.put("version", version);
		row.put("name", name);
		row.put("type", type.mediaType());
		row.put("size", bytes.length);
		row.put("sha", sha256(bytes));
		row.put("content", bytes);
		row.put("by", viewer.username());
		this.jdbc.update("""
				insert into reply_original (reply_id, version, file_name, media_type, size_bytes, sha256, content,
				                            uploaded_by)
				values (:reply, :version, :name, :type, :size, :sha, :content, :by)""", row);
		log.info("original v{} of reply {} attached by {}: {} bytes, {}", version, replyId, viewer.username(),
				bytes.length, type);
		this.events.publishEvent(new OriginalAttached(replyId, version));
		return latest(replyId).orElseThrow();
	}

	private static OriginalRefusedException refused(String code, long replyId, Viewer viewer) {
		log.info("original of reply {} refused for {}: {}", replyId, viewer.username(), code);
		return new OriginalRefusedException(code);
	}

	/** The newest version's facts, whoever asks (callers have checked the reply). */
	public Optional<OriginalView> latest(long replyId) {
		return this.jdbc
			.query("select " + COLUMNS + " from reply_original where reply_id = :id order by version desc limit 1",
					Map.of("id", replyId), OriginalService::view)
			.stream()
			.findFirst();
	}

	/** Every version, newest first, for the reply's unit and coordinators. */
	public List<OriginalView> versions(Viewer viewer, long replyId) {
		ReplyFacts facts = this.replies.facts(replyId);
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", replyId);
		}
		if (!viewer.isCoordinator() && !this.access.canAttachOriginal(viewer, facts)) {
			throw new AccessDeniedException("versions are for the reply's unit");
		}
		return this.jdbc.query("select " + COLUMNS + " from reply_original where reply_id = :id order by version desc",
				Map.of("id", replyId), OriginalService::view);
	}

	/**
	 * The newest version with its bytes, when the viewer may read the reply and it has
	 * one; otherwise "not found", the same answer whether the reply or the file is
	 * missing.
	 */
	public Download download(Viewer viewer, long replyId) {
		ReplyFacts facts;
		try {
			facts = this.replies.facts(replyId);
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("original", replyId);
		}
		if (!facts.issued() || !this.access.canRead(viewer, facts)) {
			throw new NotFoundException("original", replyId);
		}
		return this.jdbc
			.query("select " + COLUMNS + ", content from reply_original where reply_id = :id"
					+ " order by version desc limit 1", Map.of("id", replyId),
					(rs, i) -> new Download(view(rs, i), rs.getBytes("content")))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("original", replyId));
	}

	private static OriginalView view(ResultSet rs, int row) throws SQLException {
		return new OriginalView(rs.getLong("reply_id"), rs.getInt("version"), rs.getString("file_name"),
				OriginalFileType.ofMediaType(rs.getString("media_type")).orElseThrow(), rs.getLong("size_bytes"),
				rs.getString("sha256"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A version and its bytes. */
	public record Download(OriginalView original, byte[] content) {
	}

	/** Published when a version is attached (the letter page's caches follow). */
	public record OriginalAttached(long replyId, int version) {
	}

}
